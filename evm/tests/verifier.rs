//! The generated verifier in a real EVM: hum's EVM-flavour proofs verify, everything else is refused.

mod common;

use std::sync::OnceLock;

use alloy_sol_types::SolCall;
use common::{solc, Evm, CODE_LIMIT};
use hum_core::{k_for_depth, prove, CircuitKeys, Flavour, ProofResult, Srs, Witness};
use hum_evm::{calldata, solidity_verifier, verifyProofCall, SolidityVerifier};
use revm::primitives::Address;

const DEPTH: usize = 20;

fn keys() -> &'static CircuitKeys {
    static KEYS: OnceLock<CircuitKeys> = OnceLock::new();
    KEYS.get_or_init(|| CircuitKeys::generate(&Srs::insecure_dev(k_for_depth(DEPTH)), DEPTH).unwrap())
}

fn witness(seed: u64) -> Witness {
    let siblings: Vec<String> = (0..DEPTH).map(|i| format!("0x{:x}", 1000 + i as u64 + seed)).collect();
    Witness::from_json(
        serde_json::json!({ "secret": format!("0x{:x}", 77 + seed), "index": seed * 3, "siblings": siblings,
            "action_id": "0x2026", "message_hash": format!("0x{:x}", 5 + seed) })
        .to_string()
        .as_bytes(),
    )
    .unwrap()
}

fn evm_proof(seed: u64) -> ProofResult {
    prove(keys(), &witness(seed), Flavour::Evm, rand_core::OsRng, &mut |_| {}).unwrap()
}

/// The verifier, compiled and deployed once per test.
struct Deployed {
    evm: Evm,
    address: Address,
    verifier: SolidityVerifier,
}

fn deploy() -> Deployed {
    static COMPILED: OnceLock<(SolidityVerifier, Vec<u8>)> = OnceLock::new();
    let (verifier, bytecode) = COMPILED.get_or_init(|| {
        let verifier = solidity_verifier(keys(), true).unwrap();
        let file = common::tempfile_path("HumVerifier.sol");
        std::fs::write(&file, &verifier.source).unwrap();
        let compiled = solc(&[&file], false);
        let contract = &compiled[&verifier.contract];
        (verifier.clone(), contract.bytecode.clone())
    });
    let mut evm = Evm::new();
    let (address, gas) = evm.deploy(bytecode);
    eprintln!("deployed {} with {gas} gas", verifier.contract);
    Deployed { evm, address, verifier: verifier.clone() }
}

fn verify(d: &mut Deployed, data: Vec<u8>) -> common::Call {
    d.evm.call(d.address, data)
}

fn returned_true(call: &common::Call) -> bool {
    call.success && verifyProofCall::abi_decode_returns(call.output.as_ref().unwrap()).unwrap()
}

#[test]
fn an_evm_proof_verifies_on_chain_and_off() {
    let mut d = deploy();
    let proof = evm_proof(1);
    assert_eq!(proof.proof.len(), d.verifier.proof_length, "the generator's proof length is the prover's");
    hum_core::verify(keys(), Flavour::Evm, &proof.proof, &proof.public_inputs).unwrap();
    let data = calldata(&proof, d.verifier.proof_length).unwrap();
    let call = verify(&mut d, data);
    assert!(returned_true(&call), "{call:?}");
    eprintln!("verifyProof: {} gas", call.gas);
}

#[test]
fn the_code_fits_in_a_contract() {
    let mut d = deploy();
    let plonk = d.evm.call(d.address, hum_evm::plonkVerifierCall {}.abi_encode());
    let plonk = Address::from_slice(&plonk.output.unwrap()[12..32]);
    for (name, address) in [("wrapper", d.address), ("halo2 verifier", plonk)] {
        let size = d.evm.code_size(address);
        eprintln!("{name}: {size} bytes of runtime code");
        assert!(size > 0 && size <= CODE_LIMIT, "{name} is {size} bytes");
    }
}

#[test]
fn tampered_proofs_and_other_inputs_are_refused() {
    let mut d = deploy();
    let proof = evm_proof(2);
    let length = d.verifier.proof_length;
    // A flipped bit anywhere in a point or a scalar.
    for position in [0, 40, 64 * 5 + 3, length / 2, length - 1] {
        let mut tampered = proof.clone();
        tampered.proof[position] ^= 1;
        assert!(!returned_true(&verify(&mut d, calldata(&tampered, length).unwrap())), "byte {position}");
    }
    // Each public input changed.
    for i in 0..4 {
        let mut other = proof.clone();
        let mut inputs = other.public_inputs.to_array();
        inputs[i] += hum_core::Fr::one();
        other.public_inputs = hum_core::PublicInputs::from_array(inputs);
        assert!(!returned_true(&verify(&mut d, calldata(&other, length).unwrap())), "public input {i}");
    }
    // A proof in the standard flavour has no calldata, and its bytes would not verify.
    let standard = prove(keys(), &witness(2), Flavour::Standard, rand_core::OsRng, &mut |_| {}).unwrap();
    assert!(calldata(&standard, length).is_err());
}
