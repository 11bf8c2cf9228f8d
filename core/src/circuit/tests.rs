//! MockProver checks of `MembershipCircuit`: valid witnesses pass, each kind of lie fails.

use halo2_proofs::{dev::MockProver, halo2curves::ff::Field};
use rand::{rngs::StdRng, Rng, SeedableRng};

use super::*;

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
    assert_eq!(k_for_depth(2), 8);
    assert_eq!(k_for_depth(20), 10);
    assert_eq!(k_for_depth(25), 10);
    assert_eq!(k_for_depth(26), 11);
    assert_eq!(k_for_depth(32), 11);
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
