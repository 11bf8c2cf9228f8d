//! `ErrorKind` is the one list of failure kinds: its names and order are the cross-surface
//! table's (`tests/vectors/error-kinds.json`), which the other surfaces are checked against.

use hum_core::ErrorKind;

#[test]
fn the_kinds_are_the_tables_in_order() {
    let table: serde_json::Value = serde_json::from_str(include_str!("../../tests/vectors/error-kinds.json")).unwrap();
    let names: Vec<&str> = table["kinds"].as_array().unwrap().iter().map(|r| r["kind"].as_str().unwrap()).collect();
    let ours: Vec<&str> = ErrorKind::ALL.iter().map(|k| k.name()).collect();
    assert_eq!(ours, names);
    for kind in ErrorKind::ALL {
        assert_eq!(ErrorKind::from_name(kind.name()), Some(kind));
    }
    for row in table["kinds"].as_array().unwrap() {
        assert_eq!(row["wit"], row["kind"], "the WIT code is the kind's name");
        assert_eq!(row["ts"], row["kind"], "the TypeScript code is the kind's name");
    }
}

#[test]
fn a_bad_depth_is_an_invalid_argument_everywhere() {
    let error = hum_core::keys::checked_k(0).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidArgument);
}
