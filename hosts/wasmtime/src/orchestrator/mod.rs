//! `ProverOrchestrator`: the Conductor. One prover instance on its own thread, a command queue,
//! cancellation, a timeout, out-of-memory recovery and a key cache, following the host policy of
//! `wit/POLICY.md` (replayed from `tests/vectors/orchestration.json` by the tests).
//!
//! States: `Idle → Initializing → Ready → Proving → Ready`, and `Error` after a failed command
//! (then `Ready` when initialised: the next good command proceeds). Commands run one at a time,
//! in the order they were queued.
//!
//! The parts: [`queue`] numbers the requests and decides which one `cancel()` stops;
//! [`supervisor`] owns the instance, runs commands on it and replaces it after a trap (twice the
//! memory after an out-of-memory, then one retry); [`init`] loads the SRS, reads and writes the
//! key cache and keeps the options that re-initialise a replaced instance.

mod init;
mod queue;
mod supervisor;

use std::{
    sync::{mpsc, Arc, Mutex},
    time::Duration,
};

use hum_core::{Flavour, Stage, VerifyPolicy};

use crate::{
    cache::KeyCache,
    pending::{channel, Pending, Reply},
    protocol::{wit_flavour, wit_policy, wit_witness},
    runtime::Runtime,
    wit, HostError, SrsChoice,
};
use queue::{QueuedWitness, Request, Tickets};
use supervisor::Supervisor;

/// The orchestrator's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrchestratorState {
    /// No instance initialised yet.
    Idle,
    /// Loading the SRS and keys.
    Initializing,
    /// Ready for a proof.
    Ready,
    /// A proof is running.
    Proving,
    /// The last command failed.
    Error,
}

/// Why an instance was replaced.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RestartReason {
    /// It ran out of memory; the new instance has a larger limit.
    OutOfMemory,
    /// A command was cancelled (an interrupted instance cannot be re-entered).
    Cancelled,
    /// The timeout interrupted it.
    TimedOut,
    /// It trapped for another reason (the message says how).
    Trap(String),
}

/// What subscribers hear.
#[derive(Clone, Debug, PartialEq)]
pub enum Notification {
    /// A state transition.
    State(OrchestratorState),
    /// Progress of the running proof.
    Progress {
        /// The prover's phase.
        stage: Stage,
        /// 0..=100, monotonic within a proof.
        percent: u8,
    },
    /// The instance was discarded and a new one started.
    Restarted {
        /// Why the instance was replaced.
        reason: RestartReason,
        /// The new instance's memory limit in bytes.
        memory_limit: usize,
    },
    /// Cached keys failed their integrity check or were rejected by the prover; they were
    /// regenerated and the cache entry replaced.
    CacheEntryDiscarded,
}

/// Options of an orchestrator.
#[derive(Clone, Debug)]
pub struct OrchestratorConfig {
    /// The first instance's memory limit in bytes.
    pub memory_limit: usize,
    /// The most an out-of-memory restart may raise the limit to.
    pub max_memory_limit: usize,
    /// Interrupt any command that runs longer than this.
    pub timeout: Option<Duration>,
    /// Where keys (and the dev SRS) are cached; `None` for no disk cache.
    pub cache: Option<KeyCache>,
    /// The instance thread's nice value (Linux): the prover yields to the host's own threads.
    pub nice: i32,
}

impl Default for OrchestratorConfig {
    fn default() -> Self {
        Self {
            memory_limit: 256 << 20,
            max_memory_limit: 4 << 30,
            timeout: None,
            cache: Some(KeyCache::platform_default()),
            nice: 10,
        }
    }
}

/// What `init` needs.
#[derive(Clone, Debug, Default)]
pub struct InitRequest {
    /// Tree depth, 1..=32.
    pub depth: usize,
    /// The setup. The default, [`SrsChoice::Transparent`], is IPA on hum's generators: secure
    /// with nothing to pass. [`SrsChoice::Pinned`] is a ceremony's KZG SRS;
    /// [`SrsChoice::InsecureDev`] the dev SRS, for tests only.
    pub srs: SrsChoice,
}

/// What `init` reports.
#[derive(Clone, Debug)]
pub struct InitInfo {
    /// The circuit the keys are for (its id names the depth, k, SRS and version).
    pub circuit: hum_core::CircuitInfo,
    /// True when the keys came from the cache.
    pub from_cache: bool,
    /// Milliseconds the init command took inside the prover.
    pub init_ms: u64,
    /// Milliseconds the whole init took, SRS and cache included.
    pub total_ms: u64,
}

