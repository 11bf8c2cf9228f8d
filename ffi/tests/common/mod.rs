//! Helpers shared by the C ABI tests: witnesses, buffers, and an event recorder for
//! asynchronous proofs.

#![allow(dead_code)]

use std::{
    ffi::c_void,
    sync::{Condvar, Mutex},
};

use hum::*;
use hum_core::{field::fr_to_hex, poseidon2::hash1, tree::MerkleTree, Fr, Witness};

/// The witness JSON of member 1 of a two-member tree of `depth`, bound to message `message`.
pub fn witness_json(depth: usize, message: u64) -> Vec<u8> {
    let secret = Fr::from(4242);
    let tree = MerkleTree::new(depth, &[hash1(Fr::from(1)), hash1(secret)]);
    let w = Witness {
        secret: fr_to_hex(&secret),
        index: 1,
        siblings: tree.siblings(1).iter().map(fr_to_hex).collect(),
        action_id: "0x01".into(),
        message_hash: fr_to_hex(&Fr::from(message)),
        root: Some(fr_to_hex(&tree.root())),
    };
    serde_json::to_vec(&w).unwrap()
}

/// Verifies proof JSON with a policy for `depth` that allows the dev SRS (the tests' SRS).
pub fn verify_dev(p: *const HumProver, depth: u32, proof: &[u8]) -> HumResult {
    let policy = HumVerifyPolicy { depth, allow_insecure_dev_srs: true, ..hum_verify_policy_default() };
    hum_prover_verify(p, proof.as_ptr(), proof.len(), &policy)
}

/// The prover's last error message.
pub fn last_error(p: *mut HumProver) -> String {
    let mut b = HumBuffer { data: std::ptr::null_mut(), len: 0 };
    assert_eq!(hum_prover_last_error(p, &mut b), HumResult::Ok);
    String::from_utf8(take(b)).unwrap()
}

/// Copies a buffer hum returned and frees it.
pub fn take(buffer: HumBuffer) -> Vec<u8> {
    let v = if buffer.len == 0 {
        Vec::new()
    } else {
        unsafe { std::slice::from_raw_parts(buffer.data, buffer.len) }.to_vec()
    };
    hum_buffer_free(buffer);
    v
}

/// One recorded event: kind, percent, code, data.
pub type Recorded = (HumEventKind, u8, HumResult, Vec<u8>);

/// What an asynchronous proof's callback saw; pass `&Seen` as `user_data` with [`record`].
#[derive(Default)]
pub struct Seen {
    events: Mutex<Vec<Recorded>>,
    finished: Mutex<bool>,
    done: Condvar,
}

impl Seen {
    pub fn user_data(&self) -> *mut c_void {
        self as *const Seen as *mut c_void
    }
}

pub extern "C" fn record(event: *const HumEvent, user_data: *mut c_void) {
    let seen = unsafe { &*(user_data as *const Seen) };
    let e = unsafe { &*event };
    let data = if e.len == 0 { Vec::new() } else { unsafe { std::slice::from_raw_parts(e.data, e.len) }.to_vec() };
    seen.events.lock().unwrap().push((e.kind, e.percent, e.code, data));
    // Every asynchronous proof ends with status READY (after PROOF_COMPLETE, or after ERROR and
    // status ERROR: wit/POLICY.md).
    if e.kind == HumEventKind::Status && e.state == HumState::Ready {
        *seen.finished.lock().unwrap() = true;
        seen.done.notify_all();
    }
}

/// Waits for the final status event (READY) of an asynchronous proof and returns its events.
pub fn wait(seen: &Seen) -> Vec<Recorded> {
    let mut finished = seen.finished.lock().unwrap();
    while !*finished {
        finished = seen.done.wait(finished).unwrap();
    }
    *finished = false;
    std::mem::take(&mut *seen.events.lock().unwrap())
}
