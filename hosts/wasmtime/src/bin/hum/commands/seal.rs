//! `hum keypair`, `hum seal` and `hum open`: hum-seal-v1 envelopes to a P-256 key (docs/seal.md).

use std::path::Path;

use anyhow::{anyhow, Context};
use rand_core::OsRng;
use serde_json::json;
use zeroize::Zeroizing;

use super::{read_input, write_output};
use crate::{
    error::{bad_input, Failure},
    output::Report,
};

/// Runs `hum keypair`: the key file is written 0600.
pub fn keypair(out: &Path) -> Result<Report, Failure> {
    let (secret, public) = hum_core::seal::keypair(&mut OsRng);
    hum_host::keyfile::write_key_file(out, &secret, &public)
        .with_context(|| format!("cannot write {}", out.display()))?;
    let public_hex = format!("0x{}", hex::encode(public));
    Ok(Report::ok(json!({ "public_key": public_hex, "out": out }), [public_hex.clone()]))
}

fn decode_hex(name: &str, text: &str) -> Result<Vec<u8>, Failure> {
    let digits = text.trim().strip_prefix("0x").ok_or_else(|| bad_input(anyhow!("{name} must start with 0x")))?;
    hex::decode(digits).map_err(|_| bad_input(anyhow!("{name} is not hex")))
}

/// Runs `hum seal`.
pub fn seal(to: &str, input: &Path, out: &Path, aad: &str) -> Result<Report, Failure> {
    let recipient = decode_hex("--to", to)?;
    let plaintext = Zeroizing::new(read_input(input)?);
    let envelope = hum_core::seal::seal(&recipient, &plaintext, aad.as_bytes(), &mut OsRng).map_err(bad_input)?;
    write_output(out, &envelope)?;
    Ok(Report::ok(
        json!({ "out": out, "envelope_bytes": envelope.len() }),
        [format!("sealed {} bytes into {} ({} bytes)", plaintext.len(), out.display(), envelope.len())],
    ))
}

/// Runs `hum open`: the plaintext is written 0600.
pub fn open(key: &Path, input: &Path, out: &Path, aad: &str) -> Result<Report, Failure> {
    let secret = hum_host::keyfile::read_secret_key(key).map_err(bad_input)?;
    let envelope = read_input(input)?;
    let plaintext = hum_core::seal::open(secret.as_ref(), &envelope, aad.as_bytes()).map_err(bad_input)?;
    hum_host::keyfile::write_private_file(out, &plaintext)
        .with_context(|| format!("cannot write {}", out.display()))?;
    Ok(Report::ok(
        json!({ "out": out, "plaintext_bytes": plaintext.len() }),
        [format!("opened {} bytes into {}", plaintext.len(), out.display())],
    ))
}
