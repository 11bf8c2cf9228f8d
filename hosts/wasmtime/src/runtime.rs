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

use crate::{
    instance::{pre_instantiate, HostState},
    wit::ProverComponentPre,
    HostError,
};

mod precompiled;

/// The engine and the compiled prover component.
pub struct Runtime {
    engine: Engine,
    component: Component,
    pre: ProverComponentPre<HostState>,
    stop: Arc<AtomicBool>,
    precompiled: Precompiled,
}

/// What became of the precompiled copy of the component in the cache directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Precompiled {
    /// No cache directory was given (or it cannot be written).
    Disabled,
    /// A trusted precompiled copy was loaded instead of compiling.
    Loaded,
    /// There was none: the component was compiled and a copy written for next time.
    Written,
    /// A copy was there but not trusted (the reason says why); the component was compiled again.
    Rejected(String),
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
    /// matches the component's hash and this engine, and is trusted: precompiled code is native
    /// code, so it is loaded only from a directory and file owned by this user and writable by
    /// nobody else, and only when its SHA-256 is the one recorded when hum wrote it. Anything
    /// else is compiled again (said once on stderr).
    pub fn load(path: &Path, cache_dir: Option<&Path>) -> Result<Arc<Self>, HostError> {
        let wasm = std::fs::read(path).map_err(|e| HostError::Load(format!("cannot read {}: {e}", path.display())))?;
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
        let engine = Engine::new(&config).map_err(|e| HostError::Instantiate(e.to_string()))?;
        let digest = Sha256::digest(wasm);
        let mut compat = std::collections::hash_map::DefaultHasher::new();
        std::hash::Hash::hash(&engine.precompile_compatibility_hash(), &mut compat);
        let key = format!("{}-{:016x}", hex::encode(&digest[..12]), std::hash::Hasher::finish(&compat));
        let cached = cache_dir.map(|d| d.join(format!("component-{key}.cwasm")));
        let mut precompiled = Precompiled::Disabled;
        let mut component = None;
        if let Some(file) = &cached {
            match precompiled::read_trusted(file) {
                Ok(Some(bytes)) => {
                    // SAFETY: the bytes are the ones this host serialised for an engine with the
                    // same compatibility hash (in the name): the file and its directory belong to
                    // this user, nobody else can write them, and their SHA-256 is the one recorded
                    // when they were written (checked on these very bytes). wasmtime checks the
                    // header too.
                    match unsafe { Component::deserialize(&engine, &bytes) } {
                        Ok(c) => {
                            component = Some(c);
                            precompiled = Precompiled::Loaded;
                        }
                        Err(e) => precompiled = Precompiled::Rejected(format!("wasmtime refused it ({e})")),
                    }
                }
                Ok(None) => precompiled = Precompiled::Written,
                Err(reason) => precompiled = Precompiled::Rejected(reason),
            }
            if let Precompiled::Rejected(reason) = &precompiled {
                precompiled::warn_once(file, reason);
            }
        }
        let component = match component {
            Some(c) => c,
            None => {
                let c = Component::new(&engine, wasm).map_err(|e| HostError::Load(format!("{e}")))?;
                if let (Some(file), Ok(bytes)) = (&cached, c.serialize()) {
                    if precompiled::write(file, &bytes).is_err() && precompiled == Precompiled::Written {
                        precompiled = Precompiled::Disabled;
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
            .map_err(|e| HostError::Instantiate(format!("cannot start the epoch thread: {e}")))?;
        // Linking fails when the file is a component of another world (not hum's prover).
        let pre = pre_instantiate(&engine, &component).map_err(|e| HostError::Load(format!("{e:#}")))?;
        Ok(Arc::new(Self { engine, component, pre, stop, precompiled }))
    }

    /// The engine every instance of this runtime runs on (epoch interruption enabled).
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// The compiled component.
    pub fn component(&self) -> &Component {
        &self.component
    }

    /// The component with its imports linked, ready to instantiate in a new store.
    pub(crate) fn pre(&self) -> &ProverComponentPre<HostState> {
        &self.pre
    }

    /// Whether the precompiled copy in the cache was used.
    pub fn precompiled(&self) -> &Precompiled {
        &self.precompiled
    }
}
