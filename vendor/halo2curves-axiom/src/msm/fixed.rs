//! hum: multi-scalar multiplication over bases known in advance (an SRS, IPA generators).
//!
//! [`FixedBaseMsm::new`] stores `2^(c·w)·P_i` for every base `P_i` and every `c`-bit window `w`
//! of a scalar, in affine form. An MSM is then a single bucket pass over `windows × n` points,
//! Booth digit `d` of window `w` of scalar `i` adding `±2^(c·w)·P_i` to bucket `|d|`, with no
//! doublings. The variable-base MSM ([`super::variable`]) adds `±P_i` instead, into buckets of
//! the window's own, and doubles between the windows' sums.
//!
//! The buckets and the pass are [`super::buckets`]'s.

use ff::{Field, PrimeField};
use group::Group;
use rayon::prelude::*;

use super::buckets::{batch_add, occupied, windows_for, Affine, Pass};
use super::{number_of_windows, straus, wipe_reprs};
use crate::serde::SerdeObject;
use crate::CurveAffine;

/// Precomputed window multiples of fixed bases (see the module documentation).
#[derive(Clone, Debug)]
pub struct FixedBaseMsm<C: CurveAffine> {
    c: usize,
    windows: usize,
    n: usize,
    /// `rows[w·n + i] = 2^(c·w)·bases[i]`, as affine coordinates; `None` for the identity.
    rows: Vec<Affine<C::Base>>,
}

/// The window width for `n` fixed bases: the one that minimises the batched bucket additions
/// (`n` for each of `⌈(NUM_BITS + 1)/c⌉` windows) plus the bucket sums (two complete additions,
/// about four batched ones, for each of the `2^(c−1)` buckets).
fn window_size(n: usize, num_bits: usize) -> usize {
    (4..=16).min_by_key(|&c| n * windows_for(c, num_bits) + (1usize << (c + 1))).expect("a non-empty range")
}

/// A base's coordinates, `None` for the identity.
fn affine<C: CurveAffine>(base: &C) -> Affine<C::Base> {
    (!bool::from(base.is_identity())).then(|| {
        let xy = base.coordinates().unwrap();
        (*xy.x(), *xy.y())
    })
}

impl<C: CurveAffine> FixedBaseMsm<C> {
    /// The tables for `bases`: `windows × n` affine points.
    pub fn new(bases: &[C]) -> Self {
        let n = bases.len();
        let num_bits = C::Scalar::NUM_BITS as usize;
        let c = window_size(n.max(1), num_bits);
        let windows = windows_for(c, num_bits);
        // Row w holds 2^(c·w)·P for every base P. The doublings are affine and batched across
        // the bases (one inversion per doubling of a chunk, Montgomery's trick): about 7 field
        // multiplications a doubling instead of the ~12 of a complete projective one. Each
        // thread doubles its own chunk of bases.
        let start: Vec<Affine<C::Base>> = bases.iter().map(affine).collect();
        // A chunk a thread: the fewer the chunks, the fewer the inversions.
        let chunk_len = n.div_ceil(rayon::current_num_threads()).max(64);
        let columns: Vec<Vec<Affine<C::Base>>> = start
            .par_chunks(chunk_len)
            .map(|chunk| {
                let mut current = chunk.to_vec();
                let mut rows = Vec::with_capacity(windows * chunk.len());
                let mut doublings = Vec::with_capacity(chunk.len());
                let mut scratch = Vec::with_capacity(chunk.len());
                for w in 0..windows {
                    rows.extend_from_slice(&current);
                    if w + 1 < windows {
                        for _ in 0..c {
                            // Each point added to itself: a batch of doublings.
                            doublings.clear();
                            doublings.extend(occupied(&current));
                            batch_add(&mut current, &doublings, &mut scratch);
                        }
                    }
                }
                rows
            })
            .collect();
        let mut rows = vec![None; n * windows];
        for (chunk, column) in columns.iter().enumerate() {
            let len = column.len() / windows;
            for w in 0..windows {
                let at = w * n + chunk * chunk_len;
                rows[at..at + len].copy_from_slice(&column[w * len..(w + 1) * len]);
            }
        }
        FixedBaseMsm { c, windows, n, rows }
    }

