//! The prover actor: one command at a time, every outcome an event, nothing input-derived traps.
//!
//! The actor is independent of the WIT bindings: it talks to an [`EventSink`], so the same code
//! runs inside the component and natively (tests, fuzzing).

use std::time::Instant;

use hum_core::{
    keys::checked_k, prove_validated, srs::parse_hash, validate_for, CircuitInfo, CircuitKeys, Error, ErrorKind,
    Progress, ProgressSink, PublicInputsHex, Srs, Stage, VerifyPolicy, Witness,
};
use rand_chacha::ChaCha20Rng;
use rand_core::{OsRng, RngCore, SeedableRng};

use crate::budget;

/// Prover state as the protocol names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    /// Loading the SRS and keys.
    Initializing,
    /// Ready for commands.
    Ready,
    /// Proving.
    Proving,
    /// The last command failed.
    Error,
}

/// Error codes of the protocol.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Code {
    /// See the WIT.
    InvalidWitness,
    /// See the WIT.
    NotInitialized,
    /// See the WIT.
    OutOfMemory,
    /// See the WIT.
    Unsatisfied,
    /// See the WIT.
    InvalidSrs,
    /// See the WIT.
    InvalidKey,
    /// See the WIT.
    InvalidProof,
    /// See the WIT.
    ProofRejected,
    /// See the WIT.
    WrongCircuit,
    /// See the WIT.
    InsecureSrs,
    /// See the WIT.
    InvalidArgument,
    /// See the WIT.
    Cancelled,
    /// See the WIT.
    InvalidEnvelope,
    /// See the WIT.
    Internal,
}

/// Maps a core error onto its protocol code.
pub fn code_of(error: &Error) -> Code {
    match error.kind() {
        ErrorKind::InvalidWitness | ErrorKind::UnsupportedDepth => Code::InvalidWitness,
        ErrorKind::InvalidSrs => Code::InvalidSrs,
        ErrorKind::InvalidKey => Code::InvalidKey,
        ErrorKind::InvalidProof => Code::InvalidProof,
        ErrorKind::ProofRejected => Code::ProofRejected,
        ErrorKind::WrongCircuit => Code::WrongCircuit,
        ErrorKind::InsecureSrs => Code::InsecureSrs,
        ErrorKind::InvalidArgument => Code::InvalidArgument,
        ErrorKind::Unsatisfied => Code::Unsatisfied,
        ErrorKind::Cancelled => Code::Cancelled,
        ErrorKind::InvalidEnvelope => Code::InvalidEnvelope,
        ErrorKind::Internal => Code::Internal,
    }
}

/// Options of `init`, as the actor sees them.
#[derive(Clone, Debug, Default)]
pub struct InitOptions {
    /// Tree depth.
    pub depth: u8,
    /// Optional k (≥ the depth's minimum).
    pub k: Option<u8>,
    /// Optional SRS bytes.
    pub srs: Option<Vec<u8>>,
    /// Optional pinned SRS hash.
    pub srs_hash: Option<String>,
    /// Optional cached key bytes.
    pub cached_keys: Option<Vec<u8>>,
    /// Optional heap budget in bytes.
    pub memory_budget: Option<u64>,
}

/// A finished proof plus measurements.
#[derive(Clone, Debug)]
pub struct ProofOutcome {
    /// The core's result.
    pub result: hum_core::ProofResult,
    /// Milliseconds proving took.
    pub prove_ms: u64,
    /// Peak heap bytes so far.
    pub peak_memory: u64,
}

/// Keys handed to the host for caching.
#[derive(Clone, Debug)]
pub struct KeysOutcome {
    /// The circuit.
    pub circuit: hum_core::CircuitInfo,
    /// Key bytes.
    pub keys: Vec<u8>,
    /// Loaded from the cache rather than generated.
    pub from_cache: bool,
    /// Milliseconds init took.
    pub init_ms: u64,
}

/// Events the actor emits.
#[derive(Clone, Debug)]
pub enum Event {
    /// State transition, with the circuit id and whether the SRS is the insecure dev one.
    Status(State, Option<String>, bool),
    /// Proof progress.
    Progress(Progress),
    /// A proof.
    ProofComplete(Box<ProofOutcome>),
    /// The answer to verify: valid, or the code and message of the rejection.
    Verified(Result<(), (Code, String)>),
    /// Keys for the host's cache.
    KeysReady(Box<KeysOutcome>),
    /// A sealed envelope.
    Sealed(Vec<u8>),
    /// An opened plaintext.
    Opened(Vec<u8>),
    /// A failure.
    Error(Code, String),
}

/// Where events go.
pub trait EventSink {
    /// Delivers one event.
    fn emit(&mut self, event: Event);
}

impl<F: FnMut(Event)> EventSink for F {
    fn emit(&mut self, event: Event) {
        self(event)
    }
}

