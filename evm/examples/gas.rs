//! The on-chain costs of hum at depth 20, measured in revm (mainnet rules) with the committed
//! dev-SRS verifier and HumGroups compiled by solc-js: deploy gas and runtime size of both,
//! `verifyProof` and `validateProof` gas (whole transactions, calldata included) over `runs`
//! fresh proofs, `addMember` gas. One JSON object a line (`{"metric", "unit", "values"}`), as
//! `scripts/bench.py` reads them.
//!
//!     cargo run --release -p hum-evm --example gas -- [runs]

#[path = "../tests/common/mod.rs"]
mod common;

use alloy_sol_types::SolCall;
use common::{app::*, CALLER};
use hum_core::{hash_to_field, k_for_depth, prove, CircuitKeys, Flavour, Group, Identity, Srs, Witness};
use hum_evm::{calldata, U256};

fn row(metric: &str, unit: &str, values: &[u64]) {
    println!("{}", serde_json::json!({ "metric": format!("evm.{metric}_{unit}"), "unit": unit, "values": values }));
}

fn main() {
    let runs: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(5);
    let keys = CircuitKeys::generate(&Srs::insecure_dev(k_for_depth(20)), 20).expect("keys");
    let mut app = deploy_app();
    let (verifier_gas, groups_gas) = app.deploy_gas;
    row("deploy_verifier", "gas", &[verifier_gas]);
    row("deploy_groups", "gas", &[groups_gas]);
    let (apps, verifiers) = compiled();
    row("verifier_runtime", "bytes", &[verifiers["HumPlonkVerifierD20_INSECURE_DEV_SRS"].deployed.len() as u64]);
    row("verifier_wrapper_runtime", "bytes", &[verifiers["HumVerifierD20_INSECURE_DEV_SRS"].deployed.len() as u64]);
    row("groups_runtime", "bytes", &[apps["HumGroups"].deployed.len() as u64]);

    assert!(app.call(createGroupCall { admin: CALLER }.abi_encode()).success);
    let members: Vec<Identity> = (0..runs.max(2)).map(|_| Identity::random()).collect();
    let mut group = Group::new(20).expect("a group");
    let mut add = Vec::new();
    for id in &members {
        let call = app.call(addMemberCall { groupId: U256::ZERO, commitment: u(&id.commitment()) }.abi_encode());
        assert!(call.success, "{call:?}");
        add.push(call.gas);
        group.add(id.commitment()).expect("a new member");
    }
    row("addMember_first", "gas", &add[..1]);
    row("addMember", "gas", &add[1..]);

    let (mut verify, mut validate_gas) = (Vec::new(), Vec::new());
    for id in members.iter().take(runs) {
        let witness =
            Witness::for_group(id, &group, hash_to_field(b"vote-2026"), hash_to_field(b"yes")).expect("a member");
        let proof = prove(&keys, &witness, Flavour::Evm, rand_core::OsRng, &mut |_| {}).expect("a proof");
        let verified = app.evm.call(app.verifier, calldata(&proof).expect("an EVM proof"));
        assert!(verified.success, "{verified:?}");
        verify.push(verified.gas);
        let validated = validate(&mut app, 0, &proof);
        assert!(validated.success, "{validated:?}");
        validate_gas.push(validated.gas);
    }
    row("verifyProof", "gas", &verify);
    row("validateProof", "gas", &validate_gas);
}
