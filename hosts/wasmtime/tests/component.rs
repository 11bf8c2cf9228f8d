//! The prover component driven directly in wasmtime: event order, progress, bad commands,
//! the memory trap, and the import audit (the schemes and flavours: `component_schemes.rs`).

mod common;

use hum_host::{instance::TrapKind, wit};

fn states(events: &[wit::Event]) -> Vec<wit::State> {
    events
        .iter()
        .filter_map(|e| match e {
            wit::Event::Status(s) => Some(s.state),
            _ => None,
        })
        .collect()
}

#[test]
fn init_prove_complete_in_order_with_real_progress() {
    let mut h = common::Harness::new(256 << 20);
    let events = h.send(common::dev_init_command(20));
    assert_eq!(states(&events), vec![wit::State::Initializing, wit::State::Ready]);
    let keys = events
        .iter()
        .find_map(|e| match e {
            wit::Event::KeysReady(k) => Some(k.clone()),
            _ => None,
        })
        .unwrap();
    assert!(!keys.from_cache && !keys.keys.is_empty());
    assert!(keys.circuit.insecure_dev_srs && keys.circuit.id.ends_with("-insecure-dev-srs"));
    let ready = events
        .iter()
        .rev()
        .find_map(|e| match e {
            wit::Event::Status(s) => Some(s.clone()),
            _ => None,
        })
        .unwrap();
    assert!(ready.insecure_dev_srs, "every status says the SRS is insecure");

    let events = h.send(common::prove_command(&common::witness(20, 1)));
    // Order: proving, progress…, proof-complete, ready.
    assert!(matches!(events.first(), Some(wit::Event::Status(s)) if s.state == wit::State::Proving));
    assert!(matches!(events.last(), Some(wit::Event::Status(s)) if s.state == wit::State::Ready));
    let complete = events.iter().position(|e| matches!(e, wit::Event::ProofComplete(_))).expect("proof-complete");
    assert_eq!(complete, events.len() - 2);
    let progress: Vec<u8> = events
        .iter()
        .filter_map(|e| match e {
            wit::Event::Progress(p) => Some(p.percent),
            _ => None,
        })
        .collect();
    assert!(progress.len() >= 10, "{} progress events", progress.len());
    assert!(progress.windows(2).all(|w| w[0] <= w[1]), "{progress:?}");
    assert_eq!(*progress.last().unwrap(), 100);
    assert!(progress[..progress.len() - 1].iter().all(|p| *p < 100));
    assert!(
        matches!(&events[complete - 1], wit::Event::Progress(p) if p.percent == 100 && p.stage == wit::Stage::Done)
    );

    let wit::Event::ProofComplete(result) = &events[complete] else { unreachable!() };
    let expected = common::witness(20, 1).validate().unwrap().public_inputs();
    assert_eq!(result.public_inputs.root, hum_core::field::fr_to_hex(&expected[0]));
    assert_eq!(result.public_inputs.nullifier, hum_core::field::fr_to_hex(&expected[3]));
    common::verify_natively(result);

    // The instance verifies with its own keys, under the host's policy.
    let verify =
        |proof: Vec<u8>, policy: wit::VerifyPolicy, claimed: Option<wit::CircuitInfo>, h: &mut common::Harness| {
            let events = h.send(wit::Command::Verify(wit::VerifyRequest {
                proof,
                flavour: result.flavour,
                public_inputs: result.public_inputs.clone(),
                claimed_circuit: claimed,
                policy,
            }));
            match events.as_slice() {
                [wit::Event::Verified(v)] => (v.valid, v.rejection.as_ref().map(|r| (r.code, r.message.clone()))),
                other => panic!("expected one verdict, got {other:?}"),
            }
        };
    let dev = common::dev_policy(20);
    assert_eq!(verify(result.proof.clone(), dev.clone(), Some(result.circuit.clone()), &mut h), (true, None));
    let mut tampered = result.proof.clone();
    tampered[40] ^= 1;
    let (valid, why) = verify(tampered, dev.clone(), None, &mut h);
    assert!(!valid);
    assert_eq!(why.unwrap().0, wit::ErrorCode::ProofRejected);
    let mut longer = result.proof.clone();
    longer.push(0);
    assert_eq!(verify(longer, dev.clone(), None, &mut h).1.unwrap().0, wit::ErrorCode::InvalidProof);
    // The dev SRS only with the policy's explicit opt-in.
    let strict = wit::VerifyPolicy { allow_insecure_dev_srs: false, ..dev.clone() };
    let (valid, why) = verify(result.proof.clone(), strict, None, &mut h);
    let (code, message) = why.unwrap();
    assert!(!valid && code == wit::ErrorCode::InsecureSrs && message.contains("INSECURE"), "{message}");
    // Another depth than the instance's, or a proof file naming another circuit: wrong circuit.
    let deeper = wit::VerifyPolicy { depth: 21, ..dev.clone() };
    assert_eq!(verify(result.proof.clone(), deeper, None, &mut h).1.unwrap().0, wit::ErrorCode::WrongCircuit);
    let claimed =
        wit::CircuitInfo { id: "hum1-d21-k10-0123456789abcdef".into(), depth: 21, k: 10, ..result.circuit.clone() };
    let (_, why) = verify(result.proof.clone(), dev.clone(), Some(claimed), &mut h);
    let (code, message) = why.unwrap();
    assert!(
        code == wit::ErrorCode::WrongCircuit && message.contains("depth 21") && message.contains("depth 20"),
        "{message}"
    );
    // A pinned root or action id must be the proof's.
    let pinned = wit::VerifyPolicy { root: Some(result.public_inputs.root.clone()), ..dev.clone() };
    assert_eq!(verify(result.proof.clone(), pinned, None, &mut h), (true, None));
    let other_root = wit::VerifyPolicy { root: Some("0x1234".into()), ..dev.clone() };
    assert_eq!(verify(result.proof.clone(), other_root, None, &mut h).1.unwrap().0, wit::ErrorCode::ProofRejected);
    // A malformed policy is the host's error, answered by an error event.
    let bad = wit::VerifyPolicy { action_id: Some("0xzz".into()), ..dev };
    let events = h.send(wit::Command::Verify(wit::VerifyRequest {
        proof: result.proof.clone(),
        flavour: result.flavour,
        public_inputs: result.public_inputs.clone(),
        claimed_circuit: None,
        policy: bad,
    }));
    assert_eq!(common::error_code(&events), Some(wit::ErrorCode::InvalidArgument));
}

