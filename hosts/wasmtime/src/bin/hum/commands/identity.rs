//! `hum identity new|commitment`: identity files (`{ "version": 1, "secret": "0x…" }`, 0600).

use std::path::Path;

use anyhow::anyhow;
use hum_core::{field::fr_to_hex, Identity};
use serde_json::json;

use super::read_input;
use crate::{
    error::{bad_input, core_failure, Failure},
    output::Report,
};

/// Runs `hum identity new`: never overwrites a file (an identity is not recoverable).
pub fn new(out: &Path, seed_file: Option<&Path>) -> Result<Report, Failure> {
    if out.exists() {
        return Err(bad_input(anyhow!("{} exists: an identity file is never overwritten", out.display())));
    }
    let identity = match seed_file {
        Some(path) => Identity::from_seed(&zeroize::Zeroizing::new(read_input(path)?)).map_err(core_failure)?,
        None => Identity::random(),
    };
    hum_host::keyfile::write_identity_file(out, &identity)
        .map_err(|e| anyhow!("cannot write {}: {e}", out.display()))?;
    let commitment = fr_to_hex(&identity.commitment());
    Ok(Report::ok(
        json!({ "out": out, "commitment": commitment, "derived": seed_file.is_some() }),
        [commitment.clone()],
    ))
}

/// Runs `hum identity commitment`.
pub fn commitment(file: &Path) -> Result<Report, Failure> {
    let identity = read_identity(file)?;
    let commitment = fr_to_hex(&identity.commitment());
    Ok(Report::ok(json!({ "commitment": commitment }), [commitment.clone()]))
}

/// Reads an identity file (refused when others may read it); failures are bad input.
pub fn read_identity(file: &Path) -> Result<Identity, Failure> {
    hum_host::keyfile::read_identity_file(file).map_err(bad_input)
}