/// A command, as the actor sees it.
#[derive(Clone, Debug)]
pub enum Command {
    /// See the WIT.
    Init(InitOptions),
    /// See the WIT.
    Prove(Witness),
    /// See the WIT.
    Verify(Box<VerifyCommand>),
    /// See the WIT.
    ExportKeys,
    /// Seal: recipient key, plaintext, aad.
    Seal(Vec<u8>, Vec<u8>, Vec<u8>),
    /// Open: secret key, envelope, aad.
    Open(Vec<u8>, Vec<u8>, Vec<u8>),
}

/// What a verifier accepts, as the WIT's `verify-policy` carries it (strings not yet parsed).
#[derive(Clone, Debug, Default)]
pub struct PolicyText {
    /// The accepted depth.
    pub depth: u8,
    /// The pinned SRS hash, `sha256:` + 64 hex digits.
    pub srs_hash: Option<String>,
    /// Accept the insecure dev SRS.
    pub allow_insecure_dev_srs: bool,
    /// The expected root, 0x-hex.
    pub root: Option<String>,
    /// The expected action id, 0x-hex.
    pub action_id: Option<String>,
}

impl PolicyText {
    /// Parses the policy, naming the member that is malformed.
    pub fn parse(&self) -> Result<VerifyPolicy, Error> {
        VerifyPolicy::from_text(
            self.depth as usize,
            self.srs_hash.as_deref(),
            self.allow_insecure_dev_srs,
            self.root.as_deref(),
            self.action_id.as_deref(),
        )
    }
}

/// A `verify` command.
#[derive(Clone, Debug)]
pub struct VerifyCommand {
    /// The proof bytes.
    pub proof: Vec<u8>,
    /// The public inputs the proof claims.
    pub public_inputs: PublicInputsHex,
    /// The circuit the proof file names, if any (compared, never used).
    pub claimed_circuit: Option<CircuitInfo>,
    /// What the verifier accepts.
    pub policy: PolicyText,
}

/// Heap bytes one proof needs at k = 10, with margin; it scales with 2^k (measured peak at k = 9,
/// depth 20: 2.4 MiB of heap with the keys loaded).
const PROVE_BYTES_AT_K10: u64 = 6 << 20;
/// Heap bytes key generation needs at k = 10, with margin.
const KEYGEN_BYTES_AT_K10: u64 = 6 << 20;

fn scaled(bytes_at_k10: u64, k: u32) -> u64 {
    if k >= 10 {
        bytes_at_k10 << (k - 10)
    } else {
        bytes_at_k10 >> (10 - k)
    }
}

/// The prover actor.
pub struct Actor {
    keys: Option<CircuitKeys>,
    rng: ChaCha20Rng,
}

impl Default for Actor {
    fn default() -> Self {
        Self::new()
    }
}

struct ProgressEvents<'a> {
    sink: &'a mut dyn EventSink,
}

impl ProgressSink for ProgressEvents<'_> {
    fn report(&mut self, progress: Progress) {
        // 100 is sent by the actor right before proof-complete.
        if progress.stage != Stage::Done {
            self.sink.emit(Event::Progress(progress));
        }
    }
}

impl Actor {
    /// A fresh, uninitialised actor.
    pub fn new() -> Self {
        let mut seed = [0u8; 32];
        OsRng.fill_bytes(&mut seed);
        Self { keys: None, rng: ChaCha20Rng::from_seed(seed) }
    }

    fn status(&self, state: State, sink: &mut dyn EventSink) {
        let info = self.keys.as_ref().map(|k| k.info());
        sink.emit(Event::Status(state, info.map(|i| i.id.clone()), info.is_some_and(|i| i.insecure_dev_srs)));
    }

    fn fail(&self, code: Code, message: String, sink: &mut dyn EventSink) {
        sink.emit(Event::Error(code, message));
        self.status(State::Error, sink);
        if self.keys.is_some() {
            self.status(State::Ready, sink);
        }
    }

    /// Handles one command to completion.
    pub fn handle(&mut self, command: Command, sink: &mut dyn EventSink) {
        match command {
            Command::Init(options) => self.init(options, sink),
            Command::Prove(witness) => self.prove(witness, sink),
            Command::Verify(request) => self.verify(&request, sink),
            Command::ExportKeys => match &self.keys {
                None => self.fail(Code::NotInitialized, "export-keys before a successful init".into(), sink),
                Some(keys) => sink.emit(Event::KeysReady(Box::new(KeysOutcome {
                    circuit: keys.info().clone(),
                    keys: keys.to_bytes(),
                    from_cache: false,
                    init_ms: 0,
                }))),
            },
            Command::Seal(recipient, plaintext, aad) => {
                match hum_core::seal::seal(&recipient, &plaintext, &aad, &mut self.rng) {
                    Ok(envelope) => sink.emit(Event::Sealed(envelope)),
                    Err(e) => sink.emit(Event::Error(Code::InvalidEnvelope, e.to_string())),
                }
            }
            Command::Open(secret_key, envelope, aad) => match hum_core::seal::open(&secret_key, &envelope, &aad) {
                Ok(plaintext) => sink.emit(Event::Opened(plaintext.to_vec())),
                Err(e) => sink.emit(Event::Error(Code::InvalidEnvelope, e.to_string())),
            },
        }
    }

