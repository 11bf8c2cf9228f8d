//! The prover handle: init, blocking and asynchronous proving with events, cancel, verify,
//! key export.

use std::{
    ffi::c_void,
    sync::{Arc, Mutex},
    thread::JoinHandle,
};

use hum_core::{CircuitKeys, Progress, ProgressSink, ProofResult, Srs, Stage, Witness};
use rand_core::OsRng;
use zeroize::Zeroizing;

use crate::{bytes, clear_out, ffi_boundary, non_null, slot::Slot, HumBuffer, HumResult};

/// An opaque prover. Create with `hum_prover_new`, free with `hum_prover_free`.
pub struct HumProver {
    inner: Arc<Inner>,
    /// The threads of asynchronous proofs that may still deliver events: `free` joins them all.
    workers: Mutex<Vec<JoinHandle<()>>>,
}

struct Inner {
    keys: Mutex<Option<Arc<CircuitKeys>>>,
    slot: Slot,
    last_error: Mutex<String>,
}

/// A failure with its own message (an asynchronous proof's ERROR event carries this one, not the
/// shared `last_error`, which a concurrent call may overwrite).
type Failure = (HumResult, String);

impl Inner {
    fn fail(&self, error: &hum_core::Error) -> HumResult {
        self.record(error).0
    }

    fn record(&self, error: &hum_core::Error) -> Failure {
        let message = error.to_string();
        *self.last_error.lock().unwrap_or_else(|e| e.into_inner()) = message.clone();
        (HumResult::of(error), message)
    }

    fn keys(&self) -> Option<Arc<CircuitKeys>> {
        self.keys.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

/// The prover's state, as events report it.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HumState {
    /// Loading the SRS and keys.
    Initializing = 0,
    /// Ready for a proof.
    Ready = 1,
    /// Proving.
    Proving = 2,
    /// The last command failed.
    Error = 3,
}

/// A phase of proving.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HumStage {
    /// Witness checks and circuit layout.
    Synthesis = 0,
    /// Advice commitments.
    AdviceCommitments = 1,
    /// The permutation argument.
    Permutation = 2,
    /// The quotient polynomial.
    Quotient = 3,
    /// Evaluations.
    Evaluations = 4,
    /// The multi-opening proof.
    Openings = 5,
    /// Complete.
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
    /// What happened.
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
    /// Their length.
    pub len: usize,
}

/// Receives the events of `hum_prover_prove_async`, on the prover's worker thread.
pub type HumEventCallback = Option<extern "C" fn(event: *const HumEvent, user_data: *mut c_void)>;

fn stage(s: Stage) -> HumStage {
    match s {
        Stage::Synthesis => HumStage::Synthesis,
        Stage::AdviceCommitments => HumStage::AdviceCommitments,
        Stage::Permutation => HumStage::Permutation,
        Stage::Quotient => HumStage::Quotient,
        Stage::Evaluations => HumStage::Evaluations,
        Stage::Openings => HumStage::Openings,
        Stage::Done => HumStage::Done,
    }
}

impl HumProver {
    /// The keys of a successful `init`, if any.
    pub(crate) fn keys(&self) -> Option<Arc<CircuitKeys>> {
        self.inner.keys()
    }

    /// Records `error` as the last error and returns its result code.
    pub(crate) fn fail(&self, error: &hum_core::Error) -> HumResult {
        self.inner.fail(error)
    }
}

/// # Safety
/// `prover` is NULL or a live pointer from `hum_prover_new`.
pub(crate) unsafe fn prover<'a>(prover: *const HumProver) -> Option<&'a HumProver> {
    // SAFETY: per the function's contract.
    unsafe { prover.as_ref() }
}

/// Creates a prover; `*out` receives the handle.
///
/// Thread-safe.
#[no_mangle]
pub extern "C" fn hum_prover_new(out: *mut *mut HumProver) -> HumResult {
    ffi_boundary!({
        non_null!(out);
        // SAFETY: out is non-null and writable.
        unsafe { *out = std::ptr::null_mut() };
        let prover = Box::new(HumProver {
            inner: Arc::new(Inner {
                keys: Mutex::new(None),
                slot: Slot::default(),
                last_error: Mutex::new(String::new()),
            }),
            workers: Mutex::new(Vec::new()),
        });
        // SAFETY: out is non-null and writable.
        unsafe { *out = Box::into_raw(prover) };
        HumResult::Ok
    })
}

