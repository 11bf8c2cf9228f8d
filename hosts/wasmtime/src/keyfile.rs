//! Files that hold secrets, written 0600 and refused when others may read them: hum-seal-v1 key
//! files (`{ "public_key": "0x04…", "secret_key": "0x…" }`) and identity files
//! (`{ "version": 1, "secret": "0x…" }`).
//!
//! The secret key never passes through a buffer that is freed unwiped: its hex is encoded into
//! fixed buffers, the file's text is built in one exactly sized buffer, and reading parses into a
//! struct that is zeroized on drop.

use std::{io::Write, path::Path};

use hum_core::seal::{PUBLIC_KEY_LEN, SECRET_KEY_LEN};
use serde::Deserialize;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

/// Why a key file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum KeyFileError {
    /// The file cannot be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The file's path, as given.
        path: String,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The file is not a key file (its contents are not repeated).
    #[error("{0} is not a hum key file (`{{ \"public_key\": \"0x04…\", \"secret_key\": \"0x…\" }}`)")]
    NotAKeyFile(String),
    /// The file holds a secret but others may read it (Unix mode bits for group or other).
    #[error("{path} holds a secret but its mode is {mode:o}: others may read it (chmod 600 {path})")]
    Exposed {
        /// The file's path, as given.
        path: String,
        /// Its permission bits.
        mode: u32,
    },
    /// The file is not an identity file (the reason never holds the secret).
    #[error("{path}: {reason}")]
    NotAnIdentity {
        /// The file's path, as given.
        path: String,
        /// What is wrong with it.
        reason: String,
    },
    /// `secret_key` is not 0x + 64 hex digits.
    #[error("`secret_key` in {0} must be 0x + 64 hex digits")]
    BadSecretKey(String),
}

#[derive(Deserialize, Zeroize, ZeroizeOnDrop)]
struct KeyFileText {
    secret_key: String,
}

/// Writes a key file with mode 0600 (created or truncated).
pub fn write_key_file(
    path: &Path,
    secret: &[u8; SECRET_KEY_LEN],
    public: &[u8; PUBLIC_KEY_LEN],
) -> std::io::Result<()> {
    let mut secret_hex = Zeroizing::new([0u8; 2 * SECRET_KEY_LEN]);
    hex::encode_to_slice(secret, secret_hex.as_mut()).expect("the buffer has twice the key's length");
    let public_hex = hex::encode(public);
    let parts: [&[u8]; 5] = [
        b"{\n  \"public_key\": \"0x",
        public_hex.as_bytes(),
        b"\",\n  \"secret_key\": \"0x",
        secret_hex.as_ref(),
        b"\"\n}\n",
    ];
    let mut text = Zeroizing::new(Vec::with_capacity(parts.iter().map(|p| p.len()).sum()));
    for part in parts {
        text.extend_from_slice(part);
    }
    write_private_file(path, &text)
}

/// Reads the secret key of a key file.
pub fn read_secret_key(path: &Path) -> Result<Zeroizing<[u8; SECRET_KEY_LEN]>, KeyFileError> {
    let name = path.display().to_string();
    let bytes =
        Zeroizing::new(std::fs::read(path).map_err(|source| KeyFileError::Read { path: name.clone(), source })?);
    let file: KeyFileText = serde_json::from_slice(&bytes).map_err(|_| KeyFileError::NotAKeyFile(name.clone()))?;
    let digits = file.secret_key.trim().strip_prefix("0x").ok_or_else(|| KeyFileError::BadSecretKey(name.clone()))?;
    let mut secret = Zeroizing::new([0u8; SECRET_KEY_LEN]);
    hex::decode_to_slice(digits, secret.as_mut()).map_err(|_| KeyFileError::BadSecretKey(name))?;
    Ok(secret)
}

/// Reads a file that holds a secret, refusing it when its group or others may read it (Unix).
pub fn read_private_file(path: &Path) -> Result<Zeroizing<Vec<u8>>, KeyFileError> {
    let name = path.display().to_string();
    let read = |source| KeyFileError::Read { path: name.clone(), source };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_err(read)?.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            return Err(KeyFileError::Exposed { path: name, mode });
        }
    }
    Ok(Zeroizing::new(std::fs::read(path).map_err(read)?))
}

/// Writes an identity file (`{ "version": 1, "secret": "0x…" }`) with mode 0600.
pub fn write_identity_file(path: &Path, identity: &hum_core::Identity) -> std::io::Result<()> {
    write_private_file(path, identity.to_json().as_bytes())
}

/// Reads an identity file; refused when others may read it.
pub fn read_identity_file(path: &Path) -> Result<hum_core::Identity, KeyFileError> {
    let bytes = read_private_file(path)?;
    hum_core::Identity::from_json(&bytes)
        .map_err(|e| KeyFileError::NotAnIdentity { path: path.display().to_string(), reason: e.to_string() })
}

/// Writes a file only its owner can read (mode 0600 on Unix), created or truncated.
pub fn write_private_file(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)?.write_all(contents)
}
