//! hum: multi-scalar multiplication over bases known in advance (an SRS, IPA generators).
//!
//! [`FixedBaseMsm::new`] stores `2^(c·w)·P_i` for every base `P_i` and every `c`-bit window `w`
//! of a scalar, in affine form. An MSM is then a single bucket pass over `windows × n` points,
//! Booth digit `d` of window `w` of scalar `i` adding `±2^(c·w)·P_i` to bucket `|d|`, with no
//! doublings; the variable-base method makes one pass a window and doubles between them.
//!
//! The buckets are affine and additions into them are batched (Montgomery's trick: one field
//! inversion for a batch of additions into distinct buckets), about 6 field multiplications an
//! addition instead of the 11 of a complete mixed addition. With several threads each thread
//! takes a range of buckets (of digit magnitudes) over every window, so the bucket sums are not
//! paid once a thread; a range's sum is shifted into place with a few doublings.

use ff::{Field, PrimeField};
use group::{Curve, Group};
use rayon::prelude::*;

use super::{get_booth_index, number_of_windows, wipe_reprs};
use crate::CurveAffine;

/// Additions gathered before one batched inversion.
const BATCH: usize = 160;

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
    (4..=16)
        .min_by_key(|&c| n * windows_for(c, num_bits) + (1usize << (c + 1)))
        .expect("a non-empty range")
}

/// Windows of `c` bits whose Booth digits cover a `num_bits` scalar: the sign bit of the top
/// window, bit `c·windows − 1`, lies above the scalar.
fn windows_for(c: usize, num_bits: usize) -> usize {
    (num_bits + 1).div_ceil(c)
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
        let start: Vec<Affine<C::Base>> = bases
            .iter()
            .map(|base| {
                (!bool::from(base.is_identity())).then(|| {
                    let xy = base.coordinates().unwrap();
                    (*xy.x(), *xy.y())
                })
            })
            .collect();
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
        // Zero scalars add nothing: half of an IPA round's are zero (the half the generators'
        // split leaves out), and many of a column's.
        //
        // Both lists get their whole capacity up front: the scalars can be a witness column,
        // and a growing `Vec` would free copies of them on the way.
        let mut reprs = Vec::with_capacity(coeffs.len());
        let mut at = Vec::with_capacity(coeffs.len());
        for (i, a) in coeffs.iter().enumerate() {
            if !bool::from(a.is_zero()) {
                reprs.push(a.to_repr());
                at.push((offset + i, i % groups));
            }
        }
        let field_byte_size = C::Scalar::NUM_BITS.div_ceil(8) as usize;
        let windows = number_of_windows(&reprs, field_byte_size, self.c).min(self.windows);
        let buckets = 1 << (self.c - 1);
        let parts = rayon::current_num_threads().clamp(1, buckets);
        let pass = Pass { reprs: &reprs, at: &at, groups, windows };
        let part = |part: usize| self.part(&pass, part * buckets / parts..(part + 1) * buckets / parts);
        let result = if parts == 1 {
            part(0)
        } else {
            (0..parts).into_par_iter().map(part).reduce(
                || vec![C::Curve::identity(); groups],
                |mut a, b| {
                    a.iter_mut().zip(b).for_each(|(a, b)| *a += b);
                    a
                },
            )
        };
        wipe_reprs(&mut reprs);
        result
    }

    /// What the buckets in `range` (of digit magnitudes `range.start + 1 ..= range.end`) add
    /// to each group's sum of `reprs[j]·bases[at[j]]`: one pass over the digits of every
    /// window, then the bucket sums. A thread takes a range of buckets, so the threads' bucket
    /// sums are one bucket sum between them.
    fn part<R: AsRef<[u8]>>(&self, pass: &Pass<R>, range: std::ops::Range<usize>) -> Vec<C::Curve> {
        let &Pass { reprs, at, groups, windows } = pass;
        let span = range.len();
        let mut buckets = Buckets::<C>::new(groups * span);
        let mut add = |w: usize, scalars: std::ops::Range<usize>| {
            let row = &self.rows[w * self.n..(w + 1) * self.n];
            for (repr, &(i, group)) in reprs[scalars.clone()].iter().zip(&at[scalars]) {
                let digit = get_booth_index(w, self.c, repr.as_ref());
                let magnitude = digit.unsigned_abs() as usize;
                if magnitude <= range.start || magnitude > range.end {
                    continue;
                }
                let Some((x, y)) = row[i] else { continue };
                let bucket = group * span + magnitude - range.start - 1;
                buckets.add(bucket, x, if digit < 0 { -y } else { y });
            }
        };
        // The top window's digits are small (below 2^(bits it has left)), so its additions
        // crowd into a few buckets: they go in a slice at a time between the other windows,
        // where they meet free buckets and join the batches.
        let (top, len) = (windows.saturating_sub(1), reprs.len());
        for w in 0..top {
            add(w, 0..len);
            add(top, w * len / top..(w + 1) * len / top);
        }
        if top == 0 {
            add(0, 0..len);
        }
        buckets.finish();
        // Σ (range.start + b + 1)·bucket_b = Σ (b + 1)·bucket_b + range.start·Σ bucket_b.
        buckets
            .sum(groups)
            .into_iter()
            .map(|(weighted, total)| weighted + times(total, range.start as u64))
            .collect()
    }
}

