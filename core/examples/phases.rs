//! Prints the time at which each progress report of one depth-20 proof arrives (a profile aid).
//! `cargo run --release -p hum-core --example phases`
use std::time::Instant;

use hum_core::{field::fr_to_hex, k_for_depth, prove, CircuitKeys, Fr, Srs, Witness};
use rand_core::OsRng;

fn main() {
    let depth = 20;
    let srs = Srs::insecure_dev(k_for_depth(depth));
    let keys = CircuitKeys::generate(&srs, depth).unwrap();
    let siblings: Vec<String> = (0..depth).map(|i| fr_to_hex(&Fr::from(i as u64 + 3))).collect();
    let witness = Witness::from_json(
        serde_json::json!({"secret": "0x1234", "index": 5, "siblings": siblings,
            "action_id": "0x1", "message_hash": "0x2"})
        .to_string()
        .as_bytes(),
    )
    .unwrap();
    for _ in 0..2 {
        let start = Instant::now();
        prove(&keys, &witness, OsRng, &mut |p: hum_core::Progress| {
            println!("{:>8.1} ms  {:<20} {:>3}%", start.elapsed().as_secs_f64() * 1e3, p.stage.name(), p.percent)
        })
        .unwrap();
    }
}
