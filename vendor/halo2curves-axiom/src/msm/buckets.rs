//! hum: affine buckets with batched additions (Montgomery's trick), and the bucket pass that
//! both the fixed-base MSM ([`super::FixedBaseMsm`]) and the variable-base one
//! ([`super::variable`]) run.
//!
//! A pass adds, for every window `w` and every non-zero scalar `j`, `±P(w, j)` to the bucket
//! of Booth digit `d = digit_w(j)` in the run of buckets of `group(w, j)`. Additions into the
//! buckets are batched: one field inversion for a batch of additions into distinct buckets,
//! about 6 field multiplications an addition instead of the 11 of a complete mixed addition.
//! With several threads each thread takes a range of buckets (of digit magnitudes) over every
//! window, so the bucket sums are not paid once a thread; a range's sum is shifted into place
//! with a few doublings.

use ff::Field;
use group::{Curve, Group};
use rayon::prelude::*;

use super::get_booth_index;
use crate::CurveAffine;

/// Additions gathered before one batched inversion.
const BATCH: usize = 160;

/// Windows of `c` bits whose Booth digits cover a `num_bits` scalar: the sign bit of the top
/// window, bit `c·windows − 1`, lies above the scalar.
pub(super) fn windows_for(c: usize, num_bits: usize) -> usize {
    (num_bits + 1).div_ceil(c)
}

/// What one bucket pass reads.
pub(super) struct Pass<'a, R, A, P> {
    /// The non-zero scalars, as bytes.
    pub(super) reprs: &'a [R],
    /// What the pass knows of each scalar's base (its index, or the point itself).
    pub(super) at: &'a [A],
    /// The window width.
    pub(super) c: usize,
    /// The windows to add: those that hold a non-zero digit, or a part of them.
    pub(super) windows: std::ops::Range<usize>,
    /// Runs of `2^(c−1)` buckets.
    pub(super) groups: usize,
    /// For window `w`, a function that gives for a scalar's `at` the point its digit
    /// multiplies (`None` for the identity) and the group whose buckets take it.
    pub(super) window: P,
    /// Every window of one scalar, then the next scalar's, rather than one window of every
    /// scalar, then the next window. When each window has buckets of its own (the
    /// variable-base MSM), one window's additions crowd into its few buckets, and most of them
    /// would wait for a free bucket; a scalar's windows go into distinct buckets.
    pub(super) scalar_major: bool,
}

impl<R, A, P> Pass<'_, R, A, P>
where
    R: AsRef<[u8]> + Sync,
    A: Sync,
{
    /// `Σ_{(w, j) in group g} digit_w(reprs[j])·point(w, j)` for every group `g`, the threads
    /// taking ranges of buckets.
    pub(super) fn run<C: CurveAffine, Q>(&self) -> Vec<C::Curve>
    where
        P: Fn(usize) -> Q + Sync,
        Q: Fn(&A) -> (Affine<C::Base>, usize),
    {
        let buckets = 1 << (self.c - 1);
        let parts = rayon::current_num_threads().clamp(1, buckets);
        let part = |part: usize| self.part::<C, Q>(part * buckets / parts..(part + 1) * buckets / parts);
        if parts == 1 {
            return part(0);
        }
        (0..parts).into_par_iter().map(part).reduce(
            || vec![C::Curve::identity(); self.groups],
            |mut a, b| {
                a.iter_mut().zip(b).for_each(|(a, b)| *a += b);
                a
            },
        )
    }

    /// What the buckets in `range` (of digit magnitudes `range.start + 1 ..= range.end`) add
    /// to each group's sum: one pass over the digits of every window, then the bucket sums. A
    /// thread takes a range of buckets, so the threads' bucket sums are one bucket sum between
    /// them.
    pub(super) fn part<C: CurveAffine, Q>(&self, range: std::ops::Range<usize>) -> Vec<C::Curve>
    where
        P: Fn(usize) -> Q,
        Q: Fn(&A) -> (Affine<C::Base>, usize),
    {
        let &Pass { reprs, at, c, ref windows, groups, ref window, .. } = self;
        let span = range.len();
        let mut buckets = Buckets::<C>::new(groups * span);
        let mut add = |w: usize, scalars: std::ops::Range<usize>| {
            let point = window(w);
            for (repr, at) in reprs[scalars.clone()].iter().zip(&at[scalars]) {
                let digit = get_booth_index(w, c, repr.as_ref());
                let magnitude = digit.unsigned_abs() as usize;
                if magnitude <= range.start || magnitude > range.end {
                    continue;
                }
                let (Some((x, y)), group) = point(at) else { continue };
                let bucket = group * span + magnitude - range.start - 1;
                buckets.add(bucket, x, if digit < 0 { -y } else { y });
            }
        };
        let len = reprs.len();
        if self.scalar_major {
            for j in 0..len {
                for w in windows.clone() {
                    add(w, j..j + 1);
                }
            }
        } else {
            // The top window's digits are small (below 2^(bits it has left)), so its additions
            // crowd into a few buckets: they go in a slice at a time between the other windows,
            // where they meet free buckets and join the batches.
            debug_assert_eq!(windows.start, 0, "a window-major pass adds every window");
            let top = windows.end.saturating_sub(1);
            for w in 0..top {
                add(w, 0..len);
                add(top, w * len / top..(w + 1) * len / top);
            }
            if top == 0 {
                add(0, 0..len);
            }
        }
        buckets.finish();
        // Σ (range.start + b + 1)·bucket_b = Σ (b + 1)·bucket_b + range.start·Σ bucket_b.
        buckets.sum(groups).into_iter().map(|(weighted, total)| weighted + times(total, range.start as u64)).collect()
    }
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
pub(super) type Affine<F> = Option<(F, F)>;

/// `(i, x, y)` for every occupied `points[i] = (x, y)`.
pub(super) fn occupied<F: Copy>(points: &[Affine<F>]) -> impl Iterator<Item = (usize, F, F)> + '_ {
    points.iter().enumerate().filter_map(|(i, p)| p.map(|(x, y)| (i, x, y)))
}

/// One addition `p + q` of a batch, between the two passes of Montgomery's trick: λ's
/// numerator and denominator, and the product of the batch's denominators before this one.
pub(super) struct Term<F> {
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
pub(super) fn batch_add<F: Field>(sums: &mut [Affine<F>], adds: &[(usize, F, F)], scratch: &mut Vec<Option<Term<F>>>) {
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
