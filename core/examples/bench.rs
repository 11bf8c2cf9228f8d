//! Native benchmark of hum-core at one depth (default 20): keygen, key load, prove, verify and
//! proof size in both flavours (standard and EVM), k and columns, with 1 thread and with all threads.
//!
//! `cargo run --release -p hum-core --example bench -- [depth] [runs] [--json]`
//! Prints one line a measurement: `metric  median  min  max  (n runs)`, or with `--json` one JSON
//! object a line (`{"metric", "unit", "values"}`), as `scripts/bench.py` reads them.

use std::time::Instant;

use hum_core::{field::fr_to_hex, k_for_depth, prove, verify, CircuitKeys, Flavour, Fr, Srs, Witness};
use rand_core::OsRng;

fn stats(name: &str, unit: &str, mut v: Vec<f64>) {
    if JSON.get().copied().unwrap_or(false) {
        let metric = format!(
            "native.t{}.{}_{unit}",
            rayon::current_num_threads(),
            name.replace([' ', '(', ')', '+'], "_").replace("__", "_").trim_end_matches('_')
        );
        println!("{}", serde_json::json!({ "metric": metric, "unit": unit, "values": v }));
        return;
    }
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!("{name:<34} {:>10.2} {unit}  (min {:.2}, max {:.2}, n {})", v[v.len() / 2], v[0], v[v.len() - 1], v.len());
}

fn ms(f: impl FnOnce()) -> f64 {
    let t = Instant::now();
    f();
    t.elapsed().as_secs_f64() * 1e3
}

static JSON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();

fn main() {
    let args: Vec<String> = std::env::args().filter(|a| a != "--json").collect();
    JSON.set(std::env::args().any(|a| a == "--json")).unwrap();
    let depth: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(20);
    let runs: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(7);
    let k = k_for_depth(depth);
    let siblings: Vec<String> = (0..depth).map(|i| fr_to_hex(&Fr::from(i as u64 + 3))).collect();
    let witness = Witness::from_json(
        serde_json::json!({"secret": "0x1234", "index": 5u64 % (1u64 << depth.min(63)), "siblings": siblings,
            "action_id": "0x1", "message_hash": "0x2"})
        .to_string()
        .as_bytes(),
    )
    .unwrap();
    let all = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("hum-core bench: depth {depth}, k {k}, {runs} runs, machine threads {all}");

    for threads in [1, all] {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        pool.install(|| {
            println!("-- {threads} thread(s)");
            let mut srs = None;
            stats("dev SRS setup", "ms", vec![ms(|| srs = Some(Srs::insecure_dev(k)))]);
            let srs = srs.unwrap();
            let mut keys = None;
            let keygen: Vec<f64> =
                (0..3).map(|_| ms(|| keys = Some(CircuitKeys::generate(&srs, depth).unwrap()))).collect();
            stats("keygen (vk + pk)", "ms", keygen);
            let keys = keys.unwrap();
            let bytes = keys.to_bytes();
            let load: Vec<f64> = (0..runs)
                .map(|_| {
                    ms(|| {
                        CircuitKeys::from_bytes(&srs, depth, &bytes).unwrap();
                    })
                })
                .collect();
            stats("keys from bytes", "ms", load);
            // The two flavours alternate, so that neither gets a warmer machine.
            let (mut results, mut prove_ms) = ([None, None], [Vec::new(), Vec::new()]);
            for _ in 0..runs {
                for (i, flavour) in [Flavour::Standard, Flavour::Evm].into_iter().enumerate() {
                    prove_ms[i]
                        .push(ms(|| results[i] = Some(prove(&keys, &witness, flavour, OsRng, &mut |_| {}).unwrap())));
                }
            }
            let [result, evm] = results.map(Option::unwrap);
            let [standard_ms, evm_ms] = prove_ms;
            stats("prove", "ms", standard_ms);
            stats("prove evm", "ms", evm_ms);
            for (name, r) in [("verify", &result), ("verify evm", &evm)] {
                let verify_ms: Vec<f64> =
                    (0..runs).map(|_| ms(|| verify(&keys, r.flavour, &r.proof, &r.public_inputs).unwrap())).collect();
                stats(name, "ms", verify_ms);
            }
            let cs = keys.vk().cs();
            if *JSON.get().unwrap() {
                stats("proof", "B", vec![result.proof.len() as f64]);
                stats("proof evm", "B", vec![evm.proof.len() as f64]);
                return;
            }
            println!(
                "proof {} B (evm {} B), key bytes {} B, k {}, advice {}, fixed {}, instance {}, degree {}",
                result.proof.len(),
                evm.proof.len(),
                bytes.len(),
                k,
                cs.num_advice_columns(),
                cs.num_fixed_columns(),
                cs.num_instance_columns(),
                cs.degree()
            );
        });
    }
}
