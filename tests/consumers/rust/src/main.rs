//! The five steps with hum-host as a library: identities, a group, a proof for a member in an
//! isolated instance of the released component, and its verification against the group; then the
//! same in the EVM flavour, written as proof JSON for a contract (`hum calldata`).
//!
//! `hum-consumer-rust COMPONENT.wasm [EVM-PROOF.json]`

use std::sync::Arc;

use hum_core::{hash_to_field, Flavour, Group, Identity, VerifyPolicy};
use hum_host::{InitRequest, OrchestratorConfig, ProverOrchestrator, Runtime, SrsChoice};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let component = std::env::args().nth(1).ok_or("usage: hum-consumer-rust COMPONENT.wasm [EVM-PROOF.json]")?;
    let runtime: Arc<Runtime> = Runtime::load(std::path::Path::new(&component), None)?;
    let hum = ProverOrchestrator::new(runtime, OrchestratorConfig::default());
    hum.init(InitRequest { depth: 20, ..InitRequest::default() }).wait()?;

    let me = Identity::random();
    let mut group = Group::with_members(20, &[Identity::random().commitment(), Identity::random().commitment()])?;
    group.add(me.commitment())?;
    let action = hash_to_field(b"vote-2026");
    let result = hum.prove_in_group(&me, &group, action, hash_to_field(b"yes"), Flavour::Standard).wait()?;

    // The verifier's own expectations: the depth and root of its group and the action. The
    // default setup (IPA on hum's generators) needs no opt-in.
    let policy = VerifyPolicy { root: Some(group.root()), action_id: Some(action), ..VerifyPolicy::for_depth(20) };
    let verdict = hum.verify_result(&result, &policy).wait()?;
    println!(
        "proof {} bytes, nullifier {}, valid {}",
        result.proof.len(),
        result.public_inputs.nullifier,
        verdict.valid
    );
    if !verdict.valid {
        return Err(format!("rejected: {:?}", verdict.rejection).into());
    }

    if let Some(out) = std::env::args().nth(2) {
        // A contract verifies KZG: here on the development SRS (this proves nothing; a real app
        // passes a ceremony's, `SrsChoice::Pinned`).
        hum.init(InitRequest { depth: 20, srs: SrsChoice::InsecureDev }).wait()?;
        let evm = hum.prove_in_group(&me, &group, action, hash_to_field(b"yes"), Flavour::Evm).wait()?;
        let dev = VerifyPolicy { allow_insecure_dev_srs: true, ..policy };
        let verdict = hum.verify_result(&evm, &dev).wait()?;
        if !verdict.valid {
            return Err(format!("the EVM proof was rejected: {:?}", verdict.rejection).into());
        }
        std::fs::write(&out, hum_host::to_core_result(&evm)?.to_json())?;
        println!("EVM proof {} bytes, valid {}, written to {out}", evm.proof.len(), verdict.valid);
    }
    Ok(())
}
