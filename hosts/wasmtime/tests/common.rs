//! Shared helpers of the host tests: the built component, witnesses, temporary caches.

#![allow(dead_code)]

use std::{
    path::PathBuf,
    process::Command,
    sync::{Arc, OnceLock},
};

use hum_core::{field::fr_to_hex, poseidon2::hash1, tree::MerkleTree, Fr, Witness};
use hum_host::{runtime::default_component_path, KeyCache, OrchestratorConfig, Runtime};

pub fn component_path() -> PathBuf {
    default_component_path()
        .expect("build the component first: cargo build --release --target wasm32-wasip2 -p hum-component")
}

/// Where compiled component code is cached between test runs.
pub fn code_cache() -> PathBuf {
    std::env::temp_dir().join("hum-test-code-cache")
}

pub fn runtime() -> Arc<Runtime> {
    static RUNTIME: OnceLock<Arc<Runtime>> = OnceLock::new();
    RUNTIME.get_or_init(fresh_runtime).clone()
}

pub fn fresh_runtime() -> Arc<Runtime> {
    Runtime::load(&component_path(), Some(&code_cache())).expect("component loads")
}

/// A key cache in a new temporary directory.
pub fn temp_cache(name: &str) -> KeyCache {
    let dir = std::env::temp_dir().join(format!("hum-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    KeyCache::new(dir)
}

pub fn config(cache: KeyCache) -> OrchestratorConfig {
    OrchestratorConfig { cache: Some(cache), nice: 0, ..OrchestratorConfig::default() }
}

/// A valid witness for member `member` of a 3-member tree of `depth`.
pub fn witness(depth: usize, member: u64) -> Witness {
    let secrets: Vec<Fr> = (0..3u64).map(|i| Fr::from(500 + i)).collect();
    let leaves: Vec<Fr> = secrets.iter().map(|s| hash1(*s)).collect();
    let tree = MerkleTree::new(depth, &leaves);
    Witness {
        secret: fr_to_hex(&secrets[member as usize]),
        index: member,
        siblings: tree.siblings(member).iter().map(fr_to_hex).collect(),
        action_id: fr_to_hex(&Fr::from(77)),
        message_hash: fr_to_hex(&Fr::from(member + 9)),
        root: Some(fr_to_hex(&tree.root())),
    }
}

/// Verifies a WIT proof result natively with hum-core (keys regenerated on the dev SRS, or on
/// the transparent generators for an IPA proof).
pub fn verify_natively(result: &hum_host::wit::ProofResult) {
    type Keys = std::collections::HashMap<(usize, hum_core::Scheme), Arc<hum_core::CircuitKeys>>;
    static KEYS: OnceLock<std::sync::Mutex<Keys>> = OnceLock::new();
    let core = hum_host::to_core_result(result).expect("well-formed result");
    let keys = KEYS
        .get_or_init(Default::default)
        .lock()
        .unwrap()
        .entry((core.circuit.depth, core.circuit.scheme))
        .or_insert_with(|| {
            let srs = match core.circuit.scheme {
                hum_core::Scheme::Kzg => hum_core::Srs::insecure_dev(core.circuit.k),
                hum_core::Scheme::Ipa => hum_core::Srs::transparent(core.circuit.k),
            };
            Arc::new(hum_core::CircuitKeys::generate(&srs, core.circuit.depth).expect("keys"))
        })
        .clone();
    assert_eq!(keys.info().id, core.circuit.id, "same circuit id natively and in wasm");
    hum_core::verify(&keys, core.flavour, &core.proof, &core.public_inputs).expect("the proof verifies natively");
}

/// A verify policy for `depth` that allows the dev SRS (the tests' proofs are made on it).
pub fn dev_policy(depth: u8) -> hum_host::wit::VerifyPolicy {
    hum_host::wit::VerifyPolicy { depth, srs_hash: None, allow_insecure_dev_srs: true, root: None, action_id: None }
}

/// One prover instance driven directly, with the events of each command collected.
pub struct Harness {
    pub instance: hum_host::instance::ProverInstance,
    events: Arc<std::sync::Mutex<Vec<hum_host::wit::Event>>>,
}

impl Harness {
    pub fn new(memory_limit: usize) -> Self {
        Self::with_runtime(&runtime(), memory_limit)
    }

    pub fn with_runtime(runtime: &Arc<Runtime>, memory_limit: usize) -> Self {
        let events: Arc<std::sync::Mutex<Vec<hum_host::wit::Event>>> = Arc::default();
        let sink = events.clone();
        let instance = hum_host::instance::ProverInstance::new(
            runtime,
            memory_limit,
            Arc::new(std::sync::atomic::AtomicBool::new(false)),
            Box::new(move |e| {
                sink.lock().unwrap().push(e);
                Ok(())
            }),
        )
        .expect("instantiates");
        Self { instance, events }
    }

    /// Runs a command (a trap fails the test) and returns its events.
    pub fn send(&mut self, command: hum_host::wit::Command) -> Vec<hum_host::wit::Event> {
        self.instance.handle(&command, None).expect("no trap");
        std::mem::take(&mut *self.events.lock().unwrap())
    }
}

/// The WIT INIT command for `depth` on the default setup (IPA), keys generated.
pub fn init_command(depth: u8) -> hum_host::wit::Command {
    hum_host::wit::Command::Init(hum_host::wit::InitOptions {
        depth,
        k: None,
        scheme: None,
        srs: None,
        srs_hash: None,
        cached_keys: None,
        memory_budget: None,
    })
}

/// The WIT PROVE command for a witness, in the standard flavour.
pub fn prove_command(w: &Witness) -> hum_host::wit::Command {
    prove_command_as(w, hum_host::wit::Flavour::Standard)
}

/// The WIT PROVE command for a witness in a flavour.
pub fn prove_command_as(w: &Witness, flavour: hum_host::wit::Flavour) -> hum_host::wit::Command {
    let witness = hum_host::wit::Witness {
        secret: w.secret.clone(),
        index: w.index as u32,
        siblings: w.siblings.clone(),
        action_id: w.action_id.clone(),
        message_hash: w.message_hash.clone(),
        root: w.root.clone(),
    };
    hum_host::wit::Command::Prove(hum_host::wit::ProveRequest { witness, flavour })
}

/// What a run of the `hum` binary printed and returned.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the `hum` binary in `dir` with the built component and a cache inside `dir`.
pub fn hum(dir: &PathBuf, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_hum"))
        .args(args)
        .env("HUM_COMPONENT", component_path())
        .env("HUM_CACHE_DIR", dir.join("cache"))
        .current_dir(dir)
        .output()
        .expect("hum runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A fresh temporary directory for one test.
pub fn workdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("hum-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The WIT INIT command for `depth` on the dev SRS's bytes (KZG, insecure: tests only).
pub fn dev_init_command(depth: u8) -> hum_host::wit::Command {
    let k = hum_core::k_for_depth(depth as usize);
    hum_host::wit::Command::Init(hum_host::wit::InitOptions {
        depth,
        k: None,
        scheme: None,
        srs: Some(hum_core::Srs::insecure_dev(k).to_bytes()),
        srs_hash: None,
        cached_keys: None,
        memory_budget: None,
    })
}

/// The code of the first error event, if any.
pub fn error_code(events: &[hum_host::wit::Event]) -> Option<hum_host::wit::ErrorCode> {
    events.iter().find_map(|e| match e {
        hum_host::wit::Event::Error(i) => Some(i.code),
        _ => None,
    })
}
