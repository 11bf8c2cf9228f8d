//! Writes `core/src/ipa-k9.bin`, the embedded IPA generators of the default circuit, from
//! `hum_core::ipa::derive` (a test fails when the committed file differs).

fn main() -> std::io::Result<()> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ipa-k9.bin");
    let bytes = hum_core::ipa::to_bytes(&hum_core::ipa::derive(hum_core::ipa::EMBEDDED_K));
    std::fs::write(&path, &bytes)?;
    println!("wrote {} ({} bytes)", path.display(), bytes.len());
    Ok(())
}
