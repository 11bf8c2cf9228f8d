//! Identities and groups through the C ABI, called as C would call it: `tests/vectors/groups.json`
//! replayed through `hum_identity_from_seed`, `hum_identity_commitment`, `hum_hash_to_field`,
//! `hum_group_root` and `hum_group_merkle_proof`; a member proving with
//! `hum_prover_prove_member` (blocking and with events) and verifying against the group's root;
//! bad input as typed results with a message that names the argument and never the secret.

mod common;

use std::ffi::CString;

use common::{record, take, wait, Seen};
use hum::*;

const STANDARD: u32 = HumFlavour::Standard as u32;
use serde_json::Value;

fn vectors() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors/groups.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn bytes32(hex: &str) -> [u8; 32] {
    let digits = hex.strip_prefix("0x").unwrap();
    let mut out = [0u8; 32];
    hex_decode(&format!("{digits:0>64}"), &mut out);
    out
}

fn hex_decode(digits: &str, out: &mut [u8; 32]) {
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&digits[2 * i..2 * i + 2], 16).unwrap();
    }
}

fn hex(bytes: &[u8; 32]) -> String {
    format!("0x{}", bytes.iter().map(|b| format!("{b:02x}")).collect::<String>())
}

fn members(list: &Value) -> Vec<u8> {
    list.as_array().unwrap().iter().flat_map(|m| bytes32(m.as_str().unwrap())).collect()
}

fn last_error() -> String {
    let mut b = HumBuffer { data: std::ptr::null_mut(), len: 0 };
    assert_eq!(hum_last_error(&mut b), HumResult::Ok);
    String::from_utf8(take(b)).unwrap()
}

#[test]
fn the_vectors_through_the_c_abi() {
    let v = vectors();
    for id in v["identities"].as_array().unwrap() {
        let seed = id["seed_utf8"].as_str().unwrap().as_bytes();
        let (mut secret, mut commitment) = ([0u8; 32], [0u8; 32]);
        assert_eq!(hum_identity_from_seed(seed.as_ptr(), seed.len(), secret.as_mut_ptr()), HumResult::Ok);
        assert_eq!(hex(&secret), id["secret"].as_str().unwrap());
        assert_eq!(hum_identity_commitment(secret.as_ptr(), commitment.as_mut_ptr()), HumResult::Ok);
        assert_eq!(hex(&commitment), id["commitment"].as_str().unwrap());
    }
    for case in v["hash_to_field"].as_array().unwrap() {
        let text = case["utf8"].as_str().unwrap().as_bytes();
        let mut field = [0u8; 32];
        let data = if text.is_empty() { std::ptr::null() } else { text.as_ptr() };
        assert_eq!(hum_hash_to_field(data, text.len(), field.as_mut_ptr()), HumResult::Ok);
        assert_eq!(hex(&field), case["field"].as_str().unwrap());
    }
    for g in v["groups"].as_array().unwrap() {
        let depth = g["depth"].as_u64().unwrap() as u8;
        let m = members(&g["members"]);
        let mut root = [0u8; 32];
        assert_eq!(hum_group_root(depth, m.as_ptr(), m.len(), root.as_mut_ptr()), HumResult::Ok);
        assert_eq!(hex(&root), g["root"].as_str().unwrap());
        for proof in g["proofs"].as_array().unwrap() {
            let mut out = HumBuffer { data: std::ptr::null_mut(), len: 0 };
            let index = proof["index"].as_u64().unwrap();
            assert_eq!(hum_group_merkle_proof(depth, m.as_ptr(), m.len(), index, &mut out), HumResult::Ok);
            let got: Value = serde_json::from_slice(&take(out)).unwrap();
            assert_eq!(&got, proof, "depth {depth}, index {index}");
        }
    }
}

