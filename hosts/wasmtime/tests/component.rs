//! The prover component driven directly in wasmtime: event order, progress, bad commands,
//! the memory trap, and the import audit.

mod common;

use hum_host::{instance::TrapKind, wit};

fn init(depth: u8) -> wit::Command {
    let k = hum_core::k_for_depth(depth as usize);
    wit::Command::Init(wit::InitOptions {
        depth,
        k: None,
        scheme: None,
        srs: Some(hum_core::Srs::insecure_dev(k).to_bytes()),
        srs_hash: None,
        cached_keys: None,
        memory_budget: None,
    })
}

fn states(events: &[wit::Event]) -> Vec<wit::State> {
    events
        .iter()
        .filter_map(|e| match e {
            wit::Event::Status(s) => Some(s.state),
            _ => None,
        })
        .collect()
}

fn error_code(events: &[wit::Event]) -> Option<wit::ErrorCode> {
    events.iter().find_map(|e| match e {
        wit::Event::Error(i) => Some(i.code),
        _ => None,
    })
}

#[test]
fn init_prove_complete_in_order_with_real_progress() {
    let mut h = common::Harness::new(256 << 20);
    let events = h.send(init(20));
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
    assert_eq!(error_code(&events), Some(wit::ErrorCode::InvalidArgument));
}

#[test]
fn ipa_through_the_protocol_needs_no_srs_and_is_not_insecure() {
    let mut h = common::Harness::new(256 << 20);
    let ipa = |srs: Option<Vec<u8>>| {
        wit::Command::Init(wit::InitOptions {
            depth: 8,
            k: None,
            scheme: Some(wit::Scheme::Ipa),
            srs,
            srs_hash: None,
            cached_keys: None,
            memory_budget: None,
        })
    };
    let events = h.send(ipa(None));
    let keys = events
        .iter()
        .find_map(|e| match e {
            wit::Event::KeysReady(k) => Some(k.clone()),
            _ => None,
        })
        .expect("keys-ready");
    assert_eq!(keys.circuit.scheme, wit::Scheme::Ipa);
    assert!(!keys.circuit.insecure_dev_srs && keys.circuit.id.contains("-ipa-"), "{}", keys.circuit.id);
    // An evm proof is for a contract, which verifies KZG: refused on IPA keys, naming why.
    let refused = h.send(common::prove_command_as(&common::witness(8, 1), wit::Flavour::Evm));
    assert_eq!(error_code(&refused), Some(wit::ErrorCode::InvalidArgument), "{refused:?}");
    assert!(format!("{refused:?}").contains("verifies KZG proofs"), "{refused:?}");
    let events = h.send(common::prove_command_as(&common::witness(8, 1), wit::Flavour::Standard));
    let result = events
        .iter()
        .find_map(|e| match e {
            wit::Event::ProofComplete(r) => Some(r.clone()),
            _ => None,
        })
        .expect("proof-complete");
    common::verify_natively(&result);
    let strict = wit::VerifyPolicy { allow_insecure_dev_srs: false, ..common::dev_policy(8) };
    let events = h.send(wit::Command::Verify(wit::VerifyRequest {
        proof: result.proof.clone(),
        flavour: wit::Flavour::Standard,
        public_inputs: result.public_inputs.clone(),
        claimed_circuit: Some(result.circuit.clone()),
        policy: strict,
    }));
    assert!(matches!(events.as_slice(), [wit::Event::Verified(v)] if v.valid), "{events:?}");
    // Generators' bytes a host passes are taken when they are exactly hum's.
    let k = hum_core::k_for_depth(8);
    let cached = hum_core::Srs::transparent(k).to_bytes();
    assert_eq!(error_code(&h.send(ipa(Some(cached.clone())))), None);
    let mut corrupted = cached;
    corrupted[1000] ^= 1;
    assert_eq!(error_code(&h.send(ipa(Some(corrupted)))), Some(wit::ErrorCode::InvalidSrs));
    // The default: no scheme and no bytes is IPA; KZG named without bytes is the dev SRS (the
    // explicit opt-in), and its circuit says so.
    let bare = |scheme: Option<wit::Scheme>| {
        wit::Command::Init(wit::InitOptions {
            depth: 8,
            k: None,
            scheme,
            srs: None,
            srs_hash: None,
            cached_keys: None,
            memory_budget: None,
        })
    };
    let circuit = |events: Vec<wit::Event>| {
        events
            .into_iter()
            .find_map(|e| match e {
                wit::Event::KeysReady(k) => Some(k.circuit),
                _ => None,
            })
            .expect("keys-ready")
    };
    let default = circuit(h.send(bare(None)));
    assert!(default.scheme == wit::Scheme::Ipa && !default.insecure_dev_srs, "{}", default.id);
    let dev = circuit(h.send(bare(Some(wit::Scheme::Kzg))));
    assert!(
        dev.scheme == wit::Scheme::Kzg && dev.insecure_dev_srs && dev.id.ends_with("-insecure-dev-srs"),
        "{}",
        dev.id
    );
    // KZG params under scheme ipa: refused, naming both.
    let events = h.send(ipa(Some(hum_core::Srs::insecure_dev(k).to_bytes())));
    let message = events.iter().find_map(|e| match e {
        wit::Event::Error(i) => Some(i.message.clone()),
        _ => None,
    });
    assert!(message.as_deref().is_some_and(|m| m.contains("kzg") && m.contains("ipa")), "{message:?}");
}

