//! Verification through the C ABI: the verifier's policy and `hum_prover_verify`.

use hum_actor::{Command, Failure, PolicyText, VerifyCommand};

use crate::{bytes, events::CallbackSink, ffi_boundary, non_null, prover::HumProver, HumResult};

/// What a verifier accepts, chosen by the verifier (never read from the proof). Start from
/// `hum_verify_policy_default()` and set what you need.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct HumVerifyPolicy {
    /// The tree depth of the verifier's group; it must be the depth the prover was initialised
    /// for (its keys are the verifier's), else `HUM_RESULT_WRONG_CIRCUIT`.
    pub depth: u32,
    /// Accept proofs on the insecure dev SRS (anyone can forge them): development only.
    /// Without it a prover initialised on the dev SRS answers `HUM_RESULT_INSECURE_SRS`.
    pub allow_insecure_dev_srs: bool,
    /// The root the proof must have: NUL-terminated 0x-hex, or NULL for any root.
    pub root: *const std::ffi::c_char,
    /// The action id the proof must be for: NUL-terminated 0x-hex, or NULL for any.
    pub action_id: *const std::ffi::c_char,
}

/// The default policy: depth 20, the dev SRS refused, any root and action id.
///
/// Thread-safe.
#[no_mangle]
pub extern "C" fn hum_verify_policy_default() -> HumVerifyPolicy {
    HumVerifyPolicy {
        depth: hum_core::DEFAULT_DEPTH as u32,
        allow_insecure_dev_srs: false,
        root: std::ptr::null(),
        action_id: std::ptr::null(),
    }
}

/// A text member of a policy: NULL, or a NUL-terminated UTF-8 string.
///
/// # Safety
/// `text` is NULL or points to a NUL-terminated string that outlives `'a`.
unsafe fn member<'a>(name: &str, text: *const std::ffi::c_char) -> Result<Option<&'a str>, hum_core::Error> {
    if text.is_null() {
        return Ok(None);
    }
    // SAFETY: per the function's contract.
    let text = unsafe { std::ffi::CStr::from_ptr(text) };
    text.to_str().map(Some).map_err(|_| hum_core::Error::InvalidArgument(format!("policy `{name}` is not UTF-8")))
}

/// The policy as the actor's text form (its one parser checks it, naming the member).
fn policy_text(policy: &HumVerifyPolicy) -> Result<PolicyText, hum_core::Error> {
    hum_core::keys::checked_k(policy.depth as usize)?;
    // SAFETY: non-NULL members point to NUL-terminated strings (the struct's contract), alive
    // for the call.
    let (root, action_id) = unsafe { (member("root", policy.root)?, member("action_id", policy.action_id)?) };
    Ok(PolicyText {
        depth: policy.depth as u8,
        srs_hash: None,
        allow_insecure_dev_srs: policy.allow_insecure_dev_srs,
        root: root.map(str::to_owned),
        action_id: action_id.map(str::to_owned),
    })
}

/// The actor's `verify` command for proof JSON under a policy.
fn command(json: &[u8], policy: &HumVerifyPolicy) -> Result<Command, hum_core::Error> {
    let policy = policy_text(policy)?;
    let proof = hum_core::ProofResult::from_json(json)?;
    Ok(Command::Verify(Box::new(VerifyCommand {
        public_inputs: proof.public_inputs.to_hex(),
        claimed_circuit: Some(proof.circuit),
        flavour: proof.flavour,
        proof: proof.proof,
        policy,
    })))
}

/// Verifies proof JSON (as `hum_prover_prove` writes it) with this prover's keys — the circuit
/// and SRS it was initialised with — under `policy` (NULL: `hum_verify_policy_default()`).
/// `HUM_RESULT_OK` when valid; `HUM_RESULT_WRONG_CIRCUIT` when the proof (or the policy's depth)
/// is for another circuit; `HUM_RESULT_INSECURE_SRS` on the dev SRS unless the policy allows it;
/// `HUM_RESULT_PROOF_REJECTED` when it does not verify or its root or action id is not the
/// policy's; `HUM_RESULT_INVALID_PROOF` when malformed; `HUM_RESULT_INVALID_ARGUMENT` for a
/// malformed policy. `hum_prover_last_error` says why.
///
/// Thread-safe (verification does not take the prover's proof slot).
#[no_mangle]
pub extern "C" fn hum_prover_verify(
    prover: *const HumProver,
    proof_json: *const u8,
    proof_len: usize,
    policy: *const HumVerifyPolicy,
) -> HumResult {
    ffi_boundary!({
        non_null!(prover, proof_json);
        // SAFETY: a live handle (contract).
        let Some(p) = (unsafe { crate::prover::prover(prover) }) else { return HumResult::NullArgument };
        // SAFETY: pointer with its length from the caller.
        let Some(json) = (unsafe { bytes(proof_json, proof_len) }) else { return HumResult::NullArgument };
        if p.keys().is_none() {
            return HumResult::NotInitialized;
        }
        // SAFETY: NULL or a readable policy (contract).
        let policy = unsafe { policy.as_ref() }.copied().unwrap_or_else(|| hum_verify_policy_default());
        match command(json, &policy) {
            Ok(command) => p.inner.run(command, &mut CallbackSink::blocking(&p.inner.slot)),
            Err(e) => p.inner.record(&Failure::from(e)),
        }
    })
}
