//! Cross-checks against JavaScript oracles run with node: `@zkpassport/poseidon2` for Poseidon2
//! and node's Web Crypto (`crypto.subtle`) for hum-seal-v1. The npm packages come from
//! `tests/js/package-lock.json`; the test command installs them (`npm ci` in tests/js).

use std::{path::PathBuf, process::Command};

use halo2_proofs::halo2curves::ff::Field;
use hum_core::{
    field::fr_to_hex,
    poseidon2::{hash, permute},
    seal, Fr,
};
use rand::{rngs::StdRng, SeedableRng};

fn js_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/js")
}

fn node(args: &[&str]) -> String {
    let dir = js_dir();
    assert!(
        dir.join("node_modules/@zkpassport/poseidon2").exists(),
        "run `npm ci` in tests/js first (the README's test command does)"
    );
    let out = Command::new("node").current_dir(&dir).args(args).output().expect("node runs");
    assert!(out.status.success(), "node {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

#[test]
fn poseidon2_matches_zkpassport_on_random_inputs() {
    let mut rng = StdRng::seed_from_u64(0x9051d0);
    let permutations: Vec<_> = (0..1000)
        .map(|_| {
            let input: [Fr; 4] = std::array::from_fn(|_| Fr::random(&mut rng));
            let mut output = input;
            permute(&mut output);
            serde_json::json!({ "input": input.iter().map(fr_to_hex).collect::<Vec<_>>(),
                                "output": output.iter().map(fr_to_hex).collect::<Vec<_>>() })
        })
        .collect();
    let hashes: Vec<_> = (0..2200)
        .map(|i| {
            let len = match i { 0..=999 => 1, 1000..=1999 => 2, _ => 3 + i % 5 };
            let inputs: Vec<Fr> = (0..len).map(|_| Fr::random(&mut rng)).collect();
            serde_json::json!({ "inputs": inputs.iter().map(fr_to_hex).collect::<Vec<_>>(), "output": fr_to_hex(&hash(&inputs)) })
        })
        .collect();
    let file = std::env::temp_dir().join(format!("hum-poseidon2-{}.json", std::process::id()));
    std::fs::write(&file, serde_json::json!({ "permutations": permutations, "hashes": hashes }).to_string()).unwrap();
    let out = node(&["poseidon2-oracle.mjs", file.to_str().unwrap()]);
    let _ = std::fs::remove_file(&file);
    assert_eq!(out, r#"{"checked":3200}"#);
}

#[test]
fn webcrypto_reproduces_the_committed_seal_vectors() {
    let vectors = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("vectors/hum-seal-v1.json");
    assert_eq!(node(&["seal-webcrypto.mjs", "vectors", vectors.to_str().unwrap()]), r#"{"vectors":3}"#);
}

#[test]
fn webcrypto_seals_and_rust_opens() {
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(1);
    let (secret, public) = seal::keypair(&mut rng);
    for (plaintext, aad) in [(&b"proof from the browser"[..], &b""[..]), (&b""[..], &b"aad"[..])] {
        let envelope =
            node(&["seal-webcrypto.mjs", "seal", &hex::encode(public), &hex::encode(plaintext), &hex::encode(aad)]);
        let envelope = hex::decode(envelope).unwrap();
        assert_eq!(&seal::open(secret.as_ref(), &envelope, aad).unwrap()[..], plaintext);
        assert_eq!(seal::open(secret.as_ref(), &envelope, b"wrong").unwrap_err(), seal::SealError::Authentication);
    }
}

#[test]
fn rust_seals_and_webcrypto_opens() {
    let keypair: serde_json::Value = serde_json::from_str(&node(&["seal-webcrypto.mjs", "keypair"])).unwrap();
    let public = hex::decode(keypair["public"].as_str().unwrap()).unwrap();
    let secret = hex::decode(keypair["secret"].as_str().unwrap()).unwrap();
    assert_eq!(seal::public_key_of(&secret).unwrap().to_vec(), public);
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(2);
    let envelope = seal::seal(&public, b"sealed by rust", b"ctx", &mut rng).unwrap();
    let jwk = keypair["jwk"].to_string();
    let opened = node(&["seal-webcrypto.mjs", "open", &jwk, &hex::encode(&envelope), &hex::encode(b"ctx")]);
    assert_eq!(hex::decode(opened).unwrap(), b"sealed by rust");
}

#[test]
fn an_independent_js_tree_reproduces_the_committed_group_vectors() {
    let vectors = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/groups.json");
    let out = node(&["groups-oracle.mjs", vectors.to_str().unwrap()]);
    let checked: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(checked["checked"].as_u64().unwrap() >= 15, "{out}");
}
