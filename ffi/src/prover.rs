//! The prover handle: create, free, init, cancel, key export, the circuit id and the last error.
//! Every command runs on [`hum_actor::Actor`], the state machine the WASI component wraps too.

use std::{
    sync::{Arc, Mutex},
    thread::JoinHandle,
};

use hum_actor::{Actor, Command, Failure, InitOptions};
use hum_core::CircuitKeys;

use crate::{bytes, clear_out, events::CallbackSink, ffi_boundary, non_null, slot::Slot, HumBuffer, HumResult};

/// An opaque prover. Create with `hum_prover_new`, free with `hum_prover_free`.
pub struct HumProver {
    pub(crate) inner: Arc<Inner>,
    /// The threads of asynchronous proofs that may still deliver events: `free` joins them all.
    pub(crate) workers: Mutex<Vec<JoinHandle<()>>>,
}

/// What a prover's calls and its proof threads share.
pub(crate) struct Inner {
    pub(crate) actor: Actor,
    pub(crate) slot: Slot,
    last_error: Mutex<String>,
}

impl Inner {
    /// Records a failure as the last error and returns its result code.
    pub(crate) fn record(&self, failure: &Failure) -> HumResult {
        self.set_last_error(failure.message.clone());
        HumResult::of_kind(failure.kind)
    }

    fn set_last_error(&self, message: String) {
        *self.last_error.lock().unwrap_or_else(|e| e.into_inner()) = message;
    }

    /// Runs one command to completion with a blocking sink and returns its result code.
    pub(crate) fn run(&self, command: Command, sink: &mut CallbackSink<'_>) -> HumResult {
        self.actor.handle(command, sink);
        match &sink.answer.failure {
            Some(failure) => self.record(failure),
            None => HumResult::Ok,
        }
    }
}

impl HumProver {
    /// The keys of a successful `init`, if any.
    pub(crate) fn keys(&self) -> Option<Arc<CircuitKeys>> {
        self.inner.actor.keys()
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
                actor: Actor::new(),
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

/// Initialises for a tree `depth` (1..=32). `srs`/`srs_len`: a ceremony's halo2 KZG params bytes
/// (or hum's IPA generators' bytes, which must be exactly hum's), or NULL for the default: IPA on hum's
/// transparent generators, secure with nothing to pass (a non-NULL `srs` with `srs_len` 0 is
/// `HUM_RESULT_INVALID_ARGUMENT`). `keys`/`keys_len`: cached key bytes from
/// `hum_prover_export_keys`, or NULL to generate them; cached keys that do not check out
/// (corrupted, or for another circuit or SRS) are regenerated, the result is still
/// `HUM_RESULT_OK`, and `hum_prover_last_error` says why they were rejected (export the new keys
/// to replace your cached copy). Hosts given SRS bytes should pin them with
/// `hum_prover_init_pinned`.
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
    ffi_boundary!({ init(prover, depth, srs, srs_len, Setup::Srs, keys, keys_len) })
}

/// Initialises for a tree `depth` (1..=32) on the transparent IPA scheme: hum's own generators,
/// which anyone can derive (embedded in hum for every depth) — no ceremony, no SRS file, nothing
/// insecure.
/// The same as `hum_prover_init` with a NULL `srs`, named. `keys`/`keys_len` as for
/// `hum_prover_init` (cached keys of a KZG init are regenerated).
///
/// Serialises with the other prover calls (returns `HUM_RESULT_BUSY` during a proof).
#[no_mangle]
pub extern "C" fn hum_prover_init_transparent(
    prover: *const HumProver,
    depth: u32,
    keys: *const u8,
    keys_len: usize,
) -> HumResult {
    ffi_boundary!({ init(prover, depth, std::ptr::null(), 0, Setup::Transparent, keys, keys_len) })
}

/// Initialises for a tree `depth` (1..=32) with KZG on the **INSECURE** dev SRS, whose secret is
/// public: anyone can forge proofs for it. For tests only; its circuit id ends in
/// `-insecure-dev-srs` and verifiers refuse its proofs unless their policy sets
/// `allow_insecure_dev_srs`. `keys`/`keys_len` as for `hum_prover_init`.
///
/// Serialises with the other prover calls (returns `HUM_RESULT_BUSY` during a proof).
#[no_mangle]
pub extern "C" fn hum_prover_init_insecure_dev_srs(
    prover: *const HumProver,
    depth: u32,
    keys: *const u8,
    keys_len: usize,
) -> HumResult {
    ffi_boundary!({ init(prover, depth, std::ptr::null(), 0, Setup::InsecureDev, keys, keys_len) })
}

/// What an init's `srs` argument is.
enum Setup {
    /// Params bytes (their scheme is theirs), or NULL for the default (IPA).
    Srs,
    /// KZG params bytes that must have this SHA-256.
    Pinned([u8; 32]),
    /// hum's IPA generators.
    Transparent,
    /// The insecure dev SRS (KZG).
    InsecureDev,
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
        init(prover, depth, srs, srs_len, Setup::Pinned(pinned), keys, keys_len)
    })
}

