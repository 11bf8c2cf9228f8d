//! The one error type of hum-core.
//!
//! Every variant says which input was wrong and why. None ever carries a secret's value: the
//! witness errors name the field (`secret`, `siblings[3]`, …) and the reason only.

use thiserror::Error;

/// Why a witness field was rejected.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FieldError {
    /// The string does not start with `0x`.
    #[error("must start with 0x")]
    MissingPrefix,
    /// No hex digits after `0x`.
    #[error("has no hex digits after 0x")]
    Empty,
    /// More than 64 hex digits.
    #[error("has {0} hex digits, at most 64 are allowed")]
    TooLong(usize),
    /// A character that is not a hex digit.
    #[error("is not hexadecimal")]
    NotHex,
    /// The value is not below the BN254 scalar field modulus p.
    #[error("is not below the field modulus p (non-canonical)")]
    NotCanonical,
}

fn describe_unknown(name: &Option<String>) -> String {
    match name {
        Some(name) => format!("unknown field `{name}`"),
        None => "an unknown field (its name is not repeated: it does not look like a field name)".into(),
    }
}

/// Every error hum-core reports.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Error {
    /// The witness JSON is not valid JSON or does not have the witness shape.
    #[error("invalid witness: {0}")]
    WitnessJson(String),
    /// A required witness field is absent.
    #[error("invalid witness: field `{0}` is missing")]
    MissingField(&'static str),
    /// The witness has a field that is not part of the format. The name is kept only when it
    /// looks like a field name (see [`Error::unknown_field`]), so a value pasted as a key is
    /// never echoed.
    #[error("invalid witness: {}", describe_unknown(.0))]
    UnknownField(Option<String>),
    /// A field element is malformed or non-canonical.
    #[error("invalid witness: `{field}` {reason}")]
    InvalidField {
        /// The field's path, e.g. `siblings[3]`.
        field: String,
        /// Why it was rejected.
        reason: FieldError,
    },
    /// The number of siblings is outside 1..=32.
    #[error("invalid witness: `siblings` has {0} entries, the depth must be 1..=32")]
    InvalidDepth(usize),
    /// The number of siblings differs from the depth the prover was initialised for.
    #[error("invalid witness: `siblings` has {got} entries, the prover was initialised for depth {expected}")]
    DepthMismatch {
        /// The prover's depth.
        expected: usize,
        /// The witness's depth.
        got: usize,
    },
    /// `index` does not fit the tree.
    /// The index itself is not repeated: a leaf position is private.
    #[error("invalid witness: `index` does not fit depth {depth}, it must be below 2^{depth}")]
    IndexOutOfRange {
        /// The tree depth.
        depth: usize,
    },
    /// The caller's expected root differs from the root the witness leads to.
    #[error("invalid witness: `root` differs from the root computed from `secret`, `index` and `siblings`")]
    RootMismatch,
    /// A depth outside 1..=32 was asked for (at initialisation or by a verifier).
    #[error("unsupported depth {0}: depths 1..=32 are supported")]
    UnsupportedDepth(usize),
    /// A command that needs keys came before a successful initialisation (it names the command).
    #[error("`{0}` before a successful init")]
    NotInitialized(&'static str),
    /// The memory budget cannot hold the work (the message says which work and how much).
    #[error("out of memory: {0}")]
    OutOfMemory(String),
    /// SRS bytes that cannot be read, are too small, or whose hash is not the pinned one.
    #[error("invalid SRS: {0}")]
    InvalidSrs(String),
    /// Key bytes that cannot be read or do not belong to this circuit and SRS.
    #[error("invalid key: {0}")]
    InvalidKey(String),
    /// Proof bytes or proof JSON that are malformed.
    #[error("invalid proof: {0}")]
    InvalidProof(String),
    /// A well-formed proof that does not verify for these public inputs and keys.
    #[error("the proof does not verify: {0}")]
    ProofRejected(String),
    /// The proof, or the verifier's own keys, are for another circuit than the one the verifier
    /// accepts (depth, k, SRS or version).
    #[error("the proof is for circuit {proof}; this verifier accepts {accepted}")]
    WrongCircuit {
        /// The circuit the proof (or the keys) are for.
        proof: String,
        /// What the verifier accepts.
        accepted: String,
    },
    /// The verifier's SRS is the insecure dev SRS and the verifier did not allow it.
    #[error(
        "refused: the verifier's SRS is the INSECURE dev SRS, whose toxic waste is public, so anyone can forge \
         such proofs; verify with a real ceremony SRS, or allow the dev SRS explicitly (development only)"
    )]
    InsecureDevSrs,
    /// A public input differs from the one the verifier expects (it names the input).
    #[error("the proof's `{0}` is not the one this verifier expects")]
    UnexpectedPublicInput(&'static str),
    /// An identity (file, seed or secret) that cannot be used; the message never holds the secret.
    #[error("invalid identity: {0}")]
    InvalidIdentity(String),
    /// A group (file, member list or operation) that cannot be used; the message names the
    /// member by its position.
    #[error("invalid group: {0}")]
    InvalidGroup(String),
    /// An argument of the caller's (not an input from a prover) is malformed or out of range.
    #[error("invalid argument: {0}")]
    InvalidArgument(String),
    /// Public inputs that are malformed.
    #[error("invalid public inputs: {0}")]
    InvalidPublicInputs(String),
    /// The witness does not satisfy the circuit (cannot happen for a witness that passed
    /// validation; reported rather than trusted).
    #[error("the witness does not satisfy the circuit")]
    Unsatisfied,
    /// The caller asked the prover to stop.
    #[error("cancelled")]
    Cancelled,
    /// A sealed envelope could not be made or opened.
    #[error("seal: {0}")]
    Seal(#[from] crate::seal::SealError),
    /// A failure inside the proving system that no input explains.
    #[error("internal error: {0}")]
    Internal(String),
}

/// The one list of failure kinds. Every surface maps from it in one place: the WIT
/// `error-code` (same names, see [`ErrorKind::name`]), the C ABI's `HumResult`, the TypeScript
/// `HumError.code` and the CLI's exit code; `tests/vectors/error-kinds.json` is the table they
/// are all checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// Anything wrong with the witness.
    InvalidWitness,
    /// A command that needs keys before a successful initialisation.
    NotInitialized,
    /// The memory budget cannot hold the work.
    OutOfMemory,
    /// The witness does not satisfy the circuit.
    Unsatisfied,
    /// SRS bytes rejected.
    InvalidSrs,
    /// Key bytes rejected.
    InvalidKey,
    /// Malformed proof or public inputs.
    InvalidProof,
    /// A well-formed proof that does not verify, or whose public inputs are not the expected ones.
    ProofRejected,
    /// A proof for another circuit than the one the verifier accepts.
    WrongCircuit,
    /// The insecure dev SRS, refused by a verifier that did not allow it.
    InsecureSrs,
    /// A malformed or out-of-range argument of the caller's (a depth outside 1..=32 included).
    InvalidArgument,
    /// Stopped on request.
    Cancelled,
    /// A transport envelope or key rejected.
    InvalidEnvelope,
    /// A failure no input explains.
    Internal,
}

