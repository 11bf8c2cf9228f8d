use std::ops::Neg;

use crate::CurveAffine;
use ff::Field;
use ff::PrimeField;
use group::Group;
use rayon::iter::{
    IndexedParallelIterator, IntoParallelRefIterator, IntoParallelRefMutIterator, ParallelIterator,
};

mod buckets;
mod fixed;
mod variable;
pub use fixed::FixedBaseMsm;
pub use variable::msm_batched;

fn get_booth_index(window_index: usize, window_size: usize, el: &[u8]) -> i32 {
    // Booth encoding:
    // * step by `window` size
    // * slice by size of `window + 1``
    // * each window overlap by 1 bit * append a zero bit to the least significant end
    // Indexing rule for example window size 3 where we slice by 4 bits:
    // `[0, +1, +1, +2, +2, +3, +3, +4, -4, -3, -3 -2, -2, -1, -1, 0]``
    // So we can reduce the bucket size without preprocessing scalars
    // and remembering them as in classic signed digit encoding

    let skip_bits = (window_index * window_size).saturating_sub(1);
    let skip_bytes = skip_bits / 8;

    // fill into a u32
    let mut v: [u8; 4] = [0; 4];
    for (dst, src) in v.iter_mut().zip(el.iter().skip(skip_bytes)) {
        *dst = *src
    }
    let mut tmp = u32::from_le_bytes(v);

    // pad with one 0 if slicing the least significant window
    if window_index == 0 {
        tmp <<= 1;
    }

    // remove further bits
    tmp >>= skip_bits - (skip_bytes * 8);
    // apply the booth window
    tmp &= (1 << (window_size + 1)) - 1;

    let sign = tmp & (1 << window_size) == 0;

    // div ceil by 2
    tmp = (tmp + 1) >> 1;

    // find the booth action index
    if sign {
        tmp as i32
    } else {
        ((!(tmp - 1) & ((1 << window_size) - 1)) as i32).neg()
    }
}

/// The window size `msm_serial` uses for `n` points.
fn window_size(n: usize) -> usize {
    if n < 4 {
        1
    } else if n < 32 {
        3
    } else {
        (f64::from(n as u32)).ln().ceil() as usize
    }
}

/// The number of `c`-bit windows the coefficients need: only as many bytes as the largest one
/// uses, and 0 when every coefficient is zero.
fn number_of_windows<R: AsRef<[u8]>>(coeffs: &[R], field_byte_size: usize, c: usize) -> usize {
    // OR all coefficients in order to make a mask to figure out the maximum number of bytes used
    // among all coefficients.
    let mut acc_or = vec![0; field_byte_size];
    for coeff in coeffs {
        for (acc_limb, limb) in acc_or.iter_mut().zip(coeff.as_ref().iter()) {
            *acc_limb |= *limb;
        }
    }
    let max_byte_size = field_byte_size
        - acc_or
            .iter()
            .rev()
            .position(|v| *v != 0)
            .unwrap_or(field_byte_size);
    if max_byte_size == 0 {
        0
    } else {
        max_byte_size * 8_usize / c + 1
    }
}

/// Σ digit_w(coeff_i)·base_i for one window `w` (bucket method, Booth digits).
fn window_sum<C: CurveAffine, R: AsRef<[u8]>>(coeffs: &[R], bases: &[C], c: usize, current_window: usize) -> C::Curve {
    #[derive(Clone, Copy)]
    enum Bucket<C: CurveAffine> {
        None,
        Affine(C),
        Projective(C::Curve),
    }

    impl<C: CurveAffine> Bucket<C> {
        fn add_assign(&mut self, other: &C) {
            *self = match *self {
                Bucket::None => Bucket::Affine(*other),
                Bucket::Affine(a) => Bucket::Projective(a + *other),
                Bucket::Projective(mut a) => {
                    a += *other;
                    Bucket::Projective(a)
                }
            }
        }

        fn add(self, mut other: C::Curve) -> C::Curve {
            match self {
                Bucket::None => other,
                Bucket::Affine(a) => {
                    other += a;
                    other
                }
                Bucket::Projective(a) => other + a,
            }
        }
    }

    let mut buckets: Vec<Bucket<C>> = vec![Bucket::None; 1 << (c - 1)];

    for (coeff, base) in coeffs.iter().zip(bases.iter()) {
        let coeff = get_booth_index(current_window, c, coeff.as_ref());
        if coeff.is_positive() {
            buckets[coeff as usize - 1].add_assign(base);
        }
        if coeff.is_negative() {
            buckets[coeff.unsigned_abs() as usize - 1].add_assign(&base.neg());
        }
    }

    // Summation by parts
    // e.g. 3a + 2b + 1c = a +
    //                    (a) + b +
    //                    ((a) + b) + c
    let mut running_sum = C::Curve::identity();
    let mut sum = C::Curve::identity();
    for exp in buckets.into_iter().rev() {
        running_sum = exp.add(running_sum);
        sum += &running_sum;
    }
    sum
}

