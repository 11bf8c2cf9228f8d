//! Importing a snarkjs `.ptau`: the points are the ceremony's, proofs made with them verify,
//! dev-SRS proofs do not, and malformed files are refused. The `.ptau` is made with snarkjs
//! (tests/js) and cached under `$HUM_PTAU_CACHE` (default: the system temp dir).

use std::{path::PathBuf, process::Command, sync::OnceLock};

use halo2_proofs::{
    halo2curves::{
        bn256::{Bn256, G1Affine, G2Affine},
        pairing::Engine,
    },
    poly::commitment::ParamsProver,
};
use hum_core::{
    field::fr_to_hex, k_for_depth, prove, ptau, verify, CircuitKeys, Error, Flavour, Fr, Srs, SrsKind, Witness,
};
use rand_core::OsRng;

fn ptau_file() -> &'static Vec<u8> {
    static FILE: OnceLock<Vec<u8>> = OnceLock::new();
    FILE.get_or_init(|| {
        let dir = std::env::var_os("HUM_PTAU_CACHE")
            .map(PathBuf::from)
            .unwrap_or_else(|| std::env::temp_dir().join("hum-ptau"));
        let file = dir.join("hum-test-pot11.ptau");
        if !file.exists() {
            std::fs::create_dir_all(&dir).unwrap();
            let cli = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/js/node_modules/snarkjs/build/cli.cjs");
            assert!(cli.exists(), "run `npm ci` in tests/js first (the README's test command does)");
            let p0 = dir.join(format!("p0-{}.ptau", std::process::id()));
            let p1 = dir.join(format!("p1-{}.ptau", std::process::id()));
            let run = |args: &[&str]| {
                let out = Command::new("node").arg(&cli).args(args).output().expect("node runs");
                assert!(out.status.success(), "snarkjs {args:?}: {}", String::from_utf8_lossy(&out.stderr));
            };
            run(&["powersoftau", "new", "bn128", "11", p0.to_str().unwrap()]);
            run(&[
                "powersoftau",
                "contribute",
                p0.to_str().unwrap(),
                p1.to_str().unwrap(),
                "--name=hum",
                "-e=hum test entropy",
            ]);
            std::fs::rename(&p1, &file).unwrap();
            let _ = std::fs::remove_file(p0);
        }
        std::fs::read(file).unwrap()
    })
}

fn witness(depth: usize) -> Witness {
    let siblings: Vec<String> = (0..depth).map(|i| fr_to_hex(&Fr::from(i as u64 + 1))).collect();
    Witness::from_json(
        serde_json::json!({"secret": "0x77", "index": 3, "siblings": siblings, "action_id": "0x5", "message_hash": "0x6"})
            .to_string()
            .as_bytes(),
    )
    .unwrap()
}

#[test]
fn imported_points_are_the_ceremony_and_pair_correctly() {
    let bytes = ptau_file();
    let srs = ptau::import(bytes, 10).unwrap();
    assert_eq!(srs.kind(), SrsKind::Supplied);
    assert_eq!(srs.k(), 10);
    let g = srs.kzg_params().unwrap().get_g();
    assert_eq!(g[0], G1Affine::generator());
    assert_eq!(g[1], ptau::tau_g1(bytes).unwrap(), "g[1] is the file's τ·G1");
    assert_eq!(
        Bn256::pairing(&g[1], &G2Affine::generator()),
        Bn256::pairing(&G1Affine::generator(), &srs.kzg_params().unwrap().s_g2()),
        "e(g[1], G2) = e(G1, s_g2)"
    );
    // The bytes round-trip through the checked reader with the pinned hash.
    assert_eq!(Srs::from_bytes(&srs.to_bytes(), Some(srs.hash())).unwrap().hash(), srs.hash());
}

#[test]
fn proofs_with_imported_params_verify_and_dev_srs_proofs_do_not() {
    let srs = ptau::import(ptau_file(), k_for_depth(20)).unwrap();
    let keys = CircuitKeys::generate(&srs, 20).unwrap();
    assert!(!keys.info().insecure_dev_srs && !keys.info().id.contains("insecure"));
    let result = prove(&keys, &witness(20), Flavour::Standard, OsRng, &mut |_| {}).unwrap();
    verify(&keys, result.flavour, &result.proof, &result.public_inputs).unwrap();

    let dev = CircuitKeys::generate(&Srs::insecure_dev(k_for_depth(20)), 20).unwrap();
    let dev_result = prove(&dev, &witness(20), Flavour::Standard, OsRng, &mut |_| {}).unwrap();
    assert!(dev_result.circuit.insecure_dev_srs);
    assert!(
        verify(&keys, dev_result.flavour, &dev_result.proof, &dev_result.public_inputs).is_err(),
        "a dev-SRS proof must not verify under real params"
    );
}

#[test]
fn malformed_truncated_and_too_small_files_are_refused() {
    let bytes = ptau_file();
    let err = |b: &[u8], k: u32| match ptau::import(b, k) {
        Err(Error::InvalidSrs(m)) => m,
        other => panic!("expected InvalidSrs, got {other:?}"),
    };
    assert!(err(b"nope", 10).contains("bad magic"));
    assert!(err(&bytes[..bytes.len() / 2], 10).contains("truncated"));
    assert!(err(&bytes[..40], 10).contains("truncated"));
    assert!(err(bytes, 12).contains("power ≥ 12"), "k beyond the ceremony's power");
    let mut flipped = bytes.clone();
    // Inside tauG1[2] (after the 12-byte file header, the header section and tauG1[0..2]).
    let g1_section = find_section(&flipped, 2);
    flipped[g1_section + 2 * 64 + 5] ^= 0x10;
    assert!(err(&flipped, 10).contains("tauG1[2] is not a point on the curve"));
    let mut wrong_curve = bytes.clone();
    let header = find_section(&wrong_curve, 1);
    wrong_curve[header + 4] ^= 1;
    assert!(err(&wrong_curve, 10).contains("BN254"));
}

/// The offset of a section's body.
fn find_section(bytes: &[u8], kind: u32) -> usize {
    let mut at = 12;
    loop {
        let t = u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap());
        let size = u64::from_le_bytes(bytes[at + 4..at + 12].try_into().unwrap()) as usize;
        if t == kind {
            return at + 12;
        }
        at += 12 + size;
    }
}