impl ErrorKind {
    /// Every kind, in the WIT's order.
    pub const ALL: [ErrorKind; 14] = [
        ErrorKind::InvalidWitness,
        ErrorKind::NotInitialized,
        ErrorKind::OutOfMemory,
        ErrorKind::Unsatisfied,
        ErrorKind::InvalidSrs,
        ErrorKind::InvalidKey,
        ErrorKind::InvalidProof,
        ErrorKind::ProofRejected,
        ErrorKind::WrongCircuit,
        ErrorKind::InsecureSrs,
        ErrorKind::InvalidArgument,
        ErrorKind::Cancelled,
        ErrorKind::InvalidEnvelope,
        ErrorKind::Internal,
    ];

    /// The kebab-case name, which is the WIT `error-code` and the TypeScript code.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::InvalidWitness => "invalid-witness",
            ErrorKind::NotInitialized => "not-initialized",
            ErrorKind::OutOfMemory => "out-of-memory",
            ErrorKind::Unsatisfied => "unsatisfied",
            ErrorKind::InvalidSrs => "invalid-srs",
            ErrorKind::InvalidKey => "invalid-key",
            ErrorKind::InvalidProof => "invalid-proof",
            ErrorKind::ProofRejected => "proof-rejected",
            ErrorKind::WrongCircuit => "wrong-circuit",
            ErrorKind::InsecureSrs => "insecure-srs",
            ErrorKind::InvalidArgument => "invalid-argument",
            ErrorKind::Cancelled => "cancelled",
            ErrorKind::InvalidEnvelope => "invalid-envelope",
            ErrorKind::Internal => "internal",
        }
    }

    /// The kind with this [`name`](ErrorKind::name).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }
}

impl Error {
    /// An unknown-field error that repeats `name` only when it looks like a field name: a letter
    /// or `_`, then up to 31 letters, digits or `_`.
    pub fn unknown_field(name: &str) -> Self {
        let mut chars = name.chars();
        let named = name.len() <= 32
            && chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
        Error::UnknownField(named.then(|| name.to_string()))
    }

    /// The error's kind.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::WitnessJson(_)
            | Error::MissingField(_)
            | Error::UnknownField(_)
            | Error::InvalidField { .. }
            | Error::InvalidDepth(_)
            | Error::DepthMismatch { .. }
            | Error::IndexOutOfRange { .. }
            | Error::RootMismatch => ErrorKind::InvalidWitness,
            Error::UnsupportedDepth(_)
            | Error::InvalidArgument(_)
            | Error::InvalidIdentity(_)
            | Error::InvalidGroup(_) => ErrorKind::InvalidArgument,
            Error::NotInitialized(_) => ErrorKind::NotInitialized,
            Error::OutOfMemory(_) => ErrorKind::OutOfMemory,
            Error::InvalidSrs(_) => ErrorKind::InvalidSrs,
            Error::InvalidKey(_) => ErrorKind::InvalidKey,
            Error::InvalidProof(_) | Error::InvalidPublicInputs(_) => ErrorKind::InvalidProof,
            Error::ProofRejected(_) | Error::UnexpectedPublicInput(_) => ErrorKind::ProofRejected,
            Error::WrongCircuit { .. } => ErrorKind::WrongCircuit,
            Error::InsecureDevSrs => ErrorKind::InsecureSrs,
            Error::Unsatisfied => ErrorKind::Unsatisfied,
            Error::Cancelled => ErrorKind::Cancelled,
            Error::Seal(_) => ErrorKind::InvalidEnvelope,
            Error::Internal(_) => ErrorKind::Internal,
        }
    }
}

/// `Result` with hum-core's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