#[test]
fn bad_commands_yield_errors_and_the_instance_stays_usable() {
    let mut h = common::Harness::new(256 << 20);
    let w = common::witness(6, 0);
    assert_eq!(common::error_code(&h.send(common::prove_command(&w))), Some(wit::ErrorCode::NotInitialized));
    assert_eq!(
        common::error_code(&h.send(wit::Command::Verify(wit::VerifyRequest {
            proof: vec![1, 2, 3],
            flavour: wit::Flavour::Standard,
            public_inputs: wit::PublicInputs {
                root: "0x1".into(),
                action_id: "0x1".into(),
                message_hash: "0x1".into(),
                nullifier: "0x1".into()
            },
            claimed_circuit: None,
            policy: common::dev_policy(6),
        }))),
        Some(wit::ErrorCode::NotInitialized)
    );
    let garbage_srs = wit::Command::Init(wit::InitOptions {
        depth: 6,
        k: None,
        scheme: None,
        srs: Some(vec![7; 1000]),
        srs_hash: None,
        cached_keys: None,
        memory_budget: None,
    });
    assert_eq!(common::error_code(&h.send(garbage_srs)), Some(wit::ErrorCode::InvalidSrs));
    let wrong_hash = match common::dev_init_command(6) {
        wit::Command::Init(mut o) => {
            o.srs_hash = Some(format!("sha256:{}", "ab".repeat(32)));
            wit::Command::Init(o)
        }
        _ => unreachable!(),
    };
    let events = h.send(wrong_hash);
    assert_eq!(common::error_code(&events), Some(wit::ErrorCode::InvalidSrs));
    assert!(events.iter().any(|e| matches!(e, wit::Event::Error(i) if i.message.contains("pinned"))));
    let garbage_keys = match common::dev_init_command(6) {
        wit::Command::Init(mut o) => {
            o.cached_keys = Some(b"garbage key bytes".to_vec());
            wit::Command::Init(o)
        }
        _ => unreachable!(),
    };
    // Cached keys that do not check out are regenerated, and keys-ready says why (wit/POLICY.md).
    let events = h.send(garbage_keys);
    assert_eq!(common::error_code(&events), None);
    assert!(events.iter().any(|e| matches!(e, wit::Event::KeysReady(k)
        if !k.from_cache && k.cached_keys_rejected.as_deref().is_some_and(|r| r.contains("invalid key")))));
    assert_eq!(
        common::error_code(&h.send(wit::Command::Init(wit::InitOptions {
            depth: 0,
            k: None,
            scheme: None,
            srs: None,
            srs_hash: None,
            cached_keys: None,
            memory_budget: None
        }))),
        Some(wit::ErrorCode::InvalidArgument)
    );
    assert_eq!(
        common::error_code(&h.send(wit::Command::Open(wit::OpenRequest {
            secret_key: vec![1; 32],
            envelope: vec![1, 2],
            aad: vec![]
        }))),
        Some(wit::ErrorCode::InvalidEnvelope)
    );

    // Now a good init, then invalid witnesses, then a good proof.
    let events = h.send(common::dev_init_command(6));
    assert_eq!(states(&events), vec![wit::State::Initializing, wit::State::Ready]);
    let mut bad = w.clone();
    bad.secret = "0xnothex".into();
    let events = h.send(common::prove_command(&bad));
    assert_eq!(common::error_code(&events), Some(wit::ErrorCode::InvalidWitness));
    assert_eq!(states(&events), vec![wit::State::Error, wit::State::Ready]);
    let mut wrong_depth = w.clone();
    wrong_depth.siblings.pop();
    assert_eq!(common::error_code(&h.send(common::prove_command(&wrong_depth))), Some(wit::ErrorCode::InvalidWitness));
    let mut wrong_root = w.clone();
    wrong_root.root = Some("0x1234".into());
    assert_eq!(common::error_code(&h.send(common::prove_command(&wrong_root))), Some(wit::ErrorCode::InvalidWitness));
    let mut too_big = w.clone();
    too_big.siblings[2] = "0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001".into();
    assert_eq!(common::error_code(&h.send(common::prove_command(&too_big))), Some(wit::ErrorCode::InvalidWitness));

    let events = h.send(common::prove_command(&w));
    let result = events
        .iter()
        .find_map(|e| match e {
            wit::Event::ProofComplete(r) => Some(r.clone()),
            _ => None,
        })
        .expect("a proof after the bad commands");
    common::verify_natively(&result);
}

