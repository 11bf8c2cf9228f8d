//! The commitment schemes and proof flavours through the component's protocol: IPA needs no
//! SRS and is the default, KZG without bytes is the dev SRS, a scheme pins its bytes, the evm
//! flavour is refused on IPA keys and a proof verifies only in its own flavour.

mod common;

use hum_host::wit;

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
    assert_eq!(common::error_code(&refused), Some(wit::ErrorCode::InvalidArgument), "{refused:?}");
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
    assert_eq!(common::error_code(&h.send(ipa(Some(cached.clone())))), None);
    let mut corrupted = cached;
    corrupted[1000] ^= 1;
    assert_eq!(common::error_code(&h.send(ipa(Some(corrupted)))), Some(wit::ErrorCode::InvalidSrs));
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
    h.send(common::dev_init_command(8));
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
