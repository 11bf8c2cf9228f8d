//! The prover's one work slot: busy or free, cancel requests, and closing.
//!
//! Starting work, cancelling and closing all take one lock, so a cancel that arrives after a
//! proof took the slot always reaches that proof (the flag is reset only when the slot is
//! taken), and nothing starts once closing has begun. The cancel flag itself is an atomic, read
//! by the prover between stages without the lock.

use std::sync::{
    atomic::{AtomicBool, Ordering},
    Mutex,
};

use crate::HumResult;

/// See the module docs.
#[derive(Default)]
pub(crate) struct Slot {
    busy: Mutex<bool>,
    cancel: AtomicBool,
    closing: AtomicBool,
}

impl Slot {
    /// Takes the slot: `Err(HumResult::Busy)` while work runs, `Err(HumResult::Closing)` once
    /// `close` was called. Clears any cancel request left from earlier work.
    pub(crate) fn take(&self) -> Result<(), HumResult> {
        let mut busy = self.busy.lock().unwrap_or_else(|e| e.into_inner());
        if self.closing.load(Ordering::SeqCst) {
            return Err(HumResult::Closing);
        }
        if *busy {
            return Err(HumResult::Busy);
        }
        *busy = true;
        self.cancel.store(false, Ordering::SeqCst);
        Ok(())
    }

    /// Frees the slot.
    pub(crate) fn release(&self) {
        *self.busy.lock().unwrap_or_else(|e| e.into_inner()) = false;
    }

    /// Asks the work in the slot, if any, to stop.
    pub(crate) fn cancel(&self) {
        let busy = self.busy.lock().unwrap_or_else(|e| e.into_inner());
        if *busy {
            self.cancel.store(true, Ordering::SeqCst);
        }
    }

    /// True when the running work should stop.
    pub(crate) fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::SeqCst) || self.closing.load(Ordering::SeqCst)
    }

    /// From now on nothing starts, running work stops, and no more events are delivered.
    pub(crate) fn close(&self) {
        let _busy = self.busy.lock().unwrap_or_else(|e| e.into_inner());
        self.closing.store(true, Ordering::SeqCst);
        self.cancel.store(true, Ordering::SeqCst);
    }

    /// True once `close` was called.
    pub(crate) fn closing(&self) -> bool {
        self.closing.load(Ordering::SeqCst)
    }
}
