//! The multi-scalar multiplications hum's proofs use (`vendor/halo2curves-axiom/src/msm.rs`:
//! threads split the windows; Straus's method below 32 points; `msm/variable.rs`, every window's
//! batched affine buckets in one pass, what `msm_best` runs from 32 non-zero scalars up) against a
//! sum of scalar multiplications, on one, two and three threads,
//! for sizes around hum's (2^9 points at depth 20) and for scalars that need few windows; and the
//! fixed-base MSM (`vendor/halo2curves-axiom/src/msm/fixed.rs`) over the same cases, at offsets,
//! and over bases that make its batched additions double, cancel or skip the identity, and over
//! scalars whose digits crowd into a few buckets (its projective overflow), and bucket sums
//! whose batched additions double.

use halo2_proofs::halo2curves::{
    bn256::{Fr, G1Affine, G1},
    ff::Field,
    group::{prime::PrimeCurveAffine, Curve, Group},
    msm::{msm_batched, msm_best, msm_parallel, msm_serial, FixedBaseMsm},
};
use rand::{rngs::StdRng, RngCore, SeedableRng};

fn naive(coeffs: &[Fr], bases: &[G1Affine]) -> G1 {
    coeffs.iter().zip(bases).fold(G1::identity(), |acc, (c, b)| acc + b.to_curve() * c)
}

fn case(coeffs: &[Fr], bases: &[G1Affine]) {
    let expected = naive(coeffs, bases).to_affine();
    let mut serial = G1::identity();
    msm_serial(coeffs, bases, &mut serial);
    assert_eq!(serial.to_affine(), expected, "serial, {} points", coeffs.len());
    for threads in [1, 2, 3] {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        let (parallel, best, batched) =
            pool.install(|| (msm_parallel(coeffs, bases), msm_best(coeffs, bases), msm_batched(coeffs, bases)));
        assert_eq!(parallel.to_affine(), expected, "parallel on {threads} threads, {} points", coeffs.len());
        assert_eq!(best.to_affine(), expected, "best on {threads} threads, {} points", coeffs.len());
        assert_eq!(batched.to_affine(), expected, "batched on {threads} threads, {} points", coeffs.len());
    }
    fixed_case(coeffs, bases);
}

/// The fixed-base MSM over `bases` (and over `bases` behind other bases, at an offset).
fn fixed_case(coeffs: &[Fr], bases: &[G1Affine]) {
    let expected = naive(coeffs, bases).to_affine();
    let table = FixedBaseMsm::new(bases);
    let mut padded = vec![G1Affine::generator(); 7];
    padded.extend_from_slice(bases);
    let shifted = FixedBaseMsm::new(&padded);
    for threads in [1, 2, 3] {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        let (at_zero, at_seven) = pool.install(|| (table.msm(coeffs, 0), shifted.msm(coeffs, 7)));
        assert_eq!(at_zero.to_affine(), expected, "fixed on {threads} threads, {} points", coeffs.len());
        assert_eq!(at_seven.to_affine(), expected, "fixed at offset 7 on {threads} threads, {} points", coeffs.len());
    }
}

#[test]
fn the_fixed_base_msm_doubles_cancels_and_skips_the_identity() {
    let mut rng = StdRng::seed_from_u64(9);
    let p = (G1Affine::generator() * Fr::random(&mut rng)).to_affine();
    // The same base many times with the same scalar: every bucket addition is a doubling.
    case(&vec![Fr::from(12345u64); 300], &vec![p; 300]);
    // P and -P with one scalar: additions that empty their bucket; identities in between.
    let mut bases = Vec::new();
    for i in 0..300 {
        bases.push(match i % 3 {
            0 => p,
            1 => -p,
            _ => G1Affine::identity(),
        });
    }
    let coeffs: Vec<Fr> = (0..300).map(|i| Fr::from(1000 + (i / 3) as u64 % 5)).collect();
    case(&coeffs, &bases);
    let random: Vec<Fr> = (0..300).map(|_| Fr::random(&mut rng)).collect();
    case(&random, &bases);
}

/// Runs of equal consecutive scalars (a permutation argument's product column is constant
/// between the rows its copies touch), which the fixed-base MSM sums base by base before one
/// scalar multiplication: runs just below and at its threshold, at the start and at the end,
/// next to each other, of zeros and of ones, and over bases that cancel to the identity.
#[test]
fn the_fixed_base_msm_sums_runs_of_equal_scalars() {
    let mut rng = StdRng::seed_from_u64(16);
    let generator = G1Affine::generator();
    let mut bases: Vec<G1Affine> = (0..512).map(|_| (generator * Fr::random(&mut rng)).to_affine()).collect();
    let (a, b) = (Fr::random(&mut rng), Fr::random(&mut rng));
    let mut coeffs: Vec<Fr> = (0..512).map(|_| Fr::random(&mut rng)).collect();
    let mut fill = |range: std::ops::Range<usize>, v: Fr| coeffs[range].iter_mut().for_each(|c| *c = v);
    fill(0..40, a); // a run at the start
    fill(40..56, b); // 16, right after another
    fill(60..75, a); // 15, too short to be a run
    fill(80..120, Fr::ZERO);
    fill(130..200, Fr::ONE);
    fill(220..260, -a); // its bases cancel: P, −P, the identity, ...
    fill(480..512, b); // a run at the end
    for i in 220..260 {
        bases[i] = match i % 4 {
            0 | 2 => bases[220],
            1 => -bases[220],
            _ => G1Affine::identity(),
        };
    }
    case(&coeffs, &bases);
    // Every scalar the same (the whole column one run), and the same but for one.
    case(&vec![a; 512], &bases);
    let mut one_off = vec![a; 512];
    one_off[300] = b;
    case(&one_off, &bases);
}

