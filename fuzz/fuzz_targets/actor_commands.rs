//! Arbitrary command sequences into the component's actor (natively): every command ends in
//! events, none panics, and the actor keeps answering.
#![no_main]
use hum_component::actor::{Actor, Command, Event, InitOptions};
use hum_core::{PublicInputsHex, Witness};
use libfuzzer_sys::fuzz_target;

fn text(bytes: &[u8]) -> String {
    format!("0x{}", bytes.iter().map(|b| format!("{b:02x}")).collect::<String>())
}

fuzz_target!(|data: &[u8]| {
    let mut actor = Actor::new();
    let events = std::cell::Cell::new(0usize);
    let mut sink = |_: Event| events.set(events.get() + 1);
    for chunk in data.chunks(24).take(6) {
        let (op, rest) = chunk.split_first().unwrap_or((&0, &[]));
        let command = match op % 6 {
            // Depth 1 keeps key generation cheap; other depths and byte strings mostly fail fast.
            0 => Command::Init(InitOptions {
                depth: if rest.first().is_some_and(|b| b % 4 == 0) { 1 } else { rest.first().copied().unwrap_or(0) },
                k: rest.get(1).filter(|b| **b % 3 == 0).copied(),
                srs: rest.get(2).filter(|b| **b % 2 == 0).map(|_| rest.to_vec()),
                srs_hash: None,
                cached_keys: rest.get(3).filter(|b| **b % 2 == 0).map(|_| rest.to_vec()),
                memory_budget: None,
            }),
            1 => Command::Prove(Witness {
                secret: text(&rest[..rest.len().min(8)]),
                index: rest.first().copied().unwrap_or(0) as u64,
                siblings: rest.iter().take(2).map(|b| text(&[*b])).collect(),
                action_id: text(rest),
                message_hash: "0x1".into(),
                root: None,
            }),
            2 => Command::Verify(
                rest.to_vec(),
                PublicInputsHex {
                    root: text(rest),
                    action_id: "0x1".into(),
                    message_hash: "0x2".into(),
                    nullifier: "0x3".into(),
                },
            ),
            3 => Command::ExportKeys,
            4 => Command::Seal(rest.to_vec(), rest.to_vec(), vec![]),
            _ => Command::Open(rest.to_vec(), rest.to_vec(), vec![]),
        };
        let before = events.get();
        actor.handle(command, &mut sink);
        assert!(events.get() > before, "a command produced no event");
    }
});
