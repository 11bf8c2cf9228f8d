//! Which setup the CLI's flags choose: `tests/vectors/setup-choices.json`, the table the npm
//! package's options replay too, through `hum keygen` (the scheme INIT reports, or the refusal
//! before any work).

mod common;

use common::{hum, workdir};
use serde_json::Value;

#[test]
fn the_flags_choose_the_setup_of_the_shared_table() {
    let table: Value = serde_json::from_str(include_str!("../../../tests/vectors/setup-choices.json")).unwrap();
    let dir = workdir("setup-choices");
    let run = hum(&dir, &["params", "dev", "--depth", "2", "--out", "dev.params"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for case in table["cases"].as_array().unwrap() {
        let mut args = vec!["--json", "keygen", "--depth", "2"];
        if let Some(scheme) = case["scheme_option"].as_str() {
            args.extend(["--commitment", scheme]);
        }
        if case["srs"] == true {
            args.extend(["--srs", "dev.params"]);
        }
        if case["insecure_dev_srs"] == true {
            args.push("--insecure-dev-srs");
        }
        let run = hum(&dir, &args);
        match case["refused"].as_str() {
            Some(words) => {
                assert_eq!(run.code, 2, "{case}: {}", run.stderr);
                assert!(run.stderr.contains(words), "{case}: {}", run.stderr);
            }
            None => {
                assert_eq!(run.code, 0, "{case}: {}", run.stderr);
                let report: Value = serde_json::from_str(&run.stdout).unwrap();
                let circuit = report["circuit"].as_str().unwrap();
                let scheme = case["scheme"].as_str().unwrap();
                assert!(circuit.contains(&format!("-{scheme}-")), "{case}: {circuit}");
                assert_eq!(report["insecure_dev_srs"], case["insecure"], "{case}: {report}");
            }
        }
    }
}
