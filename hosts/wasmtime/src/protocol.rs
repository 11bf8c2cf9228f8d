//! The host's one conversion module: the WIT's generated types ↔ hum-core's and the host's own.
//! Nothing else in the host matches on a generated enum.

use hum_core::{CircuitInfo, ErrorKind, Flavour, Scheme, Stage, VerifyPolicy};

use crate::{instance::TrapKind, wit, HostError, OrchestratorState};

/// The kind of a WIT error code (the WIT's names are [`ErrorKind::name`]).
pub fn kind_of(code: wit::ErrorCode) -> ErrorKind {
    match code {
        wit::ErrorCode::InvalidWitness => ErrorKind::InvalidWitness,
        wit::ErrorCode::NotInitialized => ErrorKind::NotInitialized,
        wit::ErrorCode::OutOfMemory => ErrorKind::OutOfMemory,
        wit::ErrorCode::Unsatisfied => ErrorKind::Unsatisfied,
        wit::ErrorCode::InvalidSrs => ErrorKind::InvalidSrs,
        wit::ErrorCode::InvalidKey => ErrorKind::InvalidKey,
        wit::ErrorCode::InvalidProof => ErrorKind::InvalidProof,
        wit::ErrorCode::ProofRejected => ErrorKind::ProofRejected,
        wit::ErrorCode::WrongCircuit => ErrorKind::WrongCircuit,
        wit::ErrorCode::InsecureSrs => ErrorKind::InsecureSrs,
        wit::ErrorCode::InvalidArgument => ErrorKind::InvalidArgument,
        wit::ErrorCode::Cancelled => ErrorKind::Cancelled,
        wit::ErrorCode::InvalidEnvelope => ErrorKind::InvalidEnvelope,
        wit::ErrorCode::Internal => ErrorKind::Internal,
    }
}

/// The host error of an `error` event.
pub(crate) fn error_of(info: &wit::ErrorInfo) -> HostError {
    match kind_of(info.code) {
        ErrorKind::OutOfMemory => HostError::OutOfMemory,
        ErrorKind::Cancelled => HostError::Cancelled,
        kind => HostError::Prover { kind, message: info.message.clone() },
    }
}

/// The host error of a trap.
pub(crate) fn trap_error(trap: TrapKind) -> HostError {
    match trap {
        TrapKind::OutOfMemory => HostError::OutOfMemory,
        TrapKind::Cancelled => HostError::Cancelled,
        TrapKind::TimedOut => HostError::TimedOut,
        TrapKind::Other(m) => HostError::Trap(m),
    }
}

/// The orchestrator state a WIT status reports.
pub(crate) fn state_of(state: wit::State) -> OrchestratorState {
    match state {
        wit::State::Initializing => OrchestratorState::Initializing,
        wit::State::Ready => OrchestratorState::Ready,
        wit::State::Proving => OrchestratorState::Proving,
        wit::State::Error => OrchestratorState::Error,
    }
}

/// hum-core's stage of a WIT progress event.
pub(crate) fn stage_of(stage: wit::Stage) -> Stage {
    match stage {
        wit::Stage::Synthesis => Stage::Synthesis,
        wit::Stage::AdviceCommitments => Stage::AdviceCommitments,
        wit::Stage::Permutation => Stage::Permutation,
        wit::Stage::Quotient => Stage::Quotient,
        wit::Stage::Evaluations => Stage::Evaluations,
        wit::Stage::Openings => Stage::Openings,
        wit::Stage::Done => Stage::Done,
    }
}

/// A flavour as the protocol carries it.
pub fn wit_flavour(flavour: Flavour) -> wit::Flavour {
    match flavour {
        Flavour::Standard => wit::Flavour::Standard,
        Flavour::Evm => wit::Flavour::Evm,
    }
}

/// hum-core's flavour of a WIT one.
pub fn core_flavour(flavour: wit::Flavour) -> Flavour {
    match flavour {
        wit::Flavour::Standard => Flavour::Standard,
        wit::Flavour::Evm => Flavour::Evm,
    }
}

/// A scheme as the protocol carries it.
pub fn wit_scheme(scheme: Scheme) -> wit::Scheme {
    match scheme {
        Scheme::Kzg => wit::Scheme::Kzg,
        Scheme::Ipa => wit::Scheme::Ipa,
    }
}

/// hum-core's scheme of a WIT one.
pub fn core_scheme(scheme: wit::Scheme) -> Scheme {
    match scheme {
        wit::Scheme::Kzg => Scheme::Kzg,
        wit::Scheme::Ipa => Scheme::Ipa,
    }
}

/// A verify policy as the protocol carries it.
pub fn wit_policy(policy: &VerifyPolicy) -> wit::VerifyPolicy {
    use hum_core::field::fr_to_hex;
    wit::VerifyPolicy {
        depth: u8::try_from(policy.depth).unwrap_or(u8::MAX),
        srs_hash: policy.srs_hash.as_ref().map(hum_core::srs::format_hash),
        allow_insecure_dev_srs: policy.allow_insecure_dev_srs,
        root: policy.root.as_ref().map(fr_to_hex),
        action_id: policy.action_id.as_ref().map(fr_to_hex),
    }
}

/// hum-core's circuit info of a WIT one.
pub fn core_circuit(info: &wit::CircuitInfo) -> CircuitInfo {
    CircuitInfo {
        id: info.id.clone(),
        depth: info.depth as usize,
        k: info.k as u32,
        scheme: core_scheme(info.scheme),
        srs: info.srs.clone(),
        insecure_dev_srs: info.insecure_dev_srs,
    }
}

/// A WIT circuit info of hum-core's (the claim of a proof file, for a `verify-request`).
pub fn wit_circuit(info: &CircuitInfo) -> wit::CircuitInfo {
    wit::CircuitInfo {
        id: info.id.clone(),
        depth: u8::try_from(info.depth).unwrap_or(u8::MAX),
        k: u8::try_from(info.k).unwrap_or(u8::MAX),
        scheme: wit_scheme(info.scheme),
        srs: info.srs.clone(),
        insecure_dev_srs: info.insecure_dev_srs,
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
        flavour: core_flavour(result.flavour),
        public_inputs: inputs.parse()?,
        circuit: core_circuit(&result.circuit),
    })
}

/// A witness as the protocol carries it (the index must fit 32 bits, as the WIT's does).
pub(crate) fn wit_witness(witness: &hum_core::Witness) -> Result<wit::Witness, HostError> {
    let index = u32::try_from(witness.index).map_err(|_| HostError::Prover {
        kind: ErrorKind::InvalidWitness,
        message: "invalid witness: `index` does not fit 32 bits, it must be below 2^32".into(),
    })?;
    Ok(wit::Witness {
        secret: witness.secret.clone(),
        index,
        siblings: witness.siblings.clone(),
        action_id: witness.action_id.clone(),
        message_hash: witness.message_hash.clone(),
        root: witness.root.clone(),
    })
}
