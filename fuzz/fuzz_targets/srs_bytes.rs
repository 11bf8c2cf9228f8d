//! SRS bytes: any input is a typed error or a checked SRS, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = hum_core::Srs::from_bytes(data, None);
});
