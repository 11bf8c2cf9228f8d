//! Key bytes: any input is a typed error (the integrity digest is checked before parsing).
#![no_main]
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

fn srs() -> &'static hum_core::Srs {
    static SRS: OnceLock<hum_core::Srs> = OnceLock::new();
    SRS.get_or_init(|| hum_core::Srs::insecure_dev(hum_core::k_for_depth(1)))
}

fuzz_target!(|data: &[u8]| {
    let _ = hum_core::CircuitKeys::from_bytes(srs(), 1, data);
});
