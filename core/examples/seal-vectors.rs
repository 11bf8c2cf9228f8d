//! Writes `core/vectors/hum-seal-v1.json`: fixed keys and nonces, and the envelopes they give.
//! Both the Rust tests and the Web Crypto tests reproduce every envelope from these inputs.
fn main() -> std::io::Result<()> {
    use hum_core::seal::{public_key_of, seal_with};
    let cases = [
        ("empty plaintext, empty aad", 1u8, 2u8, 3u8, &b""[..], &b""[..]),
        ("proof bytes, empty aad", 4, 5, 6, &b"hum proof bytes \x00\x01\x02"[..], &b""[..]),
        ("with aad", 7, 8, 9, &b"sealed for the enclave"[..], &b"session-42"[..]),
    ];
    let mut vectors = Vec::new();
    for (name, r, e, n, plaintext, aad) in cases {
        let recipient_secret = [r; 32];
        let ephemeral_secret = [e; 32];
        let nonce = [n; 12];
        let recipient_public = public_key_of(&recipient_secret).expect("valid scalar");
        let envelope = seal_with(&recipient_public, plaintext, aad, &ephemeral_secret, &nonce).expect("seal");
        vectors.push(serde_json::json!({
            "name": name,
            "recipient_secret_key": hex::encode(recipient_secret),
            "recipient_public_key": hex::encode(recipient_public),
            "ephemeral_secret_key": hex::encode(ephemeral_secret),
            "nonce": hex::encode(nonce),
            "plaintext": hex::encode(plaintext),
            "aad": hex::encode(aad),
            "envelope": hex::encode(envelope),
        }));
    }
    let doc = serde_json::json!({"format": "hum-seal-v1", "vectors": vectors});
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/vectors/hum-seal-v1.json");
    std::fs::write(path, serde_json::to_string_pretty(&doc)? + "\n")?;
    println!("wrote {path}");
    Ok(())
}
