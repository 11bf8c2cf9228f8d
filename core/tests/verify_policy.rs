//! A verifier accepts only the circuit it chose: the depth attack, the dev SRS opt-in, pinned
//! root and action, claims in proof JSON, and bytes appended to a proof.

use std::sync::OnceLock;

use hum_core::{
    field::fr_to_hex,
    k_for_depth,
    poseidon2::{hash1, hash2},
    prove,
    tree::MerkleTree,
    verify, CircuitKeys, Error, ErrorKind, Flavour, Fr, ProofResult, Srs, VerifyPolicy, Witness,
};
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;

fn keys(depth: usize) -> &'static CircuitKeys {
    static KEYS: OnceLock<Vec<(usize, CircuitKeys)>> = OnceLock::new();
    let all = KEYS.get_or_init(|| {
        [20, 21].iter().map(|&d| (d, CircuitKeys::generate(&Srs::insecure_dev(k_for_depth(d)), d).unwrap())).collect()
    });
    &all.iter().find(|(d, _)| *d == depth).unwrap().1
}

fn dev_policy(depth: usize) -> VerifyPolicy {
    VerifyPolicy { allow_insecure_dev_srs: true, ..VerifyPolicy::for_depth(depth) }
}

fn witness(secret: Fr, index: u64, siblings: &[Fr], root: Fr) -> Witness {
    Witness {
        secret: fr_to_hex(&secret),
        index,
        siblings: siblings.iter().map(fr_to_hex).collect(),
        action_id: fr_to_hex(&Fr::from(7)),
        message_hash: fr_to_hex(&Fr::from(8)),
        root: Some(fr_to_hex(&root)),
    }
}

fn rng() -> ChaCha20Rng {
    ChaCha20Rng::seed_from_u64(5)
}

/// The attack in SECURITY.md: one registered leaf L = H(H(s1), H(s2)) in a depth-20 group gives
/// two depth-21 witnesses that reach the group's root, with two different nullifiers. Both proofs
/// are valid for the depth-21 circuit; a depth-20 verifier refuses both, whatever the file says.
#[test]
fn a_depth_21_proof_against_a_depth_20_group_is_refused() {
    let (s1, s2) = (Fr::from(1111), Fr::from(2222));
    let leaf = hash2(hash1(s1), hash1(s2));
    let group = MerkleTree::new(20, &[hash1(Fr::from(5)), leaf, hash1(Fr::from(6))]);
    let path = group.siblings(1);
    let mut nullifiers = Vec::new();
    for (secret, sibling, index) in [(s1, hash1(s2), 0b10), (s2, hash1(s1), 0b11)] {
        let siblings: Vec<Fr> = std::iter::once(sibling).chain(path.iter().copied()).collect();
        let w = witness(secret, index, &siblings, group.root());
        let proof = prove(keys(21), &w, Flavour::Standard, rng(), &mut |_| {}).unwrap();
        assert_eq!(proof.public_inputs.root, group.root(), "the forged path reaches the group's root");
        nullifiers.push(proof.public_inputs.nullifier);
        assert!(dev_policy(21).verify(keys(21), proof.flavour, &proof.proof, &proof.public_inputs).is_ok());

        // The depth-20 verifier uses its own keys: the JSON's circuit is only compared.
        let json = proof.to_json();
        let refused = dev_policy(20).verify_json(keys(20), json.as_bytes()).unwrap_err();
        assert_eq!(refused.kind(), ErrorKind::WrongCircuit, "{refused}");
        let message = refused.to_string();
        assert!(message.contains("depth 21") && message.contains("depth 20"), "{message}");
        // A file edited to claim the depth-20 circuit still does not verify under depth-20 keys.
        let mut forged = proof.clone();
        forged.circuit = keys(20).info().clone();
        let refused = dev_policy(20).verify_json(keys(20), forged.to_json().as_bytes()).unwrap_err();
        assert_eq!(refused.kind(), ErrorKind::ProofRejected, "{refused}");
        // And keys of the wrong depth handed to a depth-20 policy are refused before verifying.
        let refused = dev_policy(20).verify(keys(21), proof.flavour, &proof.proof, &proof.public_inputs).unwrap_err();
        assert_eq!(refused.kind(), ErrorKind::WrongCircuit, "{refused}");
    }
    assert_ne!(nullifiers[0], nullifiers[1], "two nullifiers for one member: why the depth is pinned");
}

