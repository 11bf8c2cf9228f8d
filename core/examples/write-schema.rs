//! Writes `core/witness.schema.json` from the Rust witness type.
fn main() -> std::io::Result<()> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/witness.schema.json");
    std::fs::write(path, hum_core::Witness::json_schema())?;
    println!("wrote {path}");
    Ok(())
}
