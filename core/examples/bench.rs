//! Native benchmark of hum-core at one depth (default 20), for each scheme: setup, keygen, key load,
//! prove, verify and proof size (KZG in both flavours, standard and EVM; IPA in the standard one),
//! k and columns, with 1 thread and with all threads.
//!
//! `cargo run --release -p hum-core --example bench -- [depth] [runs] [--json]`
//! Prints one line a measurement: `metric  median  min  max  (n runs)`, or with `--json` one JSON
//! object a line (`{"metric", "unit", "values"}`), as `scripts/bench.py` reads them.

use std::time::Instant;

use hum_core::{field::fr_to_hex, k_for_depth, prove, verify, CircuitKeys, Flavour, Fr, Scheme, Srs, Witness};
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
    // For a profile of one case: HUM_BENCH_THREADS=1 and/or HUM_BENCH_SCHEME=ipa|kzg.
    let only_threads: Option<usize> = std::env::var("HUM_BENCH_THREADS").ok().and_then(|t| t.parse().ok());
    let only_scheme = std::env::var("HUM_BENCH_SCHEME").ok();

    for threads in [1, all] {
        if only_threads.is_some_and(|t| t != threads) {
            continue;
        }
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        pool.install(|| {
            // KZG (on the dev SRS: the same arithmetic as a ceremony's) keeps the metric names it
            // always had; IPA's are prefixed `ipa`. IPA has no evm flavour (a contract verifies KZG).
            for (prefix, scheme) in [("", Scheme::Kzg), ("ipa ", Scheme::Ipa)] {
                if only_scheme.as_ref().is_some_and(|only| only != scheme.name()) {
                    continue;
                }
                println!("-- {threads} thread(s), {}", scheme.name());
                let mut srs = None;
                let setup = match scheme {
                    Scheme::Kzg => ms(|| srs = Some(Srs::insecure_dev(k))),
                    Scheme::Ipa => ms(|| srs = Some(Srs::transparent(k))),
                };
                stats(&format!("{}setup", if prefix.is_empty() { "dev SRS " } else { prefix }), "ms", vec![setup]);
                let srs = srs.unwrap();
                let mut keys = None;
                let keygen: Vec<f64> =
                    (0..3).map(|_| ms(|| keys = Some(CircuitKeys::generate(&srs, depth).unwrap()))).collect();
                stats(&format!("{prefix}keygen (vk + pk + tables)"), "ms", keygen);
                let keys = keys.unwrap();
                let bytes = keys.to_bytes();
                let load: Vec<f64> = (0..runs)
                    .map(|_| {
                        ms(|| {
                            CircuitKeys::from_bytes(&srs, depth, &bytes).unwrap();
                        })
                    })
                    .collect();
                stats(&format!("{prefix}keys from bytes"), "ms", load);
                // Keygen builds the fixed-base tables (and key bytes carry them); timed alone here.
                let tables = ms(|| {
                    keys.setup().clone().precompute_fixed_bases();
                });
                stats(&format!("{prefix}fixed-base tables"), "ms", vec![tables]);
                stats(&format!("{prefix}table bytes"), "B", vec![keys.table_bytes() as f64]);
                let flavours: &[Flavour] =
                    if scheme == Scheme::Kzg { &[Flavour::Standard, Flavour::Evm] } else { &[Flavour::Standard] };
                // The flavours alternate, so that neither gets a warmer machine.
                let mut results = vec![None; flavours.len()];
                let mut prove_ms = vec![Vec::new(); flavours.len()];
                for _ in 0..runs {
                    for (i, flavour) in flavours.iter().enumerate() {
                        prove_ms[i].push(ms(|| {
                            results[i] = Some(prove(&keys, &witness, *flavour, OsRng, &mut |_| {}).unwrap())
                        }));
                    }
                }
                for (i, (result, times)) in results.iter().zip(prove_ms).enumerate() {
                    let result = result.as_ref().unwrap();
                    let evm = if i == 0 { "" } else { " evm" };
                    stats(&format!("{prefix}prove{evm}"), "ms", times);
                    let verify_ms: Vec<f64> = (0..runs)
                        .map(|_| ms(|| verify(&keys, result.flavour, &result.proof, &result.public_inputs).unwrap()))
                        .collect();
                    stats(&format!("{prefix}verify{evm}"), "ms", verify_ms);
                    stats(&format!("{prefix}proof{evm}"), "B", vec![result.proof.len() as f64]);
                }
                let cs = keys.vk().cs();
                if !*JSON.get().unwrap() {
                    println!(
                        "key bytes {} B, k {}, advice {}, fixed {}, instance {}, degree {}",
                        bytes.len(),
                        k,
                        cs.num_advice_columns(),
                        cs.num_fixed_columns(),
                        cs.num_instance_columns(),
                        cs.degree()
                    );
                }
            }
        });
    }
}
