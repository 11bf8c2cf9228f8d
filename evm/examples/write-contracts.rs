//! Writes the generated contracts that are committed: `contracts/src/Poseidon2.sol` and the
//! depth-20 verifier on the INSECURE dev SRS that the contract tests deploy
//! (`contracts/test/HumVerifierD20_INSECURE_DEV_SRS.sol`). `evm/tests/contracts.rs` fails when
//! either differs from what this writes.
//!
//!     cargo run --release -p hum-evm --example write-contracts

use std::path::Path;

use hum_core::{k_for_depth, CircuitKeys, Srs};

fn main() {
    let contracts = Path::new(env!("CARGO_MANIFEST_DIR")).join("../contracts");
    std::fs::write(contracts.join("src/Poseidon2.sol"), hum_evm::poseidon2_solidity()).unwrap();
    let keys = CircuitKeys::generate(&Srs::insecure_dev(k_for_depth(20)), 20).unwrap();
    let verifier = hum_evm::solidity_verifier(&keys, true).unwrap();
    std::fs::write(contracts.join(format!("test/{}.sol", verifier.contract)), verifier.source).unwrap();
}
