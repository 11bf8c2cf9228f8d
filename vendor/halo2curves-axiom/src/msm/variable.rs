//! hum: multi-scalar multiplication over bases not known in advance (a verifier's commitments and
//! generators, keygen's columns), with the fixed-base MSM's batched affine buckets.
//!
//! Window `w` of every scalar adds `±P_i` into a run of buckets of its own (the grouped pass of
//! [`super::FixedBaseMsm::msm_groups`], a group a window), so that one pass of batched additions
//! covers every window and the bucket sums of all windows run side by side; then
//! `Σ_w 2^(c·w)·S_w` by Horner's rule, `c` doublings a window. Upstream's bucket method adds with
//! complete mixed additions (11 field multiplications against about 6) and sums the buckets of
//! one window at a time.

use ff::{Field, PrimeField};
use group::Group;
use rayon::prelude::*;

use super::buckets::{windows_for, Affine, Pass};
use super::{number_of_windows, wipe_reprs};
use crate::CurveAffine;

/// Below this many points the threads cost more than they save: split over two threads, a KZG
/// verifier's MSM (about 60 points) made its verify take 6.9 ms against 4.7 ms on one thread.
const THREADED: usize = 256;

/// The window width for `n` points: the one that minimises the batched additions, `n` a window,
/// plus the bucket sums, about two batched additions for each of a window's `2^(c−1)` buckets.
fn window_size(n: usize, num_bits: usize) -> usize {
    (2..=16).min_by_key(|&c| windows_for(c, num_bits) * (n + (1usize << c))).expect("a non-empty range")
}

/// `Σ coeffs[i]·bases[i]`.
///
/// Panics when `coeffs` and `bases` differ in length.
pub fn msm_batched<C: CurveAffine>(coeffs: &[C::Scalar], bases: &[C]) -> C::Curve {
    assert_eq!(coeffs.len(), bases.len(), "as many scalars as bases");
    // Zero scalars and identity bases add nothing. The lists get their whole capacity up front:
    // the scalars can be a witness column, and a growing `Vec` would free copies of them.
    let mut reprs = Vec::with_capacity(coeffs.len());
    let mut points: Vec<Affine<C::Base>> = Vec::with_capacity(coeffs.len());
    for (a, base) in coeffs.iter().zip(bases) {
        // (The identity's `coordinates()` are (0, 0), which is not a point to add.)
        if !bool::from(a.is_zero()) && !bool::from(base.is_identity()) {
            let xy = base.coordinates().unwrap();
            reprs.push(a.to_repr());
            points.push(Some((*xy.x(), *xy.y())));
        }
    }
    // The window width and the threads follow the number of scalars, not of non-zero ones, so
    // that what is allocated depends only on the lengths (the soaks compare peak heaps): the
    // parts are cut from all the windows, used or not, and each has buckets for all of its
    // windows; a pass skips the empty top windows.
    let num_bits = C::Scalar::NUM_BITS as usize;
    let c = window_size(coeffs.len(), num_bits);
    let all = windows_for(c, num_bits);
    let field_byte_size = C::Scalar::NUM_BITS.div_ceil(8) as usize;
    let used = number_of_windows(&reprs, field_byte_size, c).min(all);
    // The threads split the windows; each shifts its part into place with doublings.
    let parts = if coeffs.len() < THREADED { 1 } else { rayon::current_num_threads().clamp(1, all) };
    let part = |part: usize| {
        let (lo, hi) = (part * all / parts, (part + 1) * all / parts);
        let window = |w: usize| move |point: &Affine<C::Base>| (*point, w - lo);
        let windows = lo..hi.min(used).max(lo);
        let pass = Pass { reprs: &reprs, at: &points, c, windows, groups: hi - lo, window, scalar_major: true };
        let sums = pass.part::<C, _>(0..1 << (c - 1));
        let mut acc = C::Curve::identity();
        for sum in sums.iter().rev() {
            for _ in 0..c {
                acc = acc.double();
            }
            acc += sum;
        }
        for _ in 0..c * lo {
            acc = acc.double();
        }
        acc
    };
    let acc = if parts == 1 {
        part(0)
    } else {
        (0..parts).into_par_iter().map(part).reduce(C::Curve::identity, |a, b| a + b)
    };
    wipe_reprs(&mut reprs);
    acc
}
