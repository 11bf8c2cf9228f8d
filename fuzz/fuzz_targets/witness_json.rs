//! Witness JSON parsing and validation never panic, and errors never echo the secret.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(witness) = hum_core::Witness::from_json(data) {
        if let Err(error) = witness.validate() {
            // Messages hold field names and counts, never 0x-values from the witness.
            if witness.secret.starts_with("0x") && witness.secret.len() >= 10 {
                assert!(!error.to_string().contains(&witness.secret), "an error echoed the secret");
            }
        }
    }
});