    /// The tables' bytes, which [`FixedBaseMsm::read_raw`] reads back: `c`, the number of
    /// windows and the number of bases `n` as 4-byte little-endian integers, then the `windows × n`
    /// points row by row, each `x ‖ y` in the field's raw (Montgomery) form, and all zeros for the
    /// identity (`(0, 0)` is on no prime-order curve with `b ≠ 0`, and is how `coordinates`
    /// gives the identity).
    pub fn write_raw(&self, out: &mut Vec<u8>)
    where
        C::Base: SerdeObject,
    {
        let point = 2 * C::Base::ZERO.to_raw_bytes().len();
        out.reserve(self.raw_len());
        for n in [self.c, self.windows, self.n] {
            out.extend_from_slice(&(n as u32).to_le_bytes());
        }
        for row in &self.rows {
            match row {
                Some((x, y)) => {
                    out.extend_from_slice(&x.to_raw_bytes());
                    out.extend_from_slice(&y.to_raw_bytes());
                }
                None => out.resize(out.len() + point, 0),
            }
        }
    }

    /// The length of what [`FixedBaseMsm::write_raw`] writes.
    pub fn raw_len(&self) -> usize
    where
        C::Base: SerdeObject,
    {
        12 + self.rows.len() * 2 * C::Base::ZERO.to_raw_bytes().len()
    }

