//! The transparent (IPA) scheme: the same circuit and statement as KZG, proofs that verify in both
//! flavours, tampering caught, keys and generators that round-trip through bytes, and a verifier
//! of one scheme that refuses the other's proofs with a message.

use std::sync::OnceLock;

use hum_core::{
    field::fr_to_hex, k_for_depth, prove, verify, CircuitKeys, Error, Flavour, Fr, ProofResult, PublicInputs, Scheme,
    Srs, SrsKind, VerifyPolicy, Witness,
};
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;

const DEPTH: usize = 20;

fn ipa() -> &'static (Srs, CircuitKeys) {
    static KEYS: OnceLock<(Srs, CircuitKeys)> = OnceLock::new();
    KEYS.get_or_init(|| {
        let srs = Srs::transparent(k_for_depth(DEPTH));
        let keys = CircuitKeys::generate(&srs, DEPTH).unwrap();
        (srs, keys)
    })
}

fn kzg() -> &'static CircuitKeys {
    static KEYS: OnceLock<CircuitKeys> = OnceLock::new();
    KEYS.get_or_init(|| CircuitKeys::generate(&Srs::insecure_dev(k_for_depth(DEPTH)), DEPTH).unwrap())
}

fn witness(seed: u64) -> Witness {
    let siblings: Vec<String> = (0..DEPTH).map(|i| fr_to_hex(&Fr::from(seed * 1000 + i as u64))).collect();
    Witness::from_json(
        serde_json::json!({ "secret": fr_to_hex(&Fr::from(seed + 77)), "index": seed * 7919 % (1 << DEPTH),
            "siblings": siblings, "action_id": "0x61637469", "message_hash": fr_to_hex(&Fr::from(seed + 5)) })
        .to_string()
        .as_bytes(),
    )
    .unwrap()
}

fn proof(flavour: Flavour, seed: u64) -> ProofResult {
    prove(&ipa().1, &witness(seed), flavour, ChaCha20Rng::seed_from_u64(seed), &mut |_| {}).unwrap()
}

#[test]
fn the_transparent_setup_is_named_and_not_insecure() {
    let (srs, keys) = ipa();
    assert_eq!((srs.kind(), srs.scheme()), (SrsKind::Transparent, Scheme::Ipa));
    let info = keys.info();
    assert_eq!(info.scheme, Scheme::Ipa);
    assert!(!info.insecure_dev_srs);
    assert!(info.id.starts_with(&format!("hum1-d{DEPTH}-k{}-ipa-", info.k)), "{}", info.id);
    assert!(info.srs.starts_with("transparent:sha256:"), "{}", info.srs);
    assert_eq!(kzg().info().scheme, Scheme::Kzg);
    assert!(kzg().info().id.contains("-kzg-"), "{}", kzg().info().id);
    assert!(keys.kzg_params().is_none() && kzg().kzg_params().is_some());
}

#[test]
fn ipa_proofs_verify_and_the_evm_flavour_is_refused_as_no_contract_could_check_it() {
    let keys = &ipa().1;
    let expected = PublicInputs::from_array(witness(1).validate().unwrap().public_inputs());
    let result = proof(Flavour::Standard, 1);
    assert_eq!(result.public_inputs, expected);
    assert_eq!(result.circuit.scheme, Scheme::Ipa);
    verify(keys, Flavour::Standard, &result.proof, &result.public_inputs).unwrap();
    assert!(verify(keys, Flavour::Evm, &result.proof, &result.public_inputs).is_err(), "standard read as evm");
    eprintln!("IPA proof: {} bytes", result.proof.len());
    let evm = prove(keys, &witness(1), Flavour::Evm, ChaCha20Rng::seed_from_u64(1), &mut |_| {}).unwrap_err();
    assert_eq!(evm.kind(), hum_core::ErrorKind::InvalidArgument);
    assert!(evm.to_string().contains("verifies KZG proofs") && evm.to_string().contains("IPA"), "{evm}");
}

#[test]
fn a_tampered_ipa_proof_or_other_inputs_are_rejected() {
    let keys = &ipa().1;
    let result = proof(Flavour::Standard, 2);
    // One bit in each 64-byte stretch of the proof, the IPA rounds' points and the final scalars
    // included.
    for at in (0..result.proof.len()).step_by(64).chain([result.proof.len() - 1]) {
        let mut tampered = result.proof.clone();
        tampered[at] ^= 1 << (at % 8);
        assert!(verify(keys, Flavour::Standard, &tampered, &result.public_inputs).is_err(), "flip at byte {at}");
    }
    let mut inputs = result.public_inputs;
    inputs.nullifier += Fr::one();
    assert!(matches!(verify(keys, Flavour::Standard, &result.proof, &inputs), Err(Error::ProofRejected(_))));
    let mut longer = result.proof.clone();
    longer.push(0);
    assert!(matches!(verify(keys, Flavour::Standard, &longer, &result.public_inputs), Err(Error::InvalidProof(_))));
}

