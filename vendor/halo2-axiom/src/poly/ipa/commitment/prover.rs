use ff::Field;
use rand_core::RngCore;

use super::ParamsIPA;
use crate::arithmetic::{
    best_multiexp, compute_inner_product, eval_polynomial, parallelize, CurveAffine,
};

use crate::poly::commitment::ParamsProver;
use crate::poly::{commitment::Blind, Coeff, Polynomial};
use crate::transcript::{EncodedChallenge, TranscriptWrite};

use group::{Curve, WnafBase, WnafScalar};
use std::io::{self};

/// Create a polynomial commitment opening proof for the polynomial defined
/// by the coefficients `px`, the blinding factor `blind` used for the
/// polynomial commitment, and the point `x` that the polynomial is
/// evaluated at.
///
/// This function will panic if the provided polynomial is too large with
/// respect to the polynomial commitment parameters.
///
/// **Important:** This function assumes that the provided `transcript` has
/// already seen the common inputs: the polynomial commitment P, the claimed
/// opening v, and the point x. It's probably also nice for the transcript
/// to have seen the elliptic curve description and the URS, if you want to
/// be rigorous.
pub fn create_proof<
    C: CurveAffine,
    E: EncodedChallenge<C>,
    R: RngCore,
    T: TranscriptWrite<C, E>,
>(
    params: &ParamsIPA<C>,
    mut rng: R,
    transcript: &mut T,
    p_poly: &Polynomial<C::Scalar, Coeff>,
    p_blind: Blind<C::Scalar>,
    x_3: C::Scalar,
) -> io::Result<()> {
    // We're limited to polynomials of degree n - 1.
    assert_eq!(p_poly.len(), params.n as usize);

    // Sample a random polynomial (of same degree) that has a root at x_3, first
    // by setting all coefficients to random values.
    let mut s_poly = (*p_poly).clone();
    for coeff in s_poly.iter_mut() {
        *coeff = C::Scalar::random(&mut rng);
    }
    // Evaluate the random polynomial at x_3
    let s_at_x3 = eval_polynomial(&s_poly[..], x_3);
    // Subtract constant coefficient to get a random polynomial with a root at x_3
    s_poly[0] -= &s_at_x3;
    // And sample a random blind
    let s_poly_blind = Blind(C::Scalar::random(&mut rng));

    // Write a commitment to the random polynomial to the transcript
    let s_poly_commitment = params.commit(&s_poly, s_poly_blind).to_affine();
    transcript.write_point(s_poly_commitment)?;

    // Challenge that will ensure that the prover cannot change P but can only
    // witness a random polynomial commitment that agrees with P at x_3, with high
    // probability.
    let xi = *transcript.squeeze_challenge_scalar::<()>();

    // Challenge that ensures that the prover did not interfere with the U term
    // in their commitments.
    let z = *transcript.squeeze_challenge_scalar::<()>();

    // We'll be opening `P' = P - [v] G_0 + [ξ] S` to ensure it has a root at
    // zero.
    let mut p_prime_poly = s_poly * xi + p_poly;
    let v = eval_polynomial(&p_prime_poly, x_3);
    p_prime_poly[0] -= &v;
    let p_prime_blind = s_poly_blind * Blind(xi) + p_blind;

    // This accumulates the synthetic blinding factor `f` starting
    // with the blinding factor for `P'`.
    let mut f = p_prime_blind.0;

    // Initialize the vector `p_prime` as the coefficients of the polynomial.
    let mut p_prime = p_prime_poly.into_values();
    assert_eq!(p_prime.len(), params.n as usize);

    // Initialize the vector `b` as the powers of `x_3`. The inner product of
    // `p_prime` and `b` is the evaluation of the polynomial at `x_3`.
    let mut b = Vec::with_capacity(1 << params.k);
    {
        let mut cur = C::Scalar::ONE;
        for _ in 0..(1 << params.k) {
            b.push(cur);
            cur *= &x_3;
        }
    }

    // hum: with the fixed-base tables, `G'` is never folded. Each folded generator is a
    // combination of the generators it started from: `G'_i = Σ_{t ≡ i mod len} folds[t]·G_t`,
    // where `folds[t]` is the product of the challenges of the rounds in which `G_t` sat in the
    // upper half. So `L_j` and `R_j` are MSMs over the original generators (half of them each,
    // then `w` and `u`), through the tables; the fold cost a scalar multiplication per remaining
    // generator and a round. Once `G'` is `FOLD_LEN` long, its points are computed from the
    // tables in one grouped pass and become the generators `folds` starts from again: the last
    // rounds' MSMs are over a few points (Straus's method, in `best_multiexp`), cheaper than two
    // over all the generators. Without the tables `G'` is folded as upstream does.
    const FOLD_LEN: usize = 16;
    let table = params.fixed.as_ref().map(|fixed| &fixed.g);
    let mut folds = vec![C::Scalar::ONE; if table.is_some() { params.n as usize } else { 0 }];
    // With the tables, the short `G'` once it is computed; empty before.
    let mut g_prime = if table.is_some() { Vec::new() } else { params.g.clone() };
    // The short `G'`, then `w` and `u`: the bases of the last rounds' `L_j`/`R_j`.
    let mut short_bases = Vec::new();

    // Perform the inner product argument, round by round.
    for j in 0..params.k {
        let half = 1 << (params.k - j - 1); // half the length of `p_prime`, `b`, `G'`
        if let Some(table) = table.filter(|_| g_prime.is_empty() && 2 * half <= FOLD_LEN) {
            let folded = table.msm_groups(&folds, 2 * half);
            g_prime = vec![C::identity(); 2 * half];
            C::Curve::batch_normalize(&folded, &mut g_prime);
            folds = vec![C::Scalar::ONE; 2 * half];
            short_bases = g_prime.iter().chain([&params.w, &params.u]).copied().collect();
        }

        // Compute L, R
        let value_l_j = compute_inner_product(&p_prime[half..], &b[0..half]);
        let value_r_j = compute_inner_product(&p_prime[0..half], &b[half..]);
        let l_j_randomness = C::Scalar::random(&mut rng);
        let r_j_randomness = C::Scalar::random(&mut rng);
        let (l_j, r_j) = match table {
            // While `G'` is long, over the original generators, then `w` and `u`, through the
            // tables; once it is short, over its points, then `w` and `u` (a small MSM, whose
            // zero scalars `best_multiexp` leaves out).
            Some(table) => {
                let (mut l, mut r) = unfolded_scalars(&p_prime, &folds);
                l.extend([l_j_randomness, value_l_j * &z]);
                r.extend([r_j_randomness, value_r_j * &z]);
                let msm = |scalars: &[C::Scalar]| {
                    if g_prime.is_empty() {
                        table.msm(scalars, 0)
                    } else {
                        best_multiexp(scalars, &short_bases)
                    }
                };
                let (l_j, r_j) = (msm(&l), msm(&r));
                crate::wipe::wipe(&mut l);
                crate::wipe::wipe(&mut r);
                (l_j, r_j)
            }
            None => {
                let l_j = best_multiexp(&p_prime[half..], &g_prime[0..half])
                    + best_multiexp(&[value_l_j * &z, l_j_randomness], &[params.u, params.w]);
                let r_j = best_multiexp(&p_prime[0..half], &g_prime[half..])
                    + best_multiexp(&[value_r_j * &z, r_j_randomness], &[params.u, params.w]);
                (l_j, r_j)
            }
        };
        let l_j = l_j.to_affine();
        let r_j = r_j.to_affine();

        // Feed L and R into the real transcript
        transcript.write_point(l_j)?;
        transcript.write_point(r_j)?;

        let u_j = *transcript.squeeze_challenge_scalar::<()>();
        let u_j_inv = u_j.invert().unwrap(); // TODO, bubble this up

        // Collapse `p_prime` and `b`.
        // TODO: parallelize
        for i in 0..half {
            p_prime[i] = p_prime[i] + &(p_prime[i + half] * &u_j_inv);
            b[i] = b[i] + &(b[i + half] * &u_j);
        }
        p_prime.truncate(half);
        b.truncate(half);

        // Collapse `G'`
        if table.is_some() {
            for (t, fold) in folds.iter_mut().enumerate() {
                if t & half != 0 {
                    *fold *= &u_j;
                }
            }
        } else {
            parallel_generator_collapse(&mut g_prime, u_j);
            g_prime.truncate(half);
        }

        // Update randomness (the synthetic blinding factor at the end)
        f += &(l_j_randomness * &u_j_inv);
        f += &(r_j_randomness * &u_j);
    }

    // We have fully collapsed `p_prime`, `b`, `G'`
    assert_eq!(p_prime.len(), 1);
    let c = p_prime[0];

    transcript.write_scalar(c)?;
    transcript.write_scalar(f)?;

    Ok(())
}

