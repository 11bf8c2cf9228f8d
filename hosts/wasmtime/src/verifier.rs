//! Native verification on the host, with the verifier's own keys for the circuit it accepts.
//!
//! A [`NativeVerifier`] is made from a [`VerifyPolicy`] (the depth, whether the dev SRS is
//! acceptable, an optional root and action id) and the SRS the verifier chose. It loads or
//! generates the keys of that circuit (through the key cache when there is one) and checks
//! proofs against them; the circuit a proof file names is only compared, never used.

use hum_core::{keys::checked_k, CircuitKeys, Error, Flavour, ProofResult, PublicInputs, Srs, SrsKind, VerifyPolicy};
use sha2::{Digest, Sha256};

use crate::cache::{CacheRead, KeyCache};

/// The setup a prover or a verifier uses.
#[derive(Clone, Debug, Default)]
pub enum SrsChoice {
    /// hum's transparent IPA generators (no ceremony, nothing to pass: embedded in hum for
    /// every depth): the default.
    #[default]
    Transparent,
    /// The deterministic, **insecure** dev SRS (a verifier refuses it unless its policy allows).
    InsecureDev,
    /// Params bytes, which must hash to `hash` (checked before anything is parsed).
    Pinned {
        /// halo2 KZG params bytes (a ceremony's, `hum params import`).
        bytes: Vec<u8>,
        /// Their SHA-256.
        hash: [u8; 32],
    },
}

/// The bytes of the insecure dev SRS of size 2^k, from the cache when a file there is exactly the
/// dev SRS (anything else planted under its name is replaced, so it can never pass as a real SRS).
pub fn dev_srs_bytes(cache: Option<&KeyCache>, k: u32) -> Vec<u8> {
    let make = || Srs::insecure_dev(k).to_bytes();
    let Some(cache) = cache else { return make() };
    let name = format!("srs-insecure-dev-k{k}.params");
    let bytes = cache.file_or_insert(&name, make);
    match Srs::from_bytes(&bytes, None) {
        Ok(srs) if srs.kind() == SrsKind::InsecureDev && srs.k() == k => bytes,
        _ => {
            cache.remove_file(&name);
            cache.file_or_insert(&name, make)
        }
    }
}

/// The bytes of hum's transparent IPA generators of size 2^k: embedded in hum-core for every size
/// its circuits use, so nothing is derived or cached.
pub fn transparent_bytes(k: u32) -> Vec<u8> {
    match hum_core::ipa::embedded(k) {
        Some(bytes) => bytes.to_vec(),
        None => Srs::transparent(k).to_bytes(),
    }
}

/// Loads the SRS a choice names (the dev SRS through the cache).
pub fn load_srs(choice: &SrsChoice, k: u32, cache: Option<&KeyCache>) -> Result<Srs, Error> {
    match choice {
        SrsChoice::Transparent => Srs::from_bytes(&transparent_bytes(k), None),
        SrsChoice::InsecureDev => Srs::from_bytes(&dev_srs_bytes(cache, k), None),
        SrsChoice::Pinned { bytes, hash } => Srs::from_bytes(bytes, Some(hash)),
    }
}

/// The keys of the circuit of `depth` on `srs`, natively: from the key cache when an entry
/// checks out (a rejected entry is removed), else generated and stored.
pub fn load_keys(srs: &Srs, depth: usize, cache: Option<&KeyCache>) -> Result<CircuitKeys, Error> {
    let digest: [u8; 32] = Sha256::digest(srs.to_bytes()).into();
    if let Some(cache) = cache {
        if let CacheRead::Hit { keys, .. } = cache.read(depth, &digest) {
            match CircuitKeys::from_bytes(srs, depth, &keys) {
                Ok(keys) => return Ok(keys),
                Err(_) => cache.remove(depth, &digest),
            }
        }
    }
    let keys = CircuitKeys::generate(srs, depth)?;
    if let Some(cache) = cache {
        let _ = cache.write(depth, &digest, &keys.info().id, &keys.to_bytes());
    }
    Ok(keys)
}

/// Verifies proofs natively for the one circuit its policy accepts.
#[derive(Debug)]
pub struct NativeVerifier {
    keys: CircuitKeys,
    policy: VerifyPolicy,
}

impl NativeVerifier {
    /// Loads the keys for `policy.depth` on the chosen SRS. A pinned SRS also pins the policy's
    /// `srs_hash`. What the policy refuses (e.g. the dev SRS) is refused at each verification,
    /// after a proof claiming another circuit has been told so.
    pub fn load(mut policy: VerifyPolicy, srs: &SrsChoice, cache: Option<&KeyCache>) -> Result<Self, Error> {
        let k = checked_k(policy.depth)?;
        let srs = load_srs(srs, k, cache)?;
        if srs.kind() == SrsKind::Supplied {
            policy.srs_hash = Some(*srs.hash());
        }
        let keys = load_keys(&srs, policy.depth, cache)?;
        Ok(Self { keys, policy })
    }

    /// The keys of the accepted circuit.
    pub fn keys(&self) -> &CircuitKeys {
        &self.keys
    }

    /// What this verifier accepts.
    pub fn policy(&self) -> &VerifyPolicy {
        &self.policy
    }

    /// Verifies a proof with the circuit it claims (see [`VerifyPolicy::verify_claimed`]).
    pub fn verify_proof(&self, proof: &ProofResult) -> Result<(), Error> {
        self.policy.verify_claimed(&self.keys, Some(&proof.circuit), proof.flavour, &proof.proof, &proof.public_inputs)
    }

    /// Verifies proof bytes, written in `flavour`'s transcript, for public inputs.
    pub fn verify(&self, flavour: Flavour, proof: &[u8], public_inputs: &PublicInputs) -> Result<(), Error> {
        self.policy.verify(&self.keys, flavour, proof, public_inputs)
    }
}
