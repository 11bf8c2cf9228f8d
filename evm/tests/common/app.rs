//! HumGroups and the committed dev-SRS verifier deployed together, as the contract tests and the
//! gas benchmark (`evm/examples/gas.rs`) use them.

use std::{collections::HashMap, path::Path, sync::OnceLock};

use alloy_sol_types::{sol, SolCall};
use hum_core::{field::fr_to_be_bytes, Fr, ProofResult};
use hum_evm::U256;
use revm::primitives::Address;

use super::{solc, Call, Compiled, Evm};

sol! {
    function hash1(uint256 a) external pure returns (uint256);
    function hash2(uint256 a, uint256 b) external pure returns (uint256);
    function zero(uint256 height) external pure returns (uint256);

    function createGroup(address admin) external returns (uint256 groupId);
    function addMember(uint256 groupId, uint256 commitment) external returns (uint256);
    function addMembers(uint256 groupId, uint256[] commitments) external returns (uint256);
    function updateMember(uint256 groupId, uint256 oldCommitment, uint256 newCommitment, uint256[] siblings) external returns (uint256);
    function removeMember(uint256 groupId, uint256 commitment, uint256[] siblings) external returns (uint256);
    function root(uint256 groupId) external view returns (uint256);
    function hashToField(bytes data) external pure returns (uint256);
    function validateProof(uint256 groupId, uint256 merkleRoot, uint256 actionId, uint256 messageHash, uint256 nullifier, bytes proof) external;

    error NotGroupAdmin(uint256 groupId, address caller);
    error NotAFieldElement(string name, uint256 value);
    error AlreadyAMember(uint256 commitment, uint256 index);
    error NotTheCurrentTree();
    error UnknownRoot(uint256 groupId, uint256 root);
    error NullifierUsed(uint256 groupId, uint256 nullifier);
    error InvalidProof();
}

/// The repository's contracts/ folder.
pub fn contracts() -> &'static Path {
    static DIR: OnceLock<std::path::PathBuf> = OnceLock::new();
    DIR.get_or_init(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../contracts"))
}

/// A field element as a uint256.
pub fn u(x: &Fr) -> U256 {
    U256::from_be_bytes(fr_to_be_bytes(x))
}

/// The uint256 a successful call returned.
pub fn returned(call: &Call) -> U256 {
    assert!(call.success, "{call:?}");
    U256::from_be_slice(call.output.as_ref().unwrap())
}

/// The app contracts (optimizer on) and the committed dev-SRS verifier (no optimizer).
pub fn compiled() -> &'static (HashMap<String, Compiled>, HashMap<String, Compiled>) {
    static COMPILED: OnceLock<(HashMap<String, Compiled>, HashMap<String, Compiled>)> = OnceLock::new();
    COMPILED.get_or_init(|| {
        let apps =
            solc(&[&contracts().join("src/HumGroups.sol"), &contracts().join("test/Poseidon2Harness.sol")], true);
        let verifier = solc(&[&contracts().join("test/HumVerifierD20_INSECURE_DEV_SRS.sol")], false);
        (apps, verifier)
    })
}

/// The verifier and HumGroups on it, deployed in a fresh EVM.
pub struct App {
    pub evm: Evm,
    /// The verifier's wrapper (`HumVerifierD20_INSECURE_DEV_SRS`).
    pub verifier: Address,
    /// HumGroups.
    pub groups: Address,
    /// The gas of deploying the verifier (both its contracts) and HumGroups.
    pub deploy_gas: (u64, u64),
}

/// Deploys the committed dev-SRS verifier and HumGroups on it.
pub fn deploy_app() -> App {
    let (apps, verifier) = compiled();
    let mut evm = Evm::new();
    let (verifier, verifier_gas) = evm.deploy(&verifier["HumVerifierD20_INSECURE_DEV_SRS"].bytecode);
    let creation = [&apps["HumGroups"].bytecode[..], &alloy_sol_types::SolValue::abi_encode(&verifier)[..]].concat();
    let (groups, gas) = evm.deploy(&creation);
    eprintln!("HumGroups deployed with {gas} gas");
    App { evm, verifier, groups, deploy_gas: (verifier_gas, gas) }
}

impl App {
    pub fn call(&mut self, data: Vec<u8>) -> Call {
        self.evm.call(self.groups, data)
    }

    pub fn root(&mut self, group: u64) -> U256 {
        returned(&self.call(rootCall { groupId: U256::from(group) }.abi_encode()))
    }
}

/// `validateProof` for a proof in group `group`, its public inputs as the proof has them.
pub fn validate(app: &mut App, group: u64, proof: &ProofResult) -> Call {
    let i = hum_evm::uint256_inputs(proof);
    app.call(
        validateProofCall {
            groupId: U256::from(group),
            merkleRoot: i[0],
            actionId: i[1],
            messageHash: i[2],
            nullifier: i[3],
            proof: proof.proof.clone().into(),
        }
        .abi_encode(),
    )
}
