//! The host policy (`wit/POLICY.md`), replayed from `tests/vectors/orchestration.json` on the C
//! ABI: every scenario that lists `c`. Proofs run through `hum_prover_prove_async` and its events;
//! the C ABI has no instance, so `restarted:*` notices do not apply to it.

mod common;

use std::{
    ffi::c_void,
    sync::{
        atomic::{AtomicBool, AtomicPtr, Ordering},
        Condvar, Mutex,
    },
};

use common::{take, witness_json};
use hum::*;
use serde_json::Value;

/// What one asynchronous proof's callback saw.
#[derive(Default)]
struct Proof {
    events: Mutex<Vec<(HumEventKind, HumState, HumResult)>>,
    done: Mutex<bool>,
    wake: Condvar,
    /// Cancel this prover at the first progress event.
    cancel: AtomicPtr<HumProver>,
    cancelled: AtomicBool,
}

extern "C" fn on_event(event: *const HumEvent, user_data: *mut c_void) {
    let proof = unsafe { &*(user_data as *const Proof) };
    let e = unsafe { &*event };
    proof.events.lock().unwrap().push((e.kind, e.state, e.code));
    let prover = proof.cancel.load(Ordering::SeqCst);
    if e.kind == HumEventKind::Progress && !prover.is_null() && !proof.cancelled.swap(true, Ordering::SeqCst) {
        assert_eq!(hum_prover_cancel(prover), HumResult::Ok);
    }
    if e.kind == HumEventKind::Status && e.state == HumState::Ready {
        *proof.done.lock().unwrap() = true;
        proof.wake.notify_all();
    }
}

fn kind_name(result: HumResult) -> String {
    let table: Value = serde_json::from_str(include_str!("../../tests/vectors/error-kinds.json")).unwrap();
    if result == HumResult::Ok {
        return "ok".into();
    }
    table["kinds"]
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row["c_result"].as_u64() == Some(result as u64))
        .map(|row| row["kind"].as_str().unwrap().to_string())
        .unwrap_or_else(|| format!("{result:?}"))
}

fn state_name(state: HumState) -> &'static str {
    match state {
        HumState::Initializing => "initializing",
        HumState::Ready => "ready",
        HumState::Proving => "proving",
        HumState::Error => "error",
    }
}

/// A witness whose expected root is one off the true one.
fn wrong_root(depth: usize) -> Vec<u8> {
    let mut w: Value = serde_json::from_slice(&witness_json(depth, 1)).unwrap();
    let root = hum_core::field::parse_fr(w["root"].as_str().unwrap()).unwrap();
    w["root"] = hum_core::field::fr_to_hex(&(root + hum_core::Fr::from(1))).into();
    serde_json::to_vec(&w).unwrap()
}

/// Proves asynchronously and returns the result and the status states after PROVING.
fn prove(p: *mut HumProver, json: &[u8], cancel: bool) -> (String, Vec<&'static str>) {
    let proof = Box::leak(Box::<Proof>::default());
    if cancel {
        proof.cancel.store(p, Ordering::SeqCst);
    }
    let user = proof as *const Proof as *mut c_void;
    let started =
        hum_prover_prove_async(p, json.as_ptr(), json.len(), HumFlavour::Standard as u32, Some(on_event), user);
    if started != HumResult::Ok {
        return (kind_name(started), Vec::new());
    }
    let mut done = proof.done.lock().unwrap();
    while !*done {
        done = proof.wake.wait(done).unwrap();
    }
    let events = proof.events.lock().unwrap().clone();
    let result = events
        .iter()
        .find_map(|(kind, _, code)| match kind {
            HumEventKind::ProofComplete => Some("ok".to_string()),
            HumEventKind::Error => Some(kind_name(*code)),
            _ => None,
        })
        .unwrap_or_else(|| "no answer".into());
    let states = events
        .iter()
        .filter(|(kind, state, _)| *kind == HumEventKind::Status && *state != HumState::Proving)
        .map(|(_, state, _)| state_name(*state))
        .collect();
    (result, states)
}