#[test]
fn the_evm_flavour_through_the_protocol_verifies_in_its_flavour_only() {
    let mut h = common::Harness::new(256 << 20);
    h.send(init(8));
    let proved = |h: &mut common::Harness, flavour| {
        let events = h.send(common::prove_command_as(&common::witness(8, 2), flavour));
        events
            .into_iter()
            .find_map(|e| match e {
                wit::Event::ProofComplete(r) => Some(r),
                _ => None,
            })
            .expect("proof-complete")
    };
    let evm = proved(&mut h, wit::Flavour::Evm);
    let standard = proved(&mut h, wit::Flavour::Standard);
    assert_eq!((evm.flavour, standard.flavour), (wit::Flavour::Evm, wit::Flavour::Standard));
    let inputs = |r: &wit::ProofResult| format!("{:?}", r.public_inputs);
    assert_eq!(inputs(&evm), inputs(&standard), "one statement in both flavours");
    assert!(evm.proof.len() > standard.proof.len(), "uncompressed points");
    common::verify_natively(&evm);
    let verdict = |h: &mut common::Harness, result: &wit::ProofResult, flavour| {
        let events = h.send(wit::Command::Verify(wit::VerifyRequest {
            proof: result.proof.clone(),
            flavour,
            public_inputs: result.public_inputs.clone(),
            claimed_circuit: Some(result.circuit.clone()),
            policy: common::dev_policy(8),
        }));
        match events.as_slice() {
            [wit::Event::Verified(v)] => v.rejection.as_ref().map(|r| r.code),
            other => panic!("expected one verdict, got {other:?}"),
        }
    };
    assert_eq!(verdict(&mut h, &evm, wit::Flavour::Evm), None);
    assert_eq!(verdict(&mut h, &standard, wit::Flavour::Standard), None);
    // Read in the other flavour, neither is a valid proof.
    assert!(verdict(&mut h, &evm, wit::Flavour::Standard).is_some());
    assert!(verdict(&mut h, &standard, wit::Flavour::Evm).is_some());
}

#[test]
fn bad_commands_yield_errors_and_the_instance_stays_usable() {
    let mut h = common::Harness::new(256 << 20);
    let w = common::witness(6, 0);
    assert_eq!(error_code(&h.send(common::prove_command(&w))), Some(wit::ErrorCode::NotInitialized));
    assert_eq!(
        error_code(&h.send(wit::Command::Verify(wit::VerifyRequest {
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
    assert_eq!(error_code(&h.send(garbage_srs)), Some(wit::ErrorCode::InvalidSrs));
    let wrong_hash = match init(6) {
        wit::Command::Init(mut o) => {
            o.srs_hash = Some(format!("sha256:{}", "ab".repeat(32)));
            wit::Command::Init(o)
        }
        _ => unreachable!(),
    };
    let events = h.send(wrong_hash);
    assert_eq!(error_code(&events), Some(wit::ErrorCode::InvalidSrs));
    assert!(events.iter().any(|e| matches!(e, wit::Event::Error(i) if i.message.contains("pinned"))));
    let garbage_keys = match init(6) {
        wit::Command::Init(mut o) => {
            o.cached_keys = Some(b"garbage key bytes".to_vec());
            wit::Command::Init(o)
        }
        _ => unreachable!(),
    };
    // Cached keys that do not check out are regenerated, and keys-ready says why (wit/POLICY.md).
    let events = h.send(garbage_keys);
    assert_eq!(error_code(&events), None);
    assert!(events.iter().any(|e| matches!(e, wit::Event::KeysReady(k)
        if !k.from_cache && k.cached_keys_rejected.as_deref().is_some_and(|r| r.contains("invalid key")))));
    assert_eq!(
        error_code(&h.send(wit::Command::Init(wit::InitOptions {
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
        error_code(&h.send(wit::Command::Open(wit::OpenRequest {
            secret_key: vec![1; 32],
            envelope: vec![1, 2],
            aad: vec![]
        }))),
        Some(wit::ErrorCode::InvalidEnvelope)
    );

    // Now a good init, then invalid witnesses, then a good proof.
    let events = h.send(init(6));
    assert_eq!(states(&events), vec![wit::State::Initializing, wit::State::Ready]);
    let mut bad = w.clone();
    bad.secret = "0xnothex".into();
    let events = h.send(common::prove_command(&bad));
    assert_eq!(error_code(&events), Some(wit::ErrorCode::InvalidWitness));
    assert_eq!(states(&events), vec![wit::State::Error, wit::State::Ready]);
    let mut wrong_depth = w.clone();
    wrong_depth.siblings.pop();
    assert_eq!(error_code(&h.send(common::prove_command(&wrong_depth))), Some(wit::ErrorCode::InvalidWitness));
    let mut wrong_root = w.clone();
    wrong_root.root = Some("0x1234".into());
    assert_eq!(error_code(&h.send(common::prove_command(&wrong_root))), Some(wit::ErrorCode::InvalidWitness));
    let mut too_big = w.clone();
    too_big.siblings[2] = "0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001".into();
    assert_eq!(error_code(&h.send(common::prove_command(&too_big))), Some(wit::ErrorCode::InvalidWitness));

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
    let events = h.send(init(6));
    let keys = events
        .iter()
        .find_map(|e| match e {
            wit::Event::KeysReady(k) => Some(k.keys.clone()),
            _ => None,
        })
        .unwrap();
    let mut again = common::Harness::new(256 << 20);
    let cached = match init(6) {
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
    assert_eq!(h.instance.handle(&init(20), None), Err(TrapKind::OutOfMemory));
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
