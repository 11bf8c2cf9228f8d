//! The component's one conversion module: WIT records ↔ the actor's types. Error codes are
//! `hum_core::ErrorKind` (the one list); state and stage map here and nowhere else.

use hum_actor as actor;
use hum_core::{
    field::fr_to_hex, CircuitInfo, ErrorKind, Flavour, MerkleProof, PublicInputsHex, Scheme, Stage, Witness,
};
use zeroize::Zeroizing;

use crate::bindings::hum::prover::types as wit;

/// A WIT command as the actor's.
pub fn command(command: wit::Command) -> actor::Command {
    match command {
        wit::Command::Init(o) => actor::Command::Init(actor::InitOptions {
            depth: o.depth,
            k: o.k,
            scheme: o.scheme.map(scheme),
            srs: o.srs,
            srs_hash: o.srs_hash,
            cached_keys: o.cached_keys,
            memory_budget: o.memory_budget,
        }),
        wit::Command::Prove(request) => {
            let w = request.witness;
            let witness = Witness {
                secret: w.secret,
                index: w.index as u64,
                siblings: w.siblings,
                action_id: w.action_id,
                message_hash: w.message_hash,
                root: w.root,
            };
            actor::Command::Prove(witness, flavour(request.flavour))
        }
        wit::Command::Verify(v) => actor::Command::Verify(Box::new(actor::VerifyCommand {
            proof: v.proof,
            flavour: flavour(v.flavour),
            public_inputs: PublicInputsHex {
                root: v.public_inputs.root,
                action_id: v.public_inputs.action_id,
                message_hash: v.public_inputs.message_hash,
                nullifier: v.public_inputs.nullifier,
            },
            claimed_circuit: v.claimed_circuit.map(|c| CircuitInfo {
                id: c.id,
                depth: c.depth as usize,
                k: c.k as u32,
                scheme: scheme(c.scheme),
                srs: c.srs,
                insecure_dev_srs: c.insecure_dev_srs,
            }),
            policy: actor::PolicyText {
                depth: v.policy.depth,
                srs_hash: v.policy.srs_hash,
                allow_insecure_dev_srs: v.policy.allow_insecure_dev_srs,
                root: v.policy.root,
                action_id: v.policy.action_id,
            },
        })),
        wit::Command::ExportKeys => actor::Command::ExportKeys,
        wit::Command::Seal(s) => {
            actor::Command::Seal(actor::SealRequest { recipient: s.recipient, plaintext: s.plaintext, aad: s.aad })
        }
        wit::Command::Open(o) => {
            actor::Command::Open(actor::OpenRequest { secret_key: o.secret_key, envelope: o.envelope, aad: o.aad })
        }
        wit::Command::Identity(source) => actor::Command::Identity(match source {
            wit::IdentitySource::Random => actor::IdentitySource::Random,
            wit::IdentitySource::Seed(seed) => actor::IdentitySource::Seed(Zeroizing::new(seed)),
            wit::IdentitySource::Secret(secret) => actor::IdentitySource::Secret(Zeroizing::new(secret)),
        }),
        wit::Command::Group(q) => {
            actor::Command::Group(actor::GroupQuery { group: group(q.group), proof_of: q.proof_of.map(u64::from) })
        }
        wit::Command::ProveMember(r) => actor::Command::ProveMember(Box::new(actor::MemberProofRequest {
            secret: Zeroizing::new(r.secret),
            group: group(r.group),
            action_id: r.action_id,
            message_hash: r.message_hash,
            flavour: flavour(r.flavour),
        })),
        wit::Command::HashToField(bytes) => actor::Command::HashToField(bytes),
    }
}

fn flavour(flavour: wit::Flavour) -> Flavour {
    match flavour {
        wit::Flavour::Standard => Flavour::Standard,
        wit::Flavour::Evm => Flavour::Evm,
    }
}

fn scheme(scheme: wit::Scheme) -> Scheme {
    match scheme {
        wit::Scheme::Kzg => Scheme::Kzg,
        wit::Scheme::Ipa => Scheme::Ipa,
    }
}

fn wit_scheme(scheme: Scheme) -> wit::Scheme {
    match scheme {
        Scheme::Kzg => wit::Scheme::Kzg,
        Scheme::Ipa => wit::Scheme::Ipa,
    }
}

fn wit_flavour(flavour: Flavour) -> wit::Flavour {
    match flavour {
        Flavour::Standard => wit::Flavour::Standard,
        Flavour::Evm => wit::Flavour::Evm,
    }
}

fn group(group: wit::Group) -> actor::GroupBytes {
    actor::GroupBytes { depth: group.depth, members: group.members }
}

fn merkle_proof(proof: MerkleProof) -> wit::MerkleProof {
    wit::MerkleProof {
        depth: proof.depth as u8,
        // A group's indices are below 2^depth ≤ 2^32.
        index: proof.index as u32,
        leaf: proof.leaf,
        root: proof.root,
        siblings: proof.siblings,
    }
}

