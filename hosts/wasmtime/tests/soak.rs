//! Soak: depth-20 proofs in one wasmtime instance per commitment scheme (100 each), every one
//! verified natively, with the component's peak heap and the instance's linear memory flat from
//! the second proof on.

mod common;

use hum_host::{to_core_result, wit};

const PROOFS: u64 = 100;

#[test]
fn a_hundred_kzg_proofs_in_one_instance_all_verified_memory_flat() {
    soak(hum_core::Srs::insecure_dev(hum_core::k_for_depth(20)));
}

#[test]
fn a_hundred_ipa_proofs_in_one_instance_all_verified_memory_flat() {
    soak(hum_core::Srs::transparent(hum_core::k_for_depth(20)));
}

fn soak(srs: hum_core::Srs) {
    let mut h = common::Harness::new(256 << 20);
    let keys = hum_core::CircuitKeys::generate(&srs, 20).unwrap();
    let init = wit::Command::Init(wit::InitOptions {
        depth: 20,
        k: None,
        scheme: None,
        srs: Some(srs.to_bytes()),
        srs_hash: None,
        cached_keys: Some(keys.to_bytes()),
        memory_budget: None,
    });
    assert!(h.send(init).iter().any(|e| matches!(e, wit::Event::KeysReady(_))));

    let mut peaks = Vec::new();
    let mut linear = Vec::new();
    for i in 0..PROOFS {
        let mut w = common::witness(20, i % 3);
        w.message_hash = hum_core::field::fr_to_hex(&hum_core::Fr::from(i + 1));
        let seen = h.send(common::prove_command(&w));
        let result = seen
            .iter()
            .find_map(|e| match e {
                wit::Event::ProofComplete(r) => Some(r.clone()),
                _ => None,
            })
            .unwrap_or_else(|| panic!("proof {i}: {seen:?}"));
        let core = to_core_result(&result).unwrap();
        assert_eq!(core.public_inputs.message_hash, hum_core::Fr::from(i + 1));
        hum_core::verify(&keys, core.flavour, &core.proof, &core.public_inputs)
            .unwrap_or_else(|e| panic!("proof {i}: {e}"));
        peaks.push(result.peak_memory);
        linear.push(h.instance.linear_memory());
    }
    let last = PROOFS as usize - 1;
    eprintln!(
        "{PROOFS} {} proofs at depth 20 in one instance: component peak heap {} B after proof 1, {} B after proof 2, \
         {} B after proof {PROOFS}; linear memory {} B after proof 1, {} B after proof {PROOFS}",
        srs.scheme().name(),
        peaks[0],
        peaks[1],
        peaks[last],
        linear[0],
        linear[last]
    );
    // A leak of even a few bytes per proof would raise the high-water mark proof after proof.
    assert!(peaks[1..].iter().all(|p| *p == peaks[1]), "peak heap moved: {peaks:?}");
    assert!(linear[1..].iter().all(|m| *m == linear[1]), "linear memory grew: {linear:?}");
}
