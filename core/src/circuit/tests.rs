//! MockProver checks of `MembershipCircuit`: valid witnesses pass, each kind of lie fails.

use halo2_proofs::{dev::MockProver, halo2curves::ff::Field};
use rand::{rngs::StdRng, Rng, SeedableRng};

use super::*;
use crate::poseidon2::chip::ROWS_PER_PERMUTATION;

pub(crate) fn random_values(depth: usize, seed: u64) -> MembershipValues {
    let mut rng = StdRng::seed_from_u64(seed);
    MembershipValues {
        secret: Fr::random(&mut rng),
        index_bits: (0..depth).map(|_| rng.gen()).collect(),
        siblings: (0..depth).map(|_| Fr::random(&mut rng)).collect(),
        action_id: Fr::random(&mut rng),
        message_hash: Fr::random(&mut rng),
    }
}

fn mock(values: MembershipValues, instance: [Fr; 4]) -> Result<(), String> {
    let depth = values.siblings.len();
    let prover = MockProver::run(k_for_depth(depth), &MembershipCircuit::new(values), vec![instance.to_vec()])
        .map_err(|e| format!("{e:?}"))?;
    prover.verify().map_err(|e| format!("{} failures, first: {:?}", e.len(), e.first()))
}

#[test]
fn accepts_valid_witnesses_at_depths_1_2_20_32() {
    for depth in [1, 2, 20, 32] {
        let values = random_values(depth, depth as u64);
        let instance = values.public_inputs();
        assert_eq!(mock(values, instance), Ok(()), "depth {depth}");
    }
}

#[test]
fn k_is_the_smallest_that_fits() {
    assert_eq!(k_for_depth(1), 7);
    assert_eq!(k_for_depth(3), 7);
    assert_eq!(k_for_depth(4), 8);
    assert_eq!(k_for_depth(8), 8);
    assert_eq!(k_for_depth(9), 9);
    // The default depth fills k = 9 exactly: 22 permutations of 23 rows and 6 reserved rows.
    assert_eq!(rows_for_depth(20) + RESERVED_ROWS, 1 << 9);
    assert_eq!(k_for_depth(20), 9);
    assert_eq!(k_for_depth(21), 10);
    assert_eq!(k_for_depth(32), 10);
    for depth in MIN_DEPTH..=MAX_DEPTH {
        let k = k_for_depth(depth);
        assert!(rows_for_depth(depth) + RESERVED_ROWS <= 1 << k);
        assert!(rows_for_depth(depth) + RESERVED_ROWS > 1 << (k - 1));
    }
}

#[test]
fn rejects_a_wrong_sibling() {
    let mut values = random_values(20, 1);
    let instance = values.public_inputs();
    values.siblings[7] += Fr::one();
    assert!(mock(values, instance).is_err());
}

#[test]
fn rejects_a_flipped_index_bit() {
    let mut values = random_values(20, 2);
    let instance = values.public_inputs();
    values.index_bits[0] = !values.index_bits[0];
    assert!(mock(values, instance).is_err());
}

#[test]
fn rejects_a_wrong_secret() {
    let mut values = random_values(20, 3);
    let instance = values.public_inputs();
    values.secret += Fr::one();
    assert!(mock(values, instance).is_err());
}

#[test]
fn rejects_a_wrong_nullifier_or_action_id() {
    let values = random_values(4, 4);
    let mut instance = values.public_inputs();
    instance[NULLIFIER_ROW] += Fr::one();
    assert!(mock(values.clone(), instance).is_err());

    let mut instance = values.public_inputs();
    instance[ACTION_ID_ROW] += Fr::one();
    assert!(mock(values.clone(), instance).is_err());

    let mut instance = values.public_inputs();
    instance[ROOT_ROW] += Fr::one();
    assert!(mock(values, instance).is_err());
}

/// Runs MockProver on an honest witness with one cell changed and returns the failures' text.
fn tampered_failures(depth: usize, column: usize, row: usize, delta: u64) -> String {
    let values = random_values(depth, 99);
    let instance = values.public_inputs();
    let circuit = MembershipCircuit::tampered(values, Tamper::Cell { column, row, delta: Fr::from(delta) });
    let prover = MockProver::run(k_for_depth(depth), &circuit, vec![instance.to_vec()]).unwrap();
    match prover.verify() {
        Ok(()) => String::new(),
        Err(failures) => format!("{failures:?}"),
    }
}

const P: usize = ROWS_PER_PERMUTATION;

/// Every constraint of SECURITY.md's soundness table: a malicious assignment that breaks it
/// is rejected, and the failure names the gate (or the copy) that caught it.
#[test]
fn every_constraint_rejects_a_malicious_assignment() {
    let depth = 2;
    // (what is broken, column, row, the gate or argument that must report it)
    let cases: [(&str, usize, usize, &str); 18] = [
        ("first_full: helper square h1", 5, 0, "first_full"),
        ("first_full: next state s2", 2, 1, "first_full"),
        ("full: helper square h3", 7, 2, "\"full\""),
        ("full: next state s0 (row 19)", 0, 19, "\"full\""),
        ("partial_rounds: h0 = a0²", 4, 10, "partial_rounds"),
        ("partial_rounds: h1 = h0²·a0", 5, 10, "partial_rounds"),
        ("partial_rounds: h2 = a1²", 6, 10, "partial_rounds"),
        ("partial_rounds: h3 = h2²·a1", 7, 10, "partial_rounds"),
        ("partial_rounds: h4 = a2²", 8, 10, "partial_rounds"),
        ("partial_rounds: h5 = h4²·a2", 9, 10, "partial_rounds"),
        ("partial_rounds: h6 = a3²", 10, 10, "partial_rounds"),
        ("partial_rounds: h7 = h6²·a3", 11, 10, "partial_rounds"),
        ("partial_rounds: next state s3", 3, 11, "partial_rounds"),
        ("swap: bit is boolean", 5, P - 1, "swap"),
        ("swap: right child input", 1, P, "swap"),
        ("swap: third input is 0", 2, P, "swap"),
        ("leaf_input: capacity 2^64", 3, 0, "leaf_input"),
        ("nullifier_input: capacity 2·2^64", 3, (depth + 1) * P, "nullifier_input"),
    ];
    for (what, column, row, gate) in cases {
        let failures = tampered_failures(depth, column, row, 1);
        assert!(!failures.is_empty(), "{what}: the tampered witness was accepted");
        assert!(failures.contains(gate), "{what}: expected a failure in {gate}, got {failures}");
    }
    // The nullifier computed from another secret: every gate holds (the public nullifier matches
    // that other secret), only the copy constraint between the two secret cells catches it.
    let values = random_values(depth, 98);
    let other = values.secret + Fr::one();
    let mut instance = values.public_inputs();
    instance[NULLIFIER_ROW] = crate::poseidon2::hash2(other, values.action_id);
    let circuit = MembershipCircuit::tampered(values, Tamper::NullifierSecret(other));
    let failures =
        format!("{:?}", MockProver::run(k_for_depth(depth), &circuit, vec![instance.to_vec()]).unwrap().verify());
    assert!(
        failures.contains("Equality constraint not satisfied") && !failures.contains("gate:"),
        "secret copy: {failures}"
    );
    // Honest control: no tamper delta, no failure.
    assert_eq!(tampered_failures(depth, 0, 0, 0), "");
}
