//! The host policy (`wit/POLICY.md`), replayed from `tests/vectors/orchestration.json` on the
//! Rust orchestrator: every scenario that lists `rust`, step by step.

mod common;

use std::{sync::mpsc::Receiver, time::Duration};

use hum_core::{field::fr_to_hex, CircuitKeys, Flavour, Fr, Srs};
use hum_host::{
    Fault, HostError, InitRequest, Notification, OrchestratorConfig, OrchestratorState, ProverOrchestrator,
    RestartReason,
};
use serde_json::Value;
use sha2::{Digest, Sha256};

fn scenarios() -> Vec<Value> {
    let text = include_str!("../../../tests/vectors/orchestration.json");
    let doc: Value = serde_json::from_str(text).unwrap();
    doc["scenarios"].as_array().unwrap().clone()
}

fn state_name(state: OrchestratorState) -> &'static str {
    match state {
        OrchestratorState::Idle => "idle",
        OrchestratorState::Initializing => "initializing",
        OrchestratorState::Ready => "ready",
        OrchestratorState::Proving => "proving",
        OrchestratorState::Error => "error",
    }
}

fn notice(n: &Notification) -> Option<String> {
    match n {
        Notification::Restarted { reason, .. } => Some(format!(
            "restarted:{}",
            match reason {
                RestartReason::OutOfMemory => "out-of-memory",
                RestartReason::Cancelled => "cancelled",
                RestartReason::TimedOut => "timed-out",
                RestartReason::Trap(_) => "trap",
            }
        )),
        Notification::CacheEntryDiscarded => Some("cache-entry-discarded".into()),
        _ => None,
    }
}

fn result_name<T>(result: &Result<T, HostError>) -> String {
    match result {
        Ok(_) => "ok".into(),
        Err(e) => e.kind().name().into(),
    }
}

/// The memory limits a scenario's `memory` names, for this host (heap budget = limit − 8 MiB).
fn config(memory: &str, cache: hum_host::KeyCache) -> OrchestratorConfig {
    let base = common::config(cache);
    // At depth 20 (k = 9) init asks for 8 MiB of heap (its keys, their tables and cosets keep
    // 3.75 MiB) and a proof for 5 MiB more.
    let init_fits = (8 << 20) + (8704 << 10);
    match memory {
        "ample" => base,
        "init-fits-prove-does-not" => OrchestratorConfig { memory_limit: init_fits, ..base },
        "init-fits-prove-does-not-limit-fixed" => {
            OrchestratorConfig { memory_limit: init_fits, max_memory_limit: init_fits, ..base }
        }
        "init-does-not-fit-once" => OrchestratorConfig { memory_limit: (8 << 20) + (4 << 20), ..base },
        other => panic!("unknown memory {other}"),
    }
}

/// A witness whose expected root is one off the true one.
fn wrong_root(depth: usize) -> hum_core::Witness {
    let mut w = common::witness(depth, 1);
    let root = hum_core::field::parse_fr(w.root.as_ref().unwrap()).unwrap();
    w.root = Some(fr_to_hex(&(root + Fr::from(1))));
    w
}

/// Plants keys of another depth under this depth's cache entry (they pass the cache's own
/// integrity check, so the prover is the one that rejects them).
fn plant_other_circuit(cache: &hum_host::KeyCache, depth: usize) {
    let k = hum_core::keys::checked_k(depth).unwrap();
    // The orchestrator's default setup: hum's transparent generators.
    let srs = Srs::transparent(k);
    let digest: [u8; 32] = Sha256::digest(srs.to_bytes()).into();
    let other =
        CircuitKeys::generate(&Srs::transparent(hum_core::keys::checked_k(depth - 1).unwrap()), depth - 1).unwrap();
    cache.write(depth, &digest, &other.info().id, &other.to_bytes()).unwrap();
}

/// Drains notifications until the first progress event (cancelling there when asked).
fn until_progress(rx: &Receiver<Notification>, seen: &mut Vec<Notification>) {
    loop {
        let n = rx.recv_timeout(Duration::from_secs(120)).expect("a progress event");
        let progress = matches!(n, Notification::Progress { .. });
        seen.push(n);
        if progress {
            return;
        }
    }
}

fn replay(scenario: &Value) {
    let name = scenario["name"].as_str().unwrap();
    let depth = scenario["depth"].as_u64().unwrap() as usize;
    let cache = common::temp_cache(&format!("policy-{name}"));
    let o = ProverOrchestrator::new(common::runtime(), config(scenario["memory"].as_str().unwrap(), cache.clone()));
    let rx = o.subscribe();
    for (i, step) in scenario["steps"].as_array().unwrap().iter().enumerate() {
        let at = format!("{name} step {i}");
        let expect = &step["expect"];
        let mut seen = Vec::new();
        let witness = match step["witness"].as_str() {
            Some("wrong-root") => wrong_root(depth),
            _ => common::witness(depth, 0),
        };
        let results = match step["do"].as_str().unwrap() {
            "init" => {
                if step["cached_keys"] == "other-circuit" {
                    plant_other_circuit(&cache, depth);
                }
                let depth = step["depth"].as_u64().map_or(depth, |d| d as usize);
                vec![result_name(&o.init(InitRequest { depth, ..Default::default() }).wait())]
            }
            "cancel" => {
                o.cancel();
                vec![]
            }
            "prove" | "prove-two" => {
                if step["fault"] == "trap-at-progress" {
                    o.inject_fault(Fault::TrapAtNextProgress);
                }
                let mut pending = vec![o.prove(&witness, Flavour::Standard)];
                if step["do"] == "prove-two" {
                    pending.push(o.prove(&common::witness(depth, 2), Flavour::Standard));
                }
                if step["cancel_at_progress"] == true {
                    until_progress(&rx, &mut seen);
                    o.cancel();
                }
                pending.into_iter().map(|p| result_name(&p.wait())).collect()
            }
            other => panic!("{at}: unknown step {other}"),
        };
        seen.extend(rx.try_iter());
        if let Some(result) = expect["result"].as_str() {
            assert_eq!(results, vec![result.to_string()], "{at}: result");
        }
        if let Some(list) = expect["results"].as_array() {
            let want: Vec<String> = list.iter().map(|r| r.as_str().unwrap().to_string()).collect();
            assert_eq!(results, want, "{at}: results");
        }
        if let Some(state) = expect["state"].as_str() {
            assert_eq!(state_name(o.state()), state, "{at}: state");
        }
        if let Some(list) = expect["states"].as_array() {
            let got: Vec<&str> = seen
                .iter()
                .filter_map(|n| match n {
                    Notification::State(s) => Some(state_name(*s)),
                    _ => None,
                })
                .collect();
            let want: Vec<&str> = list.iter().map(|s| s.as_str().unwrap()).collect();
            assert_eq!(got, want, "{at}: states");
        }
        if let Some(list) = expect["notices"].as_array() {
            let got: Vec<String> = seen.iter().filter_map(notice).collect();
            let want: Vec<String> = list.iter().map(|s| s.as_str().unwrap().to_string()).collect();
            assert_eq!(got, want, "{at}: notices");
        }
    }
}

#[test]
fn the_rust_orchestrator_follows_the_host_policy() {
    let mine: Vec<Value> =
        scenarios().into_iter().filter(|s| s["hosts"].as_array().unwrap().iter().any(|h| h == "rust")).collect();
    assert!(mine.len() >= 10, "the table has the scenarios it should");
    for scenario in &mine {
        replay(scenario);
        eprintln!("ok {}", scenario["name"]);
    }
}
