//! Every malformed witness of `core/vectors/malformed-witnesses.json` through every Rust surface —
//! hum-core, the `hum` CLI, the component in wasmtime, the ProverOrchestrator and the C ABI — is
//! refused with an error that names the field and never contains the secret's digits (hex in
//! either case, or decimal). The browser runs the same file in `hosts/browser/test/run.mjs`.

mod common;

use std::{path::PathBuf, process::Command};

use hum_host::{wit, Flavour, InitRequest, ProverOrchestrator};
use serde::Deserialize;

#[derive(Deserialize)]
struct Corpus {
    secret: String,
    secret_decimal: String,
    valid: String,
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    field: Option<String>,
}

fn corpus() -> Corpus {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../core/vectors/malformed-witnesses.json");
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

impl Corpus {
    /// Fails when `message` holds any 12 consecutive digits of the secret (hex either case, or
    /// decimal): a truncated or re-cased echo counts as a leak too.
    fn assert_clean(&self, surface: &str, case: &str, message: &str) {
        let lower = message.to_lowercase();
        for digits in [&self.secret, &self.secret_decimal] {
            for window in digits.as_bytes().windows(12) {
                let window = std::str::from_utf8(window).unwrap();
                assert!(!lower.contains(window), "{surface}, {case}: the secret leaks into {message:?}");
            }
        }
    }

    /// The cases as hum-core parses them (those the JSON layer already refuses have no witness).
    fn parsed(&self) -> Vec<(&Case, Option<hum_core::Witness>)> {
        self.cases.iter().map(|c| (c, hum_core::Witness::from_json(c.text.as_bytes()).ok())).collect()
    }
}

fn assert_names(surface: &str, case: &Case, message: &str) {
    if let Some(field) = &case.field {
        assert!(
            message.contains(&format!("`{field}`")),
            "{surface}, {}: {message:?} does not name `{field}`",
            case.name
        );
    }
}

#[test]
fn hum_core_refuses_every_case_without_the_secret() {
    let corpus = corpus();
    let valid = hum_core::Witness::from_json(corpus.valid.as_bytes()).unwrap();
    assert!(valid.validate().is_ok(), "the corpus's valid witness is valid");
    assert_eq!(valid.secret, format!("0x{}", corpus.secret));
    for case in &corpus.cases {
        let error = hum_core::Witness::from_json(case.text.as_bytes())
            .and_then(|w| w.validate().map(|_| ()))
            .expect_err(&case.name);
        assert_eq!(error.kind(), hum_core::ErrorKind::InvalidWitness, "{}", case.name);
        assert_names("core", case, &error.to_string());
        corpus.assert_clean("core", &case.name, &error.to_string());
        corpus.assert_clean("core Debug", &case.name, &format!("{error:?}"));
    }
    // Debug shows the public fields as they are (a case may paste the secret's digits into one)
    // but never the `secret` field.
    for (case, witness) in corpus.parsed() {
        if let Some(w) = witness {
            let debug = format!("{w:?}");
            assert!(debug.contains("secret: \"<redacted>\", index: \"<redacted>\""), "{}: {debug}", case.name);
        }
    }
}

#[test]
fn the_cli_refuses_every_case_without_the_secret() {
    let corpus = corpus();
    let dir = std::env::temp_dir().join(format!("hum-secrets-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let run = |file: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_hum"))
            .args(["prove", "--witness", file, "--out", "proof.json"])
            .env("HUM_COMPONENT", common::component_path())
            .env("HUM_CACHE_DIR", dir.join("cache"))
            .current_dir(&dir)
            .output()
            .unwrap();
        (out.status.code(), format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
    };
    std::fs::write(dir.join("valid.json"), &corpus.valid).unwrap();
    assert_eq!(run("valid.json").0, Some(0), "the valid witness proves through the CLI");
    std::fs::remove_file(dir.join("proof.json")).unwrap();
    for (i, case) in corpus.cases.iter().enumerate() {
        let file = format!("case-{i}.json");
        std::fs::write(dir.join(&file), &case.text).unwrap();
        let (code, output) = run(&file);
        assert_eq!(code, Some(2), "{}: {output}", case.name);
        assert_names("CLI", case, &output);
        corpus.assert_clean("CLI", &case.name, &output);
        assert!(!dir.join("proof.json").exists(), "{}", case.name);
    }
}

#[test]
fn the_component_and_the_orchestrator_refuse_every_parsable_case_without_the_secret() {
    let corpus = corpus();
    let mut h = common::Harness::new(256 << 20);
    let init = wit::Command::Init(wit::InitOptions {
        depth: 4,
        k: None,
        scheme: None,
        srs: None,
        srs_hash: None,
        cached_keys: None,
        memory_budget: None,
    });
    h.send(init);
    let orchestrator = ProverOrchestrator::new(common::runtime(), common::config(common::temp_cache("secrets")));
    orchestrator.init(InitRequest { depth: 4, ..Default::default() }).wait().unwrap();

    let mut reached = 0;
    for (case, witness) in corpus.parsed() {
        let Some(w) = witness else { continue };
        reached += 1;
        // A trap fails the test: a bad witness never traps.
        let seen = h.send(common::prove_command(&w));
        let message = seen
            .iter()
            .find_map(|e| match e {
                wit::Event::Error(info) => Some(info.message.clone()),
                _ => None,
            })
            .unwrap_or_else(|| panic!("component, {}: no error event", case.name));
        assert_names("component", case, &message);
        corpus.assert_clean("component", &case.name, &message);
        corpus.assert_clean("component events", &case.name, &format!("{seen:?}"));

        let error = orchestrator.prove_blocking(&w, Flavour::Standard).expect_err(&case.name);
        assert_names("orchestrator", case, &error.to_string());
        corpus.assert_clean("orchestrator", &case.name, &error.to_string());
        corpus.assert_clean("orchestrator Debug", &case.name, &format!("{error:?}"));
    }
    assert!(reached >= 10, "only {reached} cases reached the component");
}

#[test]
fn the_c_abi_refuses_every_case_without_the_secret() {
    use hum_ffi::*;
    let corpus = corpus();
    let mut p = std::ptr::null_mut();
    assert_eq!(hum_prover_new(&mut p), HumResult::Ok);
    assert_eq!(hum_prover_init(p, 4, std::ptr::null(), 0, std::ptr::null(), 0), HumResult::Ok);
    let mut cases: Vec<(String, Vec<u8>, Option<String>)> =
        corpus.cases.iter().map(|c| (c.name.clone(), c.text.clone().into_bytes(), c.field.clone())).collect();
    // Bytes no JSON text can hold: the secret followed by invalid UTF-8.
    let mut raw = format!("{{\"secret\":\"0x{}", corpus.secret).into_bytes();
    raw.extend_from_slice(&[0xff, 0xfe, b'"', b'}']);
    cases.push(("invalid UTF-8 after the secret".into(), raw, None));
    for (name, bytes, field) in &cases {
        let mut out = HumBuffer { data: std::ptr::null_mut(), len: 0 };
        let code = hum_prover_prove(p, bytes.as_ptr(), bytes.len(), HumFlavour::Standard as u32, &mut out);
        assert_eq!(code, HumResult::InvalidWitness, "{name}");
        assert!(out.data.is_null() && out.len == 0, "{name}: no proof buffer on error");
        let mut message = HumBuffer { data: std::ptr::null_mut(), len: 0 };
        assert_eq!(hum_prover_last_error(p, &mut message), HumResult::Ok);
        let text =
            String::from_utf8(unsafe { std::slice::from_raw_parts(message.data, message.len) }.to_vec()).unwrap();
        hum_buffer_free(message);
        if let Some(field) = field {
            assert!(text.contains(&format!("`{field}`")), "C ABI, {name}: {text:?}");
        }
        corpus.assert_clean("C ABI", name, &text);
    }
    hum_prover_free(p);
}
