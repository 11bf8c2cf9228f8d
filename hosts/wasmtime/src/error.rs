//! The host's one error type: each variant says what failed, and [`HostError::kind`] puts it in
//! hum's one list of failure kinds ([`hum_core::ErrorKind`]).

use hum_core::ErrorKind;

/// Errors of the host.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HostError {
    /// The component file cannot be read, or is not a hum component.
    #[error("cannot load the prover component: {0}")]
    Load(String),
    /// The engine, or an instance of the component, cannot be made.
    #[error("cannot instantiate the prover: {0}")]
    Instantiate(String),
    /// The component broke the protocol (e.g. a command ended without its answer).
    #[error("the prover broke the protocol: {0}")]
    Protocol(String),
    /// The prover refused the command (an `error` event).
    #[error("{message}")]
    Prover {
        /// The kind of failure.
        kind: ErrorKind,
        /// The prover's message (it names the field and the reason, never a secret).
        message: String,
    },
    /// `cancel()` stopped the command.
    #[error("cancelled")]
    Cancelled,
    /// The orchestrator's timeout stopped the command.
    #[error("timed out")]
    TimedOut,
    /// The instance ran out of memory and the retry did too (or the limit cannot grow).
    #[error("out of memory")]
    OutOfMemory,
    /// The instance trapped for another reason (a bug in the component); it has been replaced.
    #[error("the prover instance trapped: {0}")]
    Trap(String),
    /// The orchestrator is shutting down.
    #[error("the orchestrator is closed")]
    Closed,
}

impl HostError {
    /// The failure's kind: the prover's own, `cancelled` for a cancel or a timeout,
    /// `out-of-memory`, and `internal` for what no input explains (loading, a trap, a protocol
    /// violation, a closed orchestrator).
    pub fn kind(&self) -> ErrorKind {
        match self {
            HostError::Prover { kind, .. } => *kind,
            HostError::Cancelled | HostError::TimedOut => ErrorKind::Cancelled,
            HostError::OutOfMemory => ErrorKind::OutOfMemory,
            HostError::Load(_)
            | HostError::Instantiate(_)
            | HostError::Protocol(_)
            | HostError::Trap(_)
            | HostError::Closed => ErrorKind::Internal,
        }
    }
}

impl From<hum_core::Error> for HostError {
    fn from(error: hum_core::Error) -> Self {
        HostError::Prover { kind: error.kind(), message: error.to_string() }
    }
}