/// The scalars of one (grouped) MSM, as its bucket passes read them.
struct Pass<'a, R> {
    /// The non-zero scalars, as bytes.
    reprs: &'a [R],
    /// The base and the group of each scalar.
    at: &'a [(usize, usize)],
    groups: usize,
    /// Windows that hold a non-zero digit.
    windows: usize,
}

/// `k·p` for a small public `k`, by doubling and adding.
fn times<G: Group>(p: G, k: u64) -> G {
    let mut acc = G::identity();
    for bit in (0..u64::BITS - k.leading_zeros()).rev() {
        acc = acc.double();
        if k >> bit & 1 == 1 {
            acc += p;
        }
    }
    acc
}

/// An affine point, `None` for the identity.
type Affine<F> = Option<(F, F)>;

/// `(i, x, y)` for every occupied `points[i] = (x, y)`.
fn occupied<F: Copy>(points: &[Affine<F>]) -> impl Iterator<Item = (usize, F, F)> + '_ {
    points.iter().enumerate().filter_map(|(i, p)| p.map(|(x, y)| (i, x, y)))
}

/// One addition `p + q` of a batch, between the two passes of Montgomery's trick: λ's
/// numerator and denominator, and the product of the batch's denominators before this one.
struct Term<F> {
    numerator: F,
    denominator: F,
    prefix: F,
}

/// Stages `p + q` into a batch whose denominators multiply to `acc`; `None` when `q = −p`
/// (the sum is the identity, nothing to invert).
#[inline]
fn stage<F: Field>(acc: &mut F, (x1, y1): (F, F), (x2, y2): (F, F)) -> Option<Term<F>> {
    let (numerator, denominator) = if x1 != x2 {
        (y2 - y1, x2 - x1)
    } else if y1 == y2 {
        // Doubling: λ = 3x² / 2y (y ≠ 0: BN254's G1 has no point of order 2).
        let xx = x1.square();
        (xx + xx + xx, y1.double())
    } else {
        return None;
    };
    let prefix = *acc;
    *acc *= denominator;
    Some(Term { numerator, denominator, prefix })
}

/// Finishes the last staged term still open: `inverse` is the inverse of the product of its
/// denominator and those before it, and becomes the inverse of those before it.
#[inline]
fn finish<F: Field>(inverse: &mut F, term: &Term<F>, (x1, y1): (F, F), (x2, _): (F, F)) -> (F, F) {
    let lambda = term.numerator * *inverse * term.prefix;
    *inverse *= term.denominator;
    let x3 = lambda.square() - x1 - x2;
    let y3 = lambda * (x1 - x3) - y1;
    (x3, y3)
}

/// `sums[i] ← sums[i] + (x, y)` for every `(i, x, y)` in `adds` (distinct `i`), with one field
/// inversion between them (Montgomery's trick, about 6 multiplications an addition).
fn batch_add<F: Field>(sums: &mut [Affine<F>], adds: &[(usize, F, F)], scratch: &mut Vec<Option<Term<F>>>) {
    scratch.clear();
    let mut acc = F::ONE;
    let mut staged = false;
    for &(i, x, y) in adds {
        scratch.push(match sums[i] {
            None => {
                sums[i] = Some((x, y));
                None
            }
            Some(p) => {
                let term = stage(&mut acc, p, (x, y));
                match term {
                    Some(_) => staged = true,
                    None => sums[i] = None,
                }
                term
            }
        });
    }
    if !staged {
        return;
    }
    // acc is a product of non-zero denominators.
    let mut inverse = acc.invert().unwrap();
    for (&(i, x, y), term) in adds.iter().zip(scratch.iter()).rev() {
        if let Some(term) = term {
            let p = sums[i].expect("a staged sum is occupied");
            sums[i] = Some(finish(&mut inverse, term, p, (x, y)));
        }
    }
}