#[test]
fn cached_keys_skip_keygen_and_seal_round_trips() {
    let mut h = common::Harness::new(256 << 20);
    let events = h.send(common::dev_init_command(6));
    let keys = events
        .iter()
        .find_map(|e| match e {
            wit::Event::KeysReady(k) => Some(k.keys.clone()),
            _ => None,
        })
        .unwrap();
    let mut again = common::Harness::new(256 << 20);
    let cached = match common::dev_init_command(6) {
        wit::Command::Init(mut o) => {
            o.cached_keys = Some(keys);
            wit::Command::Init(o)
        }
        _ => unreachable!(),
    };
    let events = again.send(cached);
    assert!(events.iter().any(|e| matches!(e, wit::Event::KeysReady(k) if k.from_cache)));

    let mut rng = rand_core::OsRng;
    let (secret, public) = hum_core::seal::keypair(&mut rng);
    let events = again.send(wit::Command::Seal(wit::SealRequest {
        recipient: public.to_vec(),
        plaintext: b"to the enclave".to_vec(),
        aad: b"a".to_vec(),
    }));
    let [wit::Event::Sealed(envelope)] = events.as_slice() else { panic!("{events:?}") };
    assert_eq!(&hum_core::seal::open(secret.as_ref(), envelope, b"a").unwrap()[..], b"to the enclave");
    let events = again.send(wit::Command::Open(wit::OpenRequest {
        secret_key: secret.to_vec(),
        envelope: envelope.clone(),
        aad: b"a".to_vec(),
    }));
    assert!(matches!(events.as_slice(), [wit::Event::Opened(p)] if p == b"to the enclave"));
}

#[test]
fn a_memory_limit_below_the_work_traps_as_out_of_memory() {
    let mut h = common::Harness::new(4 << 20);
    // No budget inside the component, so the store's limit is what stops it.
    assert_eq!(h.instance.handle(&common::dev_init_command(20), None), Err(TrapKind::OutOfMemory));
}

#[test]
fn the_component_imports_only_its_events_and_allowed_wasi() {
    let runtime = common::runtime();
    let ty = runtime.component().component_type();
    let imports: Vec<String> = ty.imports(runtime.engine()).map(|(name, _)| name.to_string()).collect();
    assert!(imports.iter().any(|i| i == "hum:prover/events@0.4.0"), "{imports:?}");
    for import in &imports {
        let allowed = import.starts_with("hum:prover/events@")
            || import.starts_with("hum:prover/types@")
            || ["wasi:cli/", "wasi:io/", "wasi:random/", "wasi:clocks/"].iter().any(|p| import.starts_with(p));
        assert!(allowed, "unexpected import {import} (all: {imports:?})");
    }
    let exports: Vec<String> = ty.exports(runtime.engine()).map(|(name, _)| name.to_string()).collect();
    assert!(exports.iter().any(|e| e == "hum:prover/prover@0.4.0"), "{exports:?}");
}
