//! Witness JSON: each kind of bad input is its own typed error, and none echoes the secret.

use super::*;
use crate::{error::FieldError, field::fr_to_hex, Fr};

const SECRET: &str = "0x2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a2a";

fn good(depth: usize) -> serde_json::Value {
    serde_json::json!({
        "secret": SECRET,
        "index": 5,
        "siblings": (0..depth).map(|i| format!("0x{:x}", i + 11)).collect::<Vec<_>>(),
        "action_id": "0x07",
        "message_hash": "0x0abc",
    })
}

fn parse(v: &serde_json::Value) -> Result<MembershipValues> {
    let w = Witness::from_json(v.to_string().as_bytes())?;
    w.validate()
}

fn check_no_secret(e: &Error) {
    let text = e.to_string();
    assert!(!text.contains(&SECRET[2..]), "{text}");
    assert!(!format!("{e:?}").contains(&SECRET[2..]));
}

#[test]
fn a_good_witness_validates_with_its_root() {
    let mut v = good(4);
    let values = parse(&v).unwrap();
    assert_eq!(values.index_bits, vec![true, false, true, false]);
    v["root"] = fr_to_hex(&values.public_inputs()[0]).into();
    assert!(parse(&v).is_ok());
}

/// A case: its name, the witness, and what the error must be.
type Case = (&'static str, serde_json::Value, Box<dyn Fn(&Error) -> bool>);

#[test]
fn each_bad_input_is_its_own_typed_error() {
    let cases: Vec<Case> = vec![
        (
            "non-hex",
            {
                let mut v = good(4);
                v["action_id"] = "0xzz".into();
                v
            },
            Box::new(
                |e| matches!(e, Error::InvalidField { field, reason: FieldError::NotHex } if field == "action_id"),
            ),
        ),
        (
            "value >= p",
            {
                let mut v = good(4);
                v["siblings"][2] = "0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001".into();
                v
            },
            Box::new(
                |e| matches!(e, Error::InvalidField { field, reason: FieldError::NotCanonical } if field == "siblings[2]"),
            ),
        ),
        (
            "65 digits",
            {
                let mut v = good(4);
                v["secret"] = format!("0x{}", "1".repeat(65)).into();
                v
            },
            Box::new(
                |e| matches!(e, Error::InvalidField { field, reason: FieldError::TooLong(65) } if field == "secret"),
            ),
        ),
        (
            "no prefix",
            {
                let mut v = good(4);
                v["message_hash"] = "abc".into();
                v
            },
            Box::new(
                |e| matches!(e, Error::InvalidField { field, reason: FieldError::MissingPrefix } if field == "message_hash"),
            ),
        ),
        ("depth 0", good(0), Box::new(|e| matches!(e, Error::InvalidDepth(0)))),
        ("depth 33", good(33), Box::new(|e| matches!(e, Error::InvalidDepth(33)))),
        (
            "index too big",
            {
                let mut v = good(2);
                v["index"] = 4.into();
                v
            },
            Box::new(|e| matches!(e, Error::IndexOutOfRange { depth: 2 })),
        ),
        (
            "negative index",
            {
                let mut v = good(2);
                v["index"] = (-1).into();
                v
            },
            Box::new(|e| matches!(e, Error::WitnessJson(m) if m.contains("index"))),
        ),
        (
            "unknown field",
            {
                let mut v = good(2);
                v["leaf"] = "0x1".into();
                v
            },
            Box::new(|e| matches!(e, Error::UnknownField(Some(f)) if f == "leaf")),
        ),
        (
            "missing field",
            {
                let mut v = good(2);
                v.as_object_mut().unwrap().remove("action_id");
                v
            },
            Box::new(|e| matches!(e, Error::MissingField("action_id"))),
        ),
        (
            "missing secret",
            {
                let mut v = good(2);
                v.as_object_mut().unwrap().remove("secret");
                v
            },
            Box::new(|e| matches!(e, Error::MissingField("secret"))),
        ),
        (
            "root differs",
            {
                let mut v = good(4);
                v["root"] = "0x1234".into();
                v
            },
            Box::new(|e| matches!(e, Error::RootMismatch)),
        ),
        ("not an object", serde_json::json!([1, 2]), Box::new(|e| matches!(e, Error::WitnessJson(_)))),
    ];
    for (name, value, expected) in cases {
        let err = parse(&value).expect_err(name);
        assert!(expected(&err), "{name}: got {err:?}");
        check_no_secret(&err);
    }
    let garbage = Witness::from_json(b"\x00\xffnot json").unwrap_err();
    assert!(matches!(garbage, Error::WitnessJson(_)));
}

#[test]
fn a_bad_secret_is_named_but_not_shown() {
    let mut v = good(3);
    let bad = format!("{}zz", &SECRET[..60]);
    v["secret"] = bad.clone().into();
    let err = parse(&v).unwrap_err();
    assert!(err.to_string().contains("`secret`"));
    assert!(!err.to_string().contains(&bad[2..]));
    let w = Witness::from_json(good(3).to_string().as_bytes()).unwrap();
    assert!(!format!("{w:?}").contains(&SECRET[2..]));
    let _ = Fr::one();
}

#[test]
fn committed_schema_matches_the_rust_type() {
    let committed = include_str!("../../witness.schema.json");
    assert_eq!(
        committed,
        Witness::json_schema(),
        "core/witness.schema.json drifted: run `cargo run --release -p hum-core --example write-schema`"
    );
}
