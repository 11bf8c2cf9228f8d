//! `hum_prover_free` and callbacks: no callback after `free` returns, even when the final
//! callback keeps starting proofs; `free` from inside a callback; out-parameters cleared on entry;
//! an asynchronous ERROR carries its own message.

mod common;

use std::{
    ffi::c_void,
    sync::atomic::{AtomicBool, AtomicPtr, AtomicUsize, Ordering},
    time::Duration,
};

use common::{record, wait, witness_json, Seen};
use hum::*;

fn new_prover(depth: u32) -> *mut HumProver {
    let mut p = std::ptr::null_mut();
    assert_eq!(hum_prover_new(&mut p), HumResult::Ok);
    assert_eq!(hum_prover_init(p, depth, std::ptr::null(), 0, std::ptr::null(), 0), HumResult::Ok);
    p
}

/// What the restarting callback sees; static, so that a late callback is counted, not UB.
struct Restarter {
    prover: AtomicPtr<HumProver>,
    completed: AtomicUsize,
    freed: AtomicBool,
    late: AtomicUsize,
    refused: AtomicUsize,
}

static RESTARTER: Restarter = Restarter {
    prover: AtomicPtr::new(std::ptr::null_mut()),
    completed: AtomicUsize::new(0),
    freed: AtomicBool::new(false),
    late: AtomicUsize::new(0),
    refused: AtomicUsize::new(0),
};

fn witness() -> &'static [u8] {
    static W: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    W.get_or_init(|| witness_json(3, 1))
}

/// Starts the next proof from every final event (PROOF_COMPLETE, and the READY or ERROR status
/// that ends a proof, cancelled ones included).
extern "C" fn restart(event: *const HumEvent, _: *mut c_void) {
    let r = &RESTARTER;
    if r.freed.load(Ordering::SeqCst) {
        r.late.fetch_add(1, Ordering::SeqCst);
        return;
    }
    let e = unsafe { &*event };
    let last =
        e.kind == HumEventKind::ProofComplete || (e.kind == HumEventKind::Status && e.state != HumState::Proving);
    if last {
        if e.kind == HumEventKind::ProofComplete {
            r.completed.fetch_add(1, Ordering::SeqCst);
        }
        let w = witness();
        let started = hum_prover_prove_async(
            r.prover.load(Ordering::SeqCst),
            w.as_ptr(),
            w.len(),
            HumFlavour::Standard as u32,
            Some(restart),
            std::ptr::null_mut(),
        );
        if started == HumResult::Closing {
            r.refused.fetch_add(1, Ordering::SeqCst);
        }
    }
}

#[test]
fn no_callback_runs_after_free_returns_even_when_callbacks_restart_proofs() {
    let p = new_prover(3);
    RESTARTER.prover.store(p, Ordering::SeqCst);
    let w = witness();
    assert_eq!(
        hum_prover_prove_async(
            p,
            w.as_ptr(),
            w.len(),
            HumFlavour::Standard as u32,
            Some(restart),
            std::ptr::null_mut()
        ),
        HumResult::Ok
    );
    while RESTARTER.completed.load(Ordering::SeqCst) < 3 {
        std::thread::sleep(Duration::from_millis(5));
    }
    hum_prover_free(p);
    RESTARTER.freed.store(true, Ordering::SeqCst);
    // Proofs at depth 3 take tens of milliseconds: a proof that slipped past `free` would call
    // back well within this.
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(RESTARTER.late.load(Ordering::SeqCst), 0, "callbacks ran after hum_prover_free returned");
}

struct FreeInCallback {
    prover: AtomicPtr<HumProver>,
    freed: AtomicBool,
    after: AtomicUsize,
}

extern "C" fn free_on_progress(event: *const HumEvent, user_data: *mut c_void) {
    let state = unsafe { &*(user_data as *const FreeInCallback) };
    if state.freed.load(Ordering::SeqCst) {
        state.after.fetch_add(1, Ordering::SeqCst);
        return;
    }
    if unsafe { &*event }.kind == HumEventKind::Progress {
        state.freed.store(true, Ordering::SeqCst);
        hum_prover_free(state.prover.load(Ordering::SeqCst));
    }
}

