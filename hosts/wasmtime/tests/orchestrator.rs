//! ProverOrchestrator: the state sequence, cancel, OOM restart, isolation, the key cache and
//! cancellation at random moments.

mod common;

use std::{
    sync::mpsc::Receiver,
    time::{Duration, Instant},
};

use hum_host::{
    Flavour, HostError, InitRequest, Notification, OrchestratorConfig, OrchestratorState, ProverOrchestrator,
    RestartReason,
};

fn drain(rx: &Receiver<Notification>) -> Vec<Notification> {
    rx.try_iter().collect()
}

fn states(n: &[Notification]) -> Vec<OrchestratorState> {
    n.iter()
        .filter_map(|n| match n {
            Notification::State(s) => Some(*s),
            _ => None,
        })
        .collect()
}

#[test]
fn a_proof_walks_idle_initializing_ready_proving_ready() {
    let o = ProverOrchestrator::new(common::runtime(), common::config(common::temp_cache("states")));
    assert_eq!(o.state(), OrchestratorState::Idle);
    let rx = o.subscribe();
    let init = o.init(InitRequest { depth: 8, ..Default::default() }).wait().unwrap();
    // The default setup: IPA on hum's generators, nothing insecure.
    assert!(init.circuit.scheme == hum_core::Scheme::Ipa && !init.circuit.insecure_dev_srs && !init.from_cache);
    let result = o.prove_blocking(&common::witness(8, 2), Flavour::Standard).unwrap();
    common::verify_natively(&result);
    use OrchestratorState::*;
    let seen = drain(&rx);
    let mut collapsed = states(&seen);
    collapsed.dedup();
    assert_eq!(collapsed, vec![Initializing, Ready, Proving, Ready]);
    let progress = seen.iter().filter(|n| matches!(n, Notification::Progress { .. })).count();
    assert!(progress >= 10);
    assert_eq!(o.state(), Ready);
}

#[test]
fn prove_queued_before_init_ends_waits_for_it_and_proofs_run_in_order() {
    let o = ProverOrchestrator::new(common::runtime(), common::config(common::temp_cache("queue")));
    let init = o.init(InitRequest { depth: 5, ..Default::default() });
    let first = o.prove(&common::witness(5, 0), Flavour::Standard);
    let second = o.prove(&common::witness(5, 1), Flavour::Standard);
    let mut bad = common::witness(5, 2);
    bad.index = 40;
    let third = o.prove(&bad, Flavour::Standard);
    assert!(init.wait().is_ok());
    let a = first.wait().unwrap();
    let b = second.wait().unwrap();
    assert_ne!(a.public_inputs.nullifier, b.public_inputs.nullifier);
    assert!(
        matches!(third.wait(), Err(HostError::Prover { kind: hum_core::ErrorKind::InvalidWitness, message }) if message.contains("index"))
    );
}

#[test]
fn cancel_during_a_proof_then_a_successful_proof() {
    let o = ProverOrchestrator::new(common::runtime(), common::config(common::temp_cache("cancel")));
    o.init(InitRequest { depth: 20, ..Default::default() }).wait().unwrap();
    let rx = o.subscribe();
    let running = o.prove(&common::witness(20, 0), Flavour::Standard);
    // Wait until the proof is past its first progress report, then cancel.
    loop {
        match rx.recv_timeout(Duration::from_secs(60)).expect("progress") {
            Notification::Progress { percent, .. } if percent >= 8 => break,
            _ => {}
        }
    }
    o.cancel();
    assert!(matches!(running.wait(), Err(HostError::Cancelled)));
    assert!(drain(&rx).iter().any(|n| matches!(n, Notification::Restarted { reason: RestartReason::Cancelled, .. })));
    assert_eq!(o.state(), OrchestratorState::Ready);
    let result = o.prove_blocking(&common::witness(20, 1), Flavour::Standard).unwrap();
    common::verify_natively(&result);
}

#[test]
fn out_of_memory_restarts_with_twice_the_limit_and_retries_once() {
    // Enough for init at depth 20 (8 MiB of heap at k = 9, of which the keys, their tables and
    // cosets keep 3.75 MiB) but not for a proof (5 MiB more) on top of the keys; the
    // orchestrator keeps 8 MiB of the limit for stack and data.
    let limit = (8 << 20) + (8704 << 10);
    let config = OrchestratorConfig { memory_limit: limit, ..common::config(common::temp_cache("oom")) };
    let o = ProverOrchestrator::new(common::runtime(), config);
    let rx = o.subscribe();
    o.init(InitRequest { depth: 20, ..Default::default() }).wait().unwrap();
    assert!(!drain(&rx).iter().any(|n| matches!(n, Notification::Restarted { .. })), "init fits");
    let result = o.prove_blocking(&common::witness(20, 1), Flavour::Standard).unwrap();
    common::verify_natively(&result);
    let restarts: Vec<_> = drain(&rx).into_iter().filter(|n| matches!(n, Notification::Restarted { .. })).collect();
    assert_eq!(restarts, vec![Notification::Restarted { reason: RestartReason::OutOfMemory, memory_limit: 2 * limit }]);

    // A limit that cannot grow enough is reported as out-of-memory, not retried forever.
    let config = OrchestratorConfig {
        memory_limit: limit,
        max_memory_limit: limit,
        ..common::config(common::temp_cache("oom2"))
    };
    let o = ProverOrchestrator::new(common::runtime(), config);
    o.init(InitRequest { depth: 20, ..Default::default() }).wait().unwrap();
    assert!(matches!(o.prove_blocking(&common::witness(20, 1), Flavour::Standard), Err(HostError::OutOfMemory)));
    assert_eq!(o.state(), OrchestratorState::Ready, "the instance stays usable after an OOM refusal");
}

