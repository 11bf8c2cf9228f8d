//! `hum verify`: check a proof file for the circuit the verifier accepts (nothing about the
//! circuit is taken from the file).

use std::{path::Path, time::Instant};

use anyhow::anyhow;
use hum_core::{Fr, VerifyPolicy};
use hum_host::NativeVerifier;
use serde_json::json;

use super::{cache, read_input, srs_choice};
use crate::{
    cli::{Global, SrsArgs},
    error::{bad_input, Failure},
    output::Report,
};

/// What `hum verify` accepts, from its flags.
pub struct Expectations {
    /// The group's depth.
    pub depth: usize,
    /// The expected root.
    pub root: Option<String>,
    /// The expected action, as text (`--action`).
    pub action: Option<String>,
    /// The expected action id (`--action-id`).
    pub action_id: Option<String>,
}

fn field_flag(flag: &str, text: &Option<String>) -> Result<Option<Fr>, Failure> {
    text.as_deref()
        .map(|t| hum_core::field::parse_fr(t).map_err(|reason| bad_input(anyhow!("{flag} {reason}"))))
        .transpose()
}

/// Runs `hum verify`: exit 0 valid, 1 invalid or for another circuit, 2 bad input.
pub fn run(g: &Global, file: &Path, srs: &SrsArgs, expect: &Expectations) -> Result<Report, Failure> {
    hum_core::keys::checked_k(expect.depth).map_err(bad_input)?;
    let policy = VerifyPolicy {
        depth: expect.depth,
        srs_hash: None,
        // Choosing the dev SRS (`--insecure-dev-srs`) is what accepts it.
        allow_insecure_dev_srs: srs.insecure_dev_srs,
        root: field_flag("--root", &expect.root)?,
        action_id: match &expect.action {
            Some(text) => Some(hum_core::hash_to_field(text.as_bytes())),
            None => field_flag("--action-id", &expect.action_id)?,
        },
    };
    let choice = srs_choice(srs, true)?;
    let bytes = read_input(file)?;
    // Malformed files are bad input (exit 2); everything after parsing is the verdict (exit 0/1).
    let proof = hum_core::ProofResult::from_json(&bytes).map_err(bad_input)?;
    let verifier = NativeVerifier::load(policy, &choice, Some(&cache(g))).map_err(bad_input)?;
    let started = Instant::now();
    let outcome = verifier.verify_proof(&proof).map(|()| verifier.keys().info().clone());
    let ms = started.elapsed().as_secs_f64() * 1e3;
    let insecure = outcome.as_ref().is_ok_and(|info| info.insecure_dev_srs);
    let json = json!({ "valid": outcome.is_ok(), "verify_ms": ms, "depth": expect.depth,
        "circuit": outcome.as_ref().ok().map(|info| info.id.clone()), "insecure_dev_srs": insecure,
        "error": outcome.as_ref().err().map(|e| e.to_string()),
        "error_kind": outcome.as_ref().err().map(|e| e.kind().name()) });
    let line = match &outcome {
        Err(e) => format!("invalid: {e}"),
        Ok(_) if insecure => {
            format!("valid ({ms:.1} ms) — INSECURE dev SRS, allowed by --insecure-dev-srs: this proves nothing")
        }
        Ok(_) => format!("valid ({ms:.1} ms)"),
    };
    Ok(Report { text: vec![line], json, code: if outcome.is_ok() { 0 } else { 1 } })
}
