//! The C events of an asynchronous proof, and the actor sink that produces them: the C ABI's
//! one conversion from the actor's events.

use std::ffi::c_void;

use hum_actor::{Event, EventSink, Failure, State};
use hum_core::Stage;

use crate::{slot::Slot, HumResult};

/// The prover's state, as events report it.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HumState {
    /// Loading the SRS and keys.
    Initializing = 0,
    /// Ready for a proof.
    Ready = 1,
    /// A proof is being made.
    Proving = 2,
    /// The last command failed (`HUM_STATE_READY` follows when the prover is initialised).
    Error = 3,
}

/// A phase of proving.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HumStage {
    /// Witness checks and circuit layout.
    Synthesis = 0,
    /// Committing to the advice columns.
    AdviceCommitments = 1,
    /// The permutation argument.
    Permutation = 2,
    /// The quotient polynomial.
    Quotient = 3,
    /// Evaluating the polynomials at the challenge.
    Evaluations = 4,
    /// The multi-opening proof.
    Openings = 5,
    /// The proof is complete (percent 100, right before PROOF_COMPLETE).
    Done = 6,
}

/// What an event is.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HumEventKind {
    /// `state` changed.
    Status = 0,
    /// `stage` and `percent` moved.
    Progress = 1,
    /// The proof JSON is in `data`/`len`.
    ProofComplete = 2,
    /// `code` failed; the message is in `data`/`len` (UTF-8, not NUL-terminated).
    Error = 3,
}

/// One event of an asynchronous proof. `data` is valid only during the callback.
#[repr(C)]
#[derive(Debug)]
pub struct HumEvent {
    /// Which kind of event this is (which other members are meaningful).
    pub kind: HumEventKind,
    /// For `HUM_EVENT_KIND_STATUS`.
    pub state: HumState,
    /// For `HUM_EVENT_KIND_PROGRESS`.
    pub stage: HumStage,
    /// For `HUM_EVENT_KIND_PROGRESS`: 0..=100, monotonic, 100 right before the proof.
    pub percent: u8,
    /// For `HUM_EVENT_KIND_ERROR`.
    pub code: HumResult,
    /// Proof JSON or error message bytes (borrowed for the callback's duration).
    pub data: *const u8,
    /// The number of bytes at `data` (0 when `data` is NULL).
    pub len: usize,
}

/// Receives the events of `hum_prover_prove_async`, on the prover's worker thread.
pub type HumEventCallback = Option<extern "C" fn(event: *const HumEvent, user_data: *mut c_void)>;

fn state(state: State) -> HumState {
    match state {
        State::Initializing => HumState::Initializing,
        State::Ready => HumState::Ready,
        State::Proving => HumState::Proving,
        State::Error => HumState::Error,
    }
}

fn stage(stage: Stage) -> HumStage {
    match stage {
        Stage::Synthesis => HumStage::Synthesis,
        Stage::AdviceCommitments => HumStage::AdviceCommitments,
        Stage::Permutation => HumStage::Permutation,
        Stage::Quotient => HumStage::Quotient,
        Stage::Evaluations => HumStage::Evaluations,
        Stage::Openings => HumStage::Openings,
        Stage::Done => HumStage::Done,
    }
}

/// A command's answer, as a blocking call returns it.
#[derive(Debug, Default)]
pub(crate) struct Answer {
    /// The proof JSON of `prove`.
    pub(crate) proof: Option<String>,
    /// The failure of any command (an `error` event, or a verdict that is not valid).
    pub(crate) failure: Option<Failure>,
    /// `init`'s note that the host's cached keys were rejected and regenerated.
    pub(crate) cached_keys_rejected: Option<String>,
}

/// The actor's sink for the C ABI: keeps the answer, polls the slot for cancellation, and (for
/// `prove_async`) forwards each event to the host's callback, freeing the slot at the answer so
/// that the host may start the next proof from the callback of the final events.
pub(crate) struct CallbackSink<'a> {
    slot: &'a Slot,
    callback: Option<(extern "C" fn(*const HumEvent, *mut c_void), *mut c_void)>,
    release_at_answer: bool,
    pub(crate) answer: Answer,
}

impl<'a> CallbackSink<'a> {
    /// A sink for a blocking call: nothing is forwarded.
    pub(crate) fn blocking(slot: &'a Slot) -> Self {
        Self { slot, callback: None, release_at_answer: false, answer: Answer::default() }
    }

    /// A sink for `prove_async`, which owns the slot until the answer.
    pub(crate) fn forwarding(slot: &'a Slot, callback: HumEventCallback, user_data: *mut c_void) -> Self {
        Self { slot, callback: callback.map(|c| (c, user_data)), release_at_answer: true, answer: Answer::default() }
    }

    /// True once the answer (proof or failure) is in.
    pub(crate) fn answered(&self) -> bool {
        self.answer.proof.is_some() || self.answer.failure.is_some()
    }

    /// Sends one C event, unless `hum_prover_free` has started.
    pub(crate) fn send(
        &self,
        kind: HumEventKind,
        state: HumState,
        progress: (Stage, u8),
        code: HumResult,
        data: &[u8],
    ) {
        let Some((callback, user_data)) = self.callback else { return };
        if self.slot.closing() {
            return;
        }
        let event = HumEvent {
            kind,
            state,
            stage: stage(progress.0),
            percent: progress.1,
            code,
            data: if data.is_empty() { std::ptr::null() } else { data.as_ptr() },
            len: data.len(),
        };
        callback(&event, user_data);
    }

    fn answer_in(&self) {
        if self.release_at_answer {
            self.slot.release();
        }
    }
}

impl EventSink for CallbackSink<'_> {
    fn emit(&mut self, event: Event) {
        let done = (Stage::Done, 100);
        match event {
            Event::Status(s) => {
                self.send(HumEventKind::Status, state(s.state), (Stage::Synthesis, 0), HumResult::Ok, &[])
            }
            Event::Progress(p) => {
                self.send(HumEventKind::Progress, HumState::Proving, (p.stage, p.percent), HumResult::Ok, &[])
            }
            Event::ProofComplete(outcome) => {
                let json = outcome.result.to_json();
                self.answer.proof = Some(json.clone());
                self.answer_in();
                self.send(HumEventKind::ProofComplete, HumState::Ready, done, HumResult::Ok, json.as_bytes());
            }
            Event::Error(failure) | Event::Verified(Err(failure)) => {
                let code = HumResult::of_kind(failure.kind);
                self.answer_in();
                self.send(HumEventKind::Error, HumState::Error, done, code, failure.message.as_bytes());
                self.answer.failure = Some(failure);
            }
            Event::KeysReady(keys) => self.answer.cached_keys_rejected = keys.cached_keys_rejected,
            Event::Verified(Ok(()))
            | Event::Sealed(_)
            | Event::Opened(_)
            | Event::Identity(_)
            | Event::Group(_)
            | Event::Field(_) => {}
        }
    }

    fn cancelled(&mut self) -> bool {
        self.slot.cancelled()
    }
}