/// Frees a prover: from the moment it starts no new proof starts (`HUM_RESULT_CLOSING`), a
/// running proof is cancelled, and when it returns no callback of this prover can run any more.
/// NULL is a no-op.
///
/// Call once, after every other call on this prover has returned — except that it may be called
/// from inside one of this prover's callbacks: it then returns at once, the rest of that proof's
/// events are not delivered, and the proof's thread ends by itself.
#[no_mangle]
pub extern "C" fn hum_prover_free(prover: *mut HumProver) {
    let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        if prover.is_null() {
            return;
        }
        // SAFETY: from hum_prover_new, freed once (the caller's contract).
        let prover = unsafe { Box::from_raw(prover) };
        let workers = {
            // Closed under the workers lock: `prove_async` takes the slot under the same lock, so
            // no thread can be started and registered after this point.
            let mut workers = prover.workers.lock().unwrap_or_else(|e| e.into_inner());
            prover.inner.slot.close();
            std::mem::take(&mut *workers)
        };
        let me = std::thread::current().id();
        for worker in workers {
            // Our own thread (free called from a callback) is not joined: it delivers nothing more.
            if worker.thread().id() != me {
                let _ = worker.join();
            }
        }
    }));
}

/// Initialises for a tree `depth` (1..=32). `srs`/`srs_len`: halo2 params bytes, or NULL for
/// the INSECURE dev SRS (a non-NULL `srs` with `srs_len` 0 is `HUM_RESULT_INVALID_ARGUMENT`). `keys`/`keys_len`: cached key bytes from `hum_prover_export_keys`, or
/// NULL to generate them. Production hosts should pin the SRS with `hum_prover_init_pinned`.
///
/// Serialises with the other prover calls (returns `HUM_RESULT_BUSY` during a proof).
#[no_mangle]
pub extern "C" fn hum_prover_init(
    prover: *const HumProver,
    depth: u32,
    srs: *const u8,
    srs_len: usize,
    keys: *const u8,
    keys_len: usize,
) -> HumResult {
    ffi_boundary!({ init(prover, depth, srs, srs_len, None, keys, keys_len) })
}

/// As `hum_prover_init`, with the SRS pinned: `srs_sha256` points to the 32-byte SHA-256 the
/// `srs` bytes must have, checked before anything is parsed (`HUM_RESULT_INVALID_SRS` when it
/// differs). `srs` must not be NULL here.
#[no_mangle]
pub extern "C" fn hum_prover_init_pinned(
    prover: *const HumProver,
    depth: u32,
    srs: *const u8,
    srs_len: usize,
    srs_sha256: *const u8,
    keys: *const u8,
    keys_len: usize,
) -> HumResult {
    ffi_boundary!({
        non_null!(srs, srs_sha256);
        // SAFETY: the caller passes 32 readable bytes (contract).
        let mut pinned = [0u8; 32];
        pinned.copy_from_slice(unsafe { std::slice::from_raw_parts(srs_sha256, 32) });
        init(prover, depth, srs, srs_len, Some(pinned), keys, keys_len)
    })
}

fn init(
    prover: *const HumProver,
    depth: u32,
    srs: *const u8,
    srs_len: usize,
    pinned: Option<[u8; 32]>,
    keys: *const u8,
    keys_len: usize,
) -> HumResult {
    non_null!(prover);
    // SAFETY: a live handle (contract).
    let Some(p) = (unsafe { crate::prover::prover(prover) }) else { return HumResult::NullArgument };
    // SAFETY: pointers with their lengths from the caller.
    if !srs.is_null() && srs_len == 0 {
        // NULL (not an empty buffer) asks for the dev SRS, so a host's empty file never does.
        return HumResult::InvalidArgument;
    }
    let (Some(srs), Some(keys)) = (unsafe { bytes(srs, srs_len) }, unsafe { bytes(keys, keys_len) }) else {
        return HumResult::NullArgument;
    };
    if pinned.is_some() && srs.is_empty() {
        return HumResult::NullArgument;
    }
    if let Err(code) = p.inner.slot.take() {
        return code;
    }
    let outcome = (|| {
        let k = hum_core::keys::checked_k(depth as usize)?;
        let srs = if srs.is_empty() { Srs::insecure_dev(k) } else { Srs::from_bytes(srs, pinned.as_ref())? };
        if keys.is_empty() {
            CircuitKeys::generate(&srs, depth as usize)
        } else {
            CircuitKeys::from_bytes(&srs, depth as usize, keys)
        }
    })();
    let result = match outcome {
        Ok(k) => {
            *p.inner.keys.lock().unwrap_or_else(|e| e.into_inner()) = Some(Arc::new(k));
            HumResult::Ok
        }
        Err(e) => p.inner.fail(&e),
    };
    p.inner.slot.release();
    result
}

