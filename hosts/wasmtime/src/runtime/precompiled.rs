//! The precompiled component on disk, which is native code: who may have written it decides
//! whether it is loaded.
//!
//! `component-….cwasm` sits beside `component-….cwasm.sha256` (the SHA-256 recorded when hum
//! wrote it, 64 hex digits). A copy is trusted only when the directory, the artifact and the
//! record are owned by the current user and writable by nobody else (Unix), and the artifact's
//! bytes hash to the record. Files are written 0600, through a temporary file renamed into place.

use std::{
    io::Write,
    path::{Path, PathBuf},
    sync::Once,
};

use sha2::{Digest, Sha256};

fn record_path(file: &Path) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".sha256");
    PathBuf::from(name)
}

/// The artifact's bytes when it is there and trusted; `Ok(None)` when there is none; `Err` with
/// the reason when one is there but must not be loaded.
pub(super) fn read_trusted(file: &Path) -> Result<Option<Vec<u8>>, String> {
    if !file.exists() {
        return Ok(None);
    }
    let dir = file.parent().unwrap_or(Path::new("."));
    let record = record_path(file);
    owned_by_me_and_private(dir, true)?;
    owned_by_me_and_private(file, false)?;
    owned_by_me_and_private(&record, false)?;
    let expected =
        std::fs::read_to_string(&record).map_err(|e| format!("its recorded SHA-256 cannot be read ({e})"))?;
    let bytes = std::fs::read(file).map_err(|e| format!("it cannot be read ({e})"))?;
    if hex::encode(Sha256::digest(&bytes)) != expected.trim() {
        return Err("its SHA-256 differs from the one recorded when hum wrote it".into());
    }
    Ok(Some(bytes))
}

/// Writes the artifact and its record (0600).
pub(super) fn write(file: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = file.parent() {
        create_private_dir(dir)?;
    }
    write_private(file, bytes)?;
    write_private(&record_path(file), hex::encode(Sha256::digest(bytes)).as_bytes())
}

/// Says once per process why a precompiled copy was not used.
pub(super) fn warn_once(file: &Path, reason: &str) {
    static WARNED: Once = Once::new();
    WARNED.call_once(|| {
        eprintln!("hum: not loading the precompiled component {}: {reason}; compiling it again", file.display());
    });
}

fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let written = options.open(&tmp).and_then(|mut f| f.write_all(bytes));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written?;
    std::fs::rename(tmp, path)
}

fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// `path` (followed through symbolic links only when `follow`: the directory may be reached
/// through one, the files may not be one) is owned by this user and not writable by others.
#[cfg(unix)]
fn owned_by_me_and_private(path: &Path, follow: bool) -> Result<(), String> {
    use std::os::unix::fs::MetadataExt;
    let meta = if follow { std::fs::metadata(path) } else { std::fs::symlink_metadata(path) }
        .map_err(|e| format!("{} cannot be inspected ({e})", path.display()))?;
    // SAFETY: geteuid has no preconditions.
    let me = unsafe { libc::geteuid() };
    if meta.uid() != me {
        return Err(format!("{} is owned by user {}, not by this user ({me})", path.display(), meta.uid()));
    }
    if meta.mode() & 0o022 != 0 {
        return Err(format!(
            "{} is writable by its group or by others (mode {:o})",
            path.display(),
            meta.mode() & 0o777
        ));
    }
    if meta.file_type().is_symlink() {
        return Err(format!("{} is a symbolic link", path.display()));
    }
    Ok(())
}

#[cfg(not(unix))]
fn owned_by_me_and_private(_path: &Path, _follow: bool) -> Result<(), String> {
    // Ownership is not checked here; the recorded SHA-256 still is.
    Ok(())
}
