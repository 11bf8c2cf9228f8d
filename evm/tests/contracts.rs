//! hum's contracts in a real EVM: Poseidon2.sol is core's H, HumGroups' trees are core's groups,
//! and `validateProof` takes a member's proof once. Also: the committed generated contracts are
//! what the generators write.

mod common;

use std::sync::OnceLock;

use alloy_sol_types::{SolCall, SolError};
use common::{app::*, Call, Evm, CALLER};
use hum_core::{
    field::parse_fr,
    hash_to_field, k_for_depth,
    poseidon2::{hash1, hash2},
    prove, CircuitKeys, Flavour, Fr, Group, Identity, ProofResult, Srs, Witness,
};
use hum_evm::U256;
use revm::primitives::Address;

const DEPTH: usize = 20;

fn reverted<E: SolError>(call: &Call) -> bool {
    !call.success && call.output.as_ref().is_some_and(|o| o.len() >= 4 && o[..4] == E::SELECTOR)
}

fn keys() -> &'static CircuitKeys {
    static KEYS: OnceLock<CircuitKeys> = OnceLock::new();
    KEYS.get_or_init(|| CircuitKeys::generate(&Srs::insecure_dev(k_for_depth(DEPTH)), DEPTH).unwrap())
}

#[test]
fn the_committed_generated_contracts_are_current() {
    let poseidon = std::fs::read_to_string(contracts().join("src/Poseidon2.sol")).unwrap();
    assert!(
        poseidon == hum_evm::poseidon2_solidity(),
        "contracts/src/Poseidon2.sol drifted: run the write-contracts example"
    );
    let verifier = hum_evm::solidity_verifier(keys(), true).unwrap();
    let committed = std::fs::read_to_string(contracts().join(format!("test/{}.sol", verifier.contract))).unwrap();
    assert!(committed == verifier.source, "the committed dev-SRS verifier drifted: run the write-contracts example");
    assert!(committed.contains("INSECURE"));
}

#[test]
fn poseidon2_in_solidity_is_cores_hash() {
    let mut evm = Evm::new();
    let (harness, _) = evm.deploy(&compiled().0["Poseidon2Harness"].bytecode);
    let mut rng = rand_core::OsRng;
    let samples: Vec<Fr> = [Fr::zero(), Fr::one(), -Fr::one()]
        .into_iter()
        .chain((0..5).map(|_| <Fr as halo2_proofs::halo2curves::ff::Field>::random(&mut rng)))
        .collect();
    for a in &samples {
        assert_eq!(returned(&evm.call(harness, hash1Call { a: u(a) }.abi_encode())), u(&hash1(*a)));
        for b in &samples[..3] {
            let call = evm.call(harness, hash2Call { a: u(a), b: u(b) }.abi_encode());
            assert_eq!(returned(&call), u(&hash2(*a, *b)), "H({a:?}, {b:?})");
        }
    }
    let gas = evm.call(harness, hash2Call { a: u(&samples[3]), b: u(&samples[4]) }.abi_encode()).gas;
    eprintln!("hash2 through a call: {gas} gas (21,000 of it the transaction's)");
    let mut z = Fr::zero();
    for height in 0..=32u64 {
        assert_eq!(returned(&evm.call(harness, zeroCall { height: U256::from(height) }.abi_encode())), u(&z));
        z = hash2(z, z);
    }
    assert!(!evm.call(harness, zeroCall { height: U256::from(33) }.abi_encode()).success);
}

fn siblings(group: &Group, index: u64) -> Vec<U256> {
    group.merkle_proof(index).unwrap().siblings.iter().map(|s| u(&parse_fr(s).unwrap())).collect()
}