struct Events<'a> {
    callback: Option<(extern "C" fn(*const HumEvent, *mut c_void), *mut c_void)>,
    slot: &'a Slot,
}

impl Events<'_> {
    fn send(&self, kind: HumEventKind, state: HumState, progress: Progress, code: HumResult, data: &[u8]) {
        if self.slot.closing() {
            // `hum_prover_free` has started: nothing more reaches the host.
            return;
        }
        if let Some((callback, user_data)) = self.callback {
            let event = HumEvent {
                kind,
                state,
                stage: stage(progress.stage),
                percent: progress.percent,
                code,
                data: if data.is_empty() { std::ptr::null() } else { data.as_ptr() },
                len: data.len(),
            };
            callback(&event, user_data);
        }
    }

    fn status(&self, state: HumState) {
        self.send(HumEventKind::Status, state, Progress { stage: Stage::Synthesis, percent: 0 }, HumResult::Ok, &[]);
    }
}

impl ProgressSink for Events<'_> {
    fn report(&mut self, progress: Progress) {
        self.send(HumEventKind::Progress, HumState::Proving, progress, HumResult::Ok, &[]);
    }

    fn cancelled(&mut self) -> bool {
        self.slot.cancelled()
    }
}

fn run_proof(inner: &Inner, witness_json: &[u8], events: &mut Events<'_>) -> Result<ProofResult, Failure> {
    let not_initialized = || (HumResult::NotInitialized, "prove before a successful init".to_string());
    let keys = inner.keys().ok_or_else(not_initialized)?;
    let witness = Witness::from_json(witness_json).map_err(|e| inner.record(&e))?;
    let values = hum_core::validate_for(&keys, &witness).map_err(|e| inner.record(&e))?;
    drop(witness);
    events.status(HumState::Proving);
    hum_core::prove_validated(&keys, values, OsRng, events).map_err(|e| inner.record(&e))
}

/// Proves a witness given as JSON bytes (SPEC §7) and blocks until done; the proof JSON goes to
/// `*out` (free it with `hum_buffer_free`). Uses all cores (rayon).
///
/// Serialises with the other prover calls; `hum_prover_cancel` from another thread stops it.
#[no_mangle]
pub extern "C" fn hum_prover_prove(
    prover: *const HumProver,
    witness_json: *const u8,
    witness_len: usize,
    out: *mut HumBuffer,
) -> HumResult {
    ffi_boundary!({
        clear_out(out);
        non_null!(prover, witness_json, out);
        // SAFETY: a live handle (contract).
        let Some(p) = (unsafe { crate::prover::prover(prover) }) else { return HumResult::NullArgument };
        // SAFETY: pointer with its length from the caller.
        let Some(json) = (unsafe { bytes(witness_json, witness_len) }) else { return HumResult::NullArgument };
        if let Err(code) = p.inner.slot.take() {
            return code;
        }
        let mut events = Events { callback: None, slot: &p.inner.slot };
        let outcome = run_proof(&p.inner, json, &mut events);
        p.inner.slot.release();
        match outcome {
            Ok(result) => {
                // SAFETY: out is non-null and writable.
                unsafe { *out = HumBuffer::from_vec(result.to_json().into_bytes()) };
                HumResult::Ok
            }
            Err((code, _)) => code,
        }
    })
}

