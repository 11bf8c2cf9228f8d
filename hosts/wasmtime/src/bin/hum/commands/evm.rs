//! On Ethereum: `hum verifier solidity` writes the Solidity verifier of a circuit, `hum calldata`
//! the ABI-encoded call for an EVM-flavour proof.

use std::path::Path;

use anyhow::anyhow;
use hum_core::VerifyPolicy;
use hum_host::NativeVerifier;
use serde_json::json;

use super::{cache, read_input, srs_choice, write_output};
use crate::{
    cli::{Global, SrsArgs},
    error::{bad_input, Failure},
    output::Report,
};

/// Runs `hum verifier solidity`: the verifier for the circuit of `depth` on the pinned SRS (or,
/// with `--insecure-dev-srs`, the insecure dev SRS), written to `out`.
pub fn solidity(g: &Global, depth: usize, srs: &SrsArgs, out: &Path) -> Result<Report, Failure> {
    hum_core::keys::checked_k(depth).map_err(bad_input)?;
    let choice = srs_choice(srs, true)?;
    if matches!(choice, hum_host::SrsChoice::Transparent) {
        return Err(bad_input(anyhow!(
            "a contract verifies KZG proofs, not IPA: pass --srs FILE --srs-hash HASH (a ceremony's, from \
             `hum params import`), or --insecure-dev-srs for tests"
        )));
    }
    let allow_insecure_dev_srs = srs.insecure_dev_srs;
    let policy = VerifyPolicy { allow_insecure_dev_srs, ..VerifyPolicy::for_depth(depth) };
    let verifier = NativeVerifier::load(policy, &choice, Some(&cache(g))).map_err(bad_input)?;
    let generated = hum_evm::solidity_verifier(verifier.keys(), allow_insecure_dev_srs).map_err(bad_input)?;
    write_output(out, generated.source.as_bytes())?;
    let info = verifier.keys().info();
    let mut text = vec![format!(
        "wrote {} (contract {}, circuit {}, proofs of {} bytes)",
        out.display(),
        generated.contract,
        info.id,
        generated.proof_length
    )];
    if info.insecure_dev_srs {
        text.push("INSECURE: made for the dev SRS; anyone can forge proofs this contract accepts".into());
    }
    Ok(Report::ok(
        json!({ "out": out, "contract": generated.contract, "circuit": info.id, "depth": depth,
                "proof_length": generated.proof_length, "insecure_dev_srs": info.insecure_dev_srs }),
        text,
    ))
}

/// Runs `hum calldata`: the `verifyProof(bytes,uint256[4])` call for an EVM-flavour proof file,
/// and its arguments as a contract UI takes them.
pub fn calldata(file: &Path) -> Result<Report, Failure> {
    let proof = hum_core::ProofResult::from_json(&read_input(file)?).map_err(bad_input)?;
    let data = hum_evm::calldata(&proof).map_err(bad_input)?;
    let hex = format!("0x{}", hex::encode(&data));
    let inputs = proof.public_inputs.to_uint256();
    Ok(Report::ok(
        json!({ "calldata": hex, "function": "verifyProof(bytes,uint256[4])",
                "proof": format!("0x{}", hex::encode(&proof.proof)), "public_inputs": inputs }),
        [hex],
    ))
}
