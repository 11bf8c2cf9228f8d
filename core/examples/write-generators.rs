//! Writes `core/src/ipa-k{7,8,9,10}.bin`, the embedded IPA generators of every size hum's circuits
//! use, from `hum_core::ipa::derive` (a test fails when a committed file differs).

fn main() -> std::io::Result<()> {
    for k in hum_core::ipa::embedded_sizes() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("src/ipa-k{k}.bin"));
        let bytes = hum_core::ipa::to_bytes(&hum_core::ipa::derive(k));
        std::fs::write(&path, &bytes)?;
        println!("wrote {} ({} bytes)", path.display(), bytes.len());
    }
    Ok(())
}
