//! `hum demo`: a fresh identity in a small tree padded to the depth; prove, verify, print times.

use std::time::Instant;

use anyhow::anyhow;
use hum_core::{hash_to_field, Flavour, Fr, Group, Identity, VerifyPolicy};
use hum_host::InitRequest;
use serde_json::json;

use super::orchestrator;
use crate::{
    cli::Global,
    error::{bad_input, core_failure, host_failure, Failure},
    output::Report,
    progress::{insecure_warning, watch},
};

/// The demo's member position and group size.
const INDEX: u64 = 2;
const MEMBERS: u64 = 5;

/// A fresh random identity, member [`INDEX`] of a group of [`MEMBERS`] random commitments.
fn demo_group(depth: usize) -> Result<(Identity, Group), Failure> {
    let me = Identity::random();
    let mut members: Vec<Fr> = (0..MEMBERS).map(|_| Identity::random().commitment()).collect();
    members[INDEX as usize] = me.commitment();
    let group = Group::with_members(depth, &members).map_err(core_failure)?;
    Ok((me, group))
}

/// Runs `hum demo`.
pub fn run(g: &Global, depth: usize) -> Result<Report, Failure> {
    if !(1..=32).contains(&depth) {
        return Err(bad_input(anyhow!("--depth must be 1..=32")));
    }
    let (me, group) = demo_group(depth)?;
    let proof = group.merkle_proof(INDEX).map_err(core_failure)?;
    let orchestrator = orchestrator(g)?;
    let watcher = watch(&orchestrator, g.json);
    let init = orchestrator.init(InitRequest { depth, ..InitRequest::default() }).wait().map_err(host_failure)?;
    insecure_warning(&init.circuit, g.json);
    let started = Instant::now();
    let (action, message) = (hash_to_field(b"hum demo"), hash_to_field(b"hello"));
    let result =
        orchestrator.prove_member(&me, &proof, action, message, Flavour::Standard).wait().map_err(host_failure)?;
    let prove_wall = started.elapsed().as_millis() as u64;
    // The demo runs on the dev SRS, so its verifier opts in to it (and says so below).
    let policy = VerifyPolicy { allow_insecure_dev_srs: true, ..VerifyPolicy::for_depth(depth) };
    let verdict = orchestrator.verify_result(&result, &policy).wait().map_err(host_failure)?;
    let rejection = verdict.rejection.as_ref().map(|r| r.message.clone());
    drop(orchestrator);
    let _ = watcher.join();
    let inputs = &result.public_inputs;
    let circuit = &result.circuit;
    let json = json!({
        "valid": verdict.valid,
        "rejection": rejection,
        "root": inputs.root,
        "nullifier": inputs.nullifier,
        "action_id": inputs.action_id,
        "message_hash": inputs.message_hash,
        "proof_bytes": result.proof.len(),
        "init_ms": init.total_ms,
        "keys_from_cache": init.from_cache,
        "prove_ms": result.prove_ms,
        "prove_wall_ms": prove_wall,
        "peak_memory_bytes": result.peak_memory,
        "circuit": { "id": circuit.id, "depth": circuit.depth, "k": circuit.k,
                      "srs": circuit.srs, "insecure_dev_srs": circuit.insecure_dev_srs },
    });
    let mut text = vec![
        format!("hum demo: depth {depth}, member {INDEX} of {MEMBERS} (tree padded to 2^{depth} leaves)"),
        format!("  root        {}", inputs.root),
        format!("  nullifier   {}", inputs.nullifier),
        format!("  proof       {} bytes", result.proof.len()),
        format!(
            "  init        {} ms ({})",
            init.total_ms,
            if init.from_cache { "keys from cache" } else { "keys generated" }
        ),
        format!(
            "  prove       {} ms in the prover ({prove_wall} ms wall), peak heap {:.1} MiB",
            result.prove_ms,
            result.peak_memory as f64 / 1048576.0
        ),
        match &rejection {
            None => "  verify      valid (the demo's verifier allows the insecure dev SRS)".to_string(),
            Some(reason) => format!("  verify      INVALID: {reason}"),
        },
        format!("  circuit     {}", circuit.id),
    ];
    if circuit.insecure_dev_srs {
        text.push("  srs         INSECURE dev SRS (development only)".to_string());
    }
    Ok(Report { text, json, code: if verdict.valid { 0 } else { 1 } })
}