/// Performs a multi-scalar multiplication operation.
///
/// This function will panic if coeffs and bases have a different length.
pub fn msm_serial<C: CurveAffine>(coeffs: &[C::Scalar], bases: &[C], acc: &mut C::Curve) {
    if bases.len() < SMALL {
        *acc += msm_small(coeffs, bases);
        return;
    }
    let mut coeffs: Vec<_> = coeffs.iter().map(|a| a.to_repr()).collect();
    let c = window_size(bases.len());
    let field_byte_size = C::Scalar::NUM_BITS.div_ceil(8u32) as usize;
    let number_of_windows = number_of_windows(&coeffs, field_byte_size, c);
    accumulate_windows(&coeffs, bases, c, 0..number_of_windows, acc);
    wipe_reprs(&mut coeffs);
}

/// hum: below this many points an MSM goes through [`msm_small`].
const SMALL: usize = 32;

/// hum: `Σ coeffs[i]·bases[i]` for a few points (Straus's method): each base's multiples
/// `1..=8` precomputed in affine form, 4-bit Booth digits (−8..=8), and one chain of doublings
/// shared by every point, about 256 doublings plus 68 additions a point. The bucket method pays
/// its bucket sums and its doublings in every window instead, which for a few points costs two
/// to three times as much (the last rounds of an IPA opening, whose `G'` is short).
fn msm_small<C: CurveAffine>(coeffs: &[C::Scalar], bases: &[C]) -> C::Curve {
    // Zero scalars and identity bases add nothing; the lists' capacities depend only on the
    // length, not on which scalars are zero.
    let mut reprs = Vec::with_capacity(coeffs.len());
    let mut points = Vec::with_capacity(bases.len());
    for (a, base) in coeffs.iter().zip(bases) {
        if bool::from(a.is_zero()) || bool::from(base.is_identity()) {
            continue;
        }
        reprs.push(a.to_repr());
        points.push(base.to_curve());
    }
    let acc = straus::<C, _>(&reprs, &points, bases.len());
    wipe_reprs(&mut reprs);
    acc
}

/// `Σ reprs[i]·bases[i]` by Straus's method (see [`msm_small`]), the scalars already in bytes
/// and non-zero, the bases not the identity. Its buffers are sized for `capacity` points, so
/// that what it allocates does not depend on how many of them there are.
fn straus<C: CurveAffine, R: AsRef<[u8]>>(reprs: &[R], bases: &[C::Curve], capacity: usize) -> C::Curve {
    const BITS: usize = 4;
    const MULTIPLES: usize = 1 << (BITS - 1);
    debug_assert!(reprs.len() == bases.len() && bases.len() <= capacity);
    let mut projective = Vec::with_capacity(capacity * MULTIPLES);
    for &base in bases {
        let mut multiple = base;
        for _ in 0..MULTIPLES {
            projective.push(multiple);
            multiple += base;
        }
    }
    let field_byte_size = C::Scalar::NUM_BITS.div_ceil(8u32) as usize;
    let windows = number_of_windows(reprs, field_byte_size, BITS);
    let mut multiples = vec![C::identity(); capacity * MULTIPLES];
    let multiples = &mut multiples[..projective.len()];
    group::Curve::batch_normalize(&projective, multiples);
    let mut acc = C::Curve::identity();
    for w in (0..windows).rev() {
        for _ in 0..BITS {
            acc = acc.double();
        }
        for (repr, multiples) in reprs.iter().zip(multiples.chunks_exact(MULTIPLES)) {
            let digit = get_booth_index(w, BITS, repr.as_ref());
            let magnitude = digit.unsigned_abs() as usize;
            if digit > 0 {
                acc += multiples[magnitude - 1];
            } else if digit < 0 {
                acc += multiples[magnitude - 1].neg();
            }
        }
    }
    acc
}

/// hum: the scalars of a commitment to a witness column are the witness; their byte copies are
/// wiped (through zeroize) before they are freed.
fn wipe_reprs<R: AsMut<[u8]>>(reprs: &mut [R]) {
    use zeroize::Zeroize;
    for repr in reprs.iter_mut() {
        repr.as_mut().zeroize();
    }
}

/// acc ← acc·2^(c·len) + Σ_{w in windows} 2^(c·(w − start))·window_sum(w), by Horner's rule from
/// the top window down.
fn accumulate_windows<C: CurveAffine, R: AsRef<[u8]>>(
    coeffs: &[R],
    bases: &[C],
    c: usize,
    windows: std::ops::Range<usize>,
    acc: &mut C::Curve,
) {
    for current_window in windows.rev() {
        for _ in 0..c {
            *acc = acc.double();
        }
        *acc += window_sum(coeffs, bases, c, current_window);
    }
}

