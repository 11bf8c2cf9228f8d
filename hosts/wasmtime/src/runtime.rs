//! The compiled component and the engine every instance runs on.
//!
//! One [`Runtime`] holds the wasmtime `Engine` (with epoch interruption, ticked every 5 ms by a
//! background thread) and the compiled component. Instances made from it share only this
//! immutable code: each has its own `Store`, memory, limits and thread.

use std::{
    path::{Path, PathBuf},
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc,
    },
    time::Duration,
};

use sha2::{Digest, Sha256};
use wasmtime::{component::Component, Config, Engine};

use crate::HostError;

/// The engine and the compiled prover component.
pub struct Runtime {
    engine: Engine,
    component: Component,
    stop: Arc<AtomicBool>,
}

impl std::fmt::Debug for Runtime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Runtime").finish_non_exhaustive()
    }
}

impl Drop for Runtime {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Where the component is looked for when no path is given: `$HUM_COMPONENT`, then beside the
/// executable, then in the cargo target directory the executable was built in. In each place
/// the wide-arithmetic build (`hum_component_wide.wasm`) is preferred to the portable one.
pub fn default_component_path() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("HUM_COMPONENT") {
        return Some(PathBuf::from(path));
    }
    let exe = std::env::current_exe().ok()?;
    let mut dir = exe.parent()?.to_path_buf();
    let names = ["hum_component_wide.wasm", "hum_component.wasm"];
    if let Some(found) = names.iter().map(|n| dir.join(n)).find(|p| p.exists()) {
        return Some(found);
    }
    // target/release/hum or target/release/deps/test-binary → target/wasm32-wasip2/release/…
    for _ in 0..3 {
        if let Some(found) = names.iter().map(|n| dir.join("wasm32-wasip2/release").join(n)).find(|p| p.exists()) {
            return Some(found);
        }
        dir = dir.parent()?.to_path_buf();
    }
    None
}

impl Runtime {
    /// Loads the component at `path`, reusing a precompiled copy from `cache_dir` when one
    /// matches the component's hash and this engine.
    pub fn load(path: &Path, cache_dir: Option<&Path>) -> Result<Arc<Self>, HostError> {
        let wasm =
            std::fs::read(path).map_err(|e| HostError::Component(format!("cannot read {}: {e}", path.display())))?;
        Self::from_bytes(&wasm, cache_dir)
    }

    /// Compiles (or loads precompiled) component bytes.
    pub fn from_bytes(wasm: &[u8], cache_dir: Option<&Path>) -> Result<Arc<Self>, HostError> {
        let mut config = Config::new();
        config.epoch_interruption(true);
        // The wide-arithmetic build multiplies field elements with i64.mul_wide_u; the portable
        // build does not use the feature, so enabling it is harmless for either.
        config.wasm_wide_arithmetic(true);
        config.compiler_inlining(wasmtime::Inlining::Yes);
        let engine = Engine::new(&config).map_err(|e| HostError::Component(e.to_string()))?;
        let digest = Sha256::digest(wasm);
        let mut compat = std::collections::hash_map::DefaultHasher::new();
        std::hash::Hash::hash(&engine.precompile_compatibility_hash(), &mut compat);
        let key = format!("{}-{:016x}", hex::encode(&digest[..12]), std::hash::Hasher::finish(&compat));
        let cached = cache_dir.map(|d| d.join(format!("component-{key}.cwasm")));
        let mut component = None;
        if let Some(file) = cached.as_ref().filter(|f| f.exists()) {
            // SAFETY: the file is one this host wrote with `Component::serialize` for an engine
            // with the same compatibility hash (in the name); wasmtime checks the header too.
            component = unsafe { Component::deserialize_file(&engine, file) }.ok();
        }
        let component = match component {
            Some(c) => c,
            None => {
                let c = Component::new(&engine, wasm)
                    .map_err(|e| HostError::Component(format!("not a valid hum component: {e}")))?;
                if let (Some(file), Ok(bytes)) = (cached, c.serialize()) {
                    if let Some(dir) = file.parent() {
                        let _ = std::fs::create_dir_all(dir);
                    }
                    let tmp = file.with_extension("tmp");
                    if std::fs::write(&tmp, bytes).is_ok() {
                        let _ = std::fs::rename(&tmp, &file);
                    }
                }
                c
            }
        };
        let stop = Arc::new(AtomicBool::new(false));
        let ticker_engine = engine.weak();
        let ticker_stop = stop.clone();
        std::thread::Builder::new()
            .name("hum-epoch".into())
            .spawn(move || {
                while !ticker_stop.load(Ordering::Relaxed) {
                    std::thread::sleep(Duration::from_millis(5));
                    match ticker_engine.upgrade() {
                        Some(engine) => engine.increment_epoch(),
                        None => break,
                    }
                }
            })
            .map_err(|e| HostError::Component(format!("cannot start the epoch thread: {e}")))?;
        Ok(Arc::new(Self { engine, component, stop }))
    }

    /// The engine.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// The compiled component.
    pub fn component(&self) -> &Component {
        &self.component
    }
}
