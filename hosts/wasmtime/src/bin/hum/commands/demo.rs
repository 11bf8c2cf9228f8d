//! `hum demo`: a fresh identity in a small tree padded to the depth; prove, verify, print times.

use std::time::Instant;

use anyhow::anyhow;
use hum_core::{hash_to_field, Flavour, Fr, Group, Identity, Scheme, VerifyPolicy};
use serde_json::json;

use super::{init_request, orchestrator};
use crate::{
    cli::{Global, SrsArgs},
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
pub fn run(g: &Global, depth: usize, srs: &SrsArgs) -> Result<Report, Failure> {
    if !(1..=32).contains(&depth) {
        return Err(bad_input(anyhow!("--depth must be 1..=32")));
    }
    let request = init_request(srs, depth)?;
    let (me, group) = demo_group(depth)?;
    let proof = group.merkle_proof(INDEX).map_err(core_failure)?;
    let orchestrator = orchestrator(g)?;
    let watcher = watch(&orchestrator, g.json);
    let init = orchestrator.init(request).wait().map_err(host_failure)?;
    insecure_warning(&init.circuit, g.json);
    let started = Instant::now();
    let (action, message) = (hash_to_field(b"hum demo"), hash_to_field(b"hello"));
    let result =
        orchestrator.prove_member(&me, &proof, action, message, Flavour::Standard).wait().map_err(host_failure)?;
    let prove_wall = started.elapsed().as_millis() as u64;
    // The default setup (IPA on hum's generators) passes the strict policy every verifier has;
    // choosing the dev SRS is what accepts it.
    let policy = VerifyPolicy { allow_insecure_dev_srs: srs.insecure_dev_srs, ..VerifyPolicy::for_depth(depth) };
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
        "circuit": { "id": circuit.id, "depth": circuit.depth, "k": circuit.k, "scheme": init.circuit.scheme.name(),
                      "srs": circuit.srs, "insecure_dev_srs": circuit.insecure_dev_srs },
        "scheme": scheme_line(&init.circuit),
    });
    let text = vec![
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
            None if policy.allow_insecure_dev_srs => {
                "  verify      valid (the depth's circuit; the dev SRS accepted by --insecure-dev-srs)".to_string()
            }
            None => "  verify      valid (strict policy: the depth's circuit, no dev SRS)".to_string(),
            Some(reason) => format!("  verify      INVALID: {reason}"),
        },
        format!("  circuit     {}", circuit.id),
        format!("  scheme      {}", scheme_line(&init.circuit)),
    ];
    Ok(Report { text, json, code: if verdict.valid { 0 } else { 1 } })
}

/// What the circuit's setup is and why it can be trusted, in a user's words.
fn scheme_line(circuit: &hum_core::CircuitInfo) -> String {
    match (circuit.scheme, circuit.insecure_dev_srs) {
        (Scheme::Ipa, _) => "ipa: hum's transparent generators, derived by hash-to-curve from a public label, so \
                             there is no ceremony and no file to trust; soundness rests on discrete log alone"
            .to_string(),
        (Scheme::Kzg, true) => "kzg on the INSECURE dev SRS (its secret is public): this proves nothing".to_string(),
        (Scheme::Kzg, false) => format!("kzg on the ceremony SRS {}", circuit.srs),
    }
}
