//! # hum-host
//!
//! The Conductor in Rust: [`ProverOrchestrator`] runs hum's prover component in an isolated
//! wasmtime instance on its own thread (one `Store` each, `StoreLimits`, epoch interruption,
//! WASI without files, environment or network), and the `hum` CLI is built on it.

#![deny(missing_docs)]

pub mod cache;
mod error;
pub mod instance;
pub mod keyfile;
pub mod orchestrator;
pub mod pending;
pub mod protocol;
pub mod runtime;
pub mod verifier;

pub use cache::KeyCache;
#[cfg(feature = "fault-injection")]
pub use orchestrator::Fault;
pub use orchestrator::{
    InitInfo, InitRequest, Notification, OrchestratorConfig, OrchestratorState, ProverOrchestrator, RestartReason,
};
pub use pending::Pending;
pub use runtime::Runtime;
pub use verifier::{NativeVerifier, SrsChoice};

/// Types generated from `wit/hum.wit` (their documentation is the WIT file's).
#[allow(missing_docs)]
pub mod wit {
    wasmtime::component::bindgen!({
        world: "prover-component",
        path: "../../wit",
        // The host's sink may refuse an event, which stops (traps) the command.
        imports: { "hum:prover/events.emit": trappable },
    });

    pub use hum::prover::types::*;
}

pub use error::HostError;
pub use hum_core::Flavour;
pub use protocol::{core_circuit, core_flavour, to_core_result, wit_circuit, wit_flavour, wit_policy};
