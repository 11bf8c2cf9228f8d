//! The one result enum of the C ABI and its messages.

use hum_core::ErrorKind;

/// The result of every fallible hum call. `HUM_RESULT_OK` is 0.
#[repr(u32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HumResult {
    /// Success (for `hum_prover_verify`: the proof is valid).
    Ok = 0,
    /// A required pointer argument was NULL.
    NullArgument = 1,
    /// An argument is out of range (e.g. a depth outside 1..=32).
    InvalidArgument = 2,
    /// The witness is malformed, non-canonical, of the wrong depth, or its root differs.
    InvalidWitness = 3,
    /// `prove`, `verify` or `export_keys` before a successful `init`.
    NotInitialized = 4,
    /// The SRS bytes are malformed, too small, or not the pinned hash.
    InvalidSrs = 5,
    /// The key bytes are corrupted or for another circuit or SRS.
    InvalidKey = 6,
    /// The proof JSON or its public inputs are malformed.
    InvalidProof = 7,
    /// The proof is well-formed but does not verify.
    ProofRejected = 8,
    /// The proof was cancelled.
    Cancelled = 9,
    /// Another proof is running on this prover.
    Busy = 10,
    /// The witness does not satisfy the circuit.
    Unsatisfied = 11,
    /// A hum-seal-v1 envelope or key is invalid, or the envelope does not open.
    InvalidEnvelope = 12,
    /// A bug: a panic was caught at the boundary. The prover should be freed.
    Panic = 13,
    /// Anything else; `hum_prover_last_error` has the details.
    Internal = 14,
    /// The proof is for another circuit (depth, k, SRS or version) than the verifier accepts.
    WrongCircuit = 15,
    /// The verifier's SRS is the insecure dev SRS and its policy does not allow it.
    InsecureSrs = 16,
    /// `hum_prover_free` has started on this prover: nothing new starts.
    Closing = 17,
    /// The memory budget cannot hold the work (the C ABI sets none today; reserved so that every
    /// failure kind has its result).
    OutOfMemory = 18,
}

impl HumResult {
    /// The C ABI's one map from the failure kinds (`tests/vectors/error-kinds.json` is its table).
    pub fn of_kind(kind: ErrorKind) -> Self {
        match kind {
            ErrorKind::InvalidWitness => HumResult::InvalidWitness,
            ErrorKind::NotInitialized => HumResult::NotInitialized,
            ErrorKind::OutOfMemory => HumResult::OutOfMemory,
            ErrorKind::InvalidSrs => HumResult::InvalidSrs,
            ErrorKind::InvalidKey => HumResult::InvalidKey,
            ErrorKind::InvalidProof => HumResult::InvalidProof,
            ErrorKind::ProofRejected => HumResult::ProofRejected,
            ErrorKind::WrongCircuit => HumResult::WrongCircuit,
            ErrorKind::InsecureSrs => HumResult::InsecureSrs,
            ErrorKind::InvalidArgument => HumResult::InvalidArgument,
            ErrorKind::Unsatisfied => HumResult::Unsatisfied,
            ErrorKind::Cancelled => HumResult::Cancelled,
            ErrorKind::InvalidEnvelope => HumResult::InvalidEnvelope,
            ErrorKind::Internal => HumResult::Internal,
        }
    }

    pub(crate) fn message(self) -> &'static std::ffi::CStr {
        match self {
            HumResult::Ok => c"ok",
            HumResult::NullArgument => c"a required pointer argument was NULL",
            HumResult::InvalidArgument => c"an argument is out of range",
            HumResult::InvalidWitness => c"the witness is invalid",
            HumResult::NotInitialized => c"the prover is not initialised",
            HumResult::InvalidSrs => c"the SRS is invalid or not the pinned one",
            HumResult::InvalidKey => c"the key bytes are invalid or for another circuit",
            HumResult::InvalidProof => c"the proof is malformed",
            HumResult::ProofRejected => c"the proof does not verify",
            HumResult::Cancelled => c"cancelled",
            HumResult::Busy => c"another proof is running on this prover",
            HumResult::Unsatisfied => c"the witness does not satisfy the circuit",
            HumResult::InvalidEnvelope => c"the envelope or key is invalid, or the envelope does not open",
            HumResult::Panic => c"internal panic caught at the C boundary",
            HumResult::Internal => c"internal error",
            HumResult::WrongCircuit => c"the proof is for another circuit than the one the verifier accepts",
            HumResult::Closing => c"the prover is being freed",
            HumResult::OutOfMemory => c"out of memory",
            HumResult::InsecureSrs => {
                c"refused: the verifier's SRS is the insecure dev SRS (anyone can forge its proofs)"
            }
        }
    }
}

const ALL: [HumResult; 19] = [
    HumResult::Ok,
    HumResult::NullArgument,
    HumResult::InvalidArgument,
    HumResult::InvalidWitness,
    HumResult::NotInitialized,
    HumResult::InvalidSrs,
    HumResult::InvalidKey,
    HumResult::InvalidProof,
    HumResult::ProofRejected,
    HumResult::Cancelled,
    HumResult::Busy,
    HumResult::Unsatisfied,
    HumResult::InvalidEnvelope,
    HumResult::Panic,
    HumResult::Internal,
    HumResult::WrongCircuit,
    HumResult::InsecureSrs,
    HumResult::Closing,
    HumResult::OutOfMemory,
];

/// The message of a result code (any `uint32_t`; unknown codes get "unknown result code"): a
/// static, NUL-terminated string that must not be freed.
///
/// Thread-safe.
#[no_mangle]
pub extern "C" fn hum_result_message(result: u32) -> *const std::ffi::c_char {
    match ALL.iter().find(|r| **r as u32 == result) {
        Some(r) => r.message().as_ptr(),
        None => c"unknown result code".as_ptr(),
    }
}
