//! `hum prove`: prove a witness file and write the proof JSON.

use std::path::Path;

use anyhow::anyhow;
use hum_core::{field::parse_fr, hash_to_field, Flavour, Fr, Witness};
use serde_json::json;
use zeroize::Zeroizing;

use super::{group::read_group, identity::read_identity, init_request, orchestrator, read_input, write_output};
use crate::{
    cli::{Global, MemberArgs, SrsArgs},
    error::{bad_input, host_failure, Failure},
    output::Report,
    progress::{insecure_warning, watch},
};

/// A field element from its text flag (keccak256 >> 8) or its 0x-hex flag; `flags` names both.
fn field(text: &Option<String>, hex: &Option<String>, flags: [&str; 2]) -> Result<Fr, Failure> {
    match (text, hex) {
        (Some(text), _) => Ok(hash_to_field(text.as_bytes())),
        (None, Some(hex)) => parse_fr(hex).map_err(|reason| bad_input(anyhow!("{} {reason}", flags[1]))),
        (None, None) => Err(bad_input(anyhow!("give {} TEXT or {} 0x…", flags[0], flags[1]))),
    }
}

/// The witness of `hum prove`: from the witness file, or for the identity in the group.
fn witness(member: &MemberArgs, witness: Option<&Path>) -> Result<Witness, Failure> {
    if let Some(path) = witness {
        let bytes = Zeroizing::new(read_input(path)?);
        return Witness::from_json(&bytes).map_err(bad_input);
    }
    let (Some(identity), Some(group)) = (&member.identity, &member.group) else {
        return Err(bad_input(anyhow!("give --identity FILE and --group FILE (or --witness FILE)")));
    };
    let identity = read_identity(identity)?;
    let group = read_group(group)?;
    let action = field(&member.action, &member.action_id, ["--action", "--action-id"])?;
    let message = field(&member.message, &member.message_hash, ["--message", "--message-hash"])?;
    Witness::for_group(&identity, &group, action, message).map_err(bad_input)
}

/// Runs `hum prove`.
pub fn run(
    g: &Global,
    member: &MemberArgs,
    witness_file: Option<&Path>,
    out: &Path,
    flavour: Flavour,
    srs: &SrsArgs,
) -> Result<Report, Failure> {
    let witness = witness(member, witness_file)?;
    witness.validate().map_err(bad_input)?;
    let request = init_request(srs, witness.depth())?;
    let transparent = matches!(request.srs, hum_host::SrsChoice::Transparent);
    let orchestrator = orchestrator(g)?;
    let watcher = watch(&orchestrator, g.json);
    let init = orchestrator.init(request).wait().map_err(host_failure)?;
    insecure_warning(&init.circuit, g.json);
    let result = orchestrator.prove_blocking(&witness, flavour).map_err(|e| {
        // The prover refuses an evm proof on IPA keys; here the user also hears which flags.
        let hint = (flavour == Flavour::Evm && transparent).then_some(
            "pass --srs FILE --srs-hash HASH (a ceremony's, from `hum params import`), or --insecure-dev-srs for tests",
        );
        let failure = host_failure(e);
        match hint {
            Some(hint) => Failure { error: anyhow!("{:#}; {hint}", failure.error), ..failure },
            None => failure,
        }
    })?;
    drop(orchestrator);
    let _ = watcher.join();
    let core = hum_host::to_core_result(&result)?;
    let mut value: serde_json::Value = serde_json::from_str(&core.to_json())?;
    value["prove_ms"] = result.prove_ms.into();
    write_output(out, (serde_json::to_string_pretty(&value)? + "\n").as_bytes())?;
    let insecure = result.circuit.insecure_dev_srs;
    Ok(Report::ok(
        json!({ "out": out, "flavour": flavour.name(), "proof_bytes": result.proof.len(), "prove_ms": result.prove_ms,
                "root": result.public_inputs.root, "action_id": result.public_inputs.action_id,
                "nullifier": result.public_inputs.nullifier, "insecure_dev_srs": insecure }),
        [format!(
            "wrote {} ({} byte {} proof, {} ms){}",
            out.display(),
            result.proof.len(),
            flavour.name(),
            result.prove_ms,
            if insecure { " — INSECURE dev SRS" } else { "" }
        )],
    ))
}
