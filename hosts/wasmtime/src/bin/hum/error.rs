//! The one place that decides the exit code: 0 success (for `verify`: valid), 1 failure (for
//! `verify`: invalid, or for another circuit than the one the verifier accepts), 2 bad input.

use hum_core::ErrorKind;
use hum_host::HostError;

/// An error with its exit code.
pub struct Failure {
    /// The process's exit code.
    pub code: u8,
    /// What to print after `hum: error:`.
    pub error: anyhow::Error,
}

/// The exit code of a failure of `kind`: 2 when the user's input is at fault (a file, a flag, a
/// witness, an SRS or key file), 1 otherwise. `tests/vectors/error-kinds.json` is the table.
pub fn exit_code(kind: ErrorKind) -> u8 {
    match kind {
        ErrorKind::InvalidWitness
        | ErrorKind::InvalidArgument
        | ErrorKind::InvalidSrs
        | ErrorKind::InvalidKey
        | ErrorKind::InvalidProof
        | ErrorKind::InvalidEnvelope => 2,
        ErrorKind::NotInitialized
        | ErrorKind::OutOfMemory
        | ErrorKind::Unsatisfied
        | ErrorKind::ProofRejected
        | ErrorKind::WrongCircuit
        | ErrorKind::InsecureSrs
        | ErrorKind::Cancelled
        | ErrorKind::Internal => 1,
    }
}

/// Bad input: exit 2.
pub fn bad_input(error: impl Into<anyhow::Error>) -> Failure {
    Failure { code: 2, error: error.into() }
}

/// A failure of hum-core, with its kind's exit code.
pub fn core_failure(error: hum_core::Error) -> Failure {
    Failure { code: exit_code(error.kind()), error: error.into() }
}

/// A failure of the host, with its kind's exit code.
pub fn host_failure(error: HostError) -> Failure {
    Failure { code: exit_code(error.kind()), error: error.into() }
}

impl<E: Into<anyhow::Error>> From<E> for Failure {
    fn from(error: E) -> Self {
        Failure { code: 1, error: error.into() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind's exit code is the one in the cross-surface table.
    #[test]
    fn exit_codes_follow_the_error_kinds_table() {
        let table: serde_json::Value =
            serde_json::from_str(include_str!("../../../../../tests/vectors/error-kinds.json")).unwrap();
        let rows = table["kinds"].as_array().unwrap();
        assert_eq!(rows.len(), ErrorKind::ALL.len());
        for row in rows {
            let kind = ErrorKind::from_name(row["kind"].as_str().unwrap()).unwrap();
            assert_eq!(exit_code(kind) as u64, row["cli_exit"].as_u64().unwrap(), "{}", kind.name());
        }
    }
}
