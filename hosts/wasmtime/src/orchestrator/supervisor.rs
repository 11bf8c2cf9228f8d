//! The instance thread's side: owns the instance, runs commands on it, and replaces it after a
//! trap — with twice the memory limit and one retry after an out-of-memory, re-initialised from
//! the keys in hand (`wit/POLICY.md`).

use std::{
    sync::{Arc, Mutex},
    time::Instant,
};

use super::{
    queue::{wipe_witness, QueuedWitness, Request},
    Notification, OrchestratorConfig, OrchestratorState, RestartReason, Shared,
};
use crate::{
    instance::{ProverInstance, TrapKind},
    protocol::{error_of, stage_of, state_of, trap_error},
    runtime::Runtime,
    wit, HostError,
};

/// How one command's run on the instance ended.
pub(super) enum Run {
    /// The command ran to completion; these are its events.
    Answered(Vec<wit::Event>),
    /// The instance trapped (and was dropped).
    Trapped(TrapKind),
}

impl Run {
    fn out_of_memory(&self) -> bool {
        match self {
            Run::Answered(events) => {
                events.iter().any(|e| matches!(e, wit::Event::Error(i) if i.code == wit::ErrorCode::OutOfMemory))
            }
            Run::Trapped(trap) => *trap == TrapKind::OutOfMemory,
        }
    }
}

/// The first event `pick` takes, an `error` event as its error, or a protocol violation.
pub(super) fn answer<T>(
    events: Vec<wit::Event>,
    command: &str,
    pick: impl Fn(wit::Event) -> Option<T>,
) -> Result<T, HostError> {
    for event in events {
        if let wit::Event::Error(info) = &event {
            return Err(error_of(info));
        }
        if let Some(found) = pick(event) {
            return Ok(found);
        }
    }
    Err(HostError::Protocol(format!("`{command}` ended without its answer")))
}

/// Owns the instance and what re-initialises a replacement.
pub(crate) struct Supervisor {
    runtime: Arc<Runtime>,
    pub(super) config: OrchestratorConfig,
    pub(super) shared: Arc<Shared>,
    instance: Option<ProverInstance>,
    memory_limit: usize,
    events: Arc<Mutex<Vec<wit::Event>>>,
    /// True while a replacement replays INIT: its state events are not the user's.
    replaying: Arc<std::sync::atomic::AtomicBool>,
    /// The last good init options, with `cached-keys` set to the keys in hand.
    pub(super) replay: Option<wit::InitOptions>,
}

impl Supervisor {
    pub(super) fn new(runtime: Arc<Runtime>, config: OrchestratorConfig, shared: Arc<Shared>) -> Self {
        let memory_limit = config.memory_limit;
        Self {
            runtime,
            config,
            shared,
            instance: None,
            memory_limit,
            events: Arc::default(),
            replaying: Arc::default(),
            replay: None,
        }
    }

    /// Serves one request and sends its reply.
    pub(super) fn serve(&mut self, request: Request) {
        let skip = self.shared.tickets.start_next();
        match request {
            Request::Init(req, reply) => {
                let result = if skip { Err(HostError::Cancelled) } else { self.init(req) };
                self.shared.tickets.finish();
                reply.send(result)
            }
            Request::Prove(mut witness, flavour, reply) => {
                let result = if skip { Err(HostError::Cancelled) } else { self.prove(&mut witness, flavour) };
                drop(witness);
                self.shared.tickets.finish();
                reply.send(result)
            }
            Request::Verify(req, reply) => {
                let result = if skip { Err(HostError::Cancelled) } else { self.verify(*req) };
                self.shared.tickets.finish();
                reply.send(result)
            }
        }
    }

    /// The component's heap budget: the linear memory also holds the stack and static data.
    pub(super) fn budget(&self) -> u64 {
        self.memory_limit.saturating_sub(8 << 20).max(1 << 20) as u64
    }

    fn ensure_instance(&mut self) -> Result<&mut ProverInstance, HostError> {
        if self.instance.is_none() {
            let shared = self.shared.clone();
            let events = self.events.clone();
            let replaying = self.replaying.clone();
            let sink = Box::new(move |event: wit::Event| {
                match &event {
                    wit::Event::Status(s) if !replaying.load(std::sync::atomic::Ordering::Relaxed) => {
                        shared.notify(Notification::State(state_of(s.state)))
                    }
                    wit::Event::Progress(p) => {
                        #[cfg(feature = "fault-injection")]
                        if shared.fault.lock().unwrap_or_else(|e| e.into_inner()).take().is_some() {
                            return Err("injected fault: the host's event sink trapped".to_string());
                        }
                        shared.notify(Notification::Progress { stage: stage_of(p.stage), percent: p.percent })
                    }
                    _ => {}
                }
                events.lock().unwrap_or_else(|e| e.into_inner()).push(event);
                Ok(())
            });
            let instance =
                ProverInstance::new(&self.runtime, self.memory_limit, self.shared.tickets.interrupt_flag(), sink)
                    .map_err(|e| HostError::Instantiate(format!("{e:#}")))?;
            self.instance = Some(instance);
        }
        Ok(self.instance.as_mut().expect("made above"))
    }