/// The grouped fixed-base MSM (an IPA fold's `G'_i = Σ_{t ≡ i mod len} folds[t]·G_t`) gives
/// each group its own sum of products, for one group, a few, one base a group, and fewer
/// scalars than bases.
#[test]
fn the_grouped_fixed_base_msm_sums_each_group() {
    let mut rng = StdRng::seed_from_u64(32);
    let generator = G1Affine::generator();
    let bases: Vec<G1Affine> = (0..512).map(|_| (generator * Fr::random(&mut rng)).to_affine()).collect();
    let table = FixedBaseMsm::new(&bases);
    let mut coeffs: Vec<Fr> = (0..512).map(|_| Fr::random(&mut rng)).collect();
    coeffs[40] = Fr::ZERO;
    for (n, groups) in [(512, 1), (512, 2), (512, 32), (512, 512), (100, 7)] {
        let expected: Vec<G1Affine> = (0..groups)
            .map(|g| {
                let (c, b): (Vec<Fr>, Vec<G1Affine>) = (g..n).step_by(groups).map(|i| (coeffs[i], bases[i])).unzip();
                naive(&c, &b).to_affine()
            })
            .collect();
        for threads in [1, 2, 3] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            let sums = pool.install(|| table.msm_groups(&coeffs[..n], groups));
            let sums: Vec<G1Affine> = sums.iter().map(|p| p.to_affine()).collect();
            assert_eq!(sums, expected, "{n} scalars in {groups} groups on {threads} threads");
        }
    }
}

#[test]
#[should_panic(expected = "more scalars than fixed bases")]
fn the_fixed_base_msm_refuses_more_scalars_than_bases() {
    let table = FixedBaseMsm::new(&[G1Affine::generator(); 4]);
    table.msm(&[Fr::ONE; 3], 2);
}

#[test]
fn the_windowed_parallel_msm_equals_the_sum_of_products() {
    let mut rng = StdRng::seed_from_u64(512);
    let generator = G1Affine::generator();
    let bases: Vec<G1Affine> = (0..520).map(|_| (generator * Fr::random(&mut rng)).to_affine()).collect();
    for n in [1, 2, 3, 31, 32, 33, 60, 100, 512, 520] {
        let coeffs: Vec<Fr> = (0..n).map(|_| Fr::random(&mut rng)).collect();
        case(&coeffs, &bases[..n]);
    }
    // Few windows (small scalars, as in the instance column), zeros, and -1.
    let small: Vec<Fr> = (0..512).map(|i| Fr::from(i as u64 % 7)).collect();
    case(&small, &bases[..512]);
    // A column of bits: hundreds of additions into one bucket, most of them through the fixed
    // MSM's projective overflow rather than its batches.
    let bits: Vec<Fr> = (0..512).map(|_| Fr::from(rng.next_u32() as u64 & 1)).collect();
    case(&bits, &bases[..512]);
    // Even digits only: every other bucket is empty, so the bucket sum's running sum meets
    // the weighted sum it was just added to (a doubling in its batched additions); over one
    // base, every bucket holds a multiple of it.
    let even: Vec<Fr> = (0..512).map(|i| Fr::from(2 * i as u64 % 1000)).collect();
    case(&even, &bases[..512]);
    case(&even, &vec![bases[0]; 512]);
    case(&vec![Fr::ZERO; 64], &bases[..64]);
    let mut mixed: Vec<Fr> = (0..64).map(|_| -Fr::ONE).collect();
    mixed[5] = Fr::from(u64::MAX);
    case(&mixed, &bases[..64]);
    // Fewer than 32 points (Straus's method): -1, a zero, u64::MAX, an identity base, a base
    // twice with opposite scalars.
    case(&mixed[..7], &bases[..7]);
    let few = [Fr::ZERO, -Fr::ONE, Fr::from(8), Fr::random(&mut rng), -Fr::from(8)];
    let few_bases = [bases[1], bases[2], G1Affine::identity(), bases[3], bases[3]];
    case(&few, &few_bases);
    case(&[Fr::ZERO; 3], &bases[..3]);
}

