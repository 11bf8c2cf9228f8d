//! `ProverOrchestrator`: the Conductor. A state machine over one prover instance that lives on
//! its own thread, with a command queue, cancellation, a timeout, OOM recovery and a key cache.
//!
//! States: `Idle → Initializing → Ready → Proving → Ready`, and `Error` (after which the next
//! good command proceeds). Commands are queued and run one at a time, in order.
//!
//! OOM recovery: when a command runs out of memory (the component refuses it with
//! `out-of-memory`, or the instance traps on its limit) the instance is discarded, a new one is
//! made with twice the limit (up to `max_memory_limit`, 4 GiB by default), `init` is replayed
//! from the keys already in hand, the command is retried once, and a
//! [`Notification::Restarted`] says so.

use std::{
    sync::{
        atomic::{AtomicBool, Ordering},
        mpsc, Arc, Mutex,
    },
    time::{Duration, Instant},
};

use hum_core::VerifyPolicy;
use sha2::{Digest, Sha256};

use crate::{
    cache::{CacheRead, KeyCache},
    instance::{ProverInstance, TrapKind},
    pending::{channel, Pending, Reply},
    runtime::Runtime,
    wit, HostError,
};

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

/// Why an instance was restarted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RestartReason {
    /// It ran out of memory; the new instance has a larger limit.
    OutOfMemory,
    /// A proof was cancelled (the interrupted instance cannot be re-entered).
    Cancelled,
    /// The timeout interrupted it.
    TimedOut,
    /// It trapped for another reason.
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
        stage: wit::Stage,
        /// 0..=100, monotonic within a proof.
        percent: u8,
    },
    /// The instance was discarded and a new one started.
    Restarted {
        /// Why.
        reason: RestartReason,
        /// The new instance's memory limit in bytes.
        memory_limit: usize,
    },
    /// A cached key entry failed its integrity check and was discarded; keys are regenerated.
    CacheEntryDiscarded,
}

/// Options of an orchestrator.
#[derive(Clone, Debug)]
pub struct OrchestratorConfig {
    /// The first instance's memory limit in bytes.
    pub memory_limit: usize,
    /// The most an OOM restart may raise the limit to.
    pub max_memory_limit: usize,
    /// Interrupt any command that runs longer than this.
    pub timeout: Option<Duration>,
    /// Where keys (and the dev SRS) are cached; `None` for no disk cache.
    pub cache: Option<KeyCache>,
    /// The instance thread's nice value (Unix): the prover yields to the host's own threads.
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
    /// halo2 params bytes; `None` for the **insecure** dev SRS.
    pub srs: Option<Vec<u8>>,
    /// The pinned SRS hash (`sha256:…`), checked before anything else.
    pub srs_hash: Option<String>,
}

/// What `init` reports.
#[derive(Clone, Debug)]
pub struct InitInfo {
    /// The circuit.
    pub circuit: wit::CircuitInfo,
    /// True when the keys came from the cache.
    pub from_cache: bool,
    /// Milliseconds the init command took inside the prover.
    pub init_ms: u64,
    /// Milliseconds the whole init took, SRS and cache included.
    pub total_ms: u64,
}

enum Request {
    Init(InitRequest, Reply<Result<InitInfo, HostError>>),
    Prove(Box<QueuedWitness>, Reply<Result<wit::ProofResult, HostError>>),
    Verify(Box<wit::VerifyRequest>, Reply<Result<wit::Verdict, HostError>>),
}

/// A PROVE request's witness. Its secret and path are wiped when it is dropped, whichever way the
/// request ends: proved, cancelled before it started, or still queued when the orchestrator is
/// dropped.
struct QueuedWitness(wit::Witness);

impl Drop for QueuedWitness {
    fn drop(&mut self) {
        wipe_witness(&mut self.0);
    }
}

fn wipe_witness(w: &mut wit::Witness) {
    use zeroize::Zeroize;
    w.secret.zeroize();
    w.siblings.zeroize();
    w.index.zeroize();
}

struct Shared {
    state: Mutex<OrchestratorState>,
    subscribers: Mutex<Vec<mpsc::Sender<Notification>>>,
    /// Read by the instance's epoch callback: set while the running request is cancelled.
    cancel: Arc<AtomicBool>,
    /// Which request `cancel()` is aimed at; requests are numbered as they are queued.
    requests: Mutex<Requests>,
    quiet: AtomicBool,
}