    fn init(&mut self, options: InitOptions, sink: &mut dyn EventSink) {
        let start = Instant::now();
        self.keys = None;
        if !hum_core::poseidon2::self_test() {
            sink.emit(Event::Status(State::Initializing, None, false));
            return self.fail(Code::Internal, "self-test failed: this build computes Poseidon2 wrongly".into(), sink);
        }
        budget::set_budget(options.memory_budget);
        self.status(State::Initializing, sink);
        match self.load(&options) {
            Ok((keys, from_cache)) => {
                let outcome = KeysOutcome {
                    circuit: keys.info().clone(),
                    keys: if from_cache { Vec::new() } else { keys.to_bytes() },
                    from_cache,
                    init_ms: start.elapsed().as_millis() as u64,
                };
                self.keys = Some(keys);
                sink.emit(Event::KeysReady(Box::new(outcome)));
                self.status(State::Ready, sink);
            }
            Err((code, message)) => self.fail(code, message, sink),
        }
    }

    fn load(&self, options: &InitOptions) -> Result<(CircuitKeys, bool), (Code, String)> {
        let depth = options.depth as usize;
        let core = |e: Error| (code_of(&e), e.to_string());
        let min_k = checked_k(depth).map_err(core)?;
        let k = match options.k {
            None => min_k,
            Some(k) if (k as u32) < min_k => {
                return Err((
                    Code::InvalidSrs,
                    format!("k = {k} is too small for depth {depth}, which needs k ≥ {min_k}"),
                ))
            }
            Some(k) => k as u32,
        };
        if k != min_k {
            return Err((
                Code::InvalidSrs,
                format!("depth {depth} is laid out at k = {min_k}; k = {k} is not supported"),
            ));
        }
        if !budget::fits(scaled(KEYGEN_BYTES_AT_K10, k)) {
            return Err((
                Code::OutOfMemory,
                format!(
                    "the memory budget cannot hold initialisation at k = {k} (about {} MiB needed)",
                    scaled(KEYGEN_BYTES_AT_K10, k) >> 20
                ),
            ));
        }
        let srs = match (&options.srs, &options.srs_hash) {
            (Some(bytes), hash) => {
                let expected = hash.as_deref().map(parse_hash).transpose().map_err(core)?;
                Srs::from_bytes(bytes, expected.as_ref()).map_err(core)?
            }
            (None, Some(_)) => return Err((Code::InvalidSrs, "srs-hash given without srs bytes".into())),
            (None, None) => Srs::insecure_dev(k),
        };
        if let Some(bytes) = &options.cached_keys {
            match CircuitKeys::from_bytes(&srs, depth, bytes) {
                Ok(keys) => return Ok((keys, true)),
                Err(e) => return Err(core(e)),
            }
        }
        let keys = CircuitKeys::generate(&srs, depth).map_err(core)?;
        Ok((keys, false))
    }

    fn prove(&mut self, witness: Witness, sink: &mut dyn EventSink) {
        let Some(keys) = &self.keys else {
            return self.fail(Code::NotInitialized, "prove before a successful init".into(), sink);
        };
        let need = scaled(PROVE_BYTES_AT_K10, keys.info().k);
        if !budget::fits(need) {
            let message = format!(
                "the memory budget cannot hold a proof at k = {} (about {} MiB more needed)",
                keys.info().k,
                need >> 20
            );
            return self.fail(Code::OutOfMemory, message, sink);
        }
        let values = validate_for(keys, &witness);
        drop(witness);
        let values = match values {
            Ok(values) => values,
            Err(e) => return self.fail(code_of(&e), e.to_string(), sink),
        };
        self.status(State::Proving, sink);
        let start = Instant::now();
        let outcome = prove_validated(keys, values, &mut self.rng, &mut ProgressEvents { sink });
        match outcome {
            Ok(result) => {
                let prove_ms = start.elapsed().as_millis() as u64;
                sink.emit(Event::Progress(Progress { stage: Stage::Done, percent: 100 }));
                sink.emit(Event::ProofComplete(Box::new(ProofOutcome {
                    result,
                    prove_ms,
                    peak_memory: budget::peak(),
                })));
                self.status(State::Ready, sink);
            }
            Err(e) => self.fail(code_of(&e), e.to_string(), sink),
        }
    }

    fn verify(&mut self, request: &VerifyCommand, sink: &mut dyn EventSink) {
        let Some(keys) = &self.keys else {
            return self.fail(Code::NotInitialized, "verify before a successful init".into(), sink);
        };
        let policy = match request.policy.parse() {
            Ok(policy) => policy,
            Err(e) => return self.fail(code_of(&e), e.to_string(), sink),
        };
        let verdict = request
            .public_inputs
            .parse()
            .and_then(|inputs| policy.verify_claimed(keys, request.claimed_circuit.as_ref(), &request.proof, &inputs));
        sink.emit(Event::Verified(verdict.map_err(|e| (code_of(&e), e.to_string()))));
    }
}