/// The scalars of `L_j = Σ_{i < half} p[half + i]·G'_i` and `R_j = Σ_{i < half} p[i]·G'_{half + i}`
/// over the generators `folds` starts from, with `p` the round's `p_prime` (of length `2·half`) and
/// `G'_i = Σ_{t ≡ i mod 2·half} folds[t]·G_t`: generator `t` lies in `G'`'s lower half when
/// `t mod 2·half < half`, so it gets `L`'s scalar `p[half + i]·folds[t]` and no `R` scalar.
fn unfolded_scalars<F: Field>(p: &[F], folds: &[F]) -> (Vec<F>, Vec<F>) {
    let len = p.len();
    let half = len / 2;
    let mut l = Vec::with_capacity(folds.len() + 2);
    let mut r = Vec::with_capacity(folds.len() + 2);
    for (t, fold) in folds.iter().enumerate() {
        let i = t % len;
        if i < half {
            l.push(p[half + i] * fold);
            r.push(F::ZERO);
        } else {
            l.push(F::ZERO);
            r.push(p[i - half] * fold);
        }
    }
    (l, r)
}

/// `g_lo[i] ← g_lo[i] + challenge·g_hi[i]`.
///
/// hum: the challenge is public (it comes from the transcript), so each product is a
/// variable-time width-5 wNAF multiplication (`group::WnafBase`/`WnafScalar`, the scalar's
/// digits computed once a round): ~254 doublings and ~43 additions a point. Upstream used
/// `Mul`'s constant-time double-and-add, a doubling and an addition for each of 256 bits; at
/// k = 9 this fold (511 products) was most of what IPA costs over KZG.
fn parallel_generator_collapse<C: CurveAffine>(g: &mut [C], challenge: C::Scalar) {
    let len = g.len() / 2;
    let (g_lo, g_hi) = g.split_at_mut(len);
    let challenge = WnafScalar::<C::Scalar, 5>::new(&challenge);

    parallelize(g_lo, |g_lo, start| {
        let g_hi = &g_hi[start..];
        let mut tmp = Vec::with_capacity(g_lo.len());
        for (g_lo, g_hi) in g_lo.iter().zip(g_hi.iter()) {
            let g_hi = WnafBase::<C::Curve, 5>::new(g_hi.to_curve());
            tmp.push(&g_hi * &challenge + g_lo);
        }
        C::Curve::batch_normalize(&tmp, g_lo);
    });
}