#[test]
fn two_orchestrators_share_nothing() {
    let a = ProverOrchestrator::new(common::fresh_runtime(), common::config(common::temp_cache("iso-a")));
    let b = ProverOrchestrator::new(common::fresh_runtime(), common::config(common::temp_cache("iso-b")));
    let ia = a.init(InitRequest { depth: 3, ..Default::default() });
    let ib = b.init(InitRequest { depth: 6, ..Default::default() });
    let (ia, ib) = (ia.wait().unwrap(), ib.wait().unwrap());
    assert_ne!(ia.circuit.id, ib.circuit.id);
    let pa = a.prove(&common::witness(3, 0), Flavour::Standard);
    let pb = b.prove(&common::witness(6, 1), Flavour::Standard);
    // A witness for the other's depth is refused by each; neither sees the other's keys.
    assert!(matches!(a.prove_blocking(&common::witness(6, 0), Flavour::Standard), Err(HostError::Prover { .. })));
    let (ra, rb) = (pa.wait().unwrap(), pb.wait().unwrap());
    assert_eq!((ra.circuit.depth, rb.circuit.depth), (3, 6));
    common::verify_natively(&ra);
    common::verify_natively(&rb);
    drop(a);
    // b keeps working after a is gone.
    common::verify_natively(&b.prove_blocking(&common::witness(6, 2), Flavour::Standard).unwrap());
}

#[test]
fn a_corrupted_cache_entry_is_detected_discarded_and_rebuilt() {
    let cache = common::temp_cache("corrupt");
    let first = ProverOrchestrator::new(common::runtime(), common::config(cache.clone()));
    let info = first.init(InitRequest { depth: 7, ..Default::default() }).wait().unwrap();
    assert!(!info.from_cache);
    drop(first);
    let second = ProverOrchestrator::new(common::runtime(), common::config(cache.clone()));
    assert!(second.init(InitRequest { depth: 7, ..Default::default() }).wait().unwrap().from_cache);
    drop(second);

    let entry = std::fs::read_dir(cache.dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("keys-d7-"))
        .unwrap();
    let mut bytes = std::fs::read(&entry).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xff;
    std::fs::write(&entry, &bytes).unwrap();

    let third = ProverOrchestrator::new(common::runtime(), common::config(cache.clone()));
    let rx = third.subscribe();
    let info = third.init(InitRequest { depth: 7, ..Default::default() }).wait().unwrap();
    assert!(!info.from_cache, "the corrupted entry was not used");
    assert!(drain(&rx).contains(&Notification::CacheEntryDiscarded));
    common::verify_natively(&third.prove_blocking(&common::witness(7, 0), Flavour::Standard).unwrap());
    drop(third);
    let fourth = ProverOrchestrator::new(common::runtime(), common::config(cache));
    assert!(fourth.init(InitRequest { depth: 7, ..Default::default() }).wait().unwrap().from_cache, "rebuilt");
}

#[test]
fn cancel_at_fifty_random_moments_then_prove() {
    let o = ProverOrchestrator::new(common::runtime(), common::config(common::temp_cache("cancel50")));
    o.init(InitRequest { depth: 12, ..Default::default() }).wait().unwrap();
    common::verify_natively(&o.prove_blocking(&common::witness(12, 0), Flavour::Standard).unwrap());
    let started = Instant::now();
    common::verify_natively(&o.prove_blocking(&common::witness(12, 2), Flavour::Standard).unwrap());
    let span = started.elapsed().as_micros() as u64 * 6 / 5;
    // Moments spread over the whole proof (and a little past it), from a fixed seed.
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let (mut cancelled, mut completed) = (0, 0);
    for i in 0..50 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let running = o.prove(&common::witness(12, i % 3), Flavour::Standard);
        std::thread::sleep(Duration::from_micros(seed % span));
        o.cancel();
        match running.wait() {
            Err(HostError::Cancelled) => cancelled += 1,
            Ok(result) => {
                common::verify_natively(&result);
                completed += 1;
            }
            Err(other) => panic!("moment {i}: {other}"),
        }
    }
    eprintln!("50 random cancel moments over {span} µs: {cancelled} cancelled, {completed} completed first");
    common::verify_natively(&o.prove_blocking(&common::witness(12, 1), Flavour::Standard).unwrap());
    assert_eq!(o.state(), OrchestratorState::Ready);
}

#[test]
fn prove_member_proves_for_an_identity_in_a_group() {
    use hum_core::{hash_to_field, Group, Identity};
    let o = ProverOrchestrator::new(common::runtime(), common::config(common::temp_cache("member")));
    o.init(InitRequest { depth: 6, ..Default::default() }).wait().unwrap();
    let me = Identity::from_seed(b"a wallet signature, at least 16 bytes").unwrap();
    let others: Vec<_> = (1..4u64).map(|i| hum_core::poseidon2::hash1(hum_core::Fr::from(i))).collect();
    let mut group = Group::with_members(6, &others).unwrap();
    let index = group.add(me.commitment()).unwrap();
    let proof = group.merkle_proof(index).unwrap();
    let result = o
        .prove_member(&me, &proof, hash_to_field(b"poll-7"), hash_to_field(b"blue"), Flavour::Standard)
        .wait()
        .unwrap();
    assert_eq!(result.public_inputs.root, hum_core::field::fr_to_hex(&group.root()));
    common::verify_natively(&result);
    let stranger = Identity::from_seed(b"somebody else's signature bytes").unwrap();
    let refused =
        o.prove_member(&stranger, &proof, hash_to_field(b"poll-7"), hash_to_field(b"blue"), Flavour::Standard).wait();
    assert!(
        matches!(refused, Err(HostError::Prover { kind: hum_core::ErrorKind::InvalidArgument, .. })),
        "{refused:?}"
    );
}