/// IPA's opening argument with the fixed-base tables (its `L_j`/`R_j` over the original
/// generators while `G'` is long, then `G'` from one grouped pass and folded) writes the same
/// transcript as without them (`G'` folded each round), and both verify: at hum's size, 2^9.
#[test]
fn the_ipa_opening_is_the_same_with_and_without_the_tables() {
    use halo2_proofs::{
        arithmetic::eval_polynomial,
        poly::{
            commitment::{Blind, ParamsProver, MSM},
            ipa::{
                commitment::{create_proof, verify_proof, ParamsIPA},
                msm::MSMIPA,
            },
            EvaluationDomain,
        },
        transcript::{
            Blake2bRead, Blake2bWrite, Challenge255, Transcript, TranscriptRead, TranscriptReadBuffer, TranscriptWrite,
            TranscriptWriterBuffer,
        },
    };
    const K: u32 = 9;
    let plain = ParamsIPA::<G1Affine>::new(K);
    let mut tabled = plain.clone();
    tabled.precompute_fixed_bases();
    let mut rng = StdRng::seed_from_u64(6);
    let mut px = EvaluationDomain::<Fr>::new(1, K).empty_coeff();
    for a in px.iter_mut() {
        *a = Fr::random(&mut rng);
    }
    let blind = Blind(Fr::random(&mut rng));
    let open = |params: &ParamsIPA<G1Affine>| {
        let p = params.commit(&px, blind).to_affine();
        let mut transcript = Blake2bWrite::<Vec<u8>, G1Affine, Challenge255<G1Affine>>::init(vec![]);
        transcript.write_point(p).unwrap();
        let x = *transcript.squeeze_challenge_scalar::<()>();
        transcript.write_scalar(eval_polynomial(&px, x)).unwrap();
        create_proof(params, StdRng::seed_from_u64(7), &mut transcript, &px, blind, x).unwrap();
        transcript.finalize()
    };
    let proof = open(&tabled);
    assert_eq!(proof, open(&plain), "the same transcript with and without the tables");

    // The verifier's final MSM, which goes over the generators through the tables when the
    // params have them: the identity for the proof, the same other point for a tampered one.
    let verifier_msm = |params: &ParamsIPA<G1Affine>, proof: &[u8]| {
        let mut transcript = Blake2bRead::<&[u8], G1Affine, Challenge255<G1Affine>>::init(proof);
        let p = transcript.read_point().unwrap();
        let x = *transcript.squeeze_challenge_scalar::<()>();
        let v = transcript.read_scalar().unwrap();
        let mut commitment = MSMIPA::new(params);
        commitment.append_term(Fr::ONE, p.into());
        let guard = verify_proof(params, commitment, &mut transcript, x, v).unwrap();
        guard.use_challenges().eval().to_affine()
    };
    assert_eq!(verifier_msm(&plain, &proof), G1Affine::identity(), "the opening verifies");
    assert_eq!(verifier_msm(&tabled, &proof), G1Affine::identity(), "the opening verifies through the tables");
    let mut tampered = proof.clone();
    let c = tampered.len() - 40; // a low byte of the opening's scalar c
    tampered[c] ^= 1;
    let rejected = verifier_msm(&plain, &tampered);
    assert_ne!(rejected, G1Affine::identity(), "a tampered opening does not verify");
    assert_eq!(verifier_msm(&tabled, &tampered), rejected, "the same MSM through the tables");
}

/// `FixedBaseMsm::write_raw` and `read_raw` (the tables hum's key bytes carry): the same MSMs
/// after the round trip, the bytes after the tables left over, and typed errors for tables of
/// other bases, another shape, cut short, or with a coordinate that is not a field element.
#[test]
fn the_fixed_base_tables_round_trip_through_bytes_and_refuse_others() {
    let mut rng = StdRng::seed_from_u64(11);
    let generator = G1Affine::generator();
    let mut bases: Vec<G1Affine> = (0..100).map(|_| (generator * Fr::random(&mut rng)).to_affine()).collect();
    bases[3] = G1Affine::identity();
    let table = FixedBaseMsm::new(&bases);
    let mut bytes = Vec::new();
    table.write_raw(&mut bytes);
    let mut followed = bytes.clone();
    followed.extend_from_slice(b"after");
    let (read, rest) = FixedBaseMsm::read_raw(&bases, &followed).unwrap();
    assert_eq!(rest, b"after");
    assert_eq!(read.table_bytes(), table.table_bytes());
    let coeffs: Vec<Fr> = (0..100).map(|_| Fr::random(&mut rng)).collect();
    assert_eq!(read.msm(&coeffs, 0).to_affine(), naive(&coeffs, &bases).to_affine());

    let refused = |bases: &[G1Affine], bytes: &[u8]| FixedBaseMsm::read_raw(bases, bytes).err().unwrap().to_string();
    let mut others = bases.clone();
    others[0] = generator;
    assert!(refused(&others, &bytes).contains("other bases"));
    assert!(refused(&bases[..99], &bytes).contains("not"), "{}", refused(&bases[..99], &bytes));
    assert!(refused(&bases, &bytes[..bytes.len() - 1]).contains("need"));
    assert!(refused(&bases, &bytes[..5]).contains("header"));
    let mut not_a_field_element = bytes.clone();
    not_a_field_element[12 + 64 * 50..12 + 64 * 50 + 32].fill(0xff);
    assert!(refused(&bases, &not_a_field_element).contains("canonical"));
}