/// Request numbers: the instance thread serves them in order, so the oldest unfinished one is
/// `finished + 1`, and that is the one `cancel()` stops — running, or not started yet.
#[derive(Default)]
struct Requests {
    queued: u64,
    finished: u64,
    cancelled: u64,
    closing: bool,
}

impl Shared {
    fn notify(&self, n: Notification) {
        if let Notification::State(s) = &n {
            *self.state.lock().unwrap_or_else(|e| e.into_inner()) = *s;
        }
        self.subscribers.lock().unwrap_or_else(|e| e.into_inner()).retain(|tx| tx.send(n.clone()).is_ok());
    }
}

/// Runs proofs in an isolated wasm instance on its own thread.
pub struct ProverOrchestrator {
    shared: Arc<Shared>,
    requests: Option<mpsc::Sender<Request>>,
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

impl ProverOrchestrator {
    /// Starts the instance thread (the instance itself is made by the first command).
    pub fn new(runtime: Arc<Runtime>, config: OrchestratorConfig) -> Self {
        let shared = Arc::new(Shared {
            state: Mutex::new(OrchestratorState::Idle),
            subscribers: Mutex::new(Vec::new()),
            cancel: Arc::new(AtomicBool::new(false)),
            requests: Mutex::new(Requests::default()),
            quiet: AtomicBool::new(false),
        });
        let (tx, rx) = mpsc::channel();
        let worker_shared = shared.clone();
        let thread = std::thread::Builder::new()
            .name("hum-prover".into())
            .spawn(move || {
                lower_priority(config.nice);
                let mut worker = Worker::new(runtime, config, worker_shared);
                for request in rx {
                    worker.serve(request);
                }
            })
            .expect("spawning the prover thread");
        Self { shared, requests: Some(tx), thread: Some(thread) }
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
        if let Some(tx) = &self.requests {
            // Numbered and sent under one lock, so numbers follow the queue's order.
            let mut requests = self.shared.requests.lock().unwrap_or_else(|e| e.into_inner());
            requests.queued += 1;
            let _ = tx.send(make(reply));
        }
        pending
    }

    /// Queues `init`. Call it early: it runs in the background at the thread's low priority,
    /// and a `prove` queued behind it simply waits for it.
    pub fn init(&self, request: InitRequest) -> Pending<Result<InitInfo, HostError>> {
        self.send(|reply| Request::Init(request, reply))
    }

    /// Queues a proof of a witness (parsed with [`hum_core::Witness::from_json`]).
    pub fn prove(&self, witness: &hum_core::Witness) -> Pending<Result<wit::ProofResult, HostError>> {
        match u32::try_from(witness.index) {
            Ok(index) => {
                let witness = wit::Witness {
                    secret: witness.secret.clone(),
                    index,
                    siblings: witness.siblings.clone(),
                    action_id: witness.action_id.clone(),
                    message_hash: witness.message_hash.clone(),
                    root: witness.root.clone(),
                };
                self.send(|reply| Request::Prove(Box::new(QueuedWitness(witness)), reply))
            }
            Err(_) => {
                let (reply, pending) = channel(closed::<wit::ProofResult>);
                reply.send(Err(HostError::Prover {
                    code: wit::ErrorCode::InvalidWitness,
                    message: "invalid witness: `index` does not fit 32 bits, it must be below 2^32".into(),
                }));
                pending
            }
        }
    }

    /// Proves and blocks until the result is in.
    pub fn prove_blocking(&self, witness: &hum_core::Witness) -> Result<wit::ProofResult, HostError> {
        self.prove(witness).wait()
    }

    /// Queues a verification inside the instance, with the instance's own keys (the circuit it
    /// was initialised for) under `policy`: the policy's depth must be the instance's, and the
    /// dev SRS is refused unless the policy allows it.
    pub fn verify(
        &self,
        proof: &[u8],
        public_inputs: &wit::PublicInputs,
        policy: &VerifyPolicy,
    ) -> Pending<Result<wit::Verdict, HostError>> {
        let request = wit::VerifyRequest {
            proof: proof.to_vec(),
            public_inputs: public_inputs.clone(),
            claimed_circuit: None,
            policy: crate::wit_policy(policy),
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
            public_inputs: result.public_inputs.clone(),
            claimed_circuit: Some(result.circuit.clone()),
            policy: crate::wit_policy(policy),
        };
        self.send(|reply| Request::Verify(Box::new(request), reply))
    }

