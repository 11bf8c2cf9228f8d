//! # hum-component
//!
//! The Engine Room: hum's prover as a WASI component exporting `hum:prover/prover` and importing
//! `hum:prover/events` (see `wit/hum.wit`). Build it with
//! `cargo build --release --target wasm32-wasip2 -p hum-component`.
//!
//! The component is a thin wrapper: [`hum_actor::Actor`] is the state machine (the C ABI drives
//! the same one), `convert` maps the WIT records to its types, and [`budget`] counts the heap.
//! Commands are handled strictly in order, one at a time, each to completion. Every outcome is
//! an event; input never traps the instance (the memory budget is the one documented trap).
#![deny(missing_docs)]

pub mod budget;

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: budget::BudgetAllocator = budget::BudgetAllocator;

#[cfg(target_arch = "wasm32")]
mod bindings {
    wit_bindgen::generate!({ world: "prover-component", path: "../wit" });
}

#[cfg(target_arch = "wasm32")]
mod convert;

#[cfg(target_arch = "wasm32")]
mod component {
    use hum_actor::Actor;

    use super::{
        bindings::{exports::hum::prover::prover::Guest, hum::prover::events::emit, hum::prover::types as wit},
        budget::AllocatorBudget,
        convert,
    };

    thread_local! {
        static ACTOR: Actor = Actor::with_memory(Box::new(AllocatorBudget));
    }

    struct Component;

    impl Guest for Component {
        fn handle(command: wit::Command) {
            let command = convert::command(command);
            ACTOR.with(|actor| actor.handle(command, &mut |event| emit(&convert::event(event))));
        }
    }

    super::bindings::export!(Component with_types_in super::bindings);
}
