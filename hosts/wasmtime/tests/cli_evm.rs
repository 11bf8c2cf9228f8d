//! `hum verifier solidity` and `hum calldata`, as a user runs them; `hum verify` on EVM proofs.

mod common;

use common::{hum, workdir};
use hum_core::{k_for_depth, prove, CircuitKeys, Flavour, Srs};

#[test]
fn a_solidity_verifier_for_the_dev_srs_only_with_the_opt_in() {
    let dir = workdir("evm-verifier");
    // Without an SRS there is nothing a contract can verify (IPA is off chain), and it says what to pass.
    let run = hum(&dir, &["verifier", "solidity", "--depth", "4", "--out", "V.sol"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("a contract verifies KZG proofs, not IPA") && run.stderr.contains("--srs"),
        "{}",
        run.stderr
    );
    assert!(!dir.join("V.sol").exists());
    // The dev SRS passed as a file is refused for what it is, even pinned.
    let srs = Srs::insecure_dev(k_for_depth(4));
    std::fs::write(dir.join("dev.params"), srs.to_bytes()).unwrap();
    let hash = hum_core::srs::format_hash(srs.hash());
    let run = hum(
        &dir,
        &["verifier", "solidity", "--depth", "4", "--srs", "dev.params", "--srs-hash", &hash, "--out", "V.sol"],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("INSECURE dev SRS"), "{}", run.stderr);
    assert!(!dir.join("V.sol").exists());
    let run = hum(&dir, &["--json", "verifier", "solidity", "--depth", "4", "--insecure-dev-srs", "--out", "V.sol"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["contract"], "HumVerifierD4_INSECURE_DEV_SRS");
    let source = std::fs::read_to_string(dir.join("V.sol")).unwrap();
    assert!(source.contains("contract HumVerifierD4_INSECURE_DEV_SRS"));
    assert!(source.contains("INSECURE: made for the development SRS"));
    assert!(source.contains(report["circuit"].as_str().unwrap()));
    let run = hum(&dir, &["verifier", "solidity", "--srs", "nope.bin", "--out", "V.sol"]);
    assert_eq!(run.code, 2);
}

#[test]
fn calldata_for_an_evm_proof_and_a_clear_refusal_for_a_standard_one() {
    let dir = workdir("evm-calldata");
    let keys = CircuitKeys::generate(&Srs::insecure_dev(k_for_depth(4)), 4).unwrap();
    let witness = common::witness(4, 1);
    for (flavour, file) in [(Flavour::Evm, "evm.json"), (Flavour::Standard, "standard.json")] {
        let proof = prove(&keys, &witness, flavour, rand_core::OsRng, &mut |_| {}).unwrap();
        std::fs::write(dir.join(file), proof.to_json()).unwrap();
    }
    let run = hum(&dir, &["calldata", "evm.json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // verifyProof(bytes,uint256[4]): selector, then the head (offset, four inputs), then the bytes.
    let data = hex::decode(run.stdout.trim().trim_start_matches("0x")).unwrap();
    use sha3::{Digest, Keccak256};
    assert_eq!(data[..4], Keccak256::digest(b"verifyProof(bytes,uint256[4])")[..4]);
    let run = hum(&dir, &["calldata", "standard.json"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("`standard` flavour"), "{}", run.stderr);
    // Off chain, `hum verify` checks either flavour.
    for file in ["evm.json", "standard.json"] {
        let run = hum(&dir, &["verify", file, "--depth", "4", "--insecure-dev-srs"]);
        assert_eq!(run.code, 0, "{file}: {}", run.stdout);
    }
}

#[test]
fn hum_prove_evm_through_the_component_then_calldata_and_verify() {
    let dir = workdir("evm-prove");
    let witness = common::witness(4, 2);
    std::fs::write(dir.join("w.json"), serde_json::to_string(&witness).unwrap()).unwrap();
    // The EVM flavour is for a contract, which verifies KZG: without an SRS it says what to pass.
    let run = hum(&dir, &["prove", "--witness", "w.json", "--evm", "--out", "p.json"]);
    assert!(
        run.code == 2 && run.stderr.contains("verifies KZG proofs") && run.stderr.contains("--srs"),
        "{}",
        run.stderr
    );
    assert!(!dir.join("p.json").exists());
    let run = hum(&dir, &["--json", "prove", "--witness", "w.json", "--evm", "--insecure-dev-srs", "--out", "p.json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(report["flavour"], "evm");
    let file: serde_json::Value = serde_json::from_slice(&std::fs::read(dir.join("p.json")).unwrap()).unwrap();
    assert_eq!(file["flavour"], "evm");
    assert_eq!(file["uint256_public_inputs"].as_array().map(Vec::len), Some(4));
    let run = hum(&dir, &["calldata", "p.json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = hum(&dir, &["verify", "p.json", "--depth", "4", "--insecure-dev-srs"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    // Without --evm the proof is standard, and a contract's calldata is refused with the hint.
    let run = hum(&dir, &["prove", "--witness", "w.json", "--out", "s.json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = hum(&dir, &["calldata", "s.json"]);
    assert!(run.code == 2 && run.stderr.contains("--evm"), "{}", run.stderr);
}
