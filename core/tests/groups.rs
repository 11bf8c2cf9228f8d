//! Identities and groups: the group's incremental tree against the independent `MerkleTree`,
//! bad input, a proof for a member, and the cross-surface vectors `tests/vectors/groups.json`
//! (regenerated here and compared with the committed file; `HUM_WRITE_VECTORS=1` rewrites it).

use hum_core::{
    field::{fr_to_hex, parse_fr},
    hash_to_field,
    tree::MerkleTree,
    Error, Flavour, Fr, Group, Identity, Witness,
};
use serde_json::{json, Value};

fn seed(i: usize) -> Vec<u8> {
    format!("hum test identity seed number {i:02}").into_bytes()
}

fn commitments(n: usize) -> Vec<Fr> {
    (0..n).map(|i| Identity::from_seed(&seed(i)).unwrap().commitment()).collect()
}

#[test]
fn updates_match_a_tree_built_from_scratch() {
    let members = commitments(12);
    let mut group = Group::new(5).unwrap();
    group.add_many(&members[..5]).unwrap();
    for m in &members[5..9] {
        group.add(*m).unwrap();
    }
    group.update(2, members[9]).unwrap();
    group.remove(6).unwrap();
    group.add_many(&members[10..]).unwrap();
    let leaves = group.members().to_vec();
    assert_eq!(leaves[2], members[9]);
    assert_eq!(leaves[6], Fr::zero());
    let tree = MerkleTree::new(5, &leaves);
    assert_eq!(group.root(), tree.root());
    for index in [0u64, 2, 5, 10] {
        let proof = group.merkle_proof(index).unwrap();
        assert!(proof.verify());
        let expected: Vec<String> = tree.siblings(index).iter().map(fr_to_hex).collect();
        assert_eq!(proof.siblings, expected);
    }
    assert_eq!(group.index_of(&members[9]), Some(2));
    assert_eq!(group.index_of(&members[2]), None, "an updated-away member is no longer in the group");
    assert_eq!(group.index_of(&members[6]), None);
    let back = Group::from_json(group.to_json().as_bytes(), Some(5)).unwrap();
    assert_eq!(back.root(), group.root());
    assert_eq!(back.index_of(&members[11]), group.index_of(&members[11]));
}

#[test]
fn bad_members_and_files_are_refused_by_position() {
    let members = commitments(2);
    let mut group = Group::with_members(2, &members).unwrap();
    let message = |e: Error| e.to_string();
    assert!(message(group.add(Fr::zero()).unwrap_err()).contains("is zero"));
    assert!(message(group.add(members[1]).unwrap_err()).contains("already the member at index 1"));
    assert!(message(group.add_many(&[Fr::from(5), Fr::from(5)]).unwrap_err()).contains("repeats member 0"));
    group.add_many(&[Fr::from(8), Fr::from(9)]).unwrap();
    assert!(message(group.add(Fr::from(10)).unwrap_err()).contains("do not fit a group of depth 2"));
    assert!(message(group.remove(7).unwrap_err()).contains("index 7 is not a member"));
    group.remove(0).unwrap();
    assert!(message(group.remove(0).unwrap_err()).contains("already removed"));
    assert!(message(group.merkle_proof(0).unwrap_err()).contains("removed"));
    assert!(matches!(Group::new(33), Err(Error::UnsupportedDepth(33))));

    let file = |members: &str, depth: usize, version: u32| {
        format!("{{\"version\": {version}, \"depth\": {depth}, \"members\": [{members}]}}").into_bytes()
    };
    let above = "\"0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff\"";
    let cases: [(Vec<u8>, Option<usize>, &str); 6] = [
        (file(&format!("\"0x1\", {above}"), 4, 1), None, "`members[1]` is not below the field modulus"),
        (file("\"0x1\", \"0x2\", \"0x1\"", 4, 1), None, "`members[2]` repeats `members[0]`"),
        (file("\"0x1\"", 4, 2), None, "version 2"),
        (file("\"0x1\"", 4, 1), Some(20), "depth 4, 20 was expected"),
        (file("\"0x1\", \"0x2\", \"0x3\"", 1, 1), None, "3 members do not fit a group of depth 1"),
        (b"[1, 2, 3]".to_vec(), None, "not a group file"),
    ];
    for (bytes, depth, expected) in cases {
        let error = Group::from_json(&bytes, depth).unwrap_err();
        assert!(matches!(error, Error::InvalidGroup(_)) && error.to_string().contains(expected), "{error}");
    }
}