fn init(
    prover: *const HumProver,
    depth: u32,
    srs: *const u8,
    srs_len: usize,
    setup: Setup,
    keys: *const u8,
    keys_len: usize,
) -> HumResult {
    let (pinned, scheme) = match setup {
        Setup::Srs => (None, None),
        Setup::Pinned(hash) => (Some(hash), None),
        Setup::Transparent => (None, Some(hum_core::Scheme::Ipa)),
        // KZG named without bytes is the dev SRS (the actor's rule).
        Setup::InsecureDev => (None, Some(hum_core::Scheme::Kzg)),
    };
    non_null!(prover);
    // SAFETY: a live handle (contract).
    let Some(p) = (unsafe { crate::prover::prover(prover) }) else { return HumResult::NullArgument };
    if !srs.is_null() && srs_len == 0 {
        // NULL (not an empty buffer) asks for the default, so a host's empty file is an error.
        return HumResult::InvalidArgument;
    }
    // SAFETY: pointers with their lengths from the caller.
    let (Some(srs), Some(keys)) = (unsafe { bytes(srs, srs_len) }, unsafe { bytes(keys, keys_len) }) else {
        return HumResult::NullArgument;
    };
    if pinned.is_some() && srs.is_empty() {
        return HumResult::NullArgument;
    }
    let Ok(depth) = u8::try_from(depth) else {
        return p.inner.record(&hum_core::Error::UnsupportedDepth(depth as usize).into());
    };
    if let Err(code) = p.inner.slot.take() {
        return code;
    }
    let options = InitOptions {
        depth,
        k: None,
        // Without a scheme the bytes name theirs (KZG params or hum's IPA generators), and no
        // bytes is IPA.
        scheme,
        srs: (!srs.is_empty()).then(|| srs.to_vec()),
        srs_hash: pinned.as_ref().map(hum_core::srs::format_hash),
        cached_keys: (!keys.is_empty()).then(|| keys.to_vec()),
        memory_budget: None,
    };
    let mut sink = CallbackSink::blocking(&p.inner.slot);
    let result = p.inner.run(Command::Init(options), &mut sink);
    if let Some(reason) = sink.answer.cached_keys_rejected.take() {
        p.inner.set_last_error(format!("the cached keys were rejected and regenerated: {reason}"));
    }
    p.inner.slot.release();
    result
}

/// Asks the running proof (blocking or asynchronous) to stop; it ends with
/// `HUM_RESULT_CANCELLED` at the prover's next cancellation point (before proving starts, and at
/// the quotient commitments). A no-op when nothing runs: it never affects a later proof.
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
        let Some(keys) = p.keys() else { return HumResult::NotInitialized };
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
        let Some(keys) = p.keys() else { return HumResult::NotInitialized };
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
