//! The held-out proof vectors, `tests/vectors/proofs.json`: proofs made once (seeded, so the bytes
//! are reproducible) for the default circuit under each scheme, with the verdict every verifier
//! must reach. Every host replays the file (the component in wasmtime and the `hum` CLI, the C
//! ABI, Chromium), so a proof made here verifies everywhere, and a later change that stops old
//! proofs verifying is caught.
//!
//! Here: each vector gets its verdict natively, and the file is what this code writes (run with
//! `HUM_WRITE_VECTORS=1` to rewrite it after a change of the circuit, which changes its id).

use std::sync::OnceLock;

use hum_core::{
    hash_to_field, k_for_depth, prove, CircuitKeys, Flavour, Group, Identity, ProofResult, Srs, VerifyPolicy, Witness,
    DEFAULT_DEPTH,
};
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;
use serde_json::{json, Value};

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors/proofs.json");

/// The verifiers the vectors name: hum's default (IPA, strict policy), and KZG on the dev SRS
/// with a policy that opts in to it.
fn keys(verifier: &str) -> &'static CircuitKeys {
    static IPA: OnceLock<CircuitKeys> = OnceLock::new();
    static DEV: OnceLock<CircuitKeys> = OnceLock::new();
    let k = k_for_depth(DEFAULT_DEPTH);
    match verifier {
        "transparent" => IPA.get_or_init(|| CircuitKeys::generate(&Srs::transparent(k), DEFAULT_DEPTH).unwrap()),
        "insecure-dev" => DEV.get_or_init(|| CircuitKeys::generate(&Srs::insecure_dev(k), DEFAULT_DEPTH).unwrap()),
        other => panic!("unknown verifier {other}"),
    }
}

fn policy(verifier: &str) -> VerifyPolicy {
    VerifyPolicy { allow_insecure_dev_srs: verifier == "insecure-dev", ..VerifyPolicy::for_depth(DEFAULT_DEPTH) }
}

/// Member 2 of a group of five identities from fixed seeds, voting "yes" on "interop-vectors".
fn witness() -> Witness {
    let identities: Vec<Identity> =
        (1u8..=5).map(|i| Identity::from_seed(format!("hum interop vector {i}").as_bytes()).unwrap()).collect();
    let members: Vec<_> = identities.iter().map(Identity::commitment).collect();
    let group = Group::with_members(DEFAULT_DEPTH, &members).unwrap();
    Witness::for_group(&identities[2], &group, hash_to_field(b"interop-vectors"), hash_to_field(b"yes")).unwrap()
}

fn proof(verifier: &str, flavour: Flavour, seed: u64) -> ProofResult {
    prove(keys(verifier), &witness(), flavour, ChaCha20Rng::seed_from_u64(seed), &mut |_| {}).unwrap()
}

fn vector(name: &str, verifier: &str, expect: &str, proof: &ProofResult) -> Value {
    let proof: Value = serde_json::from_str(&proof.to_json()).unwrap();
    json!({ "name": name, "verifier": verifier, "expect": expect, "proof": proof })
}

/// The vectors, made by this build.
fn vectors() -> Value {
    let ipa = proof("transparent", Flavour::Standard, 1);
    let kzg = proof("insecure-dev", Flavour::Standard, 2);
    let kzg_evm = proof("insecure-dev", Flavour::Evm, 3);
    let mut flipped = ipa.clone();
    // A bit of the first commitment: still a point encoding, no longer the prover's.
    flipped.proof[5] ^= 0x10;
    let mut other_nullifier = ipa.clone();
    other_nullifier.public_inputs.nullifier = hash_to_field(b"another nullifier");
    let mut relabelled = ipa.clone();
    relabelled.flavour = Flavour::Evm;
    let vectors = [
        vector("ipa, standard: valid under hum's default verifier", "transparent", "valid", &ipa),
        vector("kzg on the dev SRS, standard: valid where the dev SRS is allowed", "insecure-dev", "valid", &kzg),
        vector("kzg on the dev SRS, evm: valid where the dev SRS is allowed", "insecure-dev", "valid", &kzg_evm),
        vector("ipa, one bit of the proof flipped", "transparent", "proof-rejected", &flipped),
        vector("ipa, with another nullifier", "transparent", "proof-rejected", &other_nullifier),
        vector("ipa, read in the evm flavour", "transparent", "proof-rejected", &relabelled),
        vector("a kzg proof to hum's default (ipa) verifier", "transparent", "wrong-circuit", &kzg),
        vector("an ipa proof to a kzg verifier", "insecure-dev", "wrong-circuit", &ipa),
    ];
    json!({
        "description": "Held-out proofs of the default circuit (depth 20) under each scheme, and the verdict every hum verifier must reach: `verifier` is `transparent` (hum's default: IPA on its generators, strict policy) or `insecure-dev` (KZG on the dev SRS, the policy allowing it); `expect` is `valid` or the error kind of tests/vectors/error-kinds.json. Written by `HUM_WRITE_VECTORS=1 cargo test --release -p hum-core --test interop`.",
        "depth": DEFAULT_DEPTH,
        "vectors": vectors,
    })
}

fn verdict(vector: &Value) -> String {
    let verifier = vector["verifier"].as_str().unwrap();
    let json = vector["proof"].to_string();
    match policy(verifier).verify_json(keys(verifier), json.as_bytes()) {
        Ok(_) => "valid".into(),
        Err(e) => e.kind().name().into(),
    }
}

#[test]
fn every_vector_gets_its_verdict_and_the_file_is_this_builds() {
    let made = vectors();
    if std::env::var_os("HUM_WRITE_VECTORS").is_some() {
        std::fs::write(PATH, serde_json::to_string_pretty(&made).unwrap() + "\n").unwrap();
    }
    let committed: Value = serde_json::from_str(&std::fs::read_to_string(PATH).unwrap()).unwrap();
    for vector in committed["vectors"].as_array().unwrap() {
        assert_eq!(verdict(vector), vector["expect"].as_str().unwrap(), "{}", vector["name"]);
    }
    assert!(
        committed == made,
        "tests/vectors/proofs.json is not what this build writes (proofs are seeded, so the bytes are \
         reproducible): rewrite it with HUM_WRITE_VECTORS=1 when the circuit changed"
    );
}
