//! The C ABI called as C would call it: NULLs, bad inputs, blocking and asynchronous proofs,
//! cancellation, keys through bytes.

mod common;

use std::ffi::CStr;

use common::{last_error, record, take, verify_dev, wait, witness_json, Seen};
use hum::*;

fn new_prover() -> *mut HumProver {
    let mut p = std::ptr::null_mut();
    assert_eq!(hum_prover_new(&mut p), HumResult::Ok);
    p
}

#[test]
fn nulls_and_codes_are_reported_not_crashed() {
    assert_eq!(hum_prover_new(std::ptr::null_mut()), HumResult::NullArgument);
    assert_eq!(hum_prover_init(std::ptr::null(), 4, std::ptr::null(), 0, std::ptr::null(), 0), HumResult::NullArgument);
    let p = new_prover();
    assert_eq!(
        hum_prover_init(p, 4, std::ptr::null(), 5, std::ptr::null(), 0),
        HumResult::NullArgument,
        "NULL with a length"
    );
    assert_eq!(hum_prover_init(p, 0, std::ptr::null(), 0, std::ptr::null(), 0), HumResult::InvalidArgument);
    assert_eq!(hum_prover_init(p, 33, std::ptr::null(), 0, std::ptr::null(), 0), HumResult::InvalidArgument);
    let mut out = HumBuffer { data: std::ptr::null_mut(), len: 0 };
    let w = witness_json(4, 2);
    assert_eq!(
        hum_prover_prove(p, w.as_ptr(), w.len(), HumFlavour::Standard as u32, &mut out),
        HumResult::NotInitialized
    );
    assert_eq!(
        hum_prover_prove(p, std::ptr::null(), 0, HumFlavour::Standard as u32, &mut out),
        HumResult::NullArgument
    );
    assert_eq!(hum_prover_verify(p, b"{}".as_ptr(), 2, std::ptr::null()), HumResult::NotInitialized);
    assert_eq!(hum_prover_init(p, 4, [1u8, 2, 3].as_ptr(), 3, std::ptr::null(), 0), HumResult::InvalidSrs);
    // Cached keys that do not check out are regenerated (wit/POLICY.md); the last error says why.
    assert_eq!(hum_prover_init(p, 4, std::ptr::null(), 0, b"junk".as_ptr(), 4), HumResult::Ok);
    assert!(last_error(p).contains("rejected and regenerated") && last_error(p).contains("not hum key bytes"));
    for code in 0..19u32 {
        let message = unsafe { CStr::from_ptr(hum_result_message(code)) }.to_str().unwrap();
        assert!(!message.is_empty());
    }
    assert_eq!(unsafe { CStr::from_ptr(hum_result_message(999)) }.to_str().unwrap(), "unknown result code");
    assert_eq!(unsafe { CStr::from_ptr(hum_version()) }.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
    hum_prover_free(p);
    hum_prover_free(std::ptr::null_mut());
}

#[test]
fn the_transparent_scheme_needs_no_srs_and_a_strict_verifier_accepts_it() {
    let p = new_prover();
    assert_eq!(hum_prover_init_transparent(p, 4, std::ptr::null(), 0), HumResult::Ok);
    let mut id = HumBuffer { data: std::ptr::null_mut(), len: 0 };
    assert_eq!(hum_prover_circuit_id(p, &mut id), HumResult::Ok);
    let id = String::from_utf8(take(id)).unwrap();
    assert!(id.contains("-ipa-") && !id.contains("insecure"), "{id}");
    let w = witness_json(4, 1);
    let mut out = HumBuffer { data: std::ptr::null_mut(), len: 0 };
    assert_eq!(hum_prover_prove(p, w.as_ptr(), w.len(), HumFlavour::Standard as u32, &mut out), HumResult::Ok);
    let proof = take(out);
    let strict = HumVerifyPolicy { depth: 4, ..hum_verify_policy_default() };
    assert_eq!(hum_prover_verify(p, proof.as_ptr(), proof.len(), &strict), HumResult::Ok);
    // A KZG prover (here on the dev SRS) refuses it as another circuit.
    let q = new_prover();
    assert_eq!(hum_prover_init_insecure_dev_srs(q, 4, std::ptr::null(), 0), HumResult::Ok);
    assert_eq!(verify_dev(q, 4, &proof), HumResult::WrongCircuit);
    assert!(last_error(q).contains("scheme ipa"), "{}", last_error(q));
    hum_prover_free(p);
    hum_prover_free(q);
}

#[test]
fn the_evm_flavour_and_an_unknown_one() {
    // On the default (IPA) the evm flavour is refused: a contract verifies KZG proofs.
    let ipa = new_prover();
    assert_eq!(hum_prover_init(ipa, 4, std::ptr::null(), 0, std::ptr::null(), 0), HumResult::Ok);
    let w = witness_json(4, 1);
    let mut out = HumBuffer { data: std::ptr::null_mut(), len: 0 };
    assert_eq!(
        hum_prover_prove(ipa, w.as_ptr(), w.len(), HumFlavour::Evm as u32, &mut out),
        HumResult::InvalidArgument
    );
    assert!(last_error(ipa).contains("verifies KZG proofs"), "{}", last_error(ipa));
    hum_prover_free(ipa);
    let p = new_prover();
    assert_eq!(hum_prover_init_insecure_dev_srs(p, 4, std::ptr::null(), 0), HumResult::Ok);
    assert_eq!(hum_prover_prove(p, w.as_ptr(), w.len(), HumFlavour::Evm as u32, &mut out), HumResult::Ok);
    let proof = take(out);
    let json: serde_json::Value = serde_json::from_slice(&proof).unwrap();
    assert_eq!(json["flavour"], "evm");
    assert_eq!(json["uint256_public_inputs"].as_array().map(Vec::len), Some(4));
    // The flavour is read from the file; the proof bytes say nothing of the circuit.
    assert_eq!(verify_dev(p, 4, &proof), HumResult::Ok);
    let mut relabelled = json.clone();
    relabelled["flavour"] = "standard".into();
    assert_eq!(verify_dev(p, 4, relabelled.to_string().as_bytes()), HumResult::ProofRejected);
    let mut out = HumBuffer { data: std::ptr::null_mut(), len: 0 };
    assert_eq!(hum_prover_prove(p, w.as_ptr(), w.len(), 7, &mut out), HumResult::InvalidArgument);
    assert_eq!(
        last_error(p),
        "invalid argument: `flavour` is 7; it must be HUM_FLAVOUR_STANDARD (0) or HUM_FLAVOUR_EVM (1)"
    );
    assert!(out.data.is_null());
    hum_prover_free(p);
}

#[test]
fn blocking_prove_verify_keys_and_bad_witnesses() {
    let p = new_prover();
    assert_eq!(hum_prover_init(p, 4, std::ptr::null(), 0, std::ptr::null(), 0), HumResult::Ok);
    let w = witness_json(4, 2);
    let mut out = HumBuffer { data: std::ptr::null_mut(), len: 0 };
    assert_eq!(hum_prover_prove(p, w.as_ptr(), w.len(), HumFlavour::Standard as u32, &mut out), HumResult::Ok);
    let proof = take(out);
    assert_eq!(verify_dev(p, 4, &proof), HumResult::Ok);
    let mut tampered: serde_json::Value = serde_json::from_slice(&proof).unwrap();
    tampered["public_inputs"]["action_id"] = "0x03".into();
    let tampered = tampered.to_string();
    assert_eq!(verify_dev(p, 4, tampered.as_bytes()), HumResult::ProofRejected);
    assert_eq!(verify_dev(p, 4, b"garbage"), HumResult::InvalidProof);

    let bad = br#"{"secret":"0x1","index":0,"siblings":["0x1","0x2","0x3","0x4"],"action_id":"0x1","message_hash":"0x2","nonce":1}"#;
    let mut out = HumBuffer { data: std::ptr::null_mut(), len: 0 };
    assert_eq!(
        hum_prover_prove(p, bad.as_ptr(), bad.len(), HumFlavour::Standard as u32, &mut out),
        HumResult::InvalidWitness
    );
    assert_eq!(last_error(p), "invalid witness: unknown field `nonce`");

    let mut keys = HumBuffer { data: std::ptr::null_mut(), len: 0 };
    assert_eq!(hum_prover_export_keys(p, &mut keys), HumResult::Ok);
    let keys = take(keys);
    let q = new_prover();
    assert_eq!(hum_prover_init(q, 4, std::ptr::null(), 0, keys.as_ptr(), keys.len()), HumResult::Ok);
    assert_eq!(verify_dev(q, 4, &proof), HumResult::Ok);
    hum_prover_free(p);
    hum_prover_free(q);
}

#[test]
fn async_prove_reports_progress_then_cancel_then_prove_again() {
    let p = new_prover();
    assert_eq!(hum_prover_init(p, 16, std::ptr::null(), 0, std::ptr::null(), 0), HumResult::Ok);
    let w = witness_json(16, 2);
    let seen = Seen::default();
    let user = seen.user_data();
    assert_eq!(
        hum_prover_prove_async(p, w.as_ptr(), w.len(), HumFlavour::Standard as u32, Some(record), user),
        HumResult::Ok
    );
    let events = wait(&seen);
    let progress: Vec<u8> = events.iter().filter(|e| e.0 == HumEventKind::Progress).map(|e| e.1).collect();
    assert!(
        progress.len() >= 10 && progress.windows(2).all(|w| w[0] <= w[1]) && progress.last() == Some(&100),
        "{progress:?}"
    );
    let proof = events.iter().find(|e| e.0 == HumEventKind::ProofComplete).expect("proof").3.clone();
    assert_eq!(verify_dev(p, 16, &proof), HumResult::Ok);

    // Cancel from this thread while the worker proves.
    assert_eq!(
        hum_prover_prove_async(p, w.as_ptr(), w.len(), HumFlavour::Standard as u32, Some(record), user),
        HumResult::Ok
    );
    let mut out = HumBuffer { data: std::ptr::null_mut(), len: 0 };
    assert_eq!(
        hum_prover_prove(p, w.as_ptr(), w.len(), HumFlavour::Standard as u32, &mut out),
        HumResult::Busy,
        "one proof at a time"
    );
    assert_eq!(hum_prover_cancel(p), HumResult::Ok);
    let events = wait(&seen);
    let error = events.iter().find(|e| e.0 == HumEventKind::Error).expect("an error event");
    assert_eq!(error.2, HumResult::Cancelled);

    assert_eq!(hum_prover_prove(p, w.as_ptr(), w.len(), HumFlavour::Standard as u32, &mut out), HumResult::Ok);
    let proof = take(out);
    assert_eq!(verify_dev(p, 16, &proof), HumResult::Ok);
    hum_prover_free(p);
}

#[test]
fn the_verifier_policy_decides_what_is_accepted() {
    let p = new_prover();
    // An empty SRS buffer is not a request for the default.
    let empty: [u8; 0] = [];
    assert_eq!(hum_prover_init(p, 4, empty.as_ptr(), 0, std::ptr::null(), 0), HumResult::InvalidArgument);
    assert_eq!(hum_prover_init_insecure_dev_srs(p, 4, std::ptr::null(), 0), HumResult::Ok);
    let w = witness_json(4, 2);
    let mut out = HumBuffer { data: std::ptr::null_mut(), len: 0 };
    assert_eq!(hum_prover_prove(p, w.as_ptr(), w.len(), HumFlavour::Standard as u32, &mut out), HumResult::Ok);
    let proof = take(out);
    let verify = |policy: &HumVerifyPolicy, json: &[u8]| hum_prover_verify(p, json.as_ptr(), json.len(), policy);
    let dev = HumVerifyPolicy { depth: 4, allow_insecure_dev_srs: true, ..hum_verify_policy_default() };
    assert_eq!(verify(&dev, &proof), HumResult::Ok);
    // The default (depth 20, no dev SRS) refuses; so does the dev SRS without the opt-in.
    assert_eq!(hum_prover_verify(p, proof.as_ptr(), proof.len(), std::ptr::null()), HumResult::WrongCircuit);
    assert!(last_error(p).contains("depth 20"), "{}", last_error(p));
    assert_eq!(verify(&HumVerifyPolicy { allow_insecure_dev_srs: false, ..dev }, &proof), HumResult::InsecureSrs);
    assert!(last_error(p).contains("INSECURE"), "{}", last_error(p));
    assert_eq!(verify(&HumVerifyPolicy { depth: 5, ..dev }, &proof), HumResult::WrongCircuit);
    // A pinned root or action id.
    let json: serde_json::Value = serde_json::from_slice(&proof).unwrap();
    let root = std::ffi::CString::new(json["public_inputs"]["root"].as_str().unwrap()).unwrap();
    assert_eq!(verify(&HumVerifyPolicy { root: root.as_ptr(), ..dev }, &proof), HumResult::Ok);
    let other = c"0x1234";
    assert_eq!(verify(&HumVerifyPolicy { root: other.as_ptr(), ..dev }, &proof), HumResult::ProofRejected);
    assert!(last_error(p).contains("`root`"), "{}", last_error(p));
    assert_eq!(verify(&HumVerifyPolicy { action_id: other.as_ptr(), ..dev }, &proof), HumResult::ProofRejected);
    let bad = c"0xnothex";
    assert_eq!(verify(&HumVerifyPolicy { action_id: bad.as_ptr(), ..dev }, &proof), HumResult::InvalidArgument);
    // Bytes appended to the proof.
    let mut longer = json.clone();
    longer["proof"] = format!("{}00", json["proof"].as_str().unwrap()).into();
    assert_eq!(verify(&dev, longer.to_string().as_bytes()), HumResult::InvalidProof);
    assert!(last_error(p).contains("1 trailing byte after the end"), "{}", last_error(p));
    hum_prover_free(p);
}

#[test]
fn a_pinned_srs_must_match_its_hash() {
    let srs = hum_core::Srs::insecure_dev(hum_core::k_for_depth(3));
    let bytes = srs.to_bytes();
    let p = new_prover();
    let wrong = [7u8; 32];
    let init =
        |hash: &[u8; 32]| hum_prover_init_pinned(p, 3, bytes.as_ptr(), bytes.len(), hash.as_ptr(), std::ptr::null(), 0);
    assert_eq!(init(&wrong), HumResult::InvalidSrs);
    assert!(last_error(p).contains("differs from the pinned"), "{}", last_error(p));
    assert_eq!(
        hum_prover_init_pinned(p, 3, std::ptr::null(), 0, wrong.as_ptr(), std::ptr::null(), 0),
        HumResult::NullArgument,
        "a pin without SRS bytes"
    );
    assert_eq!(init(srs.hash()), HumResult::Ok);
    let w = witness_json(3, 5);
    let mut out = HumBuffer { data: std::ptr::null_mut(), len: 0 };
    assert_eq!(hum_prover_prove(p, w.as_ptr(), w.len(), HumFlavour::Standard as u32, &mut out), HumResult::Ok);
    take(out);
    hum_prover_free(p);
}

#[test]
fn seal_and_open_through_the_abi() {
    let (mut secret, mut public) = ([0u8; 32], [0u8; 65]);
    assert_eq!(hum_keypair(secret.as_mut_ptr(), public.as_mut_ptr()), HumResult::Ok);
    let mut envelope = HumBuffer { data: std::ptr::null_mut(), len: 0 };
    let msg = b"for the enclave";
    assert_eq!(
        hum_seal(public.as_ptr(), 65, msg.as_ptr(), msg.len(), std::ptr::null(), 0, &mut envelope),
        HumResult::Ok
    );
    let envelope = take(envelope);
    let mut opened = HumBuffer { data: std::ptr::null_mut(), len: 0 };
    assert_eq!(
        hum_open(secret.as_ptr(), 32, envelope.as_ptr(), envelope.len(), std::ptr::null(), 0, &mut opened),
        HumResult::Ok
    );
    assert_eq!(take(opened), msg);
    let mut opened = HumBuffer { data: std::ptr::null_mut(), len: 0 };
    assert_eq!(
        hum_open(secret.as_ptr(), 32, envelope.as_ptr(), envelope.len() - 1, std::ptr::null(), 0, &mut opened),
        HumResult::InvalidEnvelope
    );
    assert_eq!(
        hum_seal(public.as_ptr(), 64, msg.as_ptr(), msg.len(), std::ptr::null(), 0, &mut opened),
        HumResult::InvalidEnvelope
    );
}

/// The C ABI's result for every failure kind is the cross-surface table's.
#[test]
fn every_kind_has_the_tables_result() {
    let table: serde_json::Value = serde_json::from_str(include_str!("../../tests/vectors/error-kinds.json")).unwrap();
    for row in table["kinds"].as_array().unwrap() {
        let kind = hum_core::ErrorKind::from_name(row["kind"].as_str().unwrap()).unwrap();
        let result = HumResult::of_kind(kind);
        assert_eq!(result as u64, row["c_result"].as_u64().unwrap(), "{}", kind.name());
        let message = unsafe { CStr::from_ptr(hum_result_message(result as u32)) }.to_str().unwrap();
        assert!(!message.is_empty() && message != "unknown result code");
    }
}

#[test]
fn the_default_init_is_ipa_and_passes_a_strict_verifier() {
    let p = new_prover();
    assert_eq!(hum_prover_init(p, 4, std::ptr::null(), 0, std::ptr::null(), 0), HumResult::Ok);
    let w = witness_json(4, 3);
    let mut out = HumBuffer { data: std::ptr::null_mut(), len: 0 };
    assert_eq!(hum_prover_prove(p, w.as_ptr(), w.len(), HumFlavour::Standard as u32, &mut out), HumResult::Ok);
    let proof = take(out);
    let json: serde_json::Value = serde_json::from_slice(&proof).unwrap();
    assert_eq!(json["circuit"]["scheme"], "ipa", "{json}");
    assert_eq!(json["circuit"]["insecure_dev_srs"], false, "{json}");
    // No opt-in needed: the strict policy for its depth accepts it.
    let strict = HumVerifyPolicy { depth: 4, ..hum_verify_policy_default() };
    assert_eq!(hum_prover_verify(p, proof.as_ptr(), proof.len(), &strict), HumResult::Ok, "{}", last_error(p));
    // The dev SRS is only ever the named opt-in, and a strict verifier refuses its proofs.
    let dev = new_prover();
    assert_eq!(hum_prover_init_insecure_dev_srs(dev, 4, std::ptr::null(), 0), HumResult::Ok);
    let mut out = HumBuffer { data: std::ptr::null_mut(), len: 0 };
    assert_eq!(hum_prover_prove(dev, w.as_ptr(), w.len(), HumFlavour::Standard as u32, &mut out), HumResult::Ok);
    let dev_proof = take(out);
    assert_eq!(hum_prover_verify(dev, dev_proof.as_ptr(), dev_proof.len(), &strict), HumResult::InsecureSrs);
    // Each refuses the other's proof, naming the schemes.
    assert_eq!(hum_prover_verify(p, dev_proof.as_ptr(), dev_proof.len(), &strict), HumResult::WrongCircuit);
    assert!(last_error(p).contains("scheme kzg"), "{}", last_error(p));
    hum_prover_free(dev);
    hum_prover_free(p);
}
