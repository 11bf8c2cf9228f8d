//! The `hum` CLI as a user runs it: exit codes, messages, files.

mod common;

use common::{hum, workdir};

#[test]
fn prove_then_verify_then_tamper() {
    let dir = workdir("prove");
    let witness = common::witness(5, 1);
    std::fs::write(dir.join("w.json"), serde_json::to_string(&witness).unwrap()).unwrap();
    let run = hum(&dir, &["prove", "--witness", "w.json", "--out", "p.json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // The default is IPA on hum's generators: nothing to pass, nothing insecure.
    assert!(!run.stderr.contains("INSECURE"), "{}", run.stderr);
    assert!(run.stdout.contains("wrote p.json") && !run.stdout.contains("INSECURE"), "{}", run.stdout);

    let run = hum(&dir, &["verify", "p.json", "--depth", "5"]);
    assert_eq!(run.code, 0, "{} {}", run.stdout, run.stderr);
    assert!(run.stdout.starts_with("valid") && !run.stdout.contains("INSECURE"), "{}", run.stdout);

    let mut proof: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("p.json")).unwrap()).unwrap();
    assert!(!proof["circuit"]["insecure_dev_srs"].as_bool().unwrap());
    assert_eq!(proof["circuit"]["scheme"], "ipa");
    let original = proof["public_inputs"]["message_hash"].clone();
    proof["public_inputs"]["message_hash"] = "0x0bad".into();
    std::fs::write(dir.join("other-message.json"), proof.to_string()).unwrap();
    let run = hum(&dir, &["verify", "other-message.json", "--depth", "5", "--json"]);
    assert_eq!(run.code, 1, "a proof for another message is invalid: {}", run.stdout);
    assert_eq!(serde_json::from_str::<serde_json::Value>(&run.stdout).unwrap()["valid"], false);

    proof["public_inputs"]["message_hash"] = original;
    let hex = proof["proof"].as_str().unwrap().to_string();
    let flipped = format!("{}{}{}", &hex[..100], if &hex[100..101] == "0" { "1" } else { "0" }, &hex[101..]);
    proof["proof"] = flipped.into();
    std::fs::write(dir.join("flipped.json"), proof.to_string()).unwrap();
    assert_eq!(hum(&dir, &["verify", "flipped.json", "--depth", "5"]).code, 1);

    std::fs::write(dir.join("garbage.json"), "\u{0}\u{1} not json").unwrap();
    let run = hum(&dir, &["verify", "garbage.json", "--depth", "5"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.starts_with("hum: error: invalid proof"), "{}", run.stderr);
    assert_eq!(hum(&dir, &["verify", "missing.json"]).code, 2);
}

#[test]
fn a_bad_witness_file_exits_2_with_one_clear_line() {
    let dir = workdir("bad");
    let mut witness = serde_json::to_value(common::witness(5, 0)).unwrap();
    let secret = witness["secret"].as_str().unwrap().to_string();
    witness["siblings"][3] = "0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001".into();
    std::fs::write(dir.join("w.json"), witness.to_string()).unwrap();
    let run = hum(&dir, &["prove", "--witness", "w.json", "--out", "p.json"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr.trim(),
        "hum: error: invalid witness: `siblings[3]` is not below the field modulus p (non-canonical)"
    );
    assert!(!run.stderr.contains(&secret[2..]));
    assert!(!dir.join("p.json").exists());

    witness["siblings"][3] = "0x1".into();
    witness["extra"] = "0x1".into();
    std::fs::write(dir.join("w.json"), witness.to_string()).unwrap();
    let run = hum(&dir, &["prove", "--witness", "w.json", "--out", "p.json"]);
    assert_eq!((run.code, run.stderr.trim()), (2, "hum: error: invalid witness: unknown field `extra`"));

    std::fs::write(dir.join("w.json"), "not json at all").unwrap();
    assert_eq!(hum(&dir, &["prove", "--witness", "w.json", "--out", "p.json"]).code, 2);
}

#[test]
fn keypair_seal_open_through_the_cli() {
    let dir = workdir("seal");
    let run = hum(&dir, &["keypair", "--out", "key.json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let public = run.stdout.trim().to_string();
    assert!(public.starts_with("0x04") && public.len() == 132);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(dir.join("key.json")).unwrap().permissions().mode() & 0o777, 0o600);
    }
    std::fs::write(dir.join("msg"), b"proof for the enclave").unwrap();
    assert_eq!(hum(&dir, &["seal", "--to", &public, "--in", "msg", "--out", "env", "--aad", "ctx"]).code, 0);
    assert_eq!(hum(&dir, &["open", "--key", "key.json", "--in", "env", "--out", "opened", "--aad", "ctx"]).code, 0);
    assert_eq!(std::fs::read(dir.join("opened")).unwrap(), b"proof for the enclave");
    let run = hum(&dir, &["open", "--key", "key.json", "--in", "env", "--out", "opened2"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("wrong key, wrong aad, or altered bytes"), "{}", run.stderr);
    assert_eq!(hum(&dir, &["seal", "--to", "0x1234", "--in", "msg", "--out", "env"]).code, 2);
}

#[test]
fn a_wrong_pinned_srs_hash_fails_before_any_work_and_keeps_the_cache() {
    let dir = workdir("srs-pin");
    std::fs::write(dir.join("w.json"), serde_json::to_string(&common::witness(3, 0)).unwrap()).unwrap();
    let srs = hum_core::Srs::insecure_dev(hum_core::k_for_depth(3));
    std::fs::write(dir.join("srs.params"), srs.to_bytes()).unwrap();
    let hash = hum_core::srs::format_hash(srs.hash());
    let run =
        hum(&dir, &["prove", "--witness", "w.json", "--out", "p.json", "--srs", "srs.params", "--srs-hash", &hash]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let wrong = format!("sha256:{}", "ab".repeat(32));
    let run =
        hum(&dir, &["prove", "--witness", "w.json", "--out", "p2.json", "--srs", "srs.params", "--srs-hash", &wrong]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("hum: error: invalid SRS: hash") && run.stderr.contains("differs from the pinned"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("corrupted"), "a good cache entry must not be discarded: {}", run.stderr);
    assert!(!dir.join("p2.json").exists());
}

/// The attack SECURITY.md describes: a member who registered L = H(H(s1), H(s2)) in a depth-20
/// group proves twice at depth 21, with two nullifiers, and both proofs reach the group's root.
/// `hum verify` takes its depth from its flags (default 20), so it refuses both.
#[test]
fn a_depth_21_proof_for_a_depth_20_group_is_refused() {
    use hum_core::{
        field::fr_to_hex,
        poseidon2::{hash1, hash2},
        tree::MerkleTree,
        Fr, Witness,
    };
    let dir = workdir("depth-attack");
    let (s1, s2) = (Fr::from(31), Fr::from(32));
    let group = MerkleTree::new(20, &[hash1(Fr::from(30)), hash2(hash1(s1), hash1(s2))]);
    let root = fr_to_hex(&group.root());
    let mut nullifiers = Vec::new();
    for (name, secret, sibling, index) in [("a", s1, hash1(s2), 0b10), ("b", s2, hash1(s1), 0b11)] {
        let siblings = std::iter::once(sibling).chain(group.siblings(1)).map(|f| fr_to_hex(&f)).collect();
        let w = Witness {
            secret: fr_to_hex(&secret),
            index,
            siblings,
            action_id: "0x77".into(),
            message_hash: "0x1".into(),
            root: Some(root.clone()),
        };
        std::fs::write(dir.join(format!("{name}.json")), serde_json::to_string(&w).unwrap()).unwrap();
        let out = format!("p-{name}.json");
        let run = hum(&dir, &["prove", "--witness", &format!("{name}.json"), "--out", &out]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let proof: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dir.join(&out)).unwrap()).unwrap();
        assert_eq!(proof["public_inputs"]["root"], root.as_str(), "the depth-21 path reaches the group's root");
        nullifiers.push(proof["public_inputs"]["nullifier"].clone());

        let run = hum(&dir, &["verify", &out, "--root", &root]);
        assert_eq!(run.code, 1, "{} {}", run.stdout, run.stderr);
        assert!(
            run.stdout.starts_with("invalid: the proof is for circuit hum1-d21-k10-")
                && run.stdout.contains("(depth 21, k = 10")
                && run.stdout.contains("this verifier accepts hum1-d20-k9-"),
            "{}",
            run.stdout
        );
        // The same proof is valid for a verifier that chose depth 21.
        assert_eq!(hum(&dir, &["verify", &out, "--depth", "21"]).code, 0);
    }
    assert_ne!(nullifiers[0], nullifiers[1]);
}

#[test]
fn the_dev_srs_pinned_inputs_and_appended_bytes() {
    let dir = workdir("verify-policy");
    let witness = common::witness(4, 2);
    std::fs::write(dir.join("w.json"), serde_json::to_string(&witness).unwrap()).unwrap();
    let dev = "--insecure-dev-srs";
    let run = hum(&dir, &["prove", "--witness", "w.json", dev, "--out", "p.json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("INSECURE dev SRS") && run.stdout.contains("INSECURE"), "{}{}", run.stdout, run.stderr);
    let verify = |extra: &[&str]| {
        let mut args = vec!["verify", "p.json", "--depth", "4"];
        args.extend_from_slice(extra);
        hum(&dir, &args)
    };
    // Without --depth the verifier accepts depth 20: a depth-4 proof is for another circuit.
    let run = hum(&dir, &["verify", "p.json"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout.contains("(depth 4,") && run.stdout.contains("this verifier accepts hum1-d20-"),
        "{}",
        run.stdout
    );
    // The default verifier is IPA's: a dev-SRS proof is for another circuit, and it says why.
    let run = verify(&[]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stdout.contains("scheme kzg") && run.stdout.contains("scheme ipa"), "{}", run.stdout);
    // The dev SRS passed as if it were a ceremony's file, pinned: still refused for what it is.
    let srs = hum_core::Srs::insecure_dev(hum_core::k_for_depth(4));
    std::fs::write(dir.join("srs.params"), srs.to_bytes()).unwrap();
    let hash = hum_core::srs::format_hash(srs.hash());
    let run = verify(&["--srs", "srs.params", "--srs-hash", &hash]);
    assert_eq!(run.code, 1, "the dev SRS is refused without the opt-in: {}", run.stdout);
    assert!(run.stdout.contains("INSECURE dev SRS") && run.stdout.contains("anyone can forge"), "{}", run.stdout);
    let run = verify(&["--srs", "srs.params", "--srs-hash", &hash, "--json"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!((json["valid"].as_bool(), json["error_kind"].as_str()), (Some(false), Some("insecure-srs")));

    let proof: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dir.join("p.json")).unwrap()).unwrap();
    let root = proof["public_inputs"]["root"].as_str().unwrap();
    let action = proof["public_inputs"]["action_id"].as_str().unwrap();
    let run = verify(&[dev, "--root", root, "--action-id", action]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(run.stdout.contains("INSECURE dev SRS, allowed by --insecure-dev-srs"), "{}", run.stdout);
    // The old spelling of the opt-in still works.
    assert_eq!(verify(&["--allow-insecure-dev-srs"]).code, 0);
    let run = verify(&[dev, "--root", "0x1234"]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("`root` is not the one this verifier expects"), "{}", run.stdout);
    let run = verify(&[dev, "--action-id", "0x1234"]);
    assert!(run.code == 1 && run.stdout.contains("`action_id`"), "{}", run.stdout);
    let run = verify(&[dev, "--root", "0xnothex"]);
    assert!(run.code == 2 && run.stderr.contains("--root is not hexadecimal"), "{}", run.stderr);

    let mut longer = proof.clone();
    longer["proof"] = format!("{}00", proof["proof"].as_str().unwrap()).into();
    std::fs::write(dir.join("p.json"), longer.to_string()).unwrap();
    let run = verify(&[dev]);
    assert!(run.code == 1 && run.stdout.contains("1 trailing byte after the end of the proof"), "{}", run.stdout);

    let run = verify(&["--srs", "srs.params"]);
    assert!(run.code == 2 && run.stderr.contains("--srs needs --srs-hash"), "{}", run.stderr);
    // Two SRSs at once, or KZG with none, are refused before any work.
    assert_eq!(verify(&[dev, "--srs", "srs.params"]).code, 2);
    let run = verify(&["--commitment", "kzg"]);
    assert!(run.code == 2 && run.stderr.contains("the kzg scheme needs an SRS"), "{}", run.stderr);
}

#[test]
fn ipa_proofs_need_no_srs_and_a_verifier_pins_the_scheme() {
    let dir = workdir("ipa");
    std::fs::write(dir.join("w.json"), serde_json::to_string(&common::witness(5, 1)).unwrap()).unwrap();
    // `--commitment ipa` names the default.
    let run = hum(&dir, &["prove", "--witness", "w.json", "--commitment", "ipa", "--out", "p.json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("INSECURE") && !run.stdout.contains("INSECURE"), "{}{}", run.stdout, run.stderr);
    let file: serde_json::Value = serde_json::from_slice(&std::fs::read(dir.join("p.json")).unwrap()).unwrap();
    assert_eq!(file["circuit"]["scheme"], "ipa");
    // A strict verifier of the IPA circuit accepts it: nothing to opt in to.
    let run = hum(&dir, &["verify", "p.json", "--depth", "5", "--commitment", "ipa"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    // A KZG verifier refuses it as another circuit, saying which scheme each is.
    let run = hum(&dir, &["verify", "p.json", "--depth", "5", "--insecure-dev-srs"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stdout.contains("scheme ipa") && run.stdout.contains("scheme kzg"), "{}", run.stdout);
    let run =
        hum(&dir, &["prove", "--witness", "w.json", "--commitment", "ipa", "--insecure-dev-srs", "--out", "q.json"]);
    assert!(run.code == 2 && run.stderr.contains("the ipa scheme needs none"), "{}", run.stderr);
    let run =
        hum(&dir, &["prove", "--witness", "w.json", "--commitment", "ipa", "--srs", "x.params", "--out", "q.json"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("the ipa scheme needs none"), "{}", run.stderr);
}