#[test]
fn a_verifier_of_one_scheme_refuses_the_others_proofs() {
    let ipa_proof = proof(Flavour::Standard, 3);
    let kzg_proof = prove(kzg(), &witness(3), Flavour::Standard, ChaCha20Rng::seed_from_u64(3), &mut |_| {}).unwrap();
    let dev = VerifyPolicy { allow_insecure_dev_srs: true, ..VerifyPolicy::for_depth(DEPTH) };
    for (keys, other) in [(kzg(), &ipa_proof), (&ipa().1, &kzg_proof)] {
        let claimed = dev.verify_claimed(keys, Some(&other.circuit), other.flavour, &other.proof, &other.public_inputs);
        match claimed {
            Err(Error::WrongCircuit { proof, accepted }) => {
                let (theirs, ours) = (other.circuit.scheme.name(), keys.scheme().name());
                assert!(proof.contains(&format!("scheme {theirs}")) && accepted.contains(&format!("scheme {ours}")));
            }
            other => panic!("expected wrong-circuit, got {other:?}"),
        }
        // Without the claim, the bytes simply do not verify under the other scheme's keys.
        assert!(verify(keys, other.flavour, &other.proof, &other.public_inputs).is_err());
    }
    dev.verify_json(&ipa().1, ipa_proof.to_json().as_bytes()).unwrap();
    // The transparent setup is not the dev SRS: a strict policy accepts its proofs.
    VerifyPolicy::for_depth(DEPTH).verify_json(&ipa().1, ipa_proof.to_json().as_bytes()).unwrap();
}

#[test]
fn keys_and_generators_round_trip_through_bytes() {
    let (srs, keys) = ipa();
    let bytes = srs.to_bytes();
    let read = Srs::from_bytes(&bytes, Some(srs.hash())).unwrap();
    assert_eq!((read.kind(), read.hash()), (SrsKind::Transparent, srs.hash()));
    let mut corrupted = bytes.clone();
    corrupted[bytes.len() / 2] ^= 1;
    assert!(matches!(Srs::from_bytes(&corrupted, None), Err(Error::InvalidSrs(_))));

    let reloaded = CircuitKeys::from_bytes(&read, DEPTH, &keys.to_bytes()).unwrap();
    assert_eq!(reloaded.info(), keys.info());
    let result = prove(&reloaded, &witness(4), Flavour::Standard, ChaCha20Rng::seed_from_u64(4), &mut |_| {}).unwrap();
    verify(keys, Flavour::Standard, &result.proof, &result.public_inputs).unwrap();
    // IPA keys with the KZG SRS, and KZG keys with the generators: another SRS.
    let dev = Srs::insecure_dev(k_for_depth(DEPTH));
    assert!(matches!(CircuitKeys::from_bytes(&dev, DEPTH, &keys.to_bytes()), Err(Error::InvalidKey(_))));
    assert!(matches!(CircuitKeys::from_bytes(srs, DEPTH, &kzg().to_bytes()), Err(Error::InvalidKey(_))));
}

/// IPA keys' tables must be hum's own (their digest is compiled in): tables changed by someone
/// who also rewrote the key bytes' digests are refused, because a verifier's MSM over the
/// generators and a prover's blinding go through them.
#[test]
fn ipa_key_bytes_with_other_tables_are_refused_whatever_their_digests() {
    use sha2::{Digest, Sha256};
    let (srs, keys) = ipa();
    let bytes = keys.to_bytes();
    let pk_len = u32::from_le_bytes(bytes[106..110].try_into().unwrap()) as usize;
    let (pk, tables) = bytes[110..].split_at(pk_len);
    let mut other = tables.to_vec();
    other[tables.len() - 100] ^= 1; // in the last row of the table of `g_lagrange`, `w` and `u`
    let mut forged = bytes[..110].to_vec();
    forged[74..106].copy_from_slice(&Sha256::digest(&other));
    let forged = [&forged[..], pk, &other].concat();
    match CircuitKeys::from_bytes(srs, DEPTH, &forged) {
        Err(Error::InvalidKey(message)) => assert!(message.contains("not those of hum's generators"), "{message}"),
        other => panic!("expected invalid-key, got {:?}", other.map(|k| k.info().clone())),
    }
    assert_eq!(CircuitKeys::from_bytes(srs, DEPTH, &bytes).unwrap().info(), keys.info());
}

#[test]
fn proof_json_names_the_scheme_and_old_files_are_kzg() {
    let json: serde_json::Value = serde_json::from_str(&proof(Flavour::Standard, 5).to_json()).unwrap();
    assert_eq!(json["circuit"]["scheme"], "ipa");
    let mut old: serde_json::Value = serde_json::from_str(
        &prove(kzg(), &witness(5), Flavour::Standard, ChaCha20Rng::seed_from_u64(5), &mut |_| {}).unwrap().to_json(),
    )
    .unwrap();
    old["circuit"].as_object_mut().unwrap().remove("scheme");
    let read = ProofResult::from_json(old.to_string().as_bytes()).unwrap();
    assert_eq!(read.circuit.scheme, Scheme::Kzg);
}

#[test]
fn smaller_generators_are_a_prefix_of_larger_ones() {
    let big = Srs::transparent(8);
    let keys = CircuitKeys::generate(&big, 4).unwrap();
    let exact = CircuitKeys::generate(&Srs::transparent(k_for_depth(4)), 4).unwrap();
    assert_eq!(keys.vk().transcript_repr(), exact.vk().transcript_repr());
}
