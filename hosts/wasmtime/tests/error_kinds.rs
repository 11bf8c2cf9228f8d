//! The host's one map from WIT error codes to failure kinds agrees with the cross-surface table
//! (`tests/vectors/error-kinds.json`): every code maps to the kind of its own name.

use hum_host::{protocol::kind_of, wit::ErrorCode};

#[test]
fn every_wit_code_maps_to_the_kind_of_its_name() {
    let all = [
        ErrorCode::InvalidWitness,
        ErrorCode::NotInitialized,
        ErrorCode::OutOfMemory,
        ErrorCode::Unsatisfied,
        ErrorCode::InvalidSrs,
        ErrorCode::InvalidKey,
        ErrorCode::InvalidProof,
        ErrorCode::ProofRejected,
        ErrorCode::WrongCircuit,
        ErrorCode::InsecureSrs,
        ErrorCode::InvalidArgument,
        ErrorCode::Cancelled,
        ErrorCode::InvalidEnvelope,
        ErrorCode::Internal,
    ];
    let table: serde_json::Value =
        serde_json::from_str(include_str!("../../../tests/vectors/error-kinds.json")).unwrap();
    let rows = table["kinds"].as_array().unwrap();
    assert_eq!(all.len(), rows.len(), "one WIT code per kind");
    for (code, row) in all.iter().zip(rows) {
        // `ErrorCode::InvalidWitness` → `invalid-witness`: the WIT name of the generated variant.
        let debug = format!("{code:?}");
        let debug = debug.rsplit("::").next().unwrap();
        let mut wit_name = String::new();
        for (i, c) in debug.chars().enumerate() {
            if c.is_ascii_uppercase() && i > 0 {
                wit_name.push('-');
            }
            wit_name.push(c.to_ascii_lowercase());
        }
        assert_eq!(wit_name, row["wit"].as_str().unwrap());
        assert_eq!(kind_of(*code).name(), row["kind"].as_str().unwrap());
    }
}