/// A fault the tests inject to replay the host policy's crash rows (feature `fault-injection`).
#[cfg(feature = "fault-injection")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fault {
    /// The host's event sink traps the instance at the next progress event: a crash that is not
    /// out-of-memory.
    TrapAtNextProgress,
}

/// What the caller's side and the instance thread share.
pub(crate) struct Shared {
    state: Mutex<OrchestratorState>,
    subscribers: Mutex<Vec<mpsc::Sender<Notification>>>,
    pub(crate) tickets: Tickets,
    #[cfg(feature = "fault-injection")]
    pub(crate) fault: Mutex<Option<Fault>>,
}

impl Shared {
    pub(crate) fn notify(&self, n: Notification) {
        if let Notification::State(s) = &n {
            *self.state.lock().unwrap_or_else(|e| e.into_inner()) = *s;
        }
        self.subscribers.lock().unwrap_or_else(|e| e.into_inner()).retain(|tx| tx.send(n.clone()).is_ok());
    }
}

/// Runs proofs in an isolated wasm instance on its own thread.
pub struct ProverOrchestrator {
    shared: Arc<Shared>,
    queue: Option<mpsc::Sender<Request>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl std::fmt::Debug for ProverOrchestrator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ProverOrchestrator").field("state", &self.state()).finish_non_exhaustive()
    }
}

fn closed<T>() -> Result<T, HostError> {
    Err(HostError::Closed)
}

/// A request that failed before it was queued: its answer is already in.
fn refused<T>(error: HostError) -> Pending<Result<T, HostError>> {
    let (reply, pending) = channel(closed::<T>);
    reply.send(Err(error));
    pending
}

impl ProverOrchestrator {
    /// Starts the instance thread (the instance itself is made by the first command).
    pub fn new(runtime: Arc<Runtime>, config: OrchestratorConfig) -> Self {
        let shared = Arc::new(Shared {
            state: Mutex::new(OrchestratorState::Idle),
            subscribers: Mutex::new(Vec::new()),
            tickets: Tickets::default(),
            #[cfg(feature = "fault-injection")]
            fault: Mutex::new(None),
        });
        let (tx, rx) = mpsc::channel();
        let worker_shared = shared.clone();
        let thread = std::thread::Builder::new()
            .name("hum-prover".into())
            .spawn(move || {
                lower_priority(config.nice);
                let mut supervisor = Supervisor::new(runtime, config, worker_shared);
                for request in rx {
                    supervisor.serve(request);
                }
            })
            .expect("spawning the prover thread");
        Self { shared, queue: Some(tx), thread: Some(thread) }
    }

