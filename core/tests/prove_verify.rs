//! Real proofs: they verify, and tampering with the proof, the inputs or the keys is caught.

use std::sync::OnceLock;

use hum_core::{
    field::fr_to_hex, k_for_depth, prove, verify, CircuitKeys, Error, Fr, Progress, PublicInputs, Srs, Stage, Witness,
};
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;

const DEPTH: usize = 20;

fn keys() -> &'static (Srs, CircuitKeys) {
    static KEYS: OnceLock<(Srs, CircuitKeys)> = OnceLock::new();
    KEYS.get_or_init(|| {
        let srs = Srs::insecure_dev(k_for_depth(DEPTH));
        let keys = CircuitKeys::generate(&srs, DEPTH).unwrap();
        (srs, keys)
    })
}

fn witness(depth: usize, seed: u64) -> Witness {
    let siblings: Vec<String> = (0..depth).map(|i| fr_to_hex(&Fr::from(seed * 1000 + i as u64))).collect();
    Witness::from_json(
        serde_json::json!({
            "secret": fr_to_hex(&Fr::from(seed + 77)),
            "index": (seed * 7919) % (1 << depth),
            "siblings": siblings,
            "action_id": "0x61637469",
            "message_hash": fr_to_hex(&Fr::from(seed + 5)),
        })
        .to_string()
        .as_bytes(),
    )
    .unwrap()
}

fn rng() -> ChaCha20Rng {
    ChaCha20Rng::seed_from_u64(99)
}

#[test]
fn a_real_proof_verifies_and_reports_progress() {
    let (_, keys) = keys();
    let w = witness(DEPTH, 1);
    let mut reports: Vec<Progress> = Vec::new();
    let result = prove(keys, &w, rng(), &mut |p| reports.push(p)).unwrap();
    verify(keys, &result.proof, &result.public_inputs).unwrap();

    let expected = PublicInputs::from_array(w.validate().unwrap().public_inputs());
    assert_eq!(result.public_inputs, expected);
    assert!(result.proof.len() <= 2048, "proof is {} bytes", result.proof.len());
    assert!(result.circuit.insecure_dev_srs);
    assert!(result.circuit.id.ends_with("-insecure-dev-srs"));

    assert!(reports.len() >= 10, "{} reports", reports.len());
    assert!(reports.windows(2).all(|w| w[0].percent <= w[1].percent), "{reports:?}");
    let last = reports.last().unwrap();
    assert_eq!((last.stage, last.percent), (Stage::Done, 100));
    assert!(reports[..reports.len() - 1].iter().all(|p| p.percent < 100));
    for stage in [
        Stage::Synthesis,
        Stage::AdviceCommitments,
        Stage::Permutation,
        Stage::Quotient,
        Stage::Evaluations,
        Stage::Openings,
    ] {
        assert!(reports.iter().any(|p| p.stage == stage), "no {stage:?} report");
    }
}

#[test]
fn a_flipped_proof_byte_fails() {
    let (_, keys) = keys();
    let result = prove(keys, &witness(DEPTH, 2), rng(), &mut |_| {}).unwrap();
    for position in [0, result.proof.len() / 2, result.proof.len() - 1] {
        let mut tampered = result.proof.clone();
        tampered[position] ^= 1;
        assert!(
            matches!(verify(keys, &tampered, &result.public_inputs), Err(Error::ProofRejected(_))),
            "byte {position}"
        );
    }
    assert!(verify(keys, &result.proof[..result.proof.len() - 1], &result.public_inputs).is_err());
    assert!(verify(keys, &[], &result.public_inputs).is_err());
}

#[test]
fn the_proof_fails_against_other_public_inputs() {
    let (_, keys) = keys();
    let result = prove(keys, &witness(DEPTH, 3), rng(), &mut |_| {}).unwrap();
    let good = result.public_inputs.to_array();
    for i in 0..4 {
        let mut other = good;
        other[i] += Fr::one();
        let other = PublicInputs::from_array(other);
        assert!(verify(keys, &result.proof, &other).is_err(), "public input {i} (message_hash is 2)");
    }
}

#[test]
fn keys_through_bytes_still_prove_and_verify() {
    let (srs, keys) = keys();
    let bytes = keys.to_bytes();
    let reloaded = CircuitKeys::from_bytes(srs, DEPTH, &bytes).unwrap();
    assert_eq!(reloaded.info(), keys.info());
    let result = prove(&reloaded, &witness(DEPTH, 4), rng(), &mut |_| {}).unwrap();
    verify(keys, &result.proof, &result.public_inputs).unwrap();
    verify(&reloaded, &result.proof, &result.public_inputs).unwrap();

    let mut corrupted = bytes.clone();
    let last = corrupted.len() - 1;
    corrupted[last] ^= 0x80;
    assert!(
        matches!(CircuitKeys::from_bytes(srs, DEPTH, &corrupted), Err(Error::InvalidKey(m)) if m.contains("integrity"))
    );
    assert!(matches!(CircuitKeys::from_bytes(srs, DEPTH, b"garbage"), Err(Error::InvalidKey(_))));
    assert!(matches!(CircuitKeys::from_bytes(srs, 19, &bytes), Err(Error::InvalidKey(m)) if m.contains("depth")));
    let other_srs = Srs::from_bytes(&srs.to_bytes(), None).unwrap();
    assert_eq!(other_srs.hash(), srs.hash());
}

#[test]
fn a_witness_of_another_depth_is_refused() {
    let (_, keys) = keys();
    let err = prove(keys, &witness(5, 1), rng(), &mut |_| {}).unwrap_err();
    assert_eq!(err, Error::DepthMismatch { expected: DEPTH, got: 5 });
}

#[test]
fn cancelling_stops_the_proof() {
    struct CancelAt(usize, usize);
    impl hum_core::ProgressSink for CancelAt {
        fn report(&mut self, _: Progress) {
            self.1 += 1;
        }
        fn cancelled(&mut self) -> bool {
            self.1 >= self.0
        }
    }
    let (_, keys) = keys();
    for at in [1, 5, 12] {
        let err = prove(keys, &witness(DEPTH, 5), rng(), &mut CancelAt(at, 0)).unwrap_err();
        assert_eq!(err, Error::Cancelled, "cancel after {at} reports");
    }
}

#[test]
fn proof_json_round_trips() {
    let (_, keys) = keys();
    let result = prove(keys, &witness(DEPTH, 6), rng(), &mut |_| {}).unwrap();
    let json = result.to_json();
    let back = hum_core::ProofResult::from_json(json.as_bytes()).unwrap();
    assert_eq!(back, result);
    assert!(matches!(hum_core::ProofResult::from_json(b"{}"), Err(Error::InvalidProof(_))));
}

#[test]
fn small_depths_prove_too() {
    for depth in [1, 2] {
        let srs = Srs::insecure_dev(k_for_depth(depth));
        let keys = CircuitKeys::generate(&srs, depth).unwrap();
        let result = prove(&keys, &witness(depth, 8), rng(), &mut |_| {}).unwrap();
        verify(&keys, &result.proof, &result.public_inputs).unwrap();
    }
}