#[test]
fn a_groups_root_is_cores_through_adds_updates_and_removes() {
    let mut app = deploy_app();
    let g = U256::ZERO;
    assert_eq!(returned(&app.call(createGroupCall { admin: CALLER }.abi_encode())), g);
    let mut group = Group::new(DEPTH).unwrap();
    assert_eq!(app.root(0), u(&group.root()), "the empty tree");
    let ids: Vec<Identity> = (0..6).map(|_| Identity::random()).collect();
    for id in &ids[..3] {
        let call = app.call(addMemberCall { groupId: g, commitment: u(&id.commitment()) }.abi_encode());
        group.add(id.commitment()).unwrap();
        eprintln!("addMember at index {}: {} gas", group.len() - 1, call.gas);
        assert_eq!(returned(&call), u(&group.root()));
    }
    let batch: Vec<U256> = ids[3..].iter().map(|id| u(&id.commitment())).collect();
    assert!(app.call(addMembersCall { groupId: g, commitments: batch }.abi_encode()).success);
    for id in &ids[3..] {
        group.add(id.commitment()).unwrap();
    }
    assert_eq!(app.root(0), u(&group.root()));

    // Update the member at 1 and remove the one at 4, then add more: `filled` must stay right.
    let fresh = Identity::random();
    let call = app.call(
        updateMemberCall {
            groupId: g,
            oldCommitment: u(&ids[1].commitment()),
            newCommitment: u(&fresh.commitment()),
            siblings: siblings(&group, 1),
        }
        .abi_encode(),
    );
    group.update(1, fresh.commitment()).unwrap();
    assert_eq!(returned(&call), u(&group.root()));
    let call = app.call(
        removeMemberCall { groupId: g, commitment: u(&ids[4].commitment()), siblings: siblings(&group, 4) }
            .abi_encode(),
    );
    group.remove(4).unwrap();
    assert_eq!(returned(&call), u(&group.root()));
    // The last member (index 5) updated: its nodes are the ones `filled` holds.
    let last = Identity::random();
    app.call(
        updateMemberCall {
            groupId: g,
            oldCommitment: u(&ids[5].commitment()),
            newCommitment: u(&last.commitment()),
            siblings: siblings(&group, 5),
        }
        .abi_encode(),
    );
    group.update(5, last.commitment()).unwrap();
    for _ in 0..3 {
        let id = Identity::random();
        app.call(addMemberCall { groupId: g, commitment: u(&id.commitment()) }.abi_encode());
        group.add(id.commitment()).unwrap();
        assert_eq!(app.root(0), u(&group.root()), "after {} leaves", group.len());
    }

    // Refusals.
    let dup = app.call(addMemberCall { groupId: g, commitment: u(&ids[0].commitment()) }.abi_encode());
    assert!(reverted::<AlreadyAMember>(&dup));
    let p = U256::from_str_radix("30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001", 16).unwrap();
    for bad in [U256::ZERO, p] {
        assert!(reverted::<NotAFieldElement>(&app.call(addMemberCall { groupId: g, commitment: bad }.abi_encode())));
    }
    let stale = app.call(
        removeMemberCall { groupId: g, commitment: u(&ids[0].commitment()), siblings: siblings(&group, 2) }
            .abi_encode(),
    );
    assert!(reverted::<NotTheCurrentTree>(&stale), "siblings of another leaf");
    let stranger = app.evm.call_from(
        Address::repeat_byte(7),
        app.groups,
        addMemberCall { groupId: g, commitment: U256::from(5) }.abi_encode(),
    );
    assert!(reverted::<NotGroupAdmin>(&stranger));
    assert_eq!(app.root(0), u(&group.root()), "refused calls change nothing");

    let text = b"vote-2026";
    assert_eq!(
        returned(&app.call(hashToFieldCall { data: text.to_vec().into() }.abi_encode())),
        u(&hash_to_field(text))
    );
}

fn member_proof(identity: &Identity, group: &Group, action: Fr, message: Fr) -> ProofResult {
    let witness = Witness::for_group(identity, group, action, message).unwrap();
    prove(keys(), &witness, Flavour::Evm, rand_core::OsRng, &mut |_| {}).unwrap()
}

#[test]
fn validate_proof_takes_a_members_proof_once() {
    let mut app = deploy_app();
    app.call(createGroupCall { admin: CALLER }.abi_encode());
    let ids: Vec<Identity> = (0..3).map(|_| Identity::random()).collect();
    let mut group = Group::new(DEPTH).unwrap();
    for id in &ids {
        app.call(addMemberCall { groupId: U256::ZERO, commitment: u(&id.commitment()) }.abi_encode());
        group.add(id.commitment()).unwrap();
    }
    let action = hash_to_field(b"vote-2026");
    let proof = member_proof(&ids[1], &group, action, hash_to_field(b"yes"));
    let call = validate(&mut app, 0, &proof);
    assert!(call.success, "{call:?}");
    eprintln!("validateProof: {} gas", call.gas);
    assert!(reverted::<NullifierUsed>(&validate(&mut app, 0, &proof)), "the same proof again");
    let again = member_proof(&ids[1], &group, action, hash_to_field(b"no"));
    assert!(reverted::<NullifierUsed>(&validate(&mut app, 0, &again)), "a second vote by the same member");

    // A wrong message, nullifier or root.
    let other = member_proof(&ids[2], &group, action, hash_to_field(b"yes"));
    let i = hum_evm::uint256_inputs(&other);
    let mut call = |root: U256, message: U256, nullifier: U256| {
        app.call(
            validateProofCall {
                groupId: U256::ZERO,
                merkleRoot: root,
                actionId: i[1],
                messageHash: message,
                nullifier,
                proof: other.proof.clone().into(),
            }
            .abi_encode(),
        )
    };
    assert!(reverted::<InvalidProof>(&call(i[0], i[2] + U256::from(1), i[3])), "another message");
    assert!(reverted::<InvalidProof>(&call(i[0], i[2], i[3] + U256::from(1))), "another nullifier");
    assert!(reverted::<UnknownRoot>(&call(i[0] + U256::from(1), i[2], i[3])), "a root the group never had");
    // A proof made before a new member joined still lands (its root is in the history).
    app.call(addMemberCall { groupId: U256::ZERO, commitment: u(&Identity::random().commitment()) }.abi_encode());
    assert!(validate(&mut app, 0, &other).success, "a proof for the previous root");
    // A proof for another group's tree.
    app.call(createGroupCall { admin: CALLER }.abi_encode());
    let lone = member_proof(&ids[0], &group, action, hash_to_field(b"yes"));
    assert!(reverted::<UnknownRoot>(&validate(&mut app, 1, &lone)));
}
