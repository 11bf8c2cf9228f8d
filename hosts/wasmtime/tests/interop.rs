//! The held-out proof vectors (`tests/vectors/proofs.json`, made natively by hum-core) replayed
//! through the component in wasmtime and through `hum verify`: each reaches the verdict the file
//! names, per scheme.

mod common;

use hum_core::{ProofResult, VerifyPolicy};
use hum_host::wit;
use serde_json::Value;

fn vectors() -> Vec<Value> {
    let text = include_str!("../../../tests/vectors/proofs.json");
    let file: Value = serde_json::from_str(text).unwrap();
    file["vectors"].as_array().unwrap().clone()
}

/// The verifier a vector names, as an INIT: hum's default, or KZG on the dev SRS (the explicit
/// opt-in), with the policy that goes with it.
fn verifier(name: &str, depth: u8) -> (wit::Command, VerifyPolicy) {
    let dev = match name {
        "transparent" => false,
        "insecure-dev" => true,
        other => panic!("unknown verifier {other}"),
    };
    let init = wit::Command::Init(wit::InitOptions {
        depth,
        k: None,
        scheme: dev.then_some(wit::Scheme::Kzg),
        srs: None,
        srs_hash: None,
        cached_keys: None,
        memory_budget: None,
    });
    (init, VerifyPolicy { allow_insecure_dev_srs: dev, ..VerifyPolicy::for_depth(depth as usize) })
}

#[test]
fn the_component_reaches_every_vectors_verdict() {
    for vector in vectors() {
        let name = vector["name"].as_str().unwrap();
        let proof = ProofResult::from_json(vector["proof"].to_string().as_bytes()).unwrap();
        let (init, policy) = verifier(vector["verifier"].as_str().unwrap(), proof.circuit.depth as u8);
        let mut h = common::Harness::new(256 << 20);
        let events = h.send(init);
        assert!(events.iter().any(|e| matches!(e, wit::Event::KeysReady(_))), "{name}: {events:?}");
        let inputs = proof.public_inputs.to_hex();
        let events = h.send(wit::Command::Verify(wit::VerifyRequest {
            proof: proof.proof.clone(),
            flavour: hum_host::wit_flavour(proof.flavour),
            public_inputs: wit::PublicInputs {
                root: inputs.root,
                action_id: inputs.action_id,
                message_hash: inputs.message_hash,
                nullifier: inputs.nullifier,
            },
            claimed_circuit: Some(hum_host::wit_circuit(&proof.circuit)),
            policy: hum_host::wit_policy(&policy),
        }));
        let verdict = match events.as_slice() {
            [wit::Event::Verified(v)] if v.valid => "valid".to_string(),
            [wit::Event::Verified(v)] => {
                let code = v.rejection.as_ref().expect("a rejection says why").code;
                hum_host::protocol::kind_of(code).name().to_string()
            }
            other => panic!("{name}: expected one verdict, got {other:?}"),
        };
        assert_eq!(verdict, vector["expect"].as_str().unwrap(), "{name}");
    }
}

#[test]
fn hum_verify_reaches_every_vectors_verdict() {
    let dir = common::workdir("interop");
    for (i, vector) in vectors().iter().enumerate() {
        let name = vector["name"].as_str().unwrap();
        let file = format!("proof-{i}.json");
        std::fs::write(dir.join(&file), vector["proof"].to_string()).unwrap();
        let mut args = vec!["--json", "verify", file.as_str()];
        if vector["verifier"] == "insecure-dev" {
            args.push("--insecure-dev-srs");
        }
        let run = common::hum(&dir, &args);
        let report: Value = serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{name}: {e}: {}", run.stderr));
        let verdict = match report["error_kind"].as_str() {
            None if report["valid"] == true => "valid",
            Some(kind) => kind,
            None => panic!("{name}: {report}"),
        };
        assert_eq!(verdict, vector["expect"].as_str().unwrap(), "{name}: {report}");
        assert_eq!(run.code, if verdict == "valid" { 0 } else { 1 }, "{name}");
    }
}
