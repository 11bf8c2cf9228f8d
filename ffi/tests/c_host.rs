//! The C header is current, the C example builds with gcc -Wall -Wextra -Werror against both
//! libraries, runs, and is clean under valgrind's memcheck; the Swift package names only what
//! the header has.

use std::{path::PathBuf, process::Command};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The directory with libhum.a / libhum.so: this test binary's profile directory.
fn lib_dir() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let dir = exe.parent().unwrap().parent().unwrap().to_path_buf(); // …/release/deps → …/release
    assert!(
        dir.join("libhum.a").exists() && dir.join("libhum.so").exists(),
        "build hum-ffi first (cargo build --release -p hum-ffi)"
    );
    dir
}

fn run(cmd: &mut Command) -> (bool, String, String) {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_committed_header_matches_the_rust_source() {
    let (ok, _, err) = run(Command::new("cbindgen").current_dir(root().join("ffi")).args([
        "--config",
        "cbindgen.toml",
        "--crate",
        "hum-ffi",
        "--output",
        "include/hum.h",
        "--verify",
    ]));
    assert!(ok, "ffi/include/hum.h drifted from ffi/src (regenerate with cbindgen): {err}");
}

fn build_example() -> PathBuf {
    let dir = root().join("hosts/c");
    let (ok, out, err) =
        run(Command::new("make").current_dir(&dir).arg("-B").arg(format!("HUM_LIB_DIR={}", lib_dir().display())));
    assert!(ok, "make failed:\n{out}\n{err}");
    dir.join("build")
}

#[test]
fn the_c_example_proves_for_a_member_verifies_and_shows_the_errors() {
    let build = build_example();
    for binary in ["hum_example_static", "hum_example_shared"] {
        let (ok, out, err) = run(Command::new(build.join(binary)).arg("20"));
        assert!(ok, "{binary}:\n{out}\n{err}");
        assert!(out.contains("identity commitment: 0x"), "{out}");
        assert!(out.contains("group root: 0x"), "{out}");
        assert!(out.contains(&format!("initialised: hum1-d20-k{}-", hum_core::k_for_depth(20))), "{out}");
        assert!(out.contains("progress: 100%"), "{out}");
        assert!(out.contains("verify: valid"), "{out}");
        assert!(
            out.contains("not a member: an argument is out of range: ") && out.contains("is not a member of the group"),
            "{out}"
        );
        assert!(
            out.contains("bad group: an argument is out of range: ")
                && out.contains("`members[2]` repeats `members[0]`"),
            "{out}"
        );
        assert!(!err.contains("backwards"), "{err}");
    }
}

#[test]
fn the_c_example_is_clean_under_valgrind() {
    let build = build_example();
    let (ok, out, err) = run(Command::new("valgrind")
        .args([
            "--tool=memcheck",
            "--error-exitcode=99",
            "--leak-check=full",
            "--errors-for-leak-kinds=definite,indirect",
            "--show-leak-kinds=definite,indirect",
        ])
        .arg(build.join("hum_example_static"))
        .arg("3"));
    assert!(ok, "valgrind reported errors or leaks:\n{out}\n{err}");
    assert!(err.contains("ERROR SUMMARY: 0 errors"), "{err}");
    assert!(out.contains("verify: valid"), "{out}");
}

#[test]
fn the_swift_package_uses_only_functions_the_header_declares() {
    let header = std::fs::read_to_string(root().join("ffi/include/hum.h")).unwrap();
    let module_map = std::fs::read_to_string(root().join("hosts/swift/Sources/CHum/include/module.modulemap")).unwrap();
    assert!(module_map.contains("header \"hum.h\""), "{module_map}");
    let linked = root().join("hosts/swift/Sources/CHum/include/hum.h");
    assert_eq!(
        std::fs::read_to_string(linked).unwrap(),
        header,
        "the Swift package's hum.h is not the generated header"
    );
    let swift = std::fs::read_to_string(root().join("hosts/swift/Sources/HumExample/main.swift")).unwrap()
        + &std::fs::read_to_string(root().join("hosts/swift/Sources/Hum/Hum.swift")).unwrap();
    let mut called = 0;
    for token in swift.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|t| t.starts_with("hum_")) {
        let declared = header.contains(&format!(" {token}(")) || header.contains(&format!("*{token}("));
        assert!(declared, "Swift calls {token}, which hum.h does not declare");
        called += 1;
    }
    assert!(called >= 6, "the Swift code calls init, prove, verify and friends");
}