fn circuit(info: CircuitInfo) -> wit::CircuitInfo {
    wit::CircuitInfo {
        id: info.id,
        depth: info.depth as u8,
        k: info.k as u8,
        scheme: wit_scheme(info.scheme),
        srs: info.srs,
        insecure_dev_srs: info.insecure_dev_srs,
    }
}

fn error_info(failure: actor::Failure) -> wit::ErrorInfo {
    wit::ErrorInfo { code: error_code(failure.kind), message: failure.message }
}

/// An actor event as the WIT's.
pub fn event(event: actor::Event) -> wit::Event {
    match event {
        actor::Event::Status(s) => wit::Event::Status(wit::Status {
            state: match s.state {
                actor::State::Initializing => wit::State::Initializing,
                actor::State::Ready => wit::State::Ready,
                actor::State::Proving => wit::State::Proving,
                actor::State::Error => wit::State::Error,
            },
            circuit_id: s.circuit_id,
            insecure_dev_srs: s.insecure_dev_srs,
        }),
        actor::Event::Progress(p) => wit::Event::Progress(wit::Progress {
            stage: match p.stage {
                Stage::Synthesis => wit::Stage::Synthesis,
                Stage::AdviceCommitments => wit::Stage::AdviceCommitments,
                Stage::Permutation => wit::Stage::Permutation,
                Stage::Quotient => wit::Stage::Quotient,
                Stage::Evaluations => wit::Stage::Evaluations,
                Stage::Openings => wit::Stage::Openings,
                Stage::Done => wit::Stage::Done,
            },
            percent: p.percent,
        }),
        actor::Event::ProofComplete(outcome) => {
            let inputs = outcome.result.public_inputs.to_hex();
            wit::Event::ProofComplete(wit::ProofResult {
                proof: outcome.result.proof,
                flavour: wit_flavour(outcome.result.flavour),
                public_inputs: wit::PublicInputs {
                    root: inputs.root,
                    action_id: inputs.action_id,
                    message_hash: inputs.message_hash,
                    nullifier: inputs.nullifier,
                },
                circuit: circuit(outcome.result.circuit),
                prove_ms: outcome.prove_ms,
                peak_memory: outcome.peak_memory,
            })
        }
        actor::Event::Verified(verdict) => {
            wit::Event::Verified(wit::Verdict { valid: verdict.is_ok(), rejection: verdict.err().map(error_info) })
        }
        actor::Event::KeysReady(k) => wit::Event::KeysReady(wit::KeysReady {
            circuit: circuit(k.circuit),
            keys: k.keys,
            from_cache: k.from_cache,
            init_ms: k.init_ms,
            cached_keys_rejected: k.cached_keys_rejected,
        }),
        actor::Event::Sealed(bytes) => wit::Event::Sealed(bytes),
        actor::Event::Opened(bytes) => wit::Event::Opened(bytes),
        actor::Event::Identity(identity) => wit::Event::Identity(wit::IdentityInfo {
            // The WIT string leaves the component; the actor's copy is wiped when dropped.
            secret: identity.secret.to_string(),
            commitment: identity.commitment,
        }),
        actor::Event::Group(info) => wit::Event::GroupInfo(wit::GroupInfo {
            root: fr_to_hex(&info.root),
            size: info.size as u32,
            merkle_proof: info.merkle_proof.map(merkle_proof),
        }),
        actor::Event::Field(value) => wit::Event::Field(fr_to_hex(&value)),
        actor::Event::Error(failure) => wit::Event::Error(error_info(failure)),
    }
}

/// The WIT error code of a kind (the WIT's names are [`ErrorKind::name`]).
pub fn error_code(kind: ErrorKind) -> wit::ErrorCode {
    match kind {
        ErrorKind::InvalidWitness => wit::ErrorCode::InvalidWitness,
        ErrorKind::NotInitialized => wit::ErrorCode::NotInitialized,
        ErrorKind::OutOfMemory => wit::ErrorCode::OutOfMemory,
        ErrorKind::Unsatisfied => wit::ErrorCode::Unsatisfied,
        ErrorKind::InvalidSrs => wit::ErrorCode::InvalidSrs,
        ErrorKind::InvalidKey => wit::ErrorCode::InvalidKey,
        ErrorKind::InvalidProof => wit::ErrorCode::InvalidProof,
        ErrorKind::ProofRejected => wit::ErrorCode::ProofRejected,
        ErrorKind::WrongCircuit => wit::ErrorCode::WrongCircuit,
        ErrorKind::InsecureSrs => wit::ErrorCode::InsecureSrs,
        ErrorKind::InvalidArgument => wit::ErrorCode::InvalidArgument,
        ErrorKind::Cancelled => wit::ErrorCode::Cancelled,
        ErrorKind::InvalidEnvelope => wit::ErrorCode::InvalidEnvelope,
        ErrorKind::Internal => wit::ErrorCode::Internal,
    }
}
