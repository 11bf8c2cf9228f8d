//! Verifies proof JSON files made by hum's hosts in a real EVM (revm): deploys the committed
//! depth-20 verifier on the INSECURE dev SRS (`contracts/test/HumVerifierD20_INSECURE_DEV_SRS.sol`,
//! compiled with solc-js from `contracts/`), calls `verifyProof` with `hum calldata`'s encoding of
//! each file, and checks that each verifies and that the same proof with one byte flipped does
//! not. Exits 1 unless every file passes. `tests/consumers/run.sh` runs it on the EVM proofs of
//! the component in wasmtime, the npm package in Node and the C bundle.
//!
//!     cargo run --release -p hum-evm --example verify-on-chain -- P.json [P.json …]

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::Path;

use alloy_sol_types::SolCall;
use hum_core::ProofResult;
use hum_evm::{calldata, verifyProofCall};

const CONTRACT: &str = "HumVerifierD20_INSECURE_DEV_SRS";

fn returned_true(call: &common::Call) -> bool {
    call.success && call.output.as_ref().is_some_and(|o| verifyProofCall::abi_decode_returns(o).unwrap_or(false))
}

fn main() {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: verify-on-chain P.json [P.json …]");
        std::process::exit(2);
    }
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../contracts/test/{CONTRACT}.sol"));
    let compiled = common::solc(&[&source], false);
    let mut evm = common::Evm::new();
    let (address, _) = evm.deploy(&compiled[CONTRACT].bytecode);
    let mut failed = false;
    for file in &files {
        let outcome = std::fs::read(file)
            .map_err(|e| e.to_string())
            .and_then(|bytes| ProofResult::from_json(&bytes).map_err(|e| e.to_string()))
            .and_then(|proof| calldata(&proof).map(|data| (proof, data)).map_err(|e| e.to_string()));
        let (mut proof, data) = match outcome {
            Ok(parts) => parts,
            Err(e) => {
                println!("{file}: not an EVM proof: {e}");
                failed = true;
                continue;
            }
        };
        let call = evm.call(address, data);
        let valid = returned_true(&call);
        let middle = proof.proof.len() / 2;
        proof.proof[middle] ^= 1;
        let tampered = returned_true(&evm.call(address, calldata(&proof).expect("still an EVM proof")));
        println!(
            "{file}: verifyProof {} ({} gas); with one byte flipped: {}",
            if valid { "true" } else { "false" },
            call.gas,
            if tampered { "true (WRONG)" } else { "false" }
        );
        failed |= !valid || tampered;
    }
    std::process::exit(i32::from(failed));
}