#[test]
fn free_from_inside_a_callback_returns_and_nothing_more_is_delivered() {
    let p = new_prover(3);
    let state: &'static FreeInCallback = Box::leak(Box::new(FreeInCallback {
        prover: AtomicPtr::new(p),
        freed: AtomicBool::new(false),
        after: AtomicUsize::new(0),
    }));
    let w = witness_json(3, 2);
    let user = state as *const FreeInCallback as *mut c_void;
    assert_eq!(
        hum_prover_prove_async(p, w.as_ptr(), w.len(), HumFlavour::Standard as u32, Some(free_on_progress), user),
        HumResult::Ok
    );
    std::thread::sleep(Duration::from_millis(1500));
    assert!(state.freed.load(Ordering::SeqCst), "the callback freed the prover");
    assert_eq!(state.after.load(Ordering::SeqCst), 0, "events were delivered after free returned");
}

fn garbage_buffer() -> HumBuffer {
    HumBuffer { data: 0xdead_beef_usize as *mut u8, len: 77 }
}

#[test]
fn every_out_parameter_is_emptied_on_entry() {
    let mut p = std::ptr::null_mut();
    assert_eq!(hum_prover_new(&mut p), HumResult::Ok);
    let empty = |b: &HumBuffer| b.data.is_null() && b.len == 0;
    let mut out = garbage_buffer();
    assert_eq!(hum_prover_export_keys(p, &mut out), HumResult::NotInitialized);
    assert!(empty(&out), "export_keys");
    let mut out = garbage_buffer();
    assert_eq!(hum_prover_circuit_id(p, &mut out), HumResult::NotInitialized);
    assert!(empty(&out), "circuit_id");
    let mut out = garbage_buffer();
    assert_eq!(
        hum_prover_prove(p, std::ptr::null(), 0, HumFlavour::Standard as u32, &mut out),
        HumResult::NullArgument
    );
    assert!(empty(&out), "prove with a NULL witness");
    let mut out = garbage_buffer();
    assert_eq!(hum_prover_last_error(std::ptr::null(), &mut out), HumResult::NullArgument);
    assert!(empty(&out), "last_error with a NULL prover");
    let mut out = garbage_buffer();
    assert_eq!(
        hum_seal(std::ptr::null(), 65, [1u8].as_ptr(), 1, std::ptr::null(), 0, &mut out),
        HumResult::NullArgument
    );
    assert!(empty(&out), "seal");
    let mut out = garbage_buffer();
    assert_eq!(
        hum_open([1u8; 32].as_ptr(), 32, std::ptr::null(), 0, std::ptr::null(), 0, &mut out),
        HumResult::NullArgument
    );
    assert!(empty(&out), "open");
    hum_prover_free(p);
}

#[test]
fn an_async_error_carries_its_own_message_while_verify_fails_concurrently() {
    let p = new_prover(3);
    let stop = AtomicBool::new(false);
    let bad = br#"{"secret":"0x1","index":0,"siblings":["0x1","0x2","0xzz"],"action_id":"0x1","message_hash":"0x2"}"#;
    std::thread::scope(|scope| {
        let prover = p as usize;
        let stop = &stop;
        // Another thread keeps overwriting the prover's last error with a verify failure.
        scope.spawn(move || {
            while !stop.load(Ordering::SeqCst) {
                let _ = hum_prover_verify(prover as *const HumProver, b"garbage".as_ptr(), 7, std::ptr::null());
            }
        });
        let seen = Seen::default();
        for _ in 0..50 {
            assert_eq!(
                hum_prover_prove_async(
                    p,
                    bad.as_ptr(),
                    bad.len(),
                    HumFlavour::Standard as u32,
                    Some(record),
                    seen.user_data()
                ),
                HumResult::Ok
            );
            let events = wait(&seen);
            let error = events.iter().find(|e| e.0 == HumEventKind::Error).expect("an error event");
            assert_eq!(error.2, HumResult::InvalidWitness);
            assert_eq!(String::from_utf8_lossy(&error.3), "invalid witness: `siblings[2]` is not hexadecimal");
        }
        stop.store(true, Ordering::SeqCst);
    });
    hum_prover_free(p);
}
