//! Identities and groups through the component's WIT commands (what the browser's worker
//! uses): `tests/vectors/groups.json` replayed through `identity`, `hash-to-field` and `group`,
//! a member proving with `prove-member`, and every bad input a typed error event.

mod common;

use hum_host::wit;
use serde_json::Value;

fn vectors() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/vectors/groups.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("groups.json")).expect("json")
}

fn text(value: &Value) -> String {
    value.as_str().expect("a string").to_string()
}

/// 32-byte big-endian members laid end to end, as `wit::Group` carries them.
fn member_bytes(members: &[String]) -> Vec<u8> {
    members
        .iter()
        .flat_map(|m| {
            let fr = hum_core::field::parse_fr(m).expect("canonical");
            hum_core::field::fr_to_be_bytes(&fr)
        })
        .collect()
}

fn only(events: Vec<wit::Event>) -> wit::Event {
    assert_eq!(events.len(), 1, "one answer: {events:?}");
    events.into_iter().next().unwrap()
}

fn error(events: Vec<wit::Event>) -> wit::ErrorInfo {
    events
        .into_iter()
        .find_map(|e| match e {
            wit::Event::Error(info) => Some(info),
            _ => None,
        })
        .expect("an error event")
}

fn group(depth: u8, members: &[String], proof_of: Option<u32>) -> wit::Command {
    wit::Command::Group(wit::GroupQuery { group: wit::Group { depth, members: member_bytes(members) }, proof_of })
}

#[test]
fn identities_fields_and_groups_match_the_vectors() {
    let v = vectors();
    let mut h = common::Harness::new(256 << 20);
    for id in v["identities"].as_array().unwrap() {
        let seed = text(&id["seed_utf8"]).into_bytes();
        let wit::Event::Identity(info) = only(h.send(wit::Command::Identity(wit::IdentitySource::Seed(seed)))) else {
            panic!("identity answers identity")
        };
        assert_eq!(info.secret, text(&id["secret"]));
        assert_eq!(info.commitment, text(&id["commitment"]));
        let again = only(h.send(wit::Command::Identity(wit::IdentitySource::Secret(info.secret.clone()))));
        assert!(matches!(again, wit::Event::Identity(i) if i.commitment == info.commitment));
    }
    for case in v["hash_to_field"].as_array().unwrap() {
        let bytes = text(&case["utf8"]).into_bytes();
        let answer = only(h.send(wit::Command::HashToField(bytes)));
        assert!(matches!(&answer, wit::Event::Field(f) if *f == text(&case["field"])), "{answer:?}");
    }
    for g in v["groups"].as_array().unwrap() {
        let depth = g["depth"].as_u64().unwrap() as u8;
        let members: Vec<String> = g["members"].as_array().unwrap().iter().map(text).collect();
        for proof in g["proofs"].as_array().unwrap() {
            let index = proof["index"].as_u64().unwrap() as u32;
            let wit::Event::GroupInfo(info) = only(h.send(group(depth, &members, Some(index)))) else {
                panic!("group answers group-info")
            };
            assert_eq!(info.root, text(&g["root"]), "depth {depth}");
            assert_eq!(info.size as usize, members.len());
            let p = info.merkle_proof.expect("the proof asked for");
            assert_eq!((p.depth, p.index), (depth, index));
            assert_eq!(p.leaf, text(&proof["leaf"]));
            assert_eq!(p.root, text(&proof["root"]));
            let siblings: Vec<String> = proof["siblings"].as_array().unwrap().iter().map(text).collect();
            assert_eq!(p.siblings, siblings);
        }
    }
}

#[test]
fn a_random_identity_is_fresh_each_time() {
    let mut h = common::Harness::new(64 << 20);
    let mut draw = || match only(h.send(wit::Command::Identity(wit::IdentitySource::Random))) {
        wit::Event::Identity(i) => i,
        other => panic!("{other:?}"),
    };
    let (a, b) = (draw(), draw());
    assert_ne!(a.secret, b.secret);
    let secret = hum_core::field::parse_fr(&a.secret).expect("canonical secret");
    let identity = hum_core::Identity::from_secret(secret).expect("non-zero");
    assert_eq!(hum_core::field::fr_to_hex(&identity.commitment()), a.commitment);
}