/// Performs a multi-scalar multiplication operation.
///
/// This function will panic if coeffs and bases have a different length.
///
/// This will use multithreading if beneficial.
///
/// hum: the threads split the windows, each over every point, and each thread shifts its part
/// into place with doublings. Upstream split the points, so every thread paid the bucket sums
/// of every window again (and used a smaller window); with 2 threads and 512 points this does
/// about 15 % fewer curve additions. The result is the same group element.
pub fn msm_parallel<C: CurveAffine>(coeffs: &[C::Scalar], bases: &[C]) -> C::Curve {
    assert_eq!(coeffs.len(), bases.len());

    let num_threads = rayon::current_num_threads();
    if num_threads == 1 || coeffs.len() < 32 {
        let mut acc = C::Curve::identity();
        msm_serial(coeffs, bases, &mut acc);
        return acc;
    }
    let mut coeffs: Vec<_> = coeffs.par_iter().map(|a| a.to_repr()).collect();
    let c = window_size(bases.len());
    let field_byte_size = C::Scalar::NUM_BITS.div_ceil(8u32) as usize;
    let number_of_windows = number_of_windows(&coeffs, field_byte_size, c);
    if number_of_windows == 0 {
        wipe_reprs(&mut coeffs);
        return C::Curve::identity();
    }
    let parts = num_threads.min(number_of_windows);
    let mut results = vec![C::Curve::identity(); parts];
    rayon::scope(|scope| {
        let coeffs = &coeffs;
        for (part, acc) in results.iter_mut().enumerate() {
            let (lo, hi) = (part * number_of_windows / parts, (part + 1) * number_of_windows / parts);
            scope.spawn(move |_| {
                accumulate_windows(coeffs, bases, c, lo..hi, acc);
                for _ in 0..c * lo {
                    *acc = acc.double();
                }
            });
        }
    });
    wipe_reprs(&mut coeffs);
    results.iter().fold(C::Curve::identity(), |a, b| a + b)
}

/// This function will panic if coeffs and bases have a different length.
///
/// This will use multithreading if beneficial.
///
/// hum: fewer than [`SMALL`] non-zero scalars go through [`msm_small`], the others through
/// [`msm_batched`] (batched affine buckets for every window in one pass). Upstream ran the
/// bucket method window by window with complete additions below 2^10 points or so, and batched
/// affine additions (a window a thread) above.
pub fn msm_best<C: CurveAffine>(coeffs: &[C::Scalar], bases: &[C]) -> C::Curve {
    assert_eq!(coeffs.len(), bases.len());
    let non_zero = coeffs.iter().filter(|a| !bool::from(a.is_zero())).take(SMALL).count();
    if non_zero < SMALL {
        msm_small(coeffs, bases)
    } else {
        msm_batched(coeffs, bases)
    }
}

#[cfg(test)]
mod test {
    use std::ops::Neg;

    use crate::bn256::{Fr, G1Affine, G1};
    use ark_std::{end_timer, start_timer};
    use ff::{Field, PrimeField};
    use group::{Curve, Group};
    use pasta_curves::arithmetic::CurveAffine;
    use rand_core::OsRng;

    #[test]
    fn test_booth_encoding() {
        fn mul(scalar: &Fr, point: &G1Affine, window: usize) -> G1Affine {
            let u = scalar.to_repr();
            let n = Fr::NUM_BITS as usize / window + 1;

            let table = (0..=1 << (window - 1))
                .map(|i| point * Fr::from(i as u64))
                .collect::<Vec<_>>();

            let mut acc = G1::identity();
            for i in (0..n).rev() {
                for _ in 0..window {
                    acc = acc.double();
                }

                let idx = super::get_booth_index(i, window, u.as_ref());

                if idx.is_negative() {
                    acc += table[idx.unsigned_abs() as usize].neg();
                }
                if idx.is_positive() {
                    acc += table[idx.unsigned_abs() as usize];
                }
            }

            acc.to_affine()
        }

        let (scalars, points): (Vec<_>, Vec<_>) = (0..10)
            .map(|_| {
                let scalar = Fr::random(OsRng);
                let point = G1Affine::random(OsRng);
                (scalar, point)
            })
            .unzip();

        for window in 1..10 {
            for (scalar, point) in scalars.iter().zip(points.iter()) {
                let c0 = mul(scalar, point, window);
                let c1 = point * scalar;
                assert_eq!(c0, c1.to_affine());
            }
        }
    }

    fn run_msm_cross<C: CurveAffine>(min_k: usize, max_k: usize) {
        use rayon::iter::{IntoParallelIterator, ParallelIterator};

        let points = (0..1 << max_k)
            .into_par_iter()
            .map(|_| C::Curve::random(OsRng))
            .collect::<Vec<_>>();
        let mut affine_points = vec![C::identity(); 1 << max_k];
        C::Curve::batch_normalize(&points[..], &mut affine_points[..]);
        let points = affine_points;

        let scalars = (0..1 << max_k)
            .into_par_iter()
            .map(|_| C::Scalar::random(OsRng))
            .collect::<Vec<_>>();

        for k in min_k..=max_k {
            let points = &points[..1 << k];
            let scalars = &scalars[..1 << k];

            let t0 = start_timer!(|| format!("cyclone indep k={}", k));
            let e0 = super::msm_best(scalars, points);
            end_timer!(t0);

            let t1 = start_timer!(|| format!("older k={}", k));
            let e1 = super::msm_parallel(scalars, points);
            end_timer!(t1);
            assert_eq!(e0, e1);
        }
    }

    #[test]
    fn test_msm_cross() {
        run_msm_cross::<G1Affine>(14, 22);
    }
}
