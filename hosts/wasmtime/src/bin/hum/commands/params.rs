//! `hum params`: import a snarkjs .ptau as halo2 params, or write the insecure dev SRS.

use std::{path::Path, time::Instant};

use hum_core::Srs;
use serde_json::json;

use super::{read_input, write_output};
use crate::{
    cli::Global,
    error::{bad_input, Failure},
    output::Report,
};

/// Runs `hum params import`.
pub fn import(g: &Global, ptau: &Path, k: u32, out: &Path) -> Result<Report, Failure> {
    let bytes = read_input(ptau)?;
    let started = Instant::now();
    let srs = hum_core::ptau::import(&bytes, k).map_err(bad_input)?;
    write_output(out, &srs.to_bytes())?;
    let hash = hum_core::srs::format_hash(srs.hash());
    if !g.json {
        eprintln!("wrote {} (k = {k}); pin it with --srs {} --srs-hash {hash}", out.display(), out.display());
    }
    Ok(Report::ok(
        json!({ "out": out, "k": k, "srs_hash": hash, "ms": started.elapsed().as_millis() as u64 }),
        [hash.clone()],
    ))
}

/// Runs `hum params dev`.
pub fn dev(g: &Global, depth: usize, out: &Path) -> Result<Report, Failure> {
    let k = hum_core::keys::checked_k(depth).map_err(bad_input)?;
    let srs = Srs::insecure_dev(k);
    write_output(out, &srs.to_bytes())?;
    if !g.json {
        eprintln!("hum: WARNING: this is the INSECURE dev SRS (development only)");
    }
    let hash = hum_core::srs::format_hash(srs.hash());
    Ok(Report::ok(json!({ "out": out, "k": k, "srs_hash": hash, "insecure_dev_srs": true }), [hash.clone()]))
}
