//! hum-seal-v1 envelopes: opening arbitrary bytes is a typed error, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let key = [7u8; 32];
    let (aad, envelope) = data.split_at(data.len().min(4));
    let _ = hum_core::seal::open(&key, envelope, aad);
    let _ = hum_core::seal::open(&data[..data.len().min(32)], envelope, b"");
});
