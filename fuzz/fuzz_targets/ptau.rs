//! `.ptau` import: malformed files are typed errors, never panics or huge allocations.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = hum_core::ptau::import(data, 2);
});
