//! Key bytes: any input is a typed error (the integrity digest is checked before parsing), for
//! keys on either scheme's setup (KZG's dev SRS, IPA's generators).
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

fn setups() -> &'static [hum_core::Srs; 2] {
    static SETUPS: OnceLock<[hum_core::Srs; 2]> = OnceLock::new();
    let k = hum_core::k_for_depth(1);
    SETUPS.get_or_init(|| [hum_core::Srs::insecure_dev(k), hum_core::Srs::transparent(k)])
}

fuzz_target!(|data: &[u8]| {
    for srs in setups() {
        let _ = hum_core::CircuitKeys::from_bytes(srs, 1, data);
    }
});
