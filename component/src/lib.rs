//! # hum-component
//!
//! The Engine Room: hum's prover as a WASI component exporting `hum:prover/prover` and importing
//! `hum:prover/events` (see `wit/hum.wit`). Build it with
//! `cargo build --release --target wasm32-wasip2 -p hum-component`.
//!
//! Commands are handled strictly in order, one at a time, each to completion. Every outcome is
//! an event; input never traps the instance (the memory budget is the one documented trap, see
//! [`budget`]).

pub mod actor;
pub mod budget;

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: budget::BudgetAllocator = budget::BudgetAllocator;

#[cfg(target_arch = "wasm32")]
mod bindings {
    wit_bindgen::generate!({ world: "prover-component", path: "../wit" });
}

#[cfg(target_arch = "wasm32")]
mod component {
    use std::cell::RefCell;

    use hum_core::{PublicInputsHex, Stage, Witness};

    use super::{
        actor::{self, Actor, Code, State},
        bindings::{
            exports::hum::prover::prover::Guest,
            hum::prover::{events::emit, types as wit},
        },
    };

    thread_local! {
        static ACTOR: RefCell<Option<Actor>> = const { RefCell::new(None) };
    }

    struct Component;

    impl Guest for Component {
        fn handle(command: wit::Command) {
            let command = match command {
                wit::Command::Init(o) => actor::Command::Init(actor::InitOptions {
                    depth: o.depth,
                    k: o.k,
                    srs: o.srs,
                    srs_hash: o.srs_hash,
                    cached_keys: o.cached_keys,
                    memory_budget: o.memory_budget,
                }),
                wit::Command::Prove(w) => actor::Command::Prove(Witness {
                    secret: w.secret,
                    index: w.index as u64,
                    siblings: w.siblings,
                    action_id: w.action_id,
                    message_hash: w.message_hash,
                    root: w.root,
                }),
                wit::Command::Verify(v) => actor::Command::Verify(Box::new(actor::VerifyCommand {
                    proof: v.proof,
                    public_inputs: PublicInputsHex {
                        root: v.public_inputs.root,
                        action_id: v.public_inputs.action_id,
                        message_hash: v.public_inputs.message_hash,
                        nullifier: v.public_inputs.nullifier,
                    },
                    claimed_circuit: v.claimed_circuit.map(|c| hum_core::CircuitInfo {
                        id: c.id,
                        depth: c.depth as usize,
                        k: c.k as u32,
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
                wit::Command::Seal(s) => actor::Command::Seal(s.recipient, s.plaintext, s.aad),
                wit::Command::Open(o) => actor::Command::Open(o.secret_key, o.envelope, o.aad),
            };
            ACTOR.with(|cell| {
                let mut slot = cell.borrow_mut();
                let actor = slot.get_or_insert_with(Actor::new);
                actor.handle(command, &mut |event: actor::Event| emit(&to_wit(event)));
            });
        }
    }

    fn circuit(info: hum_core::CircuitInfo) -> wit::CircuitInfo {
        wit::CircuitInfo {
            id: info.id,
            depth: info.depth as u8,
            k: info.k as u8,
            srs: info.srs,
            insecure_dev_srs: info.insecure_dev_srs,
        }
    }

    fn to_wit(event: actor::Event) -> wit::Event {
        match event {
            actor::Event::Status(state, circuit_id, insecure_dev_srs) => wit::Event::Status(wit::Status {
                state: match state {
                    State::Initializing => wit::State::Initializing,
                    State::Ready => wit::State::Ready,
                    State::Proving => wit::State::Proving,
                    State::Error => wit::State::Error,
                },
                circuit_id,
                insecure_dev_srs,
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
            actor::Event::Verified(verdict) => wit::Event::Verified(wit::Verdict {
                valid: verdict.is_ok(),
                rejection: verdict.err().map(|(code, message)| wit::ErrorInfo { code: error_code(code), message }),
            }),
            actor::Event::KeysReady(k) => wit::Event::KeysReady(wit::KeysReady {
                circuit: circuit(k.circuit),
                keys: k.keys,
                from_cache: k.from_cache,
                init_ms: k.init_ms,
            }),
            actor::Event::Sealed(bytes) => wit::Event::Sealed(bytes),
            actor::Event::Opened(bytes) => wit::Event::Opened(bytes),
            actor::Event::Error(code, message) => wit::Event::Error(wit::ErrorInfo { code: error_code(code), message }),
        }
    }

    fn error_code(code: Code) -> wit::ErrorCode {
        match code {
            Code::InvalidWitness => wit::ErrorCode::InvalidWitness,
            Code::NotInitialized => wit::ErrorCode::NotInitialized,
            Code::OutOfMemory => wit::ErrorCode::OutOfMemory,
            Code::Unsatisfied => wit::ErrorCode::Unsatisfied,
            Code::InvalidSrs => wit::ErrorCode::InvalidSrs,
            Code::InvalidKey => wit::ErrorCode::InvalidKey,
            Code::InvalidProof => wit::ErrorCode::InvalidProof,
            Code::ProofRejected => wit::ErrorCode::ProofRejected,
            Code::WrongCircuit => wit::ErrorCode::WrongCircuit,
            Code::InsecureSrs => wit::ErrorCode::InsecureSrs,
            Code::InvalidArgument => wit::ErrorCode::InvalidArgument,
            Code::Cancelled => wit::ErrorCode::Cancelled,
            Code::InvalidEnvelope => wit::ErrorCode::InvalidEnvelope,
            Code::Internal => wit::ErrorCode::Internal,
        }
    }

    super::bindings::export!(Component with_types_in super::bindings);
}
