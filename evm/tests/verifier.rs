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
    let data = calldata(&proof).unwrap();
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
        assert!(!returned_true(&verify(&mut d, calldata(&tampered).unwrap())), "byte {position}");
    }
    // Each public input changed.
    for i in 0..4 {
        let mut other = proof.clone();
        let mut inputs = other.public_inputs.to_array();
        inputs[i] += hum_core::Fr::one();
        other.public_inputs = hum_core::PublicInputs::from_array(inputs);
        assert!(!returned_true(&verify(&mut d, calldata(&other).unwrap())), "public input {i}");
    }
    // A proof in the standard flavour has no calldata, and its bytes would not verify.
    let standard = prove(keys(), &witness(2), Flavour::Standard, rand_core::OsRng, &mut |_| {}).unwrap();
    assert!(calldata(&standard).is_err());
}

/// The revert's custom error selector.
fn reverted_with(call: &common::Call, signature: &str) -> bool {
    use alloy_primitives::keccak256;
    !call.success && call.output.as_ref().is_some_and(|o| o.len() >= 4 && o[..4] == keccak256(signature)[..4])
}

#[test]
fn malformed_calls_revert_with_their_reason() {
    let mut d = deploy();
    let proof = evm_proof(3);
    let good = calldata(&proof).unwrap();
    // A public input ≥ r (the nullifier plus r: the same field element, a different uint256).
    let r =
        hum_evm::U256::from_str_radix("30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001", 16).unwrap();
    let mut inputs = hum_evm::uint256_inputs(&proof);
    inputs[3] += r;
    let shifted = verifyProofCall { proof: proof.proof.clone().into(), publicInputs: inputs }.abi_encode();
    assert!(reverted_with(&verify(&mut d, shifted), "PublicInputNotInField(uint256)"));
    // A short proof, and one with a word more.
    for proof_bytes in [proof.proof[..proof.proof.len() - 32].to_vec(), [&proof.proof[..], &[0u8; 32]].concat()] {
        let call = verifyProofCall { proof: proof_bytes.into(), publicInputs: hum_evm::uint256_inputs(&proof) };
        assert!(reverted_with(&verify(&mut d, call.abi_encode()), "ProofLength(uint256,uint256)"));
    }
    // The last word of the proof is a scalar; plus r it is the same value mod r, and refused.
    let mut bytes = proof.proof.clone();
    let last = bytes.len() - 32;
    let word = hum_evm::U256::from_be_slice(&bytes[last..]);
    if let Some(bigger) = word.checked_add(r) {
        bytes[last..].copy_from_slice(&bigger.to_be_bytes::<32>());
        let call = verifyProofCall { proof: bytes.into(), publicInputs: hum_evm::uint256_inputs(&proof) };
        assert!(!returned_true(&verify(&mut d, call.abi_encode())), "a scalar plus r");
    }
    // Garbage calldata.
    assert!(!verify(&mut d, vec![0xde, 0xad]).success);
    assert!(returned_true(&verify(&mut d, good)), "the unmodified call still verifies");
}

#[test]
fn a_verifier_for_another_srs_refuses_a_dev_srs_proof() {
    use halo2_proofs::{halo2curves::bn256::Bn256, poly::kzg::commitment::ParamsKZG};
    let k = k_for_depth(DEPTH);
    let other_srs = Srs::from_params(ParamsKZG::<Bn256>::setup(k, rand_core::OsRng));
    let other = CircuitKeys::generate(&other_srs, DEPTH).unwrap();
    assert!(matches!(solidity_verifier(&other, false), Ok(v) if !v.contract.contains("INSECURE")));
    assert_eq!(solidity_verifier(keys(), false).unwrap_err(), hum_evm::Error::InsecureDevSrs);
    let verifier = solidity_verifier(&other, false).unwrap();
    assert!(!verifier.source.contains("INSECURE:"), "no INSECURE warning for a real SRS");
    let file = common::tempfile_path("Other.sol");
    std::fs::write(&file, &verifier.source).unwrap();
    let compiled = solc(&[&file], false);
    let mut evm = Evm::new();
    let (address, _) = evm.deploy(&compiled[&verifier.contract].bytecode);
    let dev_proof = evm_proof(4);
    let call = evm.call(address, calldata(&dev_proof).unwrap());
    assert!(!returned_true(&call), "a dev-SRS proof against a verifier for another SRS");
    let real = prove(&other, &witness(4), Flavour::Evm, rand_core::OsRng, &mut |_| {}).unwrap();
    assert!(returned_true(&evm.call(address, calldata(&real).unwrap())));
}

#[test]
fn ipa_keys_and_proofs_are_not_for_a_contract() {
    let keys = CircuitKeys::generate(&Srs::transparent(k_for_depth(4)), 4).unwrap();
    assert!(matches!(solidity_verifier(&keys, true), Err(hum_evm::Error::NotKzg)));
    let w = Witness::from_json(
        br#"{"secret":"0x5","index":3,"siblings":["0x1","0x2","0x3","0x4"],"action_id":"0x1","message_hash":"0x2"}"#,
    )
    .unwrap();
    // The prover refuses an evm proof on IPA keys; a standard IPA proof relabelled evm (a file
    // someone edited) is refused by calldata as not KZG.
    let refused = prove(&keys, &w, Flavour::Evm, rand_core::OsRng, &mut |_| {}).unwrap_err();
    assert_eq!(refused.kind(), hum_core::ErrorKind::InvalidArgument, "{refused}");
    let mut proof = prove(&keys, &w, Flavour::Standard, rand_core::OsRng, &mut |_| {}).unwrap();
    proof.flavour = Flavour::Evm;
    assert!(matches!(calldata(&proof), Err(hum_evm::Error::NotKzg)));
}