    /// The current state.
    pub fn state(&self) -> OrchestratorState {
        *self.shared.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Subscribes to state changes, progress and restarts.
    pub fn subscribe(&self) -> mpsc::Receiver<Notification> {
        let (tx, rx) = mpsc::channel();
        self.shared.subscribers.lock().unwrap_or_else(|e| e.into_inner()).push(tx);
        rx
    }

    fn send<T>(&self, make: impl FnOnce(Reply<Result<T, HostError>>) -> Request) -> Pending<Result<T, HostError>> {
        let (reply, pending) = channel(closed::<T>);
        if let Some(tx) = &self.queue {
            self.shared.tickets.queue(|| {
                let _ = tx.send(make(reply));
            });
        }
        pending
    }

    /// Queues `init`. Call it early: it runs in the background at the thread's low priority,
    /// and a `prove` queued behind it simply waits for it.
    pub fn init(&self, request: InitRequest) -> Pending<Result<InitInfo, HostError>> {
        self.send(|reply| Request::Init(request, reply))
    }

    /// Queues a proof of a witness (parsed with [`hum_core::Witness::from_json`]) in a flavour:
    /// [`Flavour::Standard`] for verifiers off chain, [`Flavour::Evm`] for a contract.
    pub fn prove(&self, witness: &hum_core::Witness, flavour: Flavour) -> Pending<Result<wit::ProofResult, HostError>> {
        match wit_witness(witness) {
            Ok(witness) => {
                let flavour = wit_flavour(flavour);
                self.send(|reply| Request::Prove(Box::new(QueuedWitness(witness)), flavour, reply))
            }
            Err(error) => refused(error),
        }
    }

    /// Queues a proof for a group member: `identity` must be the member `proof` is for (see
    /// [`hum_core::Witness::for_member`]); `action_id` and `message_hash` are field elements,
    /// e.g. [`hum_core::hash_to_field`] of an action name and a message.
    pub fn prove_member(
        &self,
        identity: &hum_core::Identity,
        proof: &hum_core::MerkleProof,
        action_id: hum_core::Fr,
        message_hash: hum_core::Fr,
        flavour: Flavour,
    ) -> Pending<Result<wit::ProofResult, HostError>> {
        match hum_core::Witness::for_member(identity, proof, action_id, message_hash) {
            Ok(witness) => self.prove(&witness, flavour),
            Err(error) => refused(error.into()),
        }
    }

    /// Queues a proof for `identity` as a member of `group` (its Merkle proof is found here, by
    /// the identity's commitment; an identity that is not a member is an error naming its
    /// commitment), otherwise as [`ProverOrchestrator::prove_member`].
    pub fn prove_in_group(
        &self,
        identity: &hum_core::Identity,
        group: &hum_core::Group,
        action_id: hum_core::Fr,
        message_hash: hum_core::Fr,
        flavour: Flavour,
    ) -> Pending<Result<wit::ProofResult, HostError>> {
        match group.proof_for(identity) {
            Ok(proof) => self.prove_member(identity, &proof, action_id, message_hash, flavour),
            Err(error) => refused(error.into()),
        }
    }

    /// Proves and blocks until the result is in.
    pub fn prove_blocking(&self, witness: &hum_core::Witness, flavour: Flavour) -> Result<wit::ProofResult, HostError> {
        self.prove(witness, flavour).wait()
    }

    /// Queues a verification inside the instance, with the instance's own keys (the circuit it
    /// was initialised for) under `policy`: the policy's depth must be the instance's, and the
    /// dev SRS is refused unless the policy allows it.
    pub fn verify(
        &self,
        proof: &[u8],
        flavour: Flavour,
        public_inputs: &wit::PublicInputs,
        policy: &VerifyPolicy,
    ) -> Pending<Result<wit::Verdict, HostError>> {
        let request = wit::VerifyRequest {
            proof: proof.to_vec(),
            flavour: wit_flavour(flavour),
            public_inputs: public_inputs.clone(),
            claimed_circuit: None,
            policy: wit_policy(policy),
        };
        self.send(|reply| Request::Verify(Box::new(request), reply))
    }

    /// As [`ProverOrchestrator::verify`] for a whole proof result: the circuit it names is
    /// compared with the instance's (a mismatch is a `wrong-circuit` rejection).
    pub fn verify_result(
        &self,
        result: &wit::ProofResult,
        policy: &VerifyPolicy,
    ) -> Pending<Result<wit::Verdict, HostError>> {
        let request = wit::VerifyRequest {
            proof: result.proof.clone(),
            flavour: result.flavour,
            public_inputs: result.public_inputs.clone(),
            claimed_circuit: Some(result.circuit.clone()),
            policy: wit_policy(policy),
        };
        self.send(|reply| Request::Verify(Box::new(request), reply))
    }

    /// Stops the oldest unfinished command — the one running, or, if it has not started yet,
    /// the next one to run. It answers [`HostError::Cancelled`]; an interrupted instance is
    /// replaced and re-initialised from the keys in hand, and the commands queued after it run
    /// as usual. With nothing queued or running, `cancel` does nothing.
    pub fn cancel(&self) {
        self.shared.tickets.cancel_oldest();
    }

    /// Arms a fault for the replay of the host policy's crash rows.
    #[cfg(feature = "fault-injection")]
    pub fn inject_fault(&self, fault: Fault) {
        *self.shared.fault.lock().unwrap_or_else(|e| e.into_inner()) = Some(fault);
    }
}

impl Drop for ProverOrchestrator {
    fn drop(&mut self) {
        self.shared.tickets.close();
        self.queue.take();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Lowers the calling thread's scheduling priority (Linux: a thread is a task with its own nice
/// value, addressed by its tid).
#[cfg(any(target_os = "linux", target_os = "android"))]
fn lower_priority(nice: i32) {
    if nice != 0 {
        // SAFETY: setpriority on the calling thread (tid) has no memory-safety preconditions.
        unsafe {
            let tid = libc::syscall(libc::SYS_gettid) as libc::id_t;
            libc::setpriority(libc::PRIO_PROCESS, tid, nice);
        }
    }
}

/// Elsewhere (macOS, Windows, the BSDs) the nice value is per process, not per thread, so the
/// prover thread keeps the default priority rather than slowing the whole host.
#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn lower_priority(_nice: i32) {}
