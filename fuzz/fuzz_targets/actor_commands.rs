//! Arbitrary command sequences into the actor (natively; the component and the C ABI wrap it):
//! every command ends in events, none panics, and the actor keeps answering.
//!
//! One actor lives across all inputs, as a real instance lives across commands: a sequence can
//! leave it uninitialised or ready, and the next input starts from there. Key generation and dev
//! SRS setup are covered by the test suite; here every INIT carries SRS and key bytes, either the
//! valid depth-1 ones (made once) or those bytes mutated by the fuzzer, so a run reaches millions
//! of commands instead of thousands of key generations. For the same reason every PROVE stops at
//! validation: the depth-1 witness is a real member but carries an expected root one off the
//! true one, so it runs the whole check (parsing, the Merkle path, the root) and is refused before
//! any proving. Proving itself is covered by the test suite and the 200-proof soaks.
#![no_main]
use std::sync::OnceLock;

use hum_actor::{
    Actor, Command, Event, GroupBytes, GroupQuery, IdentitySource, InitOptions, MemberProofRequest, OpenRequest,
    PolicyText, SealRequest, VerifyCommand,
};
use hum_core::{field::fr_to_hex, tree::MerkleTree, CircuitKeys, Flavour, Fr, PublicInputsHex, Scheme, Srs, Witness};
use libfuzzer_sys::fuzz_target;

struct Template {
    srs: Vec<u8>,
    keys: Vec<u8>,
    sibling: Fr,
}

fn template() -> &'static Template {
    static TEMPLATE: OnceLock<Template> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let srs = Srs::insecure_dev(hum_core::keys::checked_k(1).unwrap());
        let keys = CircuitKeys::generate(&srs, 1).unwrap();
        Template { srs: srs.to_bytes(), keys: keys.to_bytes(), sibling: Fr::from(7) }
    })
}

fn actor() -> &'static Actor {
    static ACTOR: OnceLock<Actor> = OnceLock::new();
    ACTOR.get_or_init(Actor::new)
}

/// Either flavour, by a byte's low bit.
fn flavour(byte: u8) -> Flavour {
    if byte & 1 == 1 {
        Flavour::Evm
    } else {
        Flavour::Standard
    }
}

fn text(bytes: &[u8]) -> String {
    format!("0x{}", bytes.iter().map(|b| format!("{b:02x}")).collect::<String>())
}

/// The template bytes with the fuzzer's bytes written over them at a fuzzer-chosen offset.
fn mutated(base: &[u8], rest: &[u8]) -> Vec<u8> {
    let mut bytes = base.to_vec();
    if let Some((at, patch)) = rest.split_first() {
        let offset = (*at as usize * 97) % bytes.len();
        for (i, b) in patch.iter().enumerate() {
            if let Some(slot) = bytes.get_mut(offset + i) {
                *slot ^= b;
            }
        }
    }
    bytes
}

