//! `hum prove`: prove a witness file and write the proof JSON.

use std::path::Path;

use hum_core::Witness;
use hum_host::InitRequest;
use serde_json::json;
use zeroize::Zeroizing;

use super::{orchestrator, read_input, read_srs, write_output};
use crate::{
    cli::{Global, SrsArgs},
    error::{bad_input, host_failure, Failure},
    output::Report,
    progress::{insecure_warning, watch},
};

/// Runs `hum prove`.
pub fn run(g: &Global, witness: &Path, out: &Path, srs: &SrsArgs) -> Result<Report, Failure> {
    let bytes = Zeroizing::new(read_input(witness)?);
    let witness = Witness::from_json(&bytes).map_err(bad_input)?;
    witness.validate().map_err(bad_input)?;
    let (srs_bytes, srs_hash) = read_srs(srs)?;
    let orchestrator = orchestrator(g)?;
    let watcher = watch(&orchestrator, g.json);
    let init = orchestrator
        .init(InitRequest { depth: witness.depth(), srs: srs_bytes, srs_hash })
        .wait()
        .map_err(host_failure)?;
    insecure_warning(&init.circuit, g.json);
    let result = orchestrator.prove_blocking(&witness).map_err(host_failure)?;
    drop(orchestrator);
    let _ = watcher.join();
    let core = hum_host::to_core_result(&result)?;
    let mut value: serde_json::Value = serde_json::from_str(&core.to_json())?;
    value["prove_ms"] = result.prove_ms.into();
    write_output(out, (serde_json::to_string_pretty(&value)? + "\n").as_bytes())?;
    let insecure = result.circuit.insecure_dev_srs;
    Ok(Report::ok(
        json!({ "out": out, "proof_bytes": result.proof.len(), "prove_ms": result.prove_ms,
                "nullifier": result.public_inputs.nullifier, "insecure_dev_srs": insecure }),
        [format!(
            "wrote {} ({} byte proof, {} ms){}",
            out.display(),
            result.proof.len(),
            result.prove_ms,
            if insecure { " — INSECURE dev SRS" } else { "" }
        )],
    ))
}
