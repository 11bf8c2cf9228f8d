//! Proof JSON and raw proof bytes: parsing and verification, in both flavours' transcripts and
//! under both commitment schemes (KZG on the dev SRS, IPA on hum's generators), reject garbage
//! without panicking.
#![no_main]
use std::sync::OnceLock;

use hum_core::{CircuitKeys, Flavour, PublicInputs, Srs};
use libfuzzer_sys::fuzz_target;

fn keys() -> &'static [CircuitKeys; 2] {
    static KEYS: OnceLock<[CircuitKeys; 2]> = OnceLock::new();
    KEYS.get_or_init(|| {
        let k = hum_core::k_for_depth(1);
        [Srs::insecure_dev(k), Srs::transparent(k)].map(|srs| CircuitKeys::generate(&srs, 1).expect("keys"))
    })
}

fuzz_target!(|data: &[u8]| {
    let _ = hum_core::ProofResult::from_json(data);
    let inputs = PublicInputs::from_array([hum_core::Fr::one(); 4]);
    for keys in keys() {
        for flavour in [Flavour::Standard, Flavour::Evm] {
            assert!(
                hum_core::verify(keys, flavour, data, &inputs).is_err(),
                "random bytes verified as a {flavour:?} proof under {}",
                keys.info().scheme.name()
            );
        }
    }
});