fn replay(scenario: &Value) {
    let name = scenario["name"].as_str().unwrap();
    let depth = scenario["depth"].as_u64().unwrap() as usize;
    let mut p = std::ptr::null_mut();
    assert_eq!(hum_prover_new(&mut p), HumResult::Ok);
    let mut initialised = false;
    for (i, step) in scenario["steps"].as_array().unwrap().iter().enumerate() {
        let at = format!("{name} step {i}");
        let expect = &step["expect"];
        let (result, states) = match step["do"].as_str().unwrap() {
            "init" => {
                let depth = step["depth"].as_u64().map_or(depth, |d| d as usize) as u32;
                let keys = match step["cached_keys"].as_str() {
                    // Keys of another depth, handed back as if they were this circuit's.
                    Some("other-circuit") => {
                        let mut other = std::ptr::null_mut();
                        assert_eq!(hum_prover_new(&mut other), HumResult::Ok);
                        assert_eq!(
                            hum_prover_init(other, depth - 1, std::ptr::null(), 0, std::ptr::null(), 0),
                            HumResult::Ok
                        );
                        let mut out = HumBuffer { data: std::ptr::null_mut(), len: 0 };
                        assert_eq!(hum_prover_export_keys(other, &mut out), HumResult::Ok);
                        hum_prover_free(other);
                        take(out)
                    }
                    _ => Vec::new(),
                };
                let (keys_ptr, keys_len) =
                    if keys.is_empty() { (std::ptr::null(), 0) } else { (keys.as_ptr(), keys.len()) };
                let r = hum_prover_init(p, depth, std::ptr::null(), 0, keys_ptr, keys_len);
                initialised |= r == HumResult::Ok;
                (kind_name(r), Vec::new())
            }
            "cancel" => {
                assert_eq!(hum_prover_cancel(p), HumResult::Ok);
                ("ok".into(), Vec::new())
            }
            "prove" => {
                let json = match step["witness"].as_str() {
                    Some("wrong-root") => wrong_root(depth),
                    _ => witness_json(depth, i as u64),
                };
                prove(p, &json, step["cancel_at_progress"] == true)
            }
            other => panic!("{at}: the C ABI does not replay `{other}`"),
        };
        if let Some(want) = expect["result"].as_str() {
            if step["do"] != "cancel" {
                assert_eq!(result, want, "{at}: result");
            }
        }
        if let Some(list) = expect["states"].as_array() {
            let want: Vec<&str> = list.iter().map(|s| s.as_str().unwrap()).collect();
            assert_eq!(states, want, "{at}: states");
        }
        if let Some(state) = expect["state"].as_str() {
            // The C ABI's state after a proof is the last status it reported; before any proof
            // (and uninitialised) a prove is refused synchronously, which leaves it not ready.
            let now = states.last().copied().unwrap_or(if initialised { "ready" } else { "error" });
            assert_eq!(now, state, "{at}: state");
        }
        if let Some(list) = expect["notices"].as_array() {
            let cache_notice = list.iter().any(|n| n == "cache-entry-discarded");
            let mut out = HumBuffer { data: std::ptr::null_mut(), len: 0 };
            assert_eq!(hum_prover_last_error(p, &mut out), HumResult::Ok);
            let last = String::from_utf8(take(out)).unwrap();
            if step["do"] == "init" {
                assert_eq!(last.contains("rejected and regenerated"), cache_notice, "{at}: notices ({last})");
            }
        }
    }
    hum_prover_free(p);
}

#[test]
fn the_c_abi_follows_the_host_policy() {
    let table: Value = serde_json::from_str(include_str!("../../tests/vectors/orchestration.json")).unwrap();
    let mine: Vec<&Value> = table["scenarios"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["hosts"].as_array().unwrap().iter().any(|h| h == "c"))
        .collect();
    assert!(mine.len() >= 6, "the table has the C scenarios it should");
    for scenario in mine {
        replay(scenario);
        eprintln!("ok {}", scenario["name"]);
    }
}
