//! The key cache on disk: one file per (depth, SRS, hum version), integrity-checked.
//!
//! Entry file `keys-d{depth}-{srs hash, 16 hex}-v{version}.bin`:
//! `HUMCACHE1` ‖ SHA-256 of the rest ‖ u32-LE length of the circuit id ‖ circuit id ‖ key bytes.
//! A corrupted entry is detected on read, deleted, and reported as [`CacheRead::Corrupted`]; the
//! caller regenerates the keys and stores them again. Writes go to a temporary file that is
//! renamed into place, so a reader never sees half an entry.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

const MAGIC: &[u8] = b"HUMCACHE1";

/// A directory of cached keys (and dev SRS files).
#[derive(Clone, Debug)]
pub struct KeyCache {
    dir: PathBuf,
}

/// The result of a cache lookup.
#[derive(Debug, PartialEq, Eq)]
pub enum CacheRead {
    /// No entry for this depth and SRS: keys are generated and written.
    Missing,
    /// An entry that failed its integrity check; it has been deleted.
    Corrupted,
    /// The circuit id and key bytes.
    Hit {
        /// The circuit id recorded with the keys.
        circuit_id: String,
        /// The key bytes for `init`'s `cached-keys`.
        keys: Vec<u8>,
    },
}

impl KeyCache {
    /// A cache in `dir` (created on first write).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// `$HUM_CACHE_DIR`, else `$XDG_CACHE_HOME/hum`, else `$HOME/.cache/hum`, else a temp dir.
    pub fn platform_default() -> Self {
        if let Some(dir) = std::env::var_os("HUM_CACHE_DIR") {
            return Self::new(dir);
        }
        if let Some(dir) = std::env::var_os("XDG_CACHE_HOME") {
            return Self::new(PathBuf::from(dir).join("hum"));
        }
        if let Some(home) = std::env::var_os("HOME") {
            return Self::new(PathBuf::from(home).join(".cache/hum"));
        }
        Self::new(std::env::temp_dir().join("hum-cache"))
    }

    /// The directory the entries (and the precompiled component) live in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The entry path for a depth and SRS hash.
    pub fn entry_path(&self, depth: usize, srs_hash: &[u8; 32]) -> PathBuf {
        self.dir.join(format!("keys-d{depth}-{}-v{}.bin", hex::encode(&srs_hash[..8]), hum_core::VERSION))
    }

    /// Reads an entry, checking its integrity.
    pub fn read(&self, depth: usize, srs_hash: &[u8; 32]) -> CacheRead {
        let path = self.entry_path(depth, srs_hash);
        let Ok(bytes) = std::fs::read(&path) else { return CacheRead::Missing };
        match parse(&bytes) {
            Some((circuit_id, keys)) => CacheRead::Hit { circuit_id, keys },
            None => {
                let _ = std::fs::remove_file(&path);
                CacheRead::Corrupted
            }
        }
    }

    /// Removes an entry (e.g. when the prover rejected its keys).
    pub fn remove(&self, depth: usize, srs_hash: &[u8; 32]) {
        let _ = std::fs::remove_file(self.entry_path(depth, srs_hash));
    }

    /// Removes a file made by [`KeyCache::file_or_insert`].
    pub fn remove_file(&self, name: &str) {
        let _ = std::fs::remove_file(self.dir.join(name));
    }

    /// Stores an entry atomically.
    pub fn write(&self, depth: usize, srs_hash: &[u8; 32], circuit_id: &str, keys: &[u8]) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let mut body = Vec::with_capacity(4 + circuit_id.len() + keys.len());
        body.extend_from_slice(&(circuit_id.len() as u32).to_le_bytes());
        body.extend_from_slice(circuit_id.as_bytes());
        body.extend_from_slice(keys);
        let mut out = Vec::with_capacity(MAGIC.len() + 32 + body.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&Sha256::digest(&body));
        out.extend_from_slice(&body);
        let path = self.entry_path(depth, srs_hash);
        let tmp = path.with_extension(format!("tmp{}", std::process::id()));
        std::fs::write(&tmp, out)?;
        std::fs::rename(tmp, path)
    }

    /// Reads a file from the cache dir, or makes it with `make` and stores it.
    pub fn file_or_insert(&self, name: &str, make: impl FnOnce() -> Vec<u8>) -> Vec<u8> {
        let path = self.dir.join(name);
        if let Ok(bytes) = std::fs::read(&path) {
            return bytes;
        }
        let bytes = make();
        if std::fs::create_dir_all(&self.dir).is_ok() {
            let tmp = path.with_extension(format!("tmp{}", std::process::id()));
            if std::fs::write(&tmp, &bytes).is_ok() {
                let _ = std::fs::rename(tmp, &path);
            }
        }
        bytes
    }
}

fn parse(bytes: &[u8]) -> Option<(String, Vec<u8>)> {
    let rest = bytes.strip_prefix(MAGIC)?;
    let (digest, body) = (rest.get(..32)?, rest.get(32..)?);
    if Sha256::digest(body)[..] != *digest {
        return None;
    }
    let len = u32::from_le_bytes(body.get(..4)?.try_into().ok()?) as usize;
    let id = std::str::from_utf8(body.get(4..4 + len)?).ok()?.to_string();
    Some((id, body.get(4 + len..)?.to_vec()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_corruption_detection() {
        let dir = std::env::temp_dir().join(format!("hum-cache-test-{}", std::process::id()));
        let cache = KeyCache::new(&dir);
        let srs = [3u8; 32];
        assert_eq!(cache.read(20, &srs), CacheRead::Missing);
        cache.write(20, &srs, "hum1-d20-x", b"key bytes").unwrap();
        assert_eq!(
            cache.read(20, &srs),
            CacheRead::Hit { circuit_id: "hum1-d20-x".into(), keys: b"key bytes".to_vec() }
        );
        let path = cache.entry_path(20, &srs);
        let mut bytes = std::fs::read(&path).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        std::fs::write(&path, bytes).unwrap();
        assert_eq!(cache.read(20, &srs), CacheRead::Corrupted);
        assert!(!path.exists(), "a corrupted entry is deleted");
        let _ = std::fs::remove_dir_all(dir);
    }
}
