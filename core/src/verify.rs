//! Verification, and what a verifier accepts.
//!
//! A verifier decides which circuit it accepts — the depth, the SRS (pinned by hash), whether the
//! insecure dev SRS is acceptable — and may pin the root and the action id. It loads its own keys
//! for that choice. **Nothing about the circuit is read from the proof it checks**: a proof file
//! that names another circuit is refused with a message, never used to pick keys.
//!
//! Why the depth is pinned: a member may register the leaf L = H(H(s1), H(s2)) as its identity
//! commitment (a registrar cannot tell it from any other field element). At depth 21, the paths
//! (s1, sibling H(s2), then L's depth-20 path) and (s2, sibling H(s1), same path) both reach the
//! group's depth-20 root, so a verifier that took the depth from the proof would accept two
//! nullifiers per action from one member.
//!
//! What a relying party must still check itself: that the root is one it published for its group,
//! and that the nullifier was not used before for this action.

use halo2_proofs::{
    halo2curves::bn256::{Bn256, Fr, G1Affine},
    plonk::verify_proof,
    poly::{
        ipa::{commitment::IPACommitmentScheme, multiopen::VerifierIPA, strategy::SingleStrategy as IpaSingle},
        kzg::{commitment::KZGCommitmentScheme, multiopen::VerifierSHPLONK, strategy::SingleStrategy as KzgSingle},
        VerificationStrategy,
    },
    transcript::{Blake2bRead, Challenge255, EncodedChallenge, TranscriptRead, TranscriptReadBuffer},
};

use crate::{
    circuit::DEFAULT_DEPTH,
    error::{Error, Result},
    field::parse_fr,
    keys::{CircuitInfo, CircuitKeys},
    prover::{ProofResult, PublicInputs},
    srs::{format_hash, parse_hash, Setup},
    transcript::{ChallengeEvm, EvmRead, Flavour},
};

/// What a verifier accepts. Built by the relying party, never from the proof being checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyPolicy {
    /// The tree depth of the group (default 20): it selects the circuit.
    pub depth: usize,
    /// When set, the verifier's keys must have been made with the SRS of this SHA-256.
    pub srs_hash: Option<[u8; 32]>,
    /// Accept keys on the insecure dev SRS, whose toxic waste is public, so that anyone can
    /// forge proofs for it. Off by default; for development and tests only.
    pub allow_insecure_dev_srs: bool,
    /// When set, the proof's `root` must be this one.
    pub root: Option<Fr>,
    /// When set, the proof's `action_id` must be this one.
    pub action_id: Option<Fr>,
}

impl Default for VerifyPolicy {
    fn default() -> Self {
        Self::for_depth(DEFAULT_DEPTH)
    }
}

impl VerifyPolicy {
    /// Accepts proofs of the circuit of `depth` on a real (non-dev) SRS, any root and action.
    pub fn for_depth(depth: usize) -> Self {
        Self { depth, srs_hash: None, allow_insecure_dev_srs: false, root: None, action_id: None }
    }

    /// Checks that `keys` are keys this policy accepts: its depth, its pinned SRS, and the dev
    /// SRS only when allowed.
    pub fn check_keys(&self, keys: &CircuitKeys) -> Result<()> {
        let info = keys.info();
        if info.depth != self.depth {
            return Err(Error::WrongCircuit { proof: describe(info), accepted: format!("depth {}", self.depth) });
        }
        if let Some(expected) = &self.srs_hash {
            if keys.srs_hash() != expected {
                return Err(Error::WrongCircuit {
                    proof: describe(info),
                    accepted: format!("the SRS {}", format_hash(expected)),
                });
            }
        }
        if info.insecure_dev_srs && !self.allow_insecure_dev_srs {
            return Err(Error::InsecureDevSrs);
        }
        Ok(())
    }

    /// Compares the circuit a proof file claims with the verifier's keys. The claim only makes
    /// the message precise; a claim that matches still has to verify under `keys`.
    pub fn check_claim(&self, keys: &CircuitKeys, claimed: &CircuitInfo) -> Result<()> {
        if claimed.id != keys.info().id {
            return Err(Error::WrongCircuit { proof: describe(claimed), accepted: describe(keys.info()) });
        }
        Ok(())
    }

    /// A policy from text (the WIT's `verify-policy`, the C ABI's `HumVerifyPolicy`): hashes as
    /// `sha256:` + 64 hex digits, field elements as 0x-hex. An error names the malformed member.
    pub fn from_text(
        depth: usize,
        srs_hash: Option<&str>,
        allow_insecure_dev_srs: bool,
        root: Option<&str>,
        action_id: Option<&str>,
    ) -> Result<Self> {
        let fr = |name: &str, text: Option<&str>| {
            text.map(|t| parse_fr(t).map_err(|reason| Error::InvalidArgument(format!("policy `{name}` {reason}"))))
                .transpose()
        };
        let srs_hash = srs_hash
            .map(|h| {
                parse_hash(h).map_err(|_| Error::InvalidArgument("policy `srs_hash` must be 64 hex digits".into()))
            })
            .transpose()?;
        Ok(Self {
            depth,
            srs_hash,
            allow_insecure_dev_srs,
            root: fr("root", root)?,
            action_id: fr("action_id", action_id)?,
        })
    }