/// Affine buckets with batched additions.
///
/// An addition into a bucket that already has one in the batch waits for the next batch
/// (`deferred`). When many additions meet few buckets (a column of small values, whose digits
/// are all 1; the top window, whose digits are below 2^(bits left)) the wait would repeat for
/// every batch, so at most `BATCH` additions wait, and the others go into the bucket's
/// projective `overflow` with a complete addition.
struct Buckets<C: CurveAffine> {
    points: Vec<Affine<C::Base>>,
    /// Whether the bucket has an addition in `batch`.
    busy: Vec<bool>,
    /// Additions into distinct, occupied buckets, waiting for one inversion.
    batch: Vec<(usize, C::Base, C::Base)>,
    /// Additions into a bucket already in `batch`: they go in the next one.
    deferred: Vec<(usize, C::Base, C::Base)>,
    /// The previous `deferred`, kept for its capacity while it is rescheduled.
    rescheduled: Vec<(usize, C::Base, C::Base)>,
    /// What did not fit in `deferred`, bucket by bucket.
    overflow: Vec<Option<C::Curve>>,
    /// The batch's terms between the two passes of Montgomery's trick.
    scratch: Vec<Option<Term<C::Base>>>,
    /// `merge_overflow`'s buffers: overflows, their buckets, their affine forms.
    projective: Vec<C::Curve>,
    at: Vec<usize>,
    affine: Vec<C>,
}

/// Buckets summed side by side in the bucket sum: one segment of `SEGMENT` consecutive buckets
/// for each term of a batched addition.
const SEGMENT: usize = 16;

impl<C: CurveAffine> Buckets<C> {
    fn new(count: usize) -> Self {
        Buckets {
            points: vec![None; count],
            busy: vec![false; count],
            batch: Vec::with_capacity(2 * BATCH),
            deferred: Vec::with_capacity(BATCH),
            rescheduled: Vec::with_capacity(BATCH),
            overflow: vec![None; count],
            scratch: Vec::with_capacity(2 * BATCH),
            projective: Vec::with_capacity(BATCH),
            at: Vec::with_capacity(BATCH),
            affine: vec![C::identity(); BATCH],
        }
    }

    /// bucket ← bucket + (x, y).
    fn add(&mut self, bucket: usize, x: C::Base, y: C::Base) {
        self.schedule(bucket, x, y);
        if self.batch.len() >= BATCH {
            self.flush();
        }
    }

    fn schedule(&mut self, bucket: usize, x: C::Base, y: C::Base) {
        if self.busy[bucket] {
            if self.deferred.len() < BATCH {
                self.deferred.push((bucket, x, y));
            } else {
                self.overflow_add(bucket, x, y);
            }
        } else if self.points[bucket].is_none() {
            self.points[bucket] = Some((x, y));
        } else {
            self.busy[bucket] = true;
            self.batch.push((bucket, x, y));
        }
    }

    /// Runs the batch, then schedules the deferred additions (into the next batch).
    fn flush(&mut self) {
        self.run_batch();
        // Those that meet a busy bucket again wait in `self.deferred` for the batch after.
        std::mem::swap(&mut self.deferred, &mut self.rescheduled);
        let mut rescheduled = std::mem::take(&mut self.rescheduled);
        for (bucket, x, y) in rescheduled.drain(..) {
            self.schedule(bucket, x, y);
        }
        self.rescheduled = rescheduled;
    }

    /// Runs every pending addition.
    fn finish(&mut self) {
        while !self.batch.is_empty() || !self.deferred.is_empty() {
            // A batch into few buckets shares its inversion among few additions, which then
            // cost more than a complete addition: what waits for those buckets goes into their
            // overflow.
            if self.batch.len() < BATCH / 2 {
                // Through `rescheduled` (empty between flushes), so that `deferred` keeps its
                // capacity: every allocation here has a size fixed in `new`, whatever the digits.
                std::mem::swap(&mut self.deferred, &mut self.rescheduled);
                let mut waiting = std::mem::take(&mut self.rescheduled);
                for (bucket, x, y) in waiting.drain(..) {
                    self.overflow_add(bucket, x, y);
                }
                self.rescheduled = waiting;
            }
            self.flush();
        }
    }