fn command(op: u8, rest: &[u8]) -> Command {
    let t = template();
    let flag = |i: usize| rest.get(i).copied().unwrap_or(0);
    match op % 14 {
        0 => Command::Init(InitOptions {
            depth: if flag(0) % 4 == 0 { 1 } else { flag(0) },
            k: Some(flag(1)).filter(|b| b % 3 == 0),
            scheme: [None, Some(Scheme::Kzg), Some(Scheme::Ipa)][flag(5) as usize % 3],
            // The valid SRS costs a pairing check; garbage is refused by its length first.
            srs: Some(match flag(2) {
                0 => t.srs.clone(),
                1 => mutated(&t.srs, rest),
                _ => rest.to_vec(),
            }),
            srs_hash: Some(text(&rest[..rest.len().min(32)])).filter(|_| flag(3) % 5 == 0),
            cached_keys: Some(match flag(4) % 3 {
                0 => t.keys.clone(),
                1 => mutated(&t.keys, rest),
                _ => rest.to_vec(),
            }),
            memory_budget: Some(u64::from(flag(5)) << 16).filter(|_| flag(5) % 7 == 0),
        }),
        // A member of a depth-1 tree with an expected root one off the true one, and the fuzzer's
        // bytes in one field.
        1 => {
            let secret = Fr::from(u64::from(flag(0)) + 1);
            let tree = MerkleTree::new(1, &[hum_core::poseidon2::hash1(secret), t.sibling]);
            let mut w = Witness {
                secret: fr_to_hex(&secret),
                index: 0,
                siblings: vec![fr_to_hex(&t.sibling)],
                action_id: "0x1".into(),
                message_hash: "0x2".into(),
                root: Some(fr_to_hex(&(tree.root() + Fr::from(1)))),
            };
            let junk = text(&rest[2.min(rest.len())..]);
            match flag(1) % 8 {
                0 => w.secret = junk,
                1 => w.siblings[0] = junk,
                2 => w.action_id = junk,
                3 => w.message_hash = junk,
                4 => w.root = Some(junk),
                5 => {
                    w.index = u64::from_le_bytes(
                        rest.iter().copied().chain([0; 8]).take(8).collect::<Vec<_>>().try_into().unwrap(),
                    )
                }
                6 => w.siblings.push(junk),
                _ => {}
            }
            Command::Prove(w, flavour(flag(2)))
        }
        2 => Command::Prove(Witness {
            secret: text(&rest[..rest.len().min(8)]),
            index: flag(0) as u64,
            siblings: rest.iter().take(2).map(|b| text(&[*b])).collect(),
            action_id: text(rest),
            message_hash: "0x1".into(),
            root: Some(text(&rest[rest.len().min(8)..])),
        }, flavour(flag(1))),
        3 => Command::Verify(Box::new(VerifyCommand {
            proof: rest.to_vec(),
            flavour: flavour(flag(2)),
            public_inputs: PublicInputsHex {
                root: text(rest),
                action_id: "0x1".into(),
                message_hash: "0x2".into(),
                nullifier: "0x3".into(),
            },
            claimed_circuit: None,
            policy: PolicyText {
                depth: flag(0) % 3,
                srs_hash: (flag(1) & 1 == 1).then(|| text(&rest[..rest.len().min(4)])),
                allow_insecure_dev_srs: flag(1) & 2 == 2,
                root: (flag(1) & 4 == 4).then(|| text(rest)),
                action_id: None,
            },
        })),
        4 => Command::ExportKeys,
        5 | 6 => Command::Seal(SealRequest { recipient: rest.to_vec(), plaintext: rest.to_vec(), aad: vec![] }),
        7..=9 => Command::Open(OpenRequest { secret_key: rest.to_vec(), envelope: rest.to_vec(), aad: vec![] }),
        10 => Command::Identity(match flag(0) % 3 {
            0 => IdentitySource::Random,
            1 => IdentitySource::Seed(rest.to_vec().into()),
            _ => IdentitySource::Secret(text(&rest[1.min(rest.len())..]).into()),
        }),
        // The fuzzer's bytes as members: lengths that are not whole commitments, values ≥ p,
        // zeros, repeats, more than 2^depth. (A random identity is never a member, so
        // `prove-member` stops before proving, as PROVE does above.)
        11 => Command::Group(GroupQuery {
            group: GroupBytes { depth: flag(0) % 8, members: rest[1.min(rest.len())..].to_vec() },
            proof_of: (flag(1) & 1 == 1).then_some(u64::from(flag(1) >> 1)),
        }),
        12 => Command::ProveMember(Box::new(MemberProofRequest {
            secret: text(&rest[..rest.len().min(8)]).into(),
            group: GroupBytes { depth: 1 + flag(0) % 2, members: rest.to_vec() },
            action_id: "0x1".into(),
            message_hash: text(&rest[rest.len().min(8)..]),
            flavour: flavour(flag(1)),
        })),
        _ => Command::HashToField(rest.to_vec()),
    }
}

fuzz_target!(|data: &[u8]| {
    let actor = actor();
    let events = std::cell::Cell::new(0usize);
    let mut sink = |_: Event| events.set(events.get() + 1);
    for chunk in data.chunks(40).take(6) {
        let (op, rest) = chunk.split_first().unwrap_or((&0, &[]));
        let before = events.get();
        actor.handle(command(*op, rest), &mut sink);
        assert!(events.get() > before, "a command produced no event");
    }
});
