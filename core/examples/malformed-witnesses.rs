//! Writes `core/vectors/malformed-witnesses.json`: one valid depth-4 witness with a distinctive
//! secret, and malformed variants of it. Every surface's secrets test (core, CLI, C ABI,
//! component, browser) runs these and asserts that the secret's digits appear in no message.
use hum_core::{field::fr_to_hex, poseidon2::hash1, tree::MerkleTree, Fr};
use serde_json::{json, Value};

const SECRET: &str = "0e5f3c9a1b7d2e4f6a8c0b1d3e5f7a9c2b4d6e8f0a1c3e5d7f9b2a4c6e8d0f13";
const MODULUS: &str = "30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001";

fn be(hex_digits: &str) -> [u8; 32] {
    let mut out = [0u8; 32];
    hex::decode_to_slice(hex_digits, &mut out).unwrap();
    out
}

/// p + s as 64 hex digits (fits in 256 bits for this s).
fn plus_modulus(s: &str) -> String {
    let (a, b) = (be(s), be(MODULUS));
    let mut out = [0u8; 32];
    let mut carry = 0u16;
    for i in (0..32).rev() {
        let sum = a[i] as u16 + b[i] as u16 + carry;
        out[i] = sum as u8;
        carry = sum >> 8;
    }
    assert_eq!(carry, 0);
    hex::encode(out)
}

fn decimal(s: &str) -> String {
    let mut digits = be(s).to_vec();
    let mut out = Vec::new();
    while digits.iter().any(|d| *d != 0) {
        let mut rem = 0u32;
        for d in digits.iter_mut() {
            let cur = (rem << 8) | *d as u32;
            *d = (cur / 10) as u8;
            rem = cur % 10;
        }
        out.push(b'0' + rem as u8);
    }
    out.reverse();
    String::from_utf8(out).unwrap()
}

fn main() -> std::io::Result<()> {
    let secret = hum_core::field::parse_fr(&format!("0x{SECRET}")).expect("the secret is canonical");
    let others: Vec<Fr> = (1..16u64).map(|i| hash1(Fr::from(1000 + i))).collect();
    let index = 5u64;
    let mut leaves = others.clone();
    leaves.insert(index as usize, hash1(secret));
    let tree = MerkleTree::new(4, &leaves);
    let siblings: Vec<String> = tree.siblings(index).iter().map(fr_to_hex).collect();
    let other_root = MerkleTree::new(4, &others).root();
    let base = json!({
        "secret": format!("0x{SECRET}"),
        "index": index,
        "siblings": siblings,
        "action_id": "0x2a",
        "message_hash": "0x1234",
        "root": fr_to_hex(&tree.root()),
    });
    let with = |field: &str, value: Value| {
        let mut w = base.clone();
        w[field] = value;
        w.to_string()
    };
    let without = |field: &str| {
        let mut w = base.clone();
        w.as_object_mut().unwrap().remove(field);
        w.to_string()
    };
    let sibling = |i: usize, value: &str| {
        let mut w = base.clone();
        w["siblings"][i] = json!(value);
        w.to_string()
    };
    let bad = format!("0x{SECRET}z");
    let full = base.to_string();
    let cases: Vec<(&str, String, Option<&str>)> = vec![
        (
            "secret above the modulus (p + s)",
            with("secret", json!(format!("0x{}", plus_modulus(SECRET)))),
            Some("secret"),
        ),
        ("secret followed by a non-hex digit", with("secret", json!(bad)), Some("secret")),
        ("secret with 65 digits", with("secret", json!(format!("0x0{SECRET}"))), Some("secret")),
        ("secret without 0x", with("secret", json!(SECRET)), Some("secret")),
        ("secret in upper case without 0x", with("secret", json!(SECRET.to_uppercase())), Some("secret")),
        ("secret as a JSON number", full.replace(&format!("\"0x{SECRET}\""), &decimal(SECRET)), Some("secret")),
        ("secret inside an array", with("secret", json!([format!("0x{SECRET}")])), Some("secret")),
        ("secret inside an object", with("secret", json!({ "value": format!("0x{SECRET}") })), Some("secret")),
        ("secret is null", with("secret", Value::Null), Some("secret")),
        ("secret is 0x only", with("secret", json!("0x")), Some("secret")),
        ("secret missing", without("secret"), Some("secret")),
        ("an unknown field holding the secret", with("nonce", json!(format!("0x{SECRET}"))), Some("nonce")),
        ("the secret as an unknown field's name", with(&format!("0x{SECRET}"), json!(1)), None),
        ("index is the secret as a string", with("index", json!(format!("0x{SECRET}"))), Some("index")),
        ("index out of range for depth 4", with("index", json!(16)), Some("index")),
        ("index negative", with("index", json!(-1)), Some("index")),
        ("index missing", without("index"), Some("index")),
        ("siblings[2] above the modulus", sibling(2, &format!("0x{MODULUS}")), Some("siblings[2]")),
        ("siblings[1] is the secret with a non-hex digit", sibling(1, &bad), Some("siblings[1]")),
        ("siblings empty", with("siblings", json!([])), Some("siblings")),
        ("siblings of 33 elements", with("siblings", json!(vec!["0x1"; 33])), Some("siblings")),
        ("siblings is the secret as a string", with("siblings", json!(format!("0x{SECRET}"))), Some("siblings")),
        ("siblings missing", without("siblings"), Some("siblings")),
        ("action_id is the modulus", with("action_id", json!(format!("0x{MODULUS}"))), Some("action_id")),
        ("action_id missing", without("action_id"), Some("action_id")),
        ("message_hash is the secret with a non-hex digit", with("message_hash", json!(bad)), Some("message_hash")),
        ("message_hash is a number", with("message_hash", json!(7)), Some("message_hash")),
        ("root of another tree", with("root", json!(fr_to_hex(&other_root))), Some("root")),
        ("root is the secret with a non-hex digit", with("root", json!(bad)), Some("root")),
        ("truncated after the secret", full[..full.find(SECRET).unwrap() + SECRET.len()].to_string(), None),
        ("a trailing comma", full.replacen('}', ",}", 1), None),
        ("the bare secret", SECRET.to_string(), None),
        ("a JSON array holding the secret", json!([format!("0x{SECRET}")]).to_string(), None),
        ("empty input", String::new(), None),
    ];
    let doc = json!({
        "about": "Malformed witnesses around one valid depth-4 witness; no error message may contain the secret's digits.",
        "secret": SECRET,
        "secret_decimal": decimal(SECRET),
        "valid": full,
        "cases": cases.iter().map(|(name, text, field)| json!({"name": name, "text": text, "field": field})).collect::<Vec<_>>(),
    });
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/vectors/malformed-witnesses.json");
    std::fs::write(path, serde_json::to_string_pretty(&doc)? + "\n")?;
    println!("wrote {path} ({} cases)", cases.len());
    Ok(())
}
