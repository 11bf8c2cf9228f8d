//! # hum-host
//!
//! The Conductor in Rust: [`ProverOrchestrator`] runs hum's prover component in an isolated
//! wasmtime instance on its own thread (one `Store` each, `StoreLimits`, epoch interruption,
//! WASI without files, environment or network), and the `hum` CLI is built on it.

pub mod cache;
pub mod instance;
pub mod keyfile;
pub mod orchestrator;
pub mod pending;
pub mod runtime;
pub mod verifier;

pub use cache::KeyCache;
pub use orchestrator::{
    InitInfo, InitRequest, Notification, OrchestratorConfig, OrchestratorState, ProverOrchestrator, RestartReason,
};
pub use pending::Pending;
pub use runtime::Runtime;
pub use verifier::{NativeVerifier, SrsChoice};

/// Types generated from `wit/hum.wit`.
pub mod wit {
    wasmtime::component::bindgen!({ world: "prover-component", path: "../../wit" });

    pub use hum::prover::types::*;
}

/// Errors of the host.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HostError {
    /// The component could not be loaded or instantiated.
    #[error("component: {0}")]
    Component(String),
    /// The prover answered with an error event.
    #[error("{message}")]
    Prover {
        /// The protocol's error code.
        code: wit::ErrorCode,
        /// The prover's message.
        message: String,
    },
    /// `cancel()` stopped the command.
    #[error("cancelled")]
    Cancelled,
    /// The timeout stopped the command.
    #[error("timed out")]
    TimedOut,
    /// The instance ran out of memory and the retry did too (or the limit cannot grow).
    #[error("out of memory")]
    OutOfMemory,
    /// The instance trapped (a bug in the component); it has been replaced.
    #[error("the prover instance trapped: {0}")]
    Trap(String),
    /// The orchestrator is shutting down.
    #[error("the orchestrator is closed")]
    Closed,
}

impl HostError {
    pub(crate) fn from_info(info: &wit::ErrorInfo) -> Self {
        match info.code {
            wit::ErrorCode::OutOfMemory => HostError::OutOfMemory,
            wit::ErrorCode::Cancelled => HostError::Cancelled,
            code => HostError::Prover { code, message: info.message.clone() },
        }
    }

    pub(crate) fn from_trap(trap: instance::TrapKind) -> Self {
        match trap {
            instance::TrapKind::OutOfMemory => HostError::OutOfMemory,
            instance::TrapKind::Cancelled => HostError::Cancelled,
            instance::TrapKind::TimedOut => HostError::TimedOut,
            instance::TrapKind::Other(m) => HostError::Trap(m),
        }
    }

    /// The protocol error code, where there is one.
    pub fn code(&self) -> Option<wit::ErrorCode> {
        match self {
            HostError::Prover { code, .. } => Some(*code),
            HostError::OutOfMemory => Some(wit::ErrorCode::OutOfMemory),
            HostError::Cancelled => Some(wit::ErrorCode::Cancelled),
            _ => None,
        }
    }
}

/// A verify policy as the protocol carries it.
pub fn wit_policy(policy: &hum_core::VerifyPolicy) -> wit::VerifyPolicy {
    use hum_core::field::fr_to_hex;
    wit::VerifyPolicy {
        depth: u8::try_from(policy.depth).unwrap_or(u8::MAX),
        srs_hash: policy.srs_hash.as_ref().map(hum_core::srs::format_hash),
        allow_insecure_dev_srs: policy.allow_insecure_dev_srs,
        root: policy.root.as_ref().map(fr_to_hex),
        action_id: policy.action_id.as_ref().map(fr_to_hex),
    }
}

/// Converts a WIT proof result into hum-core's, for the proof JSON and native verification.
pub fn to_core_result(result: &wit::ProofResult) -> Result<hum_core::ProofResult, hum_core::Error> {
    let inputs = hum_core::PublicInputsHex {
        root: result.public_inputs.root.clone(),
        action_id: result.public_inputs.action_id.clone(),
        message_hash: result.public_inputs.message_hash.clone(),
        nullifier: result.public_inputs.nullifier.clone(),
    };
    Ok(hum_core::ProofResult {
        proof: result.proof.clone(),
        public_inputs: inputs.parse()?,
        circuit: hum_core::CircuitInfo {
            id: result.circuit.id.clone(),
            depth: result.circuit.depth as usize,
            k: result.circuit.k as u32,
            srs: result.circuit.srs.clone(),
            insecure_dev_srs: result.circuit.insecure_dev_srs,
        },
    })
}