    /// Reads tables that [`FixedBaseMsm::write_raw`] wrote for `bases` from the front of
    /// `bytes`, and returns them with the bytes after them.
    ///
    /// Checks the shape (the window width and the number of windows [`FixedBaseMsm::new`] gives
    /// for these bases), that every coordinate is a canonical field element, and that the first
    /// row is `bases` themselves. It does not check that the other rows are the multiples of the
    /// bases: the caller vouches for the bytes (hum compares their digest first), as for any
    /// precomputation it keeps.
    pub fn read_raw<'a>(bases: &[C], bytes: &'a [u8]) -> std::io::Result<(Self, &'a [u8])>
    where
        C::Base: SerdeObject,
    {
        let invalid = |why: String| std::io::Error::new(std::io::ErrorKind::InvalidData, why);
        let n = bases.len();
        let num_bits = C::Scalar::NUM_BITS as usize;
        let c = window_size(n.max(1), num_bits);
        let windows = windows_for(c, num_bits);
        let field = C::Base::ZERO.to_raw_bytes().len();
        let header: Vec<usize> = (0..3)
            .map(|i| bytes.get(4 * i..4 * i + 4).map(|b| u32::from_le_bytes(b.try_into().unwrap()) as usize))
            .collect::<Option<_>>()
            .ok_or_else(|| invalid("the fixed-base tables end before their header".into()))?;
        if header != [c, windows, n] {
            return Err(invalid(format!(
                "fixed-base tables of window {}, {} windows and {} bases, not {c}, {windows} and {n}",
                header[0], header[1], header[2]
            )));
        }
        let len = windows * n * 2 * field;
        let body = bytes
            .get(12..12 + len)
            .ok_or_else(|| invalid(format!("the fixed-base tables need {len} bytes after their header")))?;
        let coordinate = |bytes: &[u8]| {
            C::Base::from_raw_bytes(bytes).ok_or_else(|| invalid("a fixed-base table coordinate is not canonical".into()))
        };
        let mut rows = Vec::with_capacity(windows * n);
        for point in body.chunks_exact(2 * field) {
            rows.push(if point.iter().all(|&b| b == 0) {
                None
            } else {
                Some((coordinate(&point[..field])?, coordinate(&point[field..])?))
            });
        }
        if !bases.iter().zip(&rows).all(|(base, row)| affine(base) == *row) {
            return Err(invalid("the fixed-base tables are for other bases".into()));
        }
        Ok((FixedBaseMsm { c, windows, n, rows }, &bytes[12 + len..]))
    }

    /// The number of bases.
    pub fn len(&self) -> usize {
        self.n
    }

    /// Whether there are no bases.
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// Bytes the tables hold.
    pub fn table_bytes(&self) -> usize {
        self.rows.len() * std::mem::size_of::<Affine<C::Base>>()
    }

    /// `Σ coeffs[i]·bases[offset + i]`.
    ///
    /// Panics when `offset + coeffs.len()` exceeds the number of bases.
    pub fn msm(&self, coeffs: &[C::Scalar], offset: usize) -> C::Curve {
        assert!(offset + coeffs.len() <= self.n, "more scalars than fixed bases");
        self.grouped(coeffs, offset, 1)[0]
    }

    /// `Σ_{i ≡ g (mod groups)} coeffs[i]·bases[i]` for every group `g < groups`: several MSMs
    /// over disjoint bases in one bucket pass, each group with buckets of its own, so that the
    /// batched additions and the bucket sums of small groups still fill their batches.
    ///
    /// This is the fold of an inner product argument's generators, `G'_i = Σ_{t ≡ i mod len}
    /// folds[t]·G_t`, done once from the tables.
    ///
    /// Panics when `groups` is 0 or `coeffs.len()` exceeds the number of bases.
    pub fn msm_groups(&self, coeffs: &[C::Scalar], groups: usize) -> Vec<C::Curve> {
        assert!(groups > 0, "at least one group");
        assert!(coeffs.len() <= self.n, "more scalars than fixed bases");
        self.grouped(coeffs, 0, groups)
    }

    /// The MSM of each group, base `offset + i` in group `i mod groups`.
    fn grouped(&self, coeffs: &[C::Scalar], offset: usize, groups: usize) -> Vec<C::Curve> {
        // A run of equal scalars v is v·Σ P_i: the run's additions and one scalar
        // multiplication, where the pass would add a digit of every window of each of them, all
        // into the same bucket. A permutation argument's product column is constant between the
        // rows its copies touch.
        let runs = if groups == 1 { equal_runs(coeffs) } else { Vec::new() };
        // Zero scalars add nothing: half of an IPA round's are zero (the half the generators'
        // split leaves out), and many of a column's.
        //
        // Both lists get their whole capacity up front: the scalars can be a witness column,
        // and a growing `Vec` would free copies of them on the way.
        let mut reprs = Vec::with_capacity(coeffs.len());
        let mut at = Vec::with_capacity(coeffs.len());
        let mut next_run = runs.iter().peekable();
        let mut i = 0;
        while i < coeffs.len() {
            if let Some(run) = next_run.next_if(|run| run.start == i) {
                i = run.end;
                continue;
            }
            let a = &coeffs[i];
            if !bool::from(a.is_zero()) {
                reprs.push(a.to_repr());
                at.push((offset + i, if groups == 1 { 0 } else { i % groups }));
            }
            i += 1;
        }
        let field_byte_size = C::Scalar::NUM_BITS.div_ceil(8) as usize;
        let windows = number_of_windows(&reprs, field_byte_size, self.c).min(self.windows);
        let window = |w: usize| {
            let row = &self.rows[w * self.n..(w + 1) * self.n];
            move |&(i, group): &(usize, usize)| (row[i], group)
        };
        let pass = Pass { reprs: &reprs, at: &at, c: self.c, windows: 0..windows, groups, window, scalar_major: false };
        let (mut result, runs) = rayon::join(|| pass.run::<C, _>(), || self.runs(coeffs, offset, &runs));
        wipe_reprs(&mut reprs);
        result[0] += runs;
        result
    }

    /// `Σ_run coeffs[run.start]·Σ_{i in run} bases[offset + i]`: each run's bases summed, then
    /// one Straus MSM over the sums.
    fn runs(&self, coeffs: &[C::Scalar], offset: usize, runs: &[std::ops::Range<usize>]) -> C::Curve {
        if runs.is_empty() {
            return C::Curve::identity();
        }
        let capacity = max_runs(coeffs.len());
        let mut sums = Vec::with_capacity(capacity);
        let mut reprs = Vec::with_capacity(capacity);
        for run in runs {
            let mut sum = C::Curve::identity();
            for (x, y) in self.rows[offset + run.start..offset + run.end].iter().flatten() {
                sum += C::from_xy(*x, *y).expect("table points are on the curve");
            }
            sums.push(sum);
            reprs.push(coeffs[run.start].to_repr());
        }
        let result = straus::<C, _>(&reprs, &sums, capacity);
        wipe_reprs(&mut reprs);
        result
    }
}

/// Equal consecutive scalars from which [`FixedBaseMsm::grouped`] sums their bases first.
/// Against the pass, a run saves about `windows − 1` additions a scalar and pays a scalar
/// multiplication (about 256 doublings shared between the runs and 68 additions).
const RUN: usize = 16;

/// The most runs `len` scalars can have.
fn max_runs(len: usize) -> usize {
    len / RUN
}

/// The runs of at least [`RUN`] equal non-zero consecutive scalars, in order. The list's
/// capacity depends only on the length.
fn equal_runs<F: Field>(coeffs: &[F]) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::with_capacity(max_runs(coeffs.len()));
    let mut start = 0;
    for i in 1..=coeffs.len() {
        if i == coeffs.len() || coeffs[i] != coeffs[start] {
            if i - start >= RUN && !bool::from(coeffs[start].is_zero()) {
                runs.push(start..i);
            }
            start = i;
        }
    }
    runs
}
