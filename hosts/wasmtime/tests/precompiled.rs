//! The precompiled component cache runs native code, so a planted artifact must never load: one
//! whose bytes are not those hum recorded, or one in a place others can write.

mod common;

use std::{os::unix::fs::PermissionsExt, path::Path};

use hum_host::runtime::{Precompiled, Runtime};

fn artifact(dir: &Path) -> std::path::PathBuf {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "cwasm"))
        .expect("a precompiled artifact was written")
}

#[test]
fn a_planted_precompiled_component_is_compiled_again_not_loaded() {
    let root = std::env::temp_dir().join(format!("hum-precompiled-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let (trusted, other) = (root.join("trusted"), root.join("other"));
    let wasm = std::fs::read(common::component_path()).unwrap();

    let first = Runtime::from_bytes(&wasm, Some(&trusted)).unwrap();
    assert_eq!(first.precompiled(), &Precompiled::Written);
    let file = artifact(&trusted);
    assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
    assert_eq!(std::fs::metadata(&trusted).unwrap().permissions().mode() & 0o777, 0o700);
    assert_eq!(Runtime::from_bytes(&wasm, Some(&trusted)).unwrap().precompiled(), &Precompiled::Loaded);

    // A valid artifact of another module (wasmtime would load it: same engine) planted under
    // the component's name: its bytes are not the recorded ones.
    // (The smallest component: the binary preamble of the component layer, no sections.)
    let empty_component = b"\0asm\x0d\x00\x01\x00";
    let other_module =
        wasmtime::component::Component::new(first.engine(), empty_component).unwrap().serialize().unwrap();
    std::fs::write(&file, &other_module).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    let replanted = Runtime::from_bytes(&wasm, Some(&trusted)).unwrap();
    assert!(
        matches!(replanted.precompiled(), Precompiled::Rejected(r) if r.contains("SHA-256 differs")),
        "{:?}",
        replanted.precompiled()
    );
    // It compiled the real component again and works.
    common::Harness::with_runtime(&replanted, 256 << 20).send(common::init_command(3));
    assert_eq!(Runtime::from_bytes(&wasm, Some(&trusted)).unwrap().precompiled(), &Precompiled::Loaded);

    // The recorded hash is right, but others could have written the file (or its directory).
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o620)).unwrap();
    let shared = Runtime::from_bytes(&wasm, Some(&trusted)).unwrap();
    assert!(
        matches!(shared.precompiled(), Precompiled::Rejected(r) if r.contains("writable by its group")),
        "{:?}",
        shared.precompiled()
    );
    std::fs::create_dir_all(&other).unwrap();
    std::fs::set_permissions(&other, std::fs::Permissions::from_mode(0o777)).unwrap();
    assert_eq!(Runtime::from_bytes(&wasm, Some(&other)).unwrap().precompiled(), &Precompiled::Written);
    let open_dir = Runtime::from_bytes(&wasm, Some(&other)).unwrap();
    assert!(
        matches!(open_dir.precompiled(), Precompiled::Rejected(r) if r.contains("writable by its group or by others")),
        "{:?}",
        open_dir.precompiled()
    );
    let _ = std::fs::remove_dir_all(root);
}
