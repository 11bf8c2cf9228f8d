//! Builds a group of 2^N members (default 2^20, depth 20) and times it: the bulk build
//! (`add_many`), one incremental add, one update, one Merkle proof; prints JSON with the peak RSS.
//! Threads: `RAYON_NUM_THREADS` (the `multicore` feature; without it, one thread).
//!
//! `cargo run --release -p hum-core --example group_bench -- [LOG2_MEMBERS] [DEPTH]`

use std::time::Instant;

use hum_core::{poseidon2::hash1, Fr, Group};

fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).map(str::to_owned))
        .and_then(|l| l.split_whitespace().nth(1).and_then(|kib| kib.parse::<f64>().ok()))
        .map_or(0.0, |kib| kib / 1024.0)
}

fn main() {
    let args: Vec<usize> = std::env::args().skip(1).map(|a| a.parse().expect("a number")).collect();
    let log2 = args.first().copied().unwrap_or(20);
    let depth = args.get(1).copied().unwrap_or(20);
    let n = (1usize << log2) - 1;
    let members: Vec<Fr> = (1..=n as u64).map(|i| hash1(Fr::from(i))).collect();
    let mut group = Group::new(depth).expect("a supported depth");
    let started = Instant::now();
    group.add_many(&members).expect("distinct non-zero members");
    let build = started.elapsed();
    let started = Instant::now();
    let index = group.add(hash1(Fr::from(0xdead_beef))).expect("room for one more");
    let add = started.elapsed();
    let started = Instant::now();
    group.update(index / 2, hash1(Fr::from(u64::MAX))).expect("a member");
    let update = started.elapsed();
    let started = Instant::now();
    let proof = group.merkle_proof(index).expect("a member");
    let prove = started.elapsed();
    assert!(proof.verify());
    println!(
        "{}",
        serde_json::json!({
            "members": group.len(), "depth": depth,
            "threads": std::env::var("RAYON_NUM_THREADS").ok(),
            "build_ms": build.as_secs_f64() * 1e3, "add_us": add.as_secs_f64() * 1e6,
            "update_us": update.as_secs_f64() * 1e6, "merkle_proof_us": prove.as_secs_f64() * 1e6,
            "peak_rss_mib": peak_rss_mib(),
        })
    );
}
