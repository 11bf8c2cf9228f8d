//! Proving through the C ABI: blocking (`hum_prover_prove`) and on a worker thread with events
//! (`hum_prover_prove_async`). Both run the actor's `prove`; the witness JSON is parsed here
//! (the C ABI takes JSON) and wiped after use.

use std::ffi::c_void;

use hum_actor::{Command, Failure};
use hum_core::{Error, Flavour, Stage, Witness};
use zeroize::Zeroizing;

use crate::{
    bytes, clear_out,
    events::{CallbackSink, HumEventCallback, HumEventKind, HumState},
    ffi_boundary, non_null,
    prover::HumProver,
    HumBuffer, HumResult,
};

/// How a proof's transcript is encoded, the `flavour` argument of the proving calls. Both
/// prove the same statement with the same keys; a proof verifies only in its own flavour.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HumFlavour {
    /// halo2's Blake2b transcript, compressed points: the smallest proof, for verifiers off chain.
    Standard = 0,
    /// Keccak-256 over 32-byte words, uncompressed points: what the Solidity verifier of
    /// `hum verifier solidity` checks. A contract verifies KZG proofs, so a prover on IPA keys
    /// (the default) refuses it with `HUM_RESULT_INVALID_ARGUMENT`.
    Evm = 1,
}

/// The flavour a `flavour` argument names (a `HumFlavour` value).
pub(crate) fn flavour(value: u32) -> Result<Flavour, Error> {
    match value {
        v if v == HumFlavour::Standard as u32 => Ok(Flavour::Standard),
        v if v == HumFlavour::Evm as u32 => Ok(Flavour::Evm),
        v => Err(Error::InvalidArgument(format!(
            "`flavour` is {v}; it must be HUM_FLAVOUR_STANDARD (0) or HUM_FLAVOUR_EVM (1)"
        ))),
    }
}

/// The `prove` command of witness JSON bytes in a flavour.
fn command(json: &[u8], flavour_value: u32) -> Result<Command, Failure> {
    let flavour = flavour(flavour_value)?;
    Ok(Command::Prove(Witness::from_json(json)?, flavour))
}

/// Proves a witness given as JSON bytes (docs/formats.md) in `flavour` (a `HumFlavour`) and
/// blocks until done; the proof JSON goes to `*out` (free it with `hum_buffer_free`). Uses all
/// cores (rayon). An unknown flavour is `HUM_RESULT_INVALID_ARGUMENT`.
///
/// Serialises with the other prover calls; `hum_prover_cancel` from another thread stops it.
#[no_mangle]
pub extern "C" fn hum_prover_prove(
    prover: *const HumProver,
    witness_json: *const u8,
    witness_len: usize,
    flavour: u32,
    out: *mut HumBuffer,
) -> HumResult {
    ffi_boundary!({
        clear_out(out);
        non_null!(prover, witness_json, out);
        // SAFETY: a live handle (contract).
        let Some(p) = (unsafe { crate::prover::prover(prover) }) else { return HumResult::NullArgument };
        // SAFETY: pointer with its length from the caller.
        let Some(json) = (unsafe { bytes(witness_json, witness_len) }) else { return HumResult::NullArgument };
        run_blocking(p, || command(json, flavour).map_err(|f| p.inner.record(&f)), out)
    })
}

/// Runs the proof command `decode` makes (its failure already recorded) and blocks until it is
/// done; the proof JSON goes to `*out`.
pub(crate) fn run_blocking(
    p: &HumProver,
    decode: impl FnOnce() -> Result<Command, HumResult>,
    out: *mut HumBuffer,
) -> HumResult {
    if let Err(code) = p.inner.slot.take() {
        return code;
    }
    let mut sink = CallbackSink::blocking(&p.inner.slot);
    let result = match decode() {
        Ok(command) => p.inner.run(command, &mut sink),
        Err(code) => code,
    };
    p.inner.slot.release();
    if let Some(proof) = sink.answer.proof.take() {
        // SAFETY: out is non-null and writable (checked by the caller).
        unsafe { *out = HumBuffer::from_vec(proof.into_bytes()) };
    }
    result
}

/// Starts proving a witness (JSON bytes, copied) in `flavour` (a `HumFlavour`) on a worker
/// thread and returns at once.
/// `callback(event, user_data)` then receives, on that thread: status PROVING, progress
/// events, and finally either PROOF_COMPLETE (proof JSON) followed by status READY, or ERROR
/// (with its own message) followed by status ERROR and status READY. `callback` may be NULL.
/// Returns `HUM_RESULT_NOT_INITIALIZED` before a successful init, `HUM_RESULT_BUSY` while
/// another proof runs and `HUM_RESULT_CLOSING` once `hum_prover_free` has started; the prover
/// is free again before PROOF_COMPLETE or ERROR is delivered, so the next proof may be started
/// from the callback itself.
#[no_mangle]
pub extern "C" fn hum_prover_prove_async(
    prover: *const HumProver,
    witness_json: *const u8,
    witness_len: usize,
    flavour: u32,
    callback: HumEventCallback,
    user_data: *mut c_void,
) -> HumResult {
    ffi_boundary!({
        non_null!(prover, witness_json);
        // SAFETY: a live handle (contract).
        let Some(p) = (unsafe { crate::prover::prover(prover) }) else { return HumResult::NullArgument };
        // SAFETY: pointer with its length from the caller.
        let Some(json) = (unsafe { bytes(witness_json, witness_len) }) else { return HumResult::NullArgument };
        let json = Zeroizing::new(json.to_vec());
        spawn(p, move || command(&json, flavour), callback, user_data)
    })
}

/// Runs the proof command `decode` makes on a worker thread, its events to `callback`; a
/// command `decode` cannot make is reported as any failure (error, status error, ready).
pub(crate) fn spawn(
    p: &HumProver,
    decode: impl FnOnce() -> Result<Command, Failure> + Send + 'static,
    callback: HumEventCallback,
    user_data: *mut c_void,
) -> HumResult {
    if p.keys().is_none() {
        return HumResult::NotInitialized;
    }
    let mut workers = p.workers.lock().unwrap_or_else(|e| e.into_inner());
    // Taken under the workers lock, which `hum_prover_free` closes the slot under.
    if let Err(code) = p.inner.slot.take() {
        return code;
    }
    // Finished threads deliver nothing more; the others (e.g. the one whose final callback is
    // starting this proof) stay registered until they end or `free` joins them.
    workers.retain(|w| !w.is_finished());
    let inner = p.inner.clone();
    let user_data = user_data as usize;
    let spawned = std::thread::Builder::new().name("hum-prove".into()).spawn(move || {
        let mut sink = CallbackSink::forwarding(&inner.slot, callback, user_data as *mut c_void);
        let proved = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            match decode() {
                Ok(command) => inner.actor.handle(command, &mut sink),
                Err(failure) => inner.actor.reject(failure, &mut sink),
            }
            if let Some(failure) = &sink.answer.failure {
                inner.record(failure);
            }
        }));
        if proved.is_err() && !sink.answered() {
            inner.slot.release();
            let message = HumResult::Panic.message().to_bytes();
            sink.send(HumEventKind::Error, HumState::Error, (Stage::Done, 100), HumResult::Panic, message);
            sink.send(HumEventKind::Status, HumState::Error, (Stage::Synthesis, 0), HumResult::Ok, &[]);
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
}
