//! The held-out proof vectors (`tests/vectors/proofs.json`, made natively by hum-core) through
//! the C ABI: `hum_prover_verify` on each proof file, with a prover initialised as the vector's
//! verifier, answers the `HumResult` of the verdict the file names (the result numbers of
//! `tests/vectors/error-kinds.json`).

mod common;

use common::last_error;
use hum::*;
use serde_json::Value;

fn read(path: &str) -> Value {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors/").to_string() + path);
    serde_json::from_str(&text.unwrap()).unwrap()
}

/// The `HumResult` number of a verdict: 0 for `valid`, else the kind's `c_result`.
fn expected_result(expect: &str, kinds: &Value) -> u64 {
    if expect == "valid" {
        return 0;
    }
    let kind = kinds["kinds"].as_array().unwrap().iter().find(|k| k["kind"] == expect);
    kind.and_then(|k| k["c_result"].as_u64()).unwrap_or_else(|| panic!("no kind {expect}"))
}

#[test]
fn hum_prover_verify_reaches_every_vectors_verdict() {
    let (proofs, kinds) = (read("proofs.json"), read("error-kinds.json"));
    let depth = proofs["depth"].as_u64().unwrap() as u32;
    let provers: Vec<(&str, *mut HumProver)> = ["transparent", "insecure-dev"]
        .into_iter()
        .map(|verifier| {
            let mut p = std::ptr::null_mut();
            assert_eq!(hum_prover_new(&mut p), HumResult::Ok);
            let init = match verifier {
                "transparent" => hum_prover_init(p, depth, std::ptr::null(), 0, std::ptr::null(), 0),
                _ => hum_prover_init_insecure_dev_srs(p, depth, std::ptr::null(), 0),
            };
            assert_eq!(init, HumResult::Ok, "{verifier}");
            (verifier, p)
        })
        .collect();
    for vector in proofs["vectors"].as_array().unwrap() {
        let name = vector["name"].as_str().unwrap();
        let verifier = vector["verifier"].as_str().unwrap();
        let p = provers.iter().find(|(v, _)| *v == verifier).expect("a known verifier").1;
        let policy = HumVerifyPolicy {
            depth,
            allow_insecure_dev_srs: verifier == "insecure-dev",
            ..hum_verify_policy_default()
        };
        let json = vector["proof"].to_string();
        let result = hum_prover_verify(p, json.as_ptr(), json.len(), &policy);
        let expected = expected_result(vector["expect"].as_str().unwrap(), &kinds);
        assert_eq!(result as u64, expected, "{name}: {}", last_error(p));
    }
    for (_, p) in provers {
        hum_prover_free(p);
    }
}
