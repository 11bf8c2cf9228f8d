//! `hum demo`: a fresh identity in a small tree padded to the depth; prove, verify, print times.

use std::time::Instant;

use anyhow::anyhow;
use hum_core::{field::fr_to_hex, poseidon2::hash1, tree::MerkleTree, Fr, VerifyPolicy, Witness};
use hum_host::InitRequest;
use rand_core::{OsRng, RngCore};
use serde_json::json;
use zeroize::Zeroizing;

use super::orchestrator;
use crate::{
    cli::Global,
    error::{bad_input, host_failure, Failure},
    output::Report,
    progress::{insecure_warning, watch},
};

/// The demo's member position and group size.
const INDEX: u64 = 2;
const MEMBERS: u64 = 5;

/// A witness for a fresh random identity, member [`INDEX`] of [`MEMBERS`] random leaves.
fn demo_witness(depth: usize) -> Result<Witness, Failure> {
    let mut secret_bytes = Zeroizing::new([0u8; 32]);
    OsRng.fill_bytes(secret_bytes.as_mut());
    secret_bytes[0] &= 0x1f; // below p
    let secret = Zeroizing::new(format!("0x{}", hex::encode(secret_bytes.as_ref())));
    let secret_fr = hum_core::field::parse_fr(&secret).map_err(|e| anyhow!("demo secret: {e}"))?;
    let mut leaves: Vec<Fr> = (0..MEMBERS).map(|i| hash1(Fr::from(1000 + i + OsRng.next_u64() % 1000))).collect();
    leaves[INDEX as usize] = hash1(secret_fr);
    let tree = MerkleTree::new(depth, &leaves);
    Ok(Witness {
        secret: secret.to_string(),
        index: INDEX,
        siblings: tree.siblings(INDEX).iter().map(fr_to_hex).collect(),
        action_id: fr_to_hex(&Fr::from(2026)),
        message_hash: fr_to_hex(&hash1(Fr::from(42))),
        root: Some(fr_to_hex(&tree.root())),
    })
}

/// Runs `hum demo`.
pub fn run(g: &Global, depth: usize) -> Result<Report, Failure> {
    if !(1..=32).contains(&depth) {
        return Err(bad_input(anyhow!("--depth must be 1..=32")));
    }
    let witness = demo_witness(depth)?;
    let orchestrator = orchestrator(g)?;
    let watcher = watch(&orchestrator, g.json);
    let init = orchestrator.init(InitRequest { depth, ..InitRequest::default() }).wait().map_err(host_failure)?;
    insecure_warning(&init.circuit, g.json);
    let started = Instant::now();
    let result = orchestrator.prove_blocking(&witness).map_err(host_failure)?;
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