#[test]
fn a_member_proves_blocking_and_with_events_and_verifies_against_the_group() {
    let v = vectors();
    let ids = v["identities"].as_array().unwrap();
    let m: Vec<u8> = members(&Value::Array(ids.iter().map(|i| i["commitment"].clone()).collect()));
    let secret = bytes32(ids[2]["secret"].as_str().unwrap());
    let (mut action, mut message, mut root) = ([0u8; 32], [0u8; 32], [0u8; 32]);
    hum_hash_to_field(b"vote-2026".as_ptr(), 9, action.as_mut_ptr());
    hum_hash_to_field(b"yes".as_ptr(), 3, message.as_mut_ptr());
    assert_eq!(hum_group_root(4, m.as_ptr(), m.len(), root.as_mut_ptr()), HumResult::Ok);

    let mut p = std::ptr::null_mut();
    assert_eq!(hum_prover_new(&mut p), HumResult::Ok);
    let mut out = HumBuffer { data: std::ptr::null_mut(), len: 0 };
    let prove = |p, secret: &[u8; 32], depth, out: &mut HumBuffer| {
        let (action, message) = (action.as_ptr(), message.as_ptr());
        hum_prover_prove_member(p, secret.as_ptr(), depth, m.as_ptr(), m.len(), action, message, STANDARD, out)
    };
    assert_eq!(prove(p, &secret, 4, &mut out), HumResult::NotInitialized);
    assert_eq!(hum_prover_init(p, 4, std::ptr::null(), 0, std::ptr::null(), 0), HumResult::Ok);
    assert_eq!(prove(p, &secret, 4, &mut out), HumResult::Ok);
    let proof = take(out);

    let (root_hex, action_hex) = (CString::new(hex(&root)).unwrap(), CString::new(hex(&action)).unwrap());
    let mut policy = hum_verify_policy_default();
    policy.depth = 4;
    policy.allow_insecure_dev_srs = true;
    policy.root = root_hex.as_ptr();
    policy.action_id = action_hex.as_ptr();
    assert_eq!(hum_prover_verify(p, proof.as_ptr(), proof.len(), &policy), HumResult::Ok);
    let other = CString::new(hex(&message)).unwrap();
    let wrong_root = HumVerifyPolicy { root: other.as_ptr(), ..policy };
    assert_eq!(hum_prover_verify(p, proof.as_ptr(), proof.len(), &wrong_root), HumResult::ProofRejected);

    let seen = Seen::default();
    let started = hum_prover_prove_member_async(
        p,
        secret.as_ptr(),
        4,
        m.as_ptr(),
        m.len(),
        action.as_ptr(),
        message.as_ptr(),
        STANDARD,
        Some(record),
        seen.user_data(),
    );
    assert_eq!(started, HumResult::Ok);
    let events = wait(&seen);
    let (_, _, _, proof) = events.iter().find(|e| e.0 == HumEventKind::ProofComplete).expect("proof-complete");
    assert_eq!(hum_prover_verify(p, proof.as_ptr(), proof.len(), &policy), HumResult::Ok);

    // Someone who is not a member: a typed result, the message without the secret.
    let mut outsider = [0u8; 32];
    assert_eq!(hum_identity_random(outsider.as_mut_ptr()), HumResult::Ok);
    let mut out = HumBuffer { data: std::ptr::null_mut(), len: 0 };
    assert_eq!(prove(p, &outsider, 4, &mut out), HumResult::InvalidArgument);
    let mut why = HumBuffer { data: std::ptr::null_mut(), len: 0 };
    hum_prover_last_error(p, &mut why);
    let why = String::from_utf8(take(why)).unwrap();
    assert!(why.contains("is not a member of the group"), "{why}");
    assert!(!why.contains(&hex(&outsider)[2..]), "{why}");
    assert_eq!(prove(p, &secret, 20, &mut out), HumResult::InvalidArgument, "a group of another depth");
    hum_prover_free(p);
}

#[test]
fn bad_groups_and_identities_are_typed_results_that_name_the_argument() {
    let v = vectors();
    let ids = v["identities"].as_array().unwrap();
    let mut m: Vec<u8> = members(&Value::Array(ids.iter().map(|i| i["commitment"].clone()).collect()));
    let mut root = [0u8; 32];
    let mut bad = |depth: u8, members: &[u8], says: &str| {
        let r = hum_group_root(depth, members.as_ptr(), members.len(), root.as_mut_ptr());
        assert_eq!(r, HumResult::InvalidArgument);
        let message = last_error();
        assert!(message.contains(says), "{message:?} should say {says:?}");
    };
    bad(4, &m[..40], "40 bytes");
    bad(1, &m, "4 members do not fit a group of depth 1");
    bad(0, &m, "depth");
    let mut dup = m.clone();
    dup.extend_from_slice(&m[32..64]);
    bad(4, &dup, "`members[4]` repeats `members[1]`");
    m.extend_from_slice(&[0xff; 32]);
    bad(4, &m, "`members[4]` is not below the field modulus");
    assert_eq!(hum_group_root(4, std::ptr::null(), 32, root.as_mut_ptr()), HumResult::NullArgument);

    let mut secret = [0u8; 32];
    assert_eq!(hum_identity_from_seed(b"short".as_ptr(), 5, secret.as_mut_ptr()), HumResult::InvalidArgument);
    assert!(last_error().contains("at least 16"));
    let mut commitment = [0u8; 32];
    assert_eq!(hum_identity_commitment([0u8; 32].as_ptr(), commitment.as_mut_ptr()), HumResult::InvalidArgument);
    assert!(last_error().contains("zero"));
    assert_eq!(hum_identity_commitment([0xff; 32].as_ptr(), commitment.as_mut_ptr()), HumResult::InvalidArgument);
    assert!(last_error().contains("`secret` is not below"));
    let mut out = HumBuffer { data: std::ptr::null_mut(), len: 0 };
    let empty: [u8; 0] = [];
    assert_eq!(hum_group_merkle_proof(4, empty.as_ptr(), 0, 0, &mut out), HumResult::InvalidArgument);
    assert!(last_error().contains("index 0"), "{}", last_error());
}
