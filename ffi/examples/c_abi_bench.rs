//! The C ABI measured as a C host calls it (`hum_prover_*`), at one depth (default 20), for each
//! scheme (KZG with SRS bytes in, IPA on the default with nothing in): first INIT (key generation),
//! INIT from the exported keys, prove, verify, proof size; and the process's peak RSS. Threads: rayon's global pool, so `RAYON_NUM_THREADS=1` gives one thread.
//! Prints one JSON object a metric (`{"metric", "unit", "values"}`), as `scripts/bench.py` reads.
//!
//! `cargo run --release -p hum-ffi --example c_abi_bench [--features asm] -- [depth] [runs]`

use std::time::Instant;

// The tests' witness and buffer helpers.
#[path = "../tests/common/mod.rs"]
mod common;

use hum::*;

fn ms<T>(f: impl FnOnce() -> T) -> (f64, T) {
    let t = Instant::now();
    let out = f();
    (t.elapsed().as_secs_f64() * 1e3, out)
}

fn empty() -> HumBuffer {
    HumBuffer { data: std::ptr::null_mut(), len: 0 }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let depth: u32 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(20);
    let runs: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(5);
    let threads = std::env::var("RAYON_NUM_THREADS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let asm = if cfg!(feature = "asm") { "_asm" } else { "" };
    let line = |metric: &str, unit: &str, values: &[f64]| {
        println!(r#"{{"metric":"c_abi{asm}.t{threads}.{metric}","unit":"{unit}","values":{values:?}}}"#)
    };

    // KZG: a host reads its SRS file; here the dev SRS's bytes stand in for it. IPA, the
    // default: nothing to pass (NULL). KZG's metrics keep their names; IPA's are `ipa_…`.
    let kzg = hum_core::Srs::insecure_dev(hum_core::k_for_depth(depth as usize)).to_bytes();
    for (prefix, srs) in [("", Some(&kzg[..])), ("ipa_", None)] {
        let (srs_ptr, srs_len) = srs.map_or((std::ptr::null(), 0), |s| (s.as_ptr(), s.len()));
        let mut p = std::ptr::null_mut();
        assert_eq!(hum_prover_new(&mut p), HumResult::Ok);
        let (first_init, code) = ms(|| hum_prover_init(p, depth, srs_ptr, srs_len, std::ptr::null(), 0));
        assert_eq!(code, HumResult::Ok);
        let mut keys = empty();
        assert_eq!(hum_prover_export_keys(p, &mut keys), HumResult::Ok);
        let keys = common::take(keys);

        let (mut cached, mut prove, mut verify) = (Vec::new(), Vec::new(), Vec::new());
        let mut proof_bytes = 0;
        for i in 0..runs {
            let (t, code) = ms(|| hum_prover_init(p, depth, srs_ptr, srs_len, keys.as_ptr(), keys.len()));
            assert_eq!(code, HumResult::Ok);
            cached.push(t);
            let w = common::witness_json(depth as usize, i + 1);
            let mut out = empty();
            let (t, code) = ms(|| hum_prover_prove(p, w.as_ptr(), w.len(), HumFlavour::Standard as u32, &mut out));
            assert_eq!(code, HumResult::Ok);
            prove.push(t);
            let proof_json = common::take(out);
            let json: serde_json::Value = serde_json::from_slice(&proof_json).unwrap();
            proof_bytes = (json["proof"].as_str().unwrap().len() - 2) / 2;
            let (t, code) = ms(|| common::verify_dev(p, depth, &proof_json));
            assert_eq!(code, HumResult::Ok);
            verify.push(t);
        }
        hum_prover_free(p);

        line(&format!("{prefix}first_init_ms"), "ms", &[first_init]);
        line(&format!("{prefix}cached_init_ms"), "ms", &cached);
        line(&format!("{prefix}prove_ms"), "ms", &prove);
        line(&format!("{prefix}verify_ms"), "ms", &verify);
        line(&format!("{prefix}proof_bytes"), "B", &[proof_bytes as f64]);
    }
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage writes the struct it is given.
    let rss_kib = unsafe {
        libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr());
        usage.assume_init().ru_maxrss
    };
    line("peak_rss_mib", "MiB", &[rss_kib as f64 / 1024.0]);
}