#[test]
fn a_member_proves_with_its_identity_and_a_stranger_is_refused() {
    let identity = Identity::from_seed(&seed(1)).unwrap();
    let mut members = commitments(4);
    members[1] = identity.commitment();
    let group = Group::with_members(4, &members).unwrap();
    let proof = group.merkle_proof(group.index_of(&identity.commitment()).unwrap()).unwrap();
    let (action, message) = (hash_to_field(b"vote-2026"), hash_to_field(b"yes"));
    let witness = Witness::for_member(&identity, &proof, action, message).unwrap();
    let srs = hum_core::Srs::insecure_dev(hum_core::keys::checked_k(4).unwrap());
    let keys = hum_core::CircuitKeys::generate(&srs, 4).unwrap();
    let result = hum_core::prove(&keys, &witness, Flavour::Standard, rand::rngs::OsRng, &mut |_| {}).unwrap();
    assert_eq!(result.public_inputs.to_array()[0], group.root());
    assert_eq!(result.public_inputs.to_array()[1], action);
    hum_core::verify(&keys, result.flavour, &result.proof, &result.public_inputs).unwrap();
    let stranger = Identity::from_seed(&seed(40)).unwrap();
    let error = Witness::for_member(&stranger, &proof, action, message).unwrap_err().to_string();
    assert!(error.contains("is not the member at index 1"), "{error}");
    assert!(!error.contains(&fr_to_hex(stranger.secret())[2..14]));
}

/// The cross-surface vectors, from fixed seeds.
fn vectors() -> Value {
    let identities: Vec<Value> = (0..4)
        .map(|i| {
            let id = Identity::from_seed(&seed(i)).unwrap();
            json!({ "seed_utf8": String::from_utf8(seed(i)).unwrap(), "secret": fr_to_hex(id.secret()),
                    "commitment": fr_to_hex(&id.commitment()) })
        })
        .collect();
    let strings = ["", "vote-2026", "hum", "a message bound to the proof", "é ünïcödé"];
    let hashes: Vec<Value> =
        strings.iter().map(|s| json!({ "utf8": s, "field": fr_to_hex(&hash_to_field(s.as_bytes())) })).collect();
    let members = commitments(9);
    let groups: Vec<Value> = [1usize, 4, 20]
        .iter()
        .map(|&depth| {
            let mut group = Group::new(depth).unwrap();
            let mut steps = Vec::new();
            let n = members.len().min(1 << depth);
            group.add_many(&members[..n.min(2)]).unwrap();
            steps.push(json!({ "op": "add_many", "members": members[..n.min(2)].iter().map(fr_to_hex).collect::<Vec<_>>(), "root": fr_to_hex(&group.root()) }));
            if n > 2 {
                group.add_many(&members[2..n - 1]).unwrap();
                steps.push(json!({ "op": "add_many", "members": members[2..n - 1].iter().map(fr_to_hex).collect::<Vec<_>>(), "root": fr_to_hex(&group.root()) }));
                group.update(1, members[n - 1]).unwrap();
                steps.push(json!({ "op": "update", "index": 1, "member": fr_to_hex(&members[n - 1]), "root": fr_to_hex(&group.root()) }));
                group.remove(3).unwrap();
                steps.push(json!({ "op": "remove", "index": 3, "root": fr_to_hex(&group.root()) }));
            } else {
                group.remove(0).unwrap();
                steps.push(json!({ "op": "remove", "index": 0, "root": fr_to_hex(&group.root()) }));
            }
            let live: Vec<u64> = (0..group.len()).filter(|i| group.members()[*i as usize] != Fr::zero()).collect();
            let proofs: Vec<Value> = live.iter().take(3).map(|i| serde_json::to_value(group.merkle_proof(*i).unwrap()).unwrap()).collect();
            json!({ "depth": depth, "steps": steps, "members": group.members().iter().map(fr_to_hex).collect::<Vec<_>>(),
                    "root": fr_to_hex(&group.root()), "proofs": proofs })
        })
        .collect();
    json!({
        "description": "hum's identities, hash_to_field and groups, generated by core/tests/groups.rs (HUM_WRITE_VECTORS=1 rewrites this file) and checked by every surface. Identities are derived from the UTF-8 seeds (HKDF-SHA256, salt hum-identity-v1, info secret, 64 bytes mod p); commitment = Poseidon2(secret); hash_to_field = keccak256(bytes) >> 8; groups are Poseidon2 Merkle trees with empty and removed leaves 0, each step giving the root after it.",
        "version": 1, "identities": identities, "hash_to_field": hashes, "groups": groups,
    })
}

#[test]
fn the_committed_vectors_are_the_ones_core_generates() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/groups.json");
    let text = serde_json::to_string_pretty(&vectors()).unwrap() + "\n";
    if std::env::var_os("HUM_WRITE_VECTORS").is_some() {
        std::fs::write(&path, &text).unwrap();
    }
    let committed = std::fs::read_to_string(&path).expect("tests/vectors/groups.json (HUM_WRITE_VECTORS=1 writes it)");
    assert_eq!(committed, text, "tests/vectors/groups.json drifted from core: rerun with HUM_WRITE_VECTORS=1");
    // Each proof in the file verifies and each step's root is what a fresh build gives.
    for group in vectors()["groups"].as_array().unwrap() {
        let depth = group["depth"].as_u64().unwrap() as usize;
        let members: Vec<Fr> =
            group["members"].as_array().unwrap().iter().map(|m| parse_fr(m.as_str().unwrap()).unwrap()).collect();
        assert_eq!(fr_to_hex(&MerkleTree::new(depth, &members).root()), group["root"]);
    }
}
