//! Builds a group of 2^N − 1 members (default 2^20 − 1, depth 20) inside the prover component in
//! wasmtime, as the browser's worker does (`group` command, one thread: components are
//! single-threaded), and times it: the first `group` (the tree built), the same group again
//! (the actor keeps the last one), and a `prove-member` setup's Merkle proof. Prints JSON with
//! the component's linear memory.
//!
//! `cargo run --release -p hum-host --example group_bench_wasm -- [LOG2_MEMBERS] [DEPTH]`
//! (component: `$HUM_COMPONENT`, else beside the build, as the CLI finds it).

use std::{
    sync::{atomic::AtomicBool, Arc},
    time::Instant,
};

use hum_core::{field::fr_to_be_bytes, poseidon2::hash1, Fr};
use hum_host::{instance::ProverInstance, runtime::Runtime, wit};

fn main() {
    let args: Vec<usize> = std::env::args().skip(1).map(|a| a.parse().expect("a number")).collect();
    let log2 = args.first().copied().unwrap_or(20);
    let depth = args.get(1).copied().unwrap_or(20) as u8;
    let n = (1u64 << log2) - 1;
    let members: Vec<u8> = (1..=n).flat_map(|i| fr_to_be_bytes(&hash1(Fr::from(i)))).collect();
    let path = std::env::var_os("HUM_COMPONENT")
        .map(Into::into)
        .or_else(hum_host::runtime::default_component_path)
        .expect("set HUM_COMPONENT to the built component");
    let runtime = Runtime::load(&path, None).expect("the component loads");
    let events = Arc::new(std::sync::Mutex::new(Vec::new()));
    let sink = events.clone();
    let mut instance = ProverInstance::new(
        &runtime,
        4 << 30,
        Arc::new(AtomicBool::new(false)),
        Box::new(move |e| {
            sink.lock().unwrap().push(e);
            Ok(())
        }),
    )
    .expect("instantiates");
    let mut ask = |proof_of: Option<u32>| {
        let command =
            wit::Command::Group(wit::GroupQuery { group: wit::Group { depth, members: members.clone() }, proof_of });
        let started = Instant::now();
        instance.handle(&command, None).expect("no trap");
        let took = started.elapsed();
        let answer = events.lock().unwrap().pop();
        assert!(matches!(answer, Some(wit::Event::GroupInfo(_))), "{answer:?}");
        took
    };
    let build = ask(None);
    let again = ask(None);
    let proof = ask(Some(n as u32 / 2));
    println!(
        "{}",
        serde_json::json!({
            "members": n, "depth": depth, "threads": 1, "surface": "component in wasmtime",
            "build_ms": build.as_secs_f64() * 1e3, "same_group_again_ms": again.as_secs_f64() * 1e3,
            "merkle_proof_ms": proof.as_secs_f64() * 1e3,
            "linear_memory_mib": instance.linear_memory() as f64 / (1 << 20) as f64,
        })
    );
}
