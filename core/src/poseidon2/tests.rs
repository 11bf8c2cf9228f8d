//! Poseidon2 against the spec's known answers and against HorizenLabs' `zkhash` as an oracle.

use std::sync::Arc;

use halo2_proofs::halo2curves::{bn256::Fr, ff::Field};
use rand::{rngs::StdRng, SeedableRng};
use zkhash::{
    ark_ff::{BigInteger, PrimeField as ArkPrimeField},
    fields::{bn256::FpBN256, utils::from_hex},
    poseidon2::{
        poseidon2::Poseidon2, poseidon2_instance_bn256::POSEIDON2_BN256_PARAMS, poseidon2_params::Poseidon2Params,
    },
};

use super::*;
use crate::field::{fr_to_hex, parse_fr};

fn fr(hex: &str) -> Fr {
    parse_fr(hex).expect("test constant")
}

fn to_ark(x: &Fr) -> FpBN256 {
    from_hex(&fr_to_hex(x))
}

fn from_ark(x: &FpBN256) -> Fr {
    let be = x.into_bigint().to_bytes_be();
    fr(&format!("0x{}", hex::encode(be)))
}

#[test]
fn permutation_known_answer() {
    let mut s = [Fr::from(0), Fr::from(1), Fr::from(2), Fr::from(3)];
    permute(&mut s);
    assert_eq!(
        s,
        [
            fr("0x01bd538c2ee014ed5141b29e9ae240bf8db3fe5b9a38629a9647cf8d76c01737"),
            fr("0x239b62e7db98aa3a2a8f6a0d2fa1709e7a35959aa6c7034814d9daa90cbac662"),
            fr("0x04cbb44c61d928ed06808456bf758cbf0c18d1e15a7b6dbc8245fa7515d5e3cb"),
            fr("0x2e11c5cff2a22c64d01304b778d78f6998eff1ab73163a35603f54794c30847a"),
        ]
    );
}

#[test]
fn hash_known_answers() {
    let n = |v: u64| Fr::from(v);
    assert_eq!(hash1(n(1)), fr("0x168758332d5b3e2d13be8048c8011b454590e06c44bce7f702f09103eef5a373"));
    assert_eq!(hash2(n(1), n(2)), fr("0x038682aa1cb5ae4e0a3f13da432a95c77c5c111f6f030faf9cad641ce1ed7383"));
    assert_eq!(hash2(n(0), n(0)), fr("0x0b63a53787021a4a962a452c2921b3663aff1ffd8d5510540f8e659e782956f1"));
    assert_eq!(
        hash(&[n(1), n(2), n(3), n(4), n(5)]),
        fr("0x2247be7014a54d17342a7ef677f58d28877780d203860396967f5d0a18d259db")
    );
}

#[test]
fn self_test_passes() {
    assert!(self_test());
}

#[test]
fn constants_match_json() {
    let json: serde_json::Value = serde_json::from_str(include_str!("../../vectors/poseidon2-bn254-t4.json")).unwrap();
    let diag: Vec<Fr> = json["internal_matrix_diagonal_minus_one"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| fr(v.as_str().unwrap()))
        .collect();
    assert_eq!(diag, INTERNAL_DIAGONAL.to_vec());
    let rounds = json["round_constants"].as_array().unwrap();
    assert_eq!(rounds.len(), 2 * HALF_FULL_ROUNDS + PARTIAL_ROUNDS);
    for (row, expected) in rounds.iter().zip(ROUND_CONSTANTS.iter()) {
        let row: Vec<Fr> = row.as_array().unwrap().iter().map(|v| fr(v.as_str().unwrap())).collect();
        assert_eq!(row, expected.to_vec());
    }
    assert_eq!(json["external_matrix"], serde_json::json!([[5, 7, 1, 3], [4, 6, 1, 1], [1, 3, 5, 7], [1, 1, 4, 6]]));
}

#[test]
fn external_matrix_is_m4() {
    let m4 = [[5u64, 7, 1, 3], [4, 6, 1, 1], [1, 3, 5, 7], [1, 1, 4, 6]];
    let mut rng = StdRng::seed_from_u64(4);
    let input: State = std::array::from_fn(|_| Fr::random(&mut rng));
    let mut s = input;
    external_matrix(&mut s);
    for (i, row) in m4.iter().enumerate() {
        let expected: Fr = row.iter().zip(input.iter()).map(|(m, x)| Fr::from(*m) * x).sum();
        assert_eq!(s[i], expected, "row {i}");
    }
}

#[test]
fn zkhash_oracle_own_t3_known_answer() {
    // Checks the oracle and the conversions before trusting them for t = 4.
    let poseidon2 = Poseidon2::new(&POSEIDON2_BN256_PARAMS);
    let input: Vec<FpBN256> = (0..3u64).map(FpBN256::from).collect();
    let out = poseidon2.permutation(&input);
    assert_eq!(from_ark(&out[0]), fr("0x0bb61d24daca55eebcb1929a82650f328134334da98ea4f847f760054f4a3033"));
    assert_eq!(from_ark(&out[2]), fr("0x1ed25194542b12eef8617361c3ba7c52e660b145994427cc86296242cf766ec8"));
}

#[test]
fn zkhash_oracle_with_our_t4_constants_on_random_states() {
    let diag: Vec<FpBN256> = INTERNAL_DIAGONAL.iter().map(to_ark).collect();
    let mut internal = vec![vec![FpBN256::from(1u64); 4]; 4];
    for (i, row) in internal.iter_mut().enumerate() {
        row[i] += diag[i];
    }
    let rc: Vec<Vec<FpBN256>> = ROUND_CONSTANTS.iter().map(|row| row.iter().map(to_ark).collect()).collect();
    let params = Arc::new(Poseidon2Params::new(4, 5, 8, 56, &diag, &internal, &rc));
    let oracle = Poseidon2::new(&params);

    let mut rng = StdRng::seed_from_u64(2026);
    for _ in 0..1000 {
        let mut ours: State = std::array::from_fn(|_| Fr::random(&mut rng));
        let theirs = oracle.permutation(&ours.iter().map(to_ark).collect::<Vec<_>>());
        permute(&mut ours);
        assert_eq!(ours.to_vec(), theirs.iter().map(from_ark).collect::<Vec<_>>());
    }
}