#[test]
fn a_member_proves_with_prove_member_and_the_proof_verifies() {
    let v = vectors();
    let ids = v["identities"].as_array().unwrap();
    let members: Vec<String> = ids.iter().map(|i| text(&i["commitment"])).collect();
    let mut h = common::Harness::new(256 << 20);
    assert_eq!(
        error(h.send(wit::Command::ProveMember(member_request(&ids[1], 20, &members)))).code,
        wit::ErrorCode::NotInitialized
    );
    h.send(common::init_command(20));
    let events = h.send(wit::Command::ProveMember(member_request(&ids[1], 20, &members)));
    let result = events
        .iter()
        .find_map(|e| match e {
            wit::Event::ProofComplete(r) => Some(r.clone()),
            _ => None,
        })
        .unwrap_or_else(|| panic!("a proof: {events:?}"));
    assert!(matches!(events.last(), Some(wit::Event::Status(s)) if s.state == wit::State::Ready));
    let wit::Event::GroupInfo(info) = only(h.send(group(20, &members, None))) else { panic!("group-info") };
    assert_eq!(result.public_inputs.root, info.root, "the proof is for the group's root");
    let action = only(h.send(wit::Command::HashToField(b"vote-2026".to_vec())));
    assert!(matches!(action, wit::Event::Field(f) if f == result.public_inputs.action_id));
    common::verify_natively(&result);
}

fn member_request(identity: &Value, depth: u8, members: &[String]) -> wit::MemberProofRequest {
    let field = |s: &str| hum_core::field::fr_to_hex(&hum_core::hash_to_field(s.as_bytes()));
    wit::MemberProofRequest {
        secret: text(&identity["secret"]),
        group: wit::Group { depth, members: member_bytes(members) },
        action_id: field("vote-2026"),
        message_hash: field("yes"),
        flavour: wit::Flavour::Standard,
    }
}

#[test]
fn bad_identities_and_groups_are_typed_errors_that_never_name_the_secret() {
    let v = vectors();
    let ids = v["identities"].as_array().unwrap();
    let members: Vec<String> = ids.iter().map(|i| text(&i["commitment"])).collect();
    let mut h = common::Harness::new(256 << 20);
    let expect = |h: &mut common::Harness, command: wit::Command, code: wit::ErrorCode, says: &str| {
        let info = error(h.send(command));
        assert_eq!(info.code, code, "{}", info.message);
        assert!(info.message.contains(says), "{:?} should say {says:?}", info.message);
        for id in ids {
            assert!(!info.message.contains(text(&id["secret"]).trim_start_matches("0x")), "{}", info.message);
        }
    };
    let bad = wit::ErrorCode::InvalidArgument;
    expect(&mut h, wit::Command::Identity(wit::IdentitySource::Seed(b"short".to_vec())), bad, "at least 16");
    expect(&mut h, wit::Command::Identity(wit::IdentitySource::Secret("0x0".into())), bad, "zero");
    let p = "0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001";
    expect(&mut h, wit::Command::Identity(wit::IdentitySource::Secret(p.into())), bad, "`secret`");

    let raw = |members: Vec<u8>| {
        wit::Command::Group(wit::GroupQuery { group: wit::Group { depth: 4, members }, proof_of: None })
    };
    let mut bytes = member_bytes(&members);
    bytes.extend_from_slice(&[0xff; 32]);
    expect(&mut h, raw(bytes), bad, "`members[4]` is not below");
    expect(&mut h, raw(vec![1; 33]), bad, "33 bytes");
    let mut dup = members.clone();
    dup.push(members[2].clone());
    expect(&mut h, group(4, &dup, None), bad, "`members[4]` repeats `members[2]`");
    expect(&mut h, group(1, &members, None), bad, "4 members do not fit a group of depth 1");
    expect(&mut h, group(0, &members, None), bad, "depth");
    expect(&mut h, group(4, &members, Some(9)), bad, "index 9");

    h.send(common::init_command(4));
    let outsider = hum_core::Identity::from_seed(b"someone who is not a member").unwrap();
    let mut request = member_request(&ids[0], 4, &members);
    request.secret = hum_core::field::fr_to_hex(outsider.secret());
    let outsider_secret = request.secret.clone();
    let info = error(h.send(wit::Command::ProveMember(request)));
    assert_eq!(info.code, bad);
    assert!(info.message.contains("is not a member of the group"), "{}", info.message);
    assert!(!info.message.contains(outsider_secret.trim_start_matches("0x")));
    expect(&mut h, wit::Command::ProveMember(member_request(&ids[0], 20, &members)), bad, "depth 20");
    let mut request = member_request(&ids[0], 4, &members);
    request.action_id = p.into();
    expect(&mut h, wit::Command::ProveMember(request), wit::ErrorCode::InvalidWitness, "action_id");
    // The instance still proves after all of that.
    let events = h.send(wit::Command::ProveMember(member_request(&ids[0], 4, &members)));
    assert!(events.iter().any(|e| matches!(e, wit::Event::ProofComplete(_))), "{events:?}");
}
