//! Real proofs: they verify, and tampering with the proof, the inputs or the keys is caught.

use std::sync::OnceLock;

use hum_core::{
    field::fr_to_hex, k_for_depth, prove, verify, CircuitKeys, Error, Flavour, Fr, Progress, ProofResult, PublicInputs,
    Srs, Stage, Witness,
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
    let result = prove(keys, &w, Flavour::Standard, rng(), &mut |p| reports.push(p)).unwrap();
    verify(keys, result.flavour, &result.proof, &result.public_inputs).unwrap();

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

/// From a thread outside rayon's pool (a C caller's, a host's), where the proof is moved onto
/// the pool (`core/src/pool.rs`), its reports still come to the calling thread, which also
/// answers the cancellation polls; from a pool thread, they stay on it.
#[test]
fn progress_reaches_the_calling_thread_inside_and_outside_the_pool() {
    struct Sink {
        threads: Vec<std::thread::ThreadId>,
        on_pool: Vec<bool>,
        cancel_after: usize,
    }
    impl hum_core::ProgressSink for Sink {
        fn report(&mut self, _: Progress) {
            self.threads.push(std::thread::current().id());
            self.on_pool.push(rayon::current_thread_index().is_some());
        }
        fn cancelled(&mut self) -> bool {
            self.threads.len() >= self.cancel_after
        }
    }
    let (_, keys) = keys();
    let caller = std::thread::current().id();
    let mut sink = Sink { threads: Vec::new(), on_pool: Vec::new(), cancel_after: usize::MAX };
    prove(keys, &witness(DEPTH, 2), Flavour::Standard, rng(), &mut sink).unwrap();
    assert!(sink.threads.len() >= 10 && sink.threads.iter().all(|t| *t == caller), "{:?}", sink.threads);
    assert!(!sink.on_pool.iter().any(|p| *p));

    let mut sink = Sink { threads: Vec::new(), on_pool: Vec::new(), cancel_after: 4 };
    assert_eq!(prove(keys, &witness(DEPTH, 3), Flavour::Standard, rng(), &mut sink).unwrap_err(), Error::Cancelled);

    let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
    let mut sink = Sink { threads: Vec::new(), on_pool: Vec::new(), cancel_after: usize::MAX };
    let result = pool.install(|| prove(keys, &witness(DEPTH, 4), Flavour::Standard, rng(), &mut sink)).unwrap();
    assert!(!sink.on_pool.is_empty() && sink.on_pool.iter().all(|p| *p));
    verify(keys, result.flavour, &result.proof, &result.public_inputs).unwrap();
}

const FLAVOURS: [Flavour; 2] = [Flavour::Standard, Flavour::Evm];

#[test]
fn a_flipped_proof_byte_fails() {
    let (_, keys) = keys();
    for flavour in FLAVOURS {
        let result = prove(keys, &witness(DEPTH, 2), flavour, rng(), &mut |_| {}).unwrap();
        assert_eq!(result.flavour, flavour);
        verify(keys, flavour, &result.proof, &result.public_inputs).unwrap();
        for position in [0, 31, 32, 63, result.proof.len() / 2, result.proof.len() - 1] {
            let mut tampered = result.proof.clone();
            tampered[position] ^= 1;
            assert!(
                matches!(verify(keys, flavour, &tampered, &result.public_inputs), Err(Error::ProofRejected(_))),
                "{flavour:?} byte {position}"
            );
        }
        assert!(verify(keys, flavour, &result.proof[..result.proof.len() - 1], &result.public_inputs).is_err());
        assert!(verify(keys, flavour, &[], &result.public_inputs).is_err());
        let mut longer = result.proof.clone();
        longer.push(0);
        assert!(matches!(verify(keys, flavour, &longer, &result.public_inputs), Err(Error::InvalidProof(_))));
    }
}

#[test]
fn the_proof_fails_against_other_public_inputs() {
    let (_, keys) = keys();
    for flavour in FLAVOURS {
        let result = prove(keys, &witness(DEPTH, 3), flavour, rng(), &mut |_| {}).unwrap();
        let good = result.public_inputs.to_array();
        for i in 0..4 {
            let mut other = good;
            other[i] += Fr::one();
            let other = PublicInputs::from_array(other);
            assert!(
                verify(keys, flavour, &result.proof, &other).is_err(),
                "{flavour:?} public input {i} (message_hash is 2)"
            );
        }
    }
}

#[test]
fn a_proof_verifies_only_in_its_own_flavour() {
    let (_, keys) = keys();
    let standard = prove(keys, &witness(DEPTH, 5), Flavour::Standard, rng(), &mut |_| {}).unwrap();
    let evm = prove(keys, &witness(DEPTH, 5), Flavour::Evm, rng(), &mut |_| {}).unwrap();
    assert_eq!(standard.public_inputs, evm.public_inputs);
    assert!(verify(keys, Flavour::Evm, &standard.proof, &standard.public_inputs).is_err());
    assert!(verify(keys, Flavour::Standard, &evm.proof, &evm.public_inputs).is_err());
    // The EVM encoding: uncompressed points and 32-byte scalars, so a longer proof, in 32-byte words.
    assert_eq!(evm.proof.len() % 32, 0);
    assert!(evm.proof.len() > standard.proof.len());
    // The first word is the first advice commitment's x: setting it to q (not a coordinate) is
    // refused before any arithmetic.
    let mut big = evm.proof.clone();
    big[..32]
        .copy_from_slice(&hex::decode("30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47").unwrap());
    assert!(matches!(verify(keys, Flavour::Evm, &big, &evm.public_inputs), Err(Error::ProofRejected(_))));
    // The proof JSON names the flavour and, for EVM, carries the uint256 inputs.
    let json: serde_json::Value = serde_json::from_str(&evm.to_json()).unwrap();
    assert_eq!(json["flavour"], "evm");
    assert_eq!(json["uint256_public_inputs"].as_array().unwrap().len(), 4);
    assert_eq!(ProofResult::from_json(evm.to_json().as_bytes()).unwrap(), evm);
    let json: serde_json::Value = serde_json::from_str(&standard.to_json()).unwrap();
    assert_eq!(json["flavour"], "standard");
    assert!(json.get("uint256_public_inputs").is_none());
}

#[test]
fn keys_through_bytes_still_prove_and_verify() {
    let (srs, keys) = keys();
    let bytes = keys.to_bytes();
    let reloaded = CircuitKeys::from_bytes(srs, DEPTH, &bytes).unwrap();
    assert_eq!(reloaded.info(), keys.info());
    let result = prove(&reloaded, &witness(DEPTH, 4), Flavour::Standard, rng(), &mut |_| {}).unwrap();
    verify(keys, result.flavour, &result.proof, &result.public_inputs).unwrap();
    verify(&reloaded, result.flavour, &result.proof, &result.public_inputs).unwrap();

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

/// Key bytes carry the params' fixed-base tables, so loaded keys prove without building them;
/// bytes whose digests hold but whose parts do not fit are refused with the part named, and so
/// are the earlier format's (no tables), which hosts then regenerate. (IPA keys' tables must be
/// hum's own: `core/tests/ipa.rs`.)
#[test]
fn key_bytes_carry_the_fixed_base_tables() {
    let (srs, keys) = keys();
    assert!(keys.table_bytes() > 1 << 20, "{} table bytes", keys.table_bytes());
    let bytes = keys.to_bytes();
    let reloaded = CircuitKeys::from_bytes(srs, DEPTH, &bytes).unwrap();
    assert_eq!(reloaded.table_bytes(), keys.table_bytes());
    assert_eq!(reloaded.to_bytes(), bytes);

    let refused = |bytes: &[u8]| match CircuitKeys::from_bytes(srs, DEPTH, bytes) {
        Err(Error::InvalidKey(message)) => message,
        other => panic!("expected invalid-key, got {:?}", other.map(|k| k.info().clone())),
    };
    let (pk, tables) = key_parts(&bytes);
    assert_eq!(CircuitKeys::from_bytes(srs, DEPTH, &sealed(&bytes, pk, tables)).unwrap().info(), keys.info());
    assert!(refused(&sealed(&bytes, pk, &tables[..tables.len() - 64])).contains("fixed-base tables"));
    let mut flipped = tables.to_vec();
    flipped[tables.len() / 2] ^= 1;
    assert!(refused(&[&bytes[..110], pk, &flipped].concat()).contains("tables are corrupted"));
    let mut too_long = bytes.clone();
    too_long[106..110].copy_from_slice(&u32::MAX.to_le_bytes());
    assert!(refused(&too_long).contains("length"));
    let mut earlier = bytes.clone();
    earlier[..8].copy_from_slice(b"HUMKEY01");
    assert!(refused(&earlier).contains("earlier format"));
}

/// The proving key and the tables of key bytes (the layout of `core/src/keys.rs`).
fn key_parts(bytes: &[u8]) -> (&[u8], &[u8]) {
    let pk_len = u32::from_le_bytes(bytes[106..110].try_into().unwrap()) as usize;
    bytes[110..].split_at(pk_len)
}

/// Key bytes with the header of `bytes` around `pk` and `tables`, both digests recomputed, as a
/// cache writer could.
fn sealed(bytes: &[u8], pk: &[u8], tables: &[u8]) -> Vec<u8> {
    use sha2::{Digest, Sha256};
    let mut out = bytes[..110].to_vec();
    out[42..74].copy_from_slice(&Sha256::digest(pk));
    out[74..106].copy_from_slice(&Sha256::digest(tables));
    out[106..110].copy_from_slice(&(pk.len() as u32).to_le_bytes());
    [&out[..], pk, tables].concat()
}

#[test]
fn a_witness_of_another_depth_is_refused() {
    let (_, keys) = keys();
    let err = prove(keys, &witness(5, 1), Flavour::Standard, rng(), &mut |_| {}).unwrap_err();
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
        let err = prove(keys, &witness(DEPTH, 5), Flavour::Standard, rng(), &mut CancelAt(at, 0)).unwrap_err();
        assert_eq!(err, Error::Cancelled, "cancel after {at} reports");
    }
}

#[test]
fn proof_json_round_trips() {
    let (_, keys) = keys();
    let result = prove(keys, &witness(DEPTH, 6), Flavour::Standard, rng(), &mut |_| {}).unwrap();
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
        let result = prove(&keys, &witness(depth, 8), Flavour::Standard, rng(), &mut |_| {}).unwrap();
        verify(&keys, result.flavour, &result.proof, &result.public_inputs).unwrap();
    }
}