    /// Stops the oldest unfinished command — the one running, or, if it has not started yet,
    /// the next one to run. It answers [`HostError::Cancelled`]; an interrupted instance is
    /// replaced and re-initialised from the keys in hand, and the commands queued after it run
    /// as usual. With nothing queued or running, `cancel` does nothing.
    pub fn cancel(&self) {
        let mut requests = self.shared.requests.lock().unwrap_or_else(|e| e.into_inner());
        if requests.finished < requests.queued {
            requests.cancelled = requests.finished + 1;
            self.shared.cancel.store(true, Ordering::Relaxed);
        }
    }
}

impl Drop for ProverOrchestrator {
    fn drop(&mut self) {
        self.shared.requests.lock().unwrap_or_else(|e| e.into_inner()).closing = true;
        self.shared.cancel.store(true, Ordering::Relaxed);
        self.requests.take();
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

/// The instance thread's side: owns the instance and replays init after restarts.
struct Worker {
    runtime: Arc<Runtime>,
    config: OrchestratorConfig,
    shared: Arc<Shared>,
    instance: Option<ProverInstance>,
    memory_limit: usize,
    events: Arc<Mutex<Vec<wit::Event>>>,
    /// The last good init options, with `cached-keys` set to the keys in hand.
    replay: Option<wit::InitOptions>,
}

impl Worker {
    fn new(runtime: Arc<Runtime>, config: OrchestratorConfig, shared: Arc<Shared>) -> Self {
        let memory_limit = config.memory_limit;
        Self { runtime, config, shared, instance: None, memory_limit, events: Arc::default(), replay: None }
    }

    fn serve(&mut self, request: Request) {
        let skip = {
            let requests = self.shared.requests.lock().unwrap_or_else(|e| e.into_inner());
            let skip = requests.closing || requests.cancelled == requests.finished + 1;
            self.shared.cancel.store(skip, Ordering::Relaxed);
            skip
        };
        // Each request counts as finished before its reply goes out, so a `cancel()` made after
        // a reply arrived aims at the next request, never at the answered one.
        match request {
            Request::Init(req, reply) => {
                let result = if skip { Err(HostError::Cancelled) } else { self.init(req) };
                self.finish();
                reply.send(result)
            }
            Request::Prove(mut witness, reply) => {
                let result = if skip { Err(HostError::Cancelled) } else { self.prove(&mut witness) };
                drop(witness);
                self.finish();
                reply.send(result)
            }
            Request::Verify(req, reply) => {
                let result = if skip { Err(HostError::Cancelled) } else { self.verify(*req) };
                self.finish();
                reply.send(result)
            }
        }
    }

    fn finish(&self) {
        let mut requests = self.shared.requests.lock().unwrap_or_else(|e| e.into_inner());
        requests.finished += 1;
        if !requests.closing {
            self.shared.cancel.store(false, Ordering::Relaxed);
        }
    }

    fn verify(&mut self, request: wit::VerifyRequest) -> Result<wit::Verdict, HostError> {
        self.run_recovering(&mut wit::Command::Verify(request), false).and_then(|events| {
            events
                .into_iter()
                .find_map(|e| match e {
                    wit::Event::Verified(verdict) => Some(Ok(verdict)),
                    wit::Event::Error(info) => Some(Err(HostError::from_info(&info))),
                    _ => None,
                })
                .unwrap_or_else(|| Err(HostError::Component("verify gave no answer".into())))
        })
    }

    fn budget(&self) -> u64 {
        // The linear memory also holds the stack and static data.
        self.memory_limit.saturating_sub(8 << 20).max(1 << 20) as u64
    }

    fn ensure_instance(&mut self) -> Result<(), HostError> {
        if self.instance.is_some() {
            return Ok(());
        }
        let shared = self.shared.clone();
        let events = self.events.clone();
        let sink = Box::new(move |event: wit::Event| {
            match &event {
                wit::Event::Status(s) if !shared.quiet.load(Ordering::Relaxed) => {
                    shared.notify(Notification::State(match s.state {
                        wit::State::Initializing => OrchestratorState::Initializing,
                        wit::State::Ready => OrchestratorState::Ready,
                        wit::State::Proving => OrchestratorState::Proving,
                        wit::State::Error => OrchestratorState::Error,
                    }))
                }
                wit::Event::Progress(p) => shared.notify(Notification::Progress { stage: p.stage, percent: p.percent }),
                _ => {}
            }
            events.lock().unwrap_or_else(|e| e.into_inner()).push(event);
        });
        let instance = ProverInstance::new(&self.runtime, self.memory_limit, self.shared.cancel.clone(), sink)
            .map_err(|e| HostError::Component(format!("cannot instantiate the prover: {e:#}")))?;
        self.instance = Some(instance);
        Ok(())
    }

    /// Runs one command; on a trap the instance is dropped and the trap returned.
    fn run(&mut self, command: &wit::Command) -> Result<Result<Vec<wit::Event>, TrapKind>, HostError> {
        self.ensure_instance()?;
        self.events.lock().unwrap_or_else(|e| e.into_inner()).clear();
        let deadline = self.config.timeout.map(|t| Instant::now() + t);
        let instance = self.instance.as_mut().expect("ensured above");
        let outcome = instance.handle(command, deadline);
        let events = std::mem::take(&mut *self.events.lock().unwrap_or_else(|e| e.into_inner()));
        match outcome {
            Ok(()) => Ok(Ok(events)),
            Err(trap) => {
                self.instance = None;
                Ok(Err(trap))
            }
        }
    }

    /// Re-creates the instance and replays init quietly.
    fn restart(&mut self, reason: RestartReason) -> Result<(), HostError> {
        self.instance = None;
        self.shared.cancel.store(false, Ordering::Relaxed);
        if let Some(mut options) = self.replay.clone() {
            options.memory_budget = Some(self.budget());
            self.shared.quiet.store(true, Ordering::Relaxed);
            let outcome = self.run(&wit::Command::Init(options));
            self.shared.quiet.store(false, Ordering::Relaxed);
            match outcome? {
                Ok(events) if events.iter().any(|e| matches!(e, wit::Event::KeysReady(_))) => {}
                Ok(events) => {
                    return Err(first_error(&events).unwrap_or(HostError::Component("replayed init failed".into())))
                }
                Err(trap) => return Err(HostError::from_trap(trap)),
            }
        }
        self.shared.notify(Notification::Restarted { reason, memory_limit: self.memory_limit });
        let state = if self.replay.is_some() { OrchestratorState::Ready } else { OrchestratorState::Idle };
        self.shared.notify(Notification::State(state));
        Ok(())
    }

    /// Runs a command; after an OOM (refusal or trap) restarts with twice the memory and
    /// retries once (`retry_oom`), after other traps restarts and reports the trap.
    /// The command is the caller's (never copied: a PROVE holds the secret, which the caller
    /// wipes); an INIT's memory budget is updated in it for each attempt.
    fn run_recovering(&mut self, command: &mut wit::Command, retry_oom: bool) -> Result<Vec<wit::Event>, HostError> {
        let mut retried = false;
        loop {
            if let wit::Command::Init(options) = command {
                options.memory_budget = Some(self.budget());
            }
            let outcome = self.run(command)?;
            let oom = match &outcome {
                Ok(events) => {
                    events.iter().any(|e| matches!(e, wit::Event::Error(i) if i.code == wit::ErrorCode::OutOfMemory))
                }
                Err(TrapKind::OutOfMemory) => true,
                Err(_) => false,
            };
            if oom && retry_oom && !retried && self.memory_limit < self.config.max_memory_limit {
                retried = true;
                self.memory_limit = (self.memory_limit * 2).min(self.config.max_memory_limit);
                self.restart(RestartReason::OutOfMemory)?;
                continue;
            }
            return match outcome {
                Ok(events) => Ok(events),
                Err(trap) => {
                    let reason = match &trap {
                        TrapKind::Cancelled => RestartReason::Cancelled,
                        TrapKind::TimedOut => RestartReason::TimedOut,
                        TrapKind::OutOfMemory => RestartReason::OutOfMemory,
                        TrapKind::Other(m) => RestartReason::Trap(m.clone()),
                    };
                    self.restart(reason)?;
                    Err(HostError::from_trap(trap))
                }
            };
        }
    }

    fn init(&mut self, req: InitRequest) -> Result<InitInfo, HostError> {
        let start = Instant::now();
        self.shared.notify(Notification::State(OrchestratorState::Initializing));
        let outcome = self.init_inner(req, start);
        if outcome.is_err() {
            self.shared.notify(Notification::State(OrchestratorState::Error));
        }
        outcome
    }

    fn init_inner(&mut self, req: InitRequest, start: Instant) -> Result<InitInfo, HostError> {
        let k = hum_core::keys::checked_k(req.depth)
            .map_err(|e| HostError::Prover { code: wit::ErrorCode::InvalidWitness, message: e.to_string() })?;
        let (srs, srs_hash) = match req.srs {
            Some(bytes) => (bytes, req.srs_hash),
            None => (crate::verifier::dev_srs_bytes(self.config.cache.as_ref(), k), None),
        };
        let digest: [u8; 32] = Sha256::digest(&srs).into();
        let cached = match &self.config.cache {
            Some(cache) => match cache.read(req.depth, &digest) {
                CacheRead::Hit { keys, .. } => Some(keys),
                CacheRead::Corrupted => {
                    self.shared.notify(Notification::CacheEntryDiscarded);
                    None
                }
                CacheRead::Missing => None,
            },
            None => None,
        };
        let mut options = wit::InitOptions {
            depth: req.depth as u8,
            k: None,
            srs: Some(srs),
            srs_hash,
            cached_keys: cached,
            memory_budget: Some(self.budget()),
        };
        self.replay = None;
        let mut events = self.run_recovering(&mut wit::Command::Init(options.clone()), true)?;
        let keys_rejected =
            events.iter().any(|e| matches!(e, wit::Event::Error(i) if i.code == wit::ErrorCode::InvalidKey));
        if options.cached_keys.is_some() && keys_rejected {
            // The cache held keys the prover rejects: discard them and generate afresh.
            if let Some(cache) = &self.config.cache {
                cache.remove(req.depth, &digest);
            }
            self.shared.notify(Notification::CacheEntryDiscarded);
            options.cached_keys = None;
            events = self.run_recovering(&mut wit::Command::Init(options.clone()), true)?;
        }
        let ready = events.into_iter().find_map(|e| match e {
            wit::Event::KeysReady(k) => Some(Ok(k)),
            wit::Event::Error(info) => Some(Err(HostError::from_info(&info))),
            _ => None,
        });
        let keys = ready.unwrap_or_else(|| Err(HostError::Component("init gave no answer".into())))?;
        if !keys.from_cache {
            if let Some(cache) = &self.config.cache {
                let _ = cache.write(req.depth, &digest, &keys.circuit.id, &keys.keys);
            }
            options.cached_keys = Some(keys.keys.clone());
        }
        self.replay = Some(options);
        Ok(InitInfo {
            circuit: keys.circuit,
            from_cache: keys.from_cache,
            init_ms: keys.init_ms,
            total_ms: start.elapsed().as_millis() as u64,
        })
    }

    fn prove(&mut self, witness: &mut QueuedWitness) -> Result<wit::ProofResult, HostError> {
        let blank = wit::Witness {
            secret: String::new(),
            index: 0,
            siblings: Vec::new(),
            action_id: String::new(),
            message_hash: String::new(),
            root: None,
        };
        let mut command = wit::Command::Prove(std::mem::replace(&mut witness.0, blank));
        let events = self.run_recovering(&mut command, true);
        // The host's copy of the secret is wiped once the component has had it (the component
        // zeroizes its own).
        if let wit::Command::Prove(w) = &mut command {
            wipe_witness(w);
        }
        let events = events?;
        events
            .into_iter()
            .find_map(|e| match e {
                wit::Event::ProofComplete(result) => Some(Ok(result)),
                wit::Event::Error(info) => Some(Err(HostError::from_info(&info))),
                _ => None,
            })
            .unwrap_or_else(|| Err(HostError::Component("prove gave no answer".into())))
    }
}

fn first_error(events: &[wit::Event]) -> Option<HostError> {
    events.iter().find_map(|e| match e {
        wit::Event::Error(info) => Some(HostError::from_info(info)),
        _ => None,
    })
}