    /// Runs one command; on a trap the instance is dropped.
    fn run(&mut self, command: &wit::Command) -> Result<Run, HostError> {
        let deadline = self.config.timeout.map(|t| Instant::now() + t);
        self.events.lock().unwrap_or_else(|e| e.into_inner()).clear();
        let outcome = self.ensure_instance()?.handle(command, deadline);
        let events = std::mem::take(&mut *self.events.lock().unwrap_or_else(|e| e.into_inner()));
        Ok(match outcome {
            Ok(()) => Run::Answered(events),
            Err(trap) => {
                self.instance = None;
                Run::Trapped(trap)
            }
        })
    }

    /// Makes a new instance and replays INIT on it quietly (from the keys in hand).
    fn restart(&mut self, reason: RestartReason) -> Result<(), HostError> {
        self.instance = None;
        self.shared.tickets.clear_interrupt();
        if let Some(mut options) = self.replay.clone() {
            options.memory_budget = Some(self.budget());
            self.replaying.store(true, std::sync::atomic::Ordering::Relaxed);
            let outcome = self.run(&wit::Command::Init(options));
            self.replaying.store(false, std::sync::atomic::Ordering::Relaxed);
            match outcome? {
                Run::Answered(events) => {
                    answer(events, "init", |e| matches!(e, wit::Event::KeysReady(_)).then_some(()))?;
                }
                Run::Trapped(trap) => return Err(trap_error(trap)),
            }
        }
        self.shared.notify(Notification::Restarted { reason, memory_limit: self.memory_limit });
        let state = if self.replay.is_some() { OrchestratorState::Ready } else { OrchestratorState::Idle };
        self.shared.notify(Notification::State(state));
        Ok(())
    }

    /// Runs a command under the host policy: after an out-of-memory (refusal or trap) the
    /// instance is replaced with twice the memory limit (up to the maximum) and the command
    /// retried once; after any other trap the instance is replaced and the trap reported. The
    /// command is the caller's (never copied: a PROVE holds the secret, which the caller wipes);
    /// an INIT's memory budget is set in it for each attempt.
    pub(super) fn run_recovering(&mut self, command: &mut wit::Command) -> Result<Vec<wit::Event>, HostError> {
        let mut retried = false;
        loop {
            if let wit::Command::Init(options) = command {
                options.memory_budget = Some(self.budget());
            }
            let run = self.run(command)?;
            if run.out_of_memory() && !retried && self.memory_limit < self.config.max_memory_limit {
                retried = true;
                self.memory_limit = (self.memory_limit * 2).min(self.config.max_memory_limit);
                self.restart(RestartReason::OutOfMemory)?;
                continue;
            }
            return match run {
                Run::Answered(events) => Ok(events),
                Run::Trapped(trap) => {
                    let reason = match &trap {
                        TrapKind::Cancelled => RestartReason::Cancelled,
                        TrapKind::TimedOut => RestartReason::TimedOut,
                        TrapKind::OutOfMemory => RestartReason::OutOfMemory,
                        TrapKind::Other(m) => RestartReason::Trap(m.clone()),
                    };
                    self.restart(reason)?;
                    Err(trap_error(trap))
                }
            };
        }
    }

    fn prove(&mut self, witness: &mut QueuedWitness, flavour: wit::Flavour) -> Result<wit::ProofResult, HostError> {
        let mut command = wit::Command::Prove(wit::ProveRequest { witness: witness.take(), flavour });
        let events = self.run_recovering(&mut command);
        // The host's copy of the secret is wiped once the component has had it (the component
        // zeroizes its own).
        if let wit::Command::Prove(request) = &mut command {
            wipe_witness(&mut request.witness);
        }
        answer(events?, "prove", |e| match e {
            wit::Event::ProofComplete(result) => Some(result),
            _ => None,
        })
    }

    fn verify(&mut self, request: wit::VerifyRequest) -> Result<wit::Verdict, HostError> {
        let events = self.run_recovering(&mut wit::Command::Verify(request))?;
        answer(events, "verify", |e| match e {
            wit::Event::Verified(verdict) => Some(verdict),
            _ => None,
        })
    }
}