    /// Verifies `proof`, written in `flavour`'s transcript, for `public_inputs` under this policy
    /// with the verifier's own `keys`.
    pub fn verify(
        &self,
        keys: &CircuitKeys,
        flavour: Flavour,
        proof: &[u8],
        public_inputs: &PublicInputs,
    ) -> Result<()> {
        self.verify_claimed(keys, None, flavour, proof, public_inputs)
    }

    /// As [`VerifyPolicy::verify`], for a proof that came with the circuit it claims: a claim of
    /// another circuit is refused first (the clearest reason), then the keys, the pinned inputs
    /// and the proof itself are checked. The flavour is only how the proof is written: either
    /// flavour proves the same statement with the same keys.
    pub fn verify_claimed(
        &self,
        keys: &CircuitKeys,
        claimed: Option<&CircuitInfo>,
        flavour: Flavour,
        proof: &[u8],
        public_inputs: &PublicInputs,
    ) -> Result<()> {
        if let Some(claimed) = claimed {
            self.check_claim(keys, claimed)?;
        }
        self.check_keys(keys)?;
        if self.root.is_some_and(|root| root != public_inputs.root) {
            return Err(Error::UnexpectedPublicInput("root"));
        }
        if self.action_id.is_some_and(|action| action != public_inputs.action_id) {
            return Err(Error::UnexpectedPublicInput("action_id"));
        }
        verify(keys, flavour, proof, public_inputs)
    }

    /// Reads proof JSON and verifies it: the circuit it names must be the verifier's, then the
    /// proof must verify under this policy. Returns the proof on success.
    pub fn verify_json(&self, keys: &CircuitKeys, json: &[u8]) -> Result<ProofResult> {
        let proof = ProofResult::from_json(json)?;
        self.verify_claimed(keys, Some(&proof.circuit), proof.flavour, &proof.proof, &proof.public_inputs)?;
        Ok(proof)
    }
}

/// A circuit as messages name it: `hum1-d20-k9-kzg-… (depth 20, k = 9, scheme kzg, SRS sha256:…)`.
pub fn describe(info: &CircuitInfo) -> String {
    format!("{} (depth {}, k = {}, scheme {}, SRS {})", info.id, info.depth, info.k, info.scheme.name(), info.srs)
}

/// Verifies `proof`, written in `flavour`'s transcript, for `public_inputs` with the keys'
/// verifying key and params, and nothing else: callers that accept proofs from others use
/// [`VerifyPolicy::verify`].
///
/// `Err(Error::ProofRejected)` for a proof that does not verify, `Err(Error::InvalidProof)` for
/// one followed by bytes that are not part of it.
pub fn verify(keys: &CircuitKeys, flavour: Flavour, proof: &[u8], public_inputs: &PublicInputs) -> Result<()> {
    let instance = public_inputs.to_array();
    let mut rest = proof;
    // On rayon's pool, natively (see `pool`): the verifier's MSMs split their work.
    crate::pool::blocking(|| match flavour {
        Flavour::Standard => check::<Challenge255<_>, Blake2bRead<_, _, _>, _>(keys, &instance, &mut rest),
        Flavour::Evm => check::<ChallengeEvm, EvmRead<_>, _>(keys, &instance, &mut rest),
    })?;
    if !rest.is_empty() {
        // Appended bytes would make one proof many (malleable); a proof is exactly its transcript.
        let n = rest.len();
        return Err(Error::InvalidProof(format!(
            "{n} trailing byte{} after the end of the proof",
            if n == 1 { "" } else { "s" }
        )));
    }
    Ok(())
}

/// Runs halo2's verifier with the transcript `T` over `proof`, leaving what it did not read.
fn check<E, T, R: std::io::Read>(keys: &CircuitKeys, instance: &[Fr; 4], proof: R) -> Result<()>
where
    E: EncodedChallenge<G1Affine>,
    T: TranscriptRead<G1Affine, E> + TranscriptReadBuffer<R, G1Affine, E>,
{
    let mut transcript = T::init(proof);
    let instances = &[&[&instance[..]][..]];
    match keys.setup() {
        Setup::Kzg(params) => verify_proof::<KZGCommitmentScheme<Bn256>, VerifierSHPLONK<'_, Bn256>, _, _, _>(
            params,
            keys.vk(),
            KzgSingle::new(params),
            instances,
            &mut transcript,
        ),
        Setup::Ipa(params) => verify_proof::<IPACommitmentScheme<G1Affine>, VerifierIPA<'_, G1Affine>, _, _, _>(
            params,
            keys.vk(),
            IpaSingle::new(params),
            instances,
            &mut transcript,
        ),
    }
    .map_err(|e| Error::ProofRejected(e.to_string()))
}