    /// overflow_bucket ← overflow_bucket + (x, y), a complete addition.
    fn overflow_add(&mut self, bucket: usize, x: C::Base, y: C::Base) {
        let point = C::from_xy(x, y).expect("table points are on the curve");
        *self.overflow[bucket].get_or_insert_with(C::Curve::identity) += point;
    }

    /// One batched inversion for all additions in `batch` (each into a distinct bucket).
    fn run_batch(&mut self) {
        batch_add(&mut self.points, &self.batch, &mut self.scratch);
        for &(bucket, _, _) in &self.batch {
            self.busy[bucket] = false;
        }
        self.batch.clear();
    }

    /// Adds each bucket's projective overflow into it: one batched normalisation and one batch
    /// for every `BATCH` of them, in buffers allocated in `new`, so that what the digits send
    /// into the overflow does not change what is allocated (the soaks compare peak heaps).
    fn merge_overflow(&mut self) {
        let mut b = 0;
        while b < self.overflow.len() {
            self.projective.clear();
            self.at.clear();
            while b < self.overflow.len() && self.at.len() < BATCH {
                if let Some(p) = self.overflow[b] {
                    self.projective.push(p);
                    self.at.push(b);
                }
                b += 1;
            }
            if self.at.is_empty() {
                continue;
            }
            let affine = &mut self.affine[..self.at.len()];
            C::Curve::batch_normalize(&self.projective, affine);
            for (&b, point) in self.at.iter().zip(affine.iter()) {
                // The identity's coordinates read (0, 0), which is not a point to add.
                if bool::from(point.is_identity()) {
                    continue;
                }
                let xy = point.coordinates().unwrap();
                self.batch.push((b, *xy.x(), *xy.y()));
            }
            self.run_batch();
        }
    }

    /// Σ (b + 1)·bucket_b and Σ bucket_b for each of `groups` equal runs of buckets.
    ///
    /// Each group's buckets are cut into segments of `SEGMENT`, and every group's segments are
    /// summed side by side with batched affine additions (running sums from each segment's top
    /// bucket down, two batches a step); then, group by group, Σ_b (b + 1)·bucket_b =
    /// Σ_s weighted_s + SEGMENT·Σ_s s·running_s over its segments.
    fn sum(&mut self, groups: usize) -> Vec<(C::Curve, C::Curve)> {
        self.merge_overflow();
        let span = self.points.len() / groups;
        let per_group = span.div_ceil(SEGMENT);
        let segments = groups * per_group;
        let mut running: Vec<Affine<C::Base>> = vec![None; segments];
        let mut weighted: Vec<Affine<C::Base>> = vec![None; segments];
        let mut adds = Vec::with_capacity(segments);
        for j in (0..SEGMENT).rev() {
            adds.clear();
            adds.extend((0..segments).filter_map(|s| {
                let within = s % per_group * SEGMENT + j;
                let (x, y) = (within < span).then(|| self.points[s / per_group * span + within]).flatten()?;
                Some((s, x, y))
            }));
            batch_add(&mut running, &adds, &mut self.scratch);
            adds.clear();
            adds.extend(occupied(&running));
            batch_add(&mut weighted, &adds, &mut self.scratch);
        }
        let curve = |p: &Affine<C::Base>| match p {
            Some((x, y)) => C::from_xy(*x, *y).expect("bucket sums stay on the curve").to_curve(),
            None => C::Curve::identity(),
        };
        (0..groups)
            .map(|g| {
                let (running, weighted) =
                    (&running[g * per_group..(g + 1) * per_group], &weighted[g * per_group..(g + 1) * per_group]);
                // Σ_s s·running_s = Σ_{s ≥ 1} Σ_{t ≥ s} running_t.
                let mut total = C::Curve::identity();
                let mut shifted = C::Curve::identity();
                let mut within = C::Curve::identity();
                for s in (0..per_group).rev() {
                    total += curve(&running[s]);
                    if s > 0 {
                        shifted += total;
                    }
                    within += curve(&weighted[s]);
                }
                (within + times(shifted, SEGMENT as u64), total)
            })
            .collect()
    }
}
