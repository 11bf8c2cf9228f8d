//! The queue's side of the orchestrator: the requests, their numbering, and which one
//! `cancel()` stops.

use std::sync::{
    atomic::{AtomicBool, Ordering},
    Arc, Mutex,
};

use super::InitInfo;
use crate::{pending::Reply, wit, HostError};

/// One queued command and where its answer goes.
pub(crate) enum Request {
    /// Initialise: load the SRS and the keys (from the cache, or generated).
    Init(super::InitRequest, Reply<Result<InitInfo, HostError>>),
    /// Prove a witness (wiped when the request ends).
    Prove(Box<QueuedWitness>, wit::Flavour, Reply<Result<wit::ProofResult, HostError>>),
    /// Verify a proof with the instance's keys under a policy.
    Verify(Box<wit::VerifyRequest>, Reply<Result<wit::Verdict, HostError>>),
}

/// A PROVE request's witness. Its secret and path are wiped when it is dropped, whichever way the
/// request ends: proved, cancelled before it started, or still queued when the orchestrator is
/// dropped.
pub(crate) struct QueuedWitness(pub(crate) wit::Witness);

impl QueuedWitness {
    /// Moves the witness out (leaving a blank one), for the one command that carries it.
    pub(crate) fn take(&mut self) -> wit::Witness {
        let blank = wit::Witness {
            secret: String::new(),
            index: 0,
            siblings: Vec::new(),
            action_id: String::new(),
            message_hash: String::new(),
            root: None,
        };
        std::mem::replace(&mut self.0, blank)
    }
}

impl Drop for QueuedWitness {
    fn drop(&mut self) {
        wipe_witness(&mut self.0);
    }
}

/// Wipes a witness's secret, path and position.
pub(crate) fn wipe_witness(w: &mut wit::Witness) {
    use zeroize::Zeroize;
    w.secret.zeroize();
    w.siblings.zeroize();
    w.index.zeroize();
}

/// Request numbers: the instance thread serves requests in order, so the oldest unfinished one is
/// `finished + 1`, and that is the one `cancel()` stops — running, or not started yet.
#[derive(Default)]
struct Numbers {
    queued: u64,
    finished: u64,
    cancelled: u64,
    closing: bool,
}

/// The numbering and the cancel flag the running instance polls (its epoch callback reads it).
#[derive(Default)]
pub(crate) struct Tickets {
    numbers: Mutex<Numbers>,
    interrupt: Arc<AtomicBool>,
}

impl Tickets {
    fn numbers(&self) -> std::sync::MutexGuard<'_, Numbers> {
        self.numbers.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Numbers a request and sends it (under one lock, so numbers follow the queue's order).
    pub(crate) fn queue(&self, send: impl FnOnce()) {
        let mut numbers = self.numbers();
        numbers.queued += 1;
        send();
    }

    /// Aims a cancel at the oldest unfinished request; nothing when none is queued or running.
    pub(crate) fn cancel_oldest(&self) {
        let mut numbers = self.numbers();
        if numbers.finished < numbers.queued {
            numbers.cancelled = numbers.finished + 1;
            self.interrupt.store(true, Ordering::Relaxed);
        }
    }

    /// From now on every request is answered `cancelled` and the running one is interrupted.
    pub(crate) fn close(&self) {
        self.numbers().closing = true;
        self.interrupt.store(true, Ordering::Relaxed);
    }

    /// Called as the next request starts: true when it was cancelled before it ran (or the
    /// orchestrator is closing). Sets the interrupt flag to match.
    pub(crate) fn start_next(&self) -> bool {
        let numbers = self.numbers();
        let skip = numbers.closing || numbers.cancelled == numbers.finished + 1;
        self.interrupt.store(skip, Ordering::Relaxed);
        skip
    }

    /// Counts the running request as finished (before its reply goes out, so a `cancel()` made
    /// after a reply arrived aims at the next request, never at the answered one).
    pub(crate) fn finish(&self) {
        let mut numbers = self.numbers();
        numbers.finished += 1;
        if !numbers.closing {
            self.interrupt.store(false, Ordering::Relaxed);
        }
    }

    /// Clears an interrupt that a replaced instance has already honoured.
    pub(crate) fn clear_interrupt(&self) {
        if !self.numbers().closing {
            self.interrupt.store(false, Ordering::Relaxed);
        }
    }

    /// The flag an instance's epoch callback polls.
    pub(crate) fn interrupt_flag(&self) -> Arc<AtomicBool> {
        self.interrupt.clone()
    }
}