fn depth_20_proof() -> &'static ProofResult {
    static PROOF: OnceLock<ProofResult> = OnceLock::new();
    PROOF.get_or_init(|| {
        let secret = Fr::from(42);
        let group = MerkleTree::new(20, &[Fr::from(3), hash1(secret)]);
        let w = witness(secret, 1, &group.siblings(1), group.root());
        prove(keys(20), &w, Flavour::Standard, rng(), &mut |_| {}).unwrap()
    })
}

#[test]
fn the_dev_srs_is_refused_unless_the_verifier_allows_it() {
    let proof = depth_20_proof();
    let refused =
        VerifyPolicy::default().verify(keys(20), proof.flavour, &proof.proof, &proof.public_inputs).unwrap_err();
    assert_eq!(refused, Error::InsecureDevSrs);
    assert!(refused.to_string().contains("INSECURE dev SRS"), "{refused}");
    let json = proof.to_json();
    assert_eq!(VerifyPolicy::default().verify_json(keys(20), json.as_bytes()).unwrap_err(), Error::InsecureDevSrs);
    dev_policy(20).verify_json(keys(20), json.as_bytes()).unwrap();
}

#[test]
fn a_pinned_srs_hash_must_be_the_keys_srs() {
    let proof = depth_20_proof();
    let mut policy = dev_policy(20);
    policy.srs_hash = Some([9; 32]);
    let refused = policy.verify(keys(20), proof.flavour, &proof.proof, &proof.public_inputs).unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::WrongCircuit);
    assert!(refused.to_string().contains(&format!("sha256:{}", "09".repeat(32))), "{refused}");
    policy.srs_hash = Some(*keys(20).srs_hash());
    policy.verify(keys(20), proof.flavour, &proof.proof, &proof.public_inputs).unwrap();
}

#[test]
fn a_pinned_root_or_action_must_be_the_proofs() {
    let proof = depth_20_proof();
    let inputs = &proof.public_inputs;
    let check = |root: Option<Fr>, action: Option<Fr>| {
        let policy = VerifyPolicy { root, action_id: action, ..dev_policy(20) };
        policy.verify(keys(20), proof.flavour, &proof.proof, inputs)
    };
    check(Some(inputs.root), Some(inputs.action_id)).unwrap();
    assert_eq!(check(Some(inputs.root + Fr::one()), None).unwrap_err(), Error::UnexpectedPublicInput("root"));
    assert_eq!(check(None, Some(inputs.action_id + Fr::one())).unwrap_err(), Error::UnexpectedPublicInput("action_id"));
    assert!(check(Some(inputs.root + Fr::one()), None).unwrap_err().to_string().contains("`root`"));
}

#[test]
fn bytes_appended_to_a_proof_are_refused() {
    let proof = depth_20_proof();
    verify(keys(20), proof.flavour, &proof.proof, &proof.public_inputs).unwrap();
    for junk in [&[0u8][..], &[1, 2, 3], &proof.proof[..32]] {
        let mut longer = proof.proof.clone();
        longer.extend_from_slice(junk);
        let refused = verify(keys(20), proof.flavour, &longer, &proof.public_inputs).unwrap_err();
        assert_eq!(refused.kind(), ErrorKind::InvalidProof, "{refused}");
        assert!(refused.to_string().contains(&format!("{} trailing byte", junk.len())), "{refused}");
    }
}

#[test]
fn a_claim_of_another_srs_names_both_circuits() {
    let proof = depth_20_proof();
    let mut claimed = proof.clone();
    claimed.circuit.id = "hum1-d20-k9-0000000000000000".into();
    claimed.circuit.srs = "sha256:00".into();
    let refused = dev_policy(20).verify_json(keys(20), claimed.to_json().as_bytes()).unwrap_err();
    let message = refused.to_string();
    assert!(message.contains("hum1-d20-k9-0000000000000000") && message.contains(&keys(20).info().id), "{message}");
}