/// Starts proving a witness (JSON bytes, copied) on a worker thread and returns at once.
/// `callback(event, user_data)` then receives, on that thread: status PROVING, progress
/// events, and finally either PROOF_COMPLETE (proof JSON) followed by status READY, or ERROR
/// (with its own message) followed by status ERROR. `callback` may be NULL. Returns
/// `HUM_RESULT_BUSY` while another proof runs and `HUM_RESULT_CLOSING` once `hum_prover_free`
/// has started; the prover is free again before the final two events are sent, so the next
/// proof may be started from the callback itself.
#[no_mangle]
pub extern "C" fn hum_prover_prove_async(
    prover: *const HumProver,
    witness_json: *const u8,
    witness_len: usize,
    callback: HumEventCallback,
    user_data: *mut c_void,
) -> HumResult {
    ffi_boundary!({
        non_null!(prover, witness_json);
        // SAFETY: a live handle (contract).
        let Some(p) = (unsafe { crate::prover::prover(prover) }) else { return HumResult::NullArgument };
        // SAFETY: pointer with its length from the caller.
        let Some(json) = (unsafe { bytes(witness_json, witness_len) }) else { return HumResult::NullArgument };
        if p.inner.keys().is_none() {
            return HumResult::NotInitialized;
        }
        let mut workers = p.workers.lock().unwrap_or_else(|e| e.into_inner());
        // Taken under the workers lock, which `hum_prover_free` closes the slot under.
        if let Err(code) = p.inner.slot.take() {
            return code;
        }
        // Finished threads deliver nothing more; the others (e.g. the one whose final callback
        // is starting this proof) stay registered until they end or `free` joins them.
        workers.retain(|w| !w.is_finished());
        let json = Zeroizing::new(json.to_vec());
        let inner = p.inner.clone();
        let user_data = user_data as usize;
        let spawned = std::thread::Builder::new().name("hum-prove".into()).spawn(move || {
            let callback = callback.map(|c| (c, user_data as *mut c_void));
            let mut events = Events { callback, slot: &inner.slot };
            let outcome =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run_proof(&inner, &json, &mut events)))
                    .unwrap_or_else(|_| Err((HumResult::Panic, HumResult::Panic.message().to_string_lossy().into())));
            let none = Progress { stage: Stage::Done, percent: 100 };
            // Free before the final events: a host may start the next proof from the callback
            // or the moment it has seen them.
            inner.slot.release();
            match outcome {
                Ok(result) => {
                    let json = result.to_json();
                    events.send(HumEventKind::ProofComplete, HumState::Ready, none, HumResult::Ok, json.as_bytes());
                    events.status(HumState::Ready);
                }
                Err((code, message)) => {
                    events.send(HumEventKind::Error, HumState::Error, none, code, message.as_bytes());
                    events.status(HumState::Error);
                }
            }
        });
        match spawned {
            Ok(handle) => {
                workers.push(handle);
                HumResult::Ok
            }
            Err(_) => {
                p.inner.slot.release();
                HumResult::Internal
            }
        }
    })
}

/// Asks the running proof (blocking or asynchronous) to stop; it ends with
/// `HUM_RESULT_CANCELLED`. A no-op when nothing runs.
///
/// Thread-safe: call it from any thread.
#[no_mangle]
pub extern "C" fn hum_prover_cancel(prover: *const HumProver) -> HumResult {
    ffi_boundary!({
        non_null!(prover);
        // SAFETY: a live handle (contract).
        let Some(p) = (unsafe { crate::prover::prover(prover) }) else { return HumResult::NullArgument };
        p.inner.slot.cancel();
        HumResult::Ok
    })
}

/// Writes the key bytes (for a later `hum_prover_init`) to `*out`.
///
/// Thread-safe.
#[no_mangle]
pub extern "C" fn hum_prover_export_keys(prover: *const HumProver, out: *mut HumBuffer) -> HumResult {
    ffi_boundary!({
        clear_out(out);
        non_null!(prover, out);
        // SAFETY: a live handle (contract).
        let Some(p) = (unsafe { crate::prover::prover(prover) }) else { return HumResult::NullArgument };
        let Some(keys) = p.inner.keys() else { return HumResult::NotInitialized };
        // SAFETY: out is non-null and writable.
        unsafe { *out = HumBuffer::from_vec(keys.to_bytes()) };
        HumResult::Ok
    })
}

/// Writes the circuit id (UTF-8) to `*out`; it ends in `-insecure-dev-srs` for the dev SRS.
///
/// Thread-safe.
#[no_mangle]
pub extern "C" fn hum_prover_circuit_id(prover: *const HumProver, out: *mut HumBuffer) -> HumResult {
    ffi_boundary!({
        clear_out(out);
        non_null!(prover, out);
        // SAFETY: a live handle (contract).
        let Some(p) = (unsafe { crate::prover::prover(prover) }) else { return HumResult::NullArgument };
        let Some(keys) = p.inner.keys() else { return HumResult::NotInitialized };
        // SAFETY: out is non-null and writable.
        unsafe { *out = HumBuffer::from_vec(keys.info().id.clone().into_bytes()) };
        HumResult::Ok
    })
}

/// Writes the message of this prover's last error (UTF-8; names the field and the reason, never
/// a secret) to `*out`; empty when there was none.
///
/// Thread-safe.
#[no_mangle]
pub extern "C" fn hum_prover_last_error(prover: *const HumProver, out: *mut HumBuffer) -> HumResult {
    ffi_boundary!({
        clear_out(out);
        non_null!(prover, out);
        // SAFETY: a live handle (contract).
        let Some(p) = (unsafe { crate::prover::prover(prover) }) else { return HumResult::NullArgument };
        let message = p.inner.last_error.lock().unwrap_or_else(|e| e.into_inner()).clone();
        // SAFETY: out is non-null and writable.
        unsafe { *out = HumBuffer::from_vec(message.into_bytes()) };
        HumResult::Ok
    })
}
