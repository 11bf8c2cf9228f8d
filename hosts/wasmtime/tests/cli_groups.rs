//! The five steps with the CLI, as a user runs them: identity → group → proof → verify, and the
//! bad inputs of each step.

mod common;

use common::{hum, workdir};

#[test]
fn identity_group_prove_verify() {
    let dir = workdir("five");
    let run = hum(&dir, &["identity", "new", "--out", "id.json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let commitment = run.stdout.trim().to_string();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(dir.join("id.json")).unwrap().permissions().mode() & 0o777, 0o600);
    }
    assert_eq!(hum(&dir, &["identity", "commitment", "id.json"]).stdout.trim(), commitment);
    std::fs::write(dir.join("members.txt"), "# the first two\n0x01\n0x02\n\n").unwrap();
    assert_eq!(hum(&dir, &["group", "new", "--depth", "4", "--members", "members.txt", "--out", "g.json"]).code, 0);
    assert_eq!(hum(&dir, &["group", "add", "g.json", "--member", &commitment]).code, 0);
    let root = hum(&dir, &["group", "root", "g.json"]).stdout.trim().to_string();
    let args = [
        "prove",
        "--identity",
        "id.json",
        "--group",
        "g.json",
        "--action",
        "vote",
        "--message",
        "yes",
        "--out",
        "p.json",
    ];
    let run = hum(&dir, &args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let proof: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dir.join("p.json")).unwrap()).unwrap();
    assert_eq!(proof["public_inputs"]["root"], root.as_str());
    let action = hum_core::field::fr_to_hex(&hum_core::hash_to_field(b"vote"));
    assert_eq!(proof["public_inputs"]["action_id"], action.as_str());
    // The default setup (IPA) passes a strict verifier: no opt-in.
    let verify = ["verify", "p.json", "--group", "g.json"];
    assert_eq!(hum(&dir, &verify).code, 0);
    // The verifier names the action as the prover did, as text.
    let run = hum(&dir, &["verify", "p.json", "--group", "g.json", "--action", "vote"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let run = hum(&dir, &["verify", "p.json", "--group", "g.json", "--action", "vote-2"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stdout.contains("`action_id` is not the one this verifier expects"), "{}", run.stdout);
    // The group moves on: the proof is for a root the group no longer has.
    assert_eq!(hum(&dir, &["group", "add", "g.json", "--member", "0x03"]).code, 0);
    let run = hum(&dir, &verify);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stdout.contains("`root` is not the one this verifier expects"), "{}", run.stdout);
    // Removing the member leaves no proof for it.
    assert_eq!(hum(&dir, &["group", "remove", "g.json", "--member", &commitment]).code, 0);
    let run = hum(&dir, &args);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("is not a member of the group"), "{}", run.stderr);
}

#[test]
fn bad_identities_and_groups_are_refused_with_the_reason() {
    let dir = workdir("five-bad");
    assert_eq!(hum(&dir, &["identity", "new", "--out", "id.json"]).code, 0);
    let secret: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("id.json")).unwrap()).unwrap();
    let secret = secret["secret"].as_str().unwrap().to_string();
    let run = hum(&dir, &["identity", "new", "--out", "id.json"]);
    assert!(run.code == 2 && run.stderr.contains("never overwritten"), "{}", run.stderr);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir.join("id.json"), std::fs::Permissions::from_mode(0o644)).unwrap();
        let run = hum(&dir, &["identity", "commitment", "id.json"]);
        assert!(run.code == 2 && run.stderr.contains("others may read it"), "{}", run.stderr);
        std::fs::set_permissions(dir.join("id.json"), std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    std::fs::write(dir.join("junk.json"), format!("{{\"secret\": \"{secret}\"}}")).unwrap();
    #[cfg(unix)]
    std::fs::set_permissions(dir.join("junk.json"), std::os::unix::fs::PermissionsExt::from_mode(0o600)).unwrap();
    let run = hum(&dir, &["identity", "commitment", "junk.json"]);
    assert!(run.code == 2 && run.stderr.contains("not an identity file"), "{}", run.stderr);
    assert!(!run.stderr.contains(&secret[2..14]), "the secret leaks: {}", run.stderr);

    assert_eq!(hum(&dir, &["group", "new", "--depth", "1", "--out", "g.json"]).code, 0);
    let before = std::fs::read_to_string(dir.join("g.json")).unwrap();
    let above = format!("0x{}", "f".repeat(64));
    let cases: [(&[&str], &str); 5] = [
        (&["group", "add", "g.json", "--member", "0x0"], "is zero"),
        (&["group", "add", "g.json", "--member", &above], "not below the field modulus"),
        (&["group", "add", "g.json", "--member", "0x5", "--member", "0x5"], "repeats member 0"),
        (
            &["group", "add", "g.json", "--member", "0x5", "--member", "0x6", "--member", "0x7"],
            "do not fit a group of depth 1",
        ),
        (&["group", "proof", "g.json", "--index", "0"], "index 0 is not a member"),
    ];
    for (args, expected) in cases {
        let run = hum(&dir, args);
        assert!(run.code == 2 && run.stderr.contains(expected), "{args:?}: {}", run.stderr);
    }
    std::fs::write(dir.join("v2.json"), "{\"version\": 2, \"depth\": 4, \"members\": []}").unwrap();
    let run = hum(&dir, &["group", "root", "v2.json"]);
    assert!(run.code == 2 && run.stderr.contains("version 2"), "{}", run.stderr);
    assert_eq!(
        before,
        std::fs::read_to_string(dir.join("g.json")).unwrap(),
        "refused changes leave the file as it was"
    );
}
