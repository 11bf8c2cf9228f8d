//! `prove` and `verify`, the public inputs, and the proof JSON of docs/formats.md.

use halo2_proofs::{
    halo2curves::bn256::{Bn256, Fr, G1Affine},
    plonk::create_proof,
    poly::{
        ipa::{commitment::IPACommitmentScheme, multiopen::ProverIPA},
        kzg::{commitment::KZGCommitmentScheme, multiopen::ProverSHPLONK},
    },
    transcript::{Blake2bWrite, Challenge255, EncodedChallenge, TranscriptWrite, TranscriptWriterBuffer},
};
use rand_core::{CryptoRng, RngCore};
use serde::{Deserialize, Serialize};

use crate::{
    circuit::{MembershipCircuit, MembershipValues},
    error::{Error, Result},
    field::{fr_to_hex, parse_fr},
    keys::{CircuitInfo, CircuitKeys},
    progress::{ProgressSink, ProgressTranscript, Stage, Tracker},
    srs::{Scheme, Setup},
    transcript::{ChallengeEvm, EvmWrite, Flavour},
    witness::Witness,
};

/// The public inputs of a proof, in instance order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PublicInputs {
    /// The Merkle root.
    pub root: Fr,
    /// The action the nullifier is for.
    pub action_id: Fr,
    /// The message bound to the proof.
    pub message_hash: Fr,
    /// H(secret, action_id).
    pub nullifier: Fr,
}

impl PublicInputs {
    /// `[root, action_id, message_hash, nullifier]`.
    pub fn to_array(&self) -> [Fr; 4] {
        [self.root, self.action_id, self.message_hash, self.nullifier]
    }

    /// From `[root, action_id, message_hash, nullifier]`.
    pub fn from_array(a: [Fr; 4]) -> Self {
        Self { root: a[0], action_id: a[1], message_hash: a[2], nullifier: a[3] }
    }

    /// As a contract takes them: four uint256 in instance order, as decimal strings.
    pub fn to_uint256(&self) -> [String; 4] {
        self.to_array().map(|x| crate::field::fr_to_decimal(&x))
    }

    /// As 0x-hex strings.
    pub fn to_hex(&self) -> PublicInputsHex {
        PublicInputsHex {
            root: fr_to_hex(&self.root),
            action_id: fr_to_hex(&self.action_id),
            message_hash: fr_to_hex(&self.message_hash),
            nullifier: fr_to_hex(&self.nullifier),
        }
    }
}

/// The public inputs as JSON carries them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicInputsHex {
    /// The Merkle root.
    pub root: String,
    /// The action id.
    pub action_id: String,
    /// The message hash.
    pub message_hash: String,
    /// The nullifier H(secret, action_id), 0x-hex: the same for every proof of one identity and
    /// action, so a verifier rejects a second use.
    pub nullifier: String,
}

impl PublicInputsHex {
    /// Parses every element, naming the one that is wrong.
    pub fn parse(&self) -> Result<PublicInputs> {
        let f = |name: &str, v: &str| {
            parse_fr(v).map_err(|reason| Error::InvalidPublicInputs(format!("`{name}` {reason}")))
        };
        Ok(PublicInputs {
            root: f("root", &self.root)?,
            action_id: f("action_id", &self.action_id)?,
            message_hash: f("message_hash", &self.message_hash)?,
            nullifier: f("nullifier", &self.nullifier)?,
        })
    }
}

/// A proof with its public inputs and the circuit it is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProofResult {
    /// The proof bytes (KZG with the SHPLONK multi-opening, in the flavour's transcript).
    pub proof: Vec<u8>,
    /// The transcript the proof is written with.
    pub flavour: Flavour,
    /// Computed by the core from the witness, never copied from the caller.
    pub public_inputs: PublicInputs,
    /// The circuit and SRS.
    pub circuit: CircuitInfo,
}

#[derive(Serialize, Deserialize)]
struct ProofJson {
    proof: String,
    /// Absent in files written before flavours existed: those are standard.
    #[serde(default)]
    flavour: Flavour,
    public_inputs: PublicInputsHex,
    /// The EVM flavour's public inputs as a contract takes them (written, never read).
    #[serde(default, skip_serializing_if = "Option::is_none", skip_deserializing)]
    uint256_public_inputs: Option<[String; 4]>,
    circuit: CircuitInfo,
}

impl ProofResult {
    /// The proof JSON of docs/formats.md (pretty-printed).
    pub fn to_json(&self) -> String {
        let json = ProofJson {
            proof: format!("0x{}", hex::encode(&self.proof)),
            flavour: self.flavour,
            public_inputs: self.public_inputs.to_hex(),
            uint256_public_inputs: (self.flavour == Flavour::Evm).then(|| self.public_inputs.to_uint256()),
            circuit: self.circuit.clone(),
        };
        serde_json::to_string_pretty(&json).expect("proof JSON serializes")
    }

    /// Reads proof JSON; extra fields are ignored.
    pub fn from_json(bytes: &[u8]) -> Result<Self> {
        let json: ProofJson =
            serde_json::from_slice(bytes).map_err(|e| Error::InvalidProof(format!("not proof JSON ({e})")))?;
        let digits =
            json.proof.strip_prefix("0x").ok_or_else(|| Error::InvalidProof("`proof` must start with 0x".into()))?;
        let proof = hex::decode(digits).map_err(|_| Error::InvalidProof("`proof` is not hex".into()))?;
        Ok(Self { proof, flavour: json.flavour, public_inputs: json.public_inputs.parse()?, circuit: json.circuit })
    }
}

/// Proves `witness` with `keys` in the `flavour`'s transcript. Validates the witness first (every
/// rejection is typed and names its field), computes the public inputs itself, and reports
/// progress to `sink`.
pub fn prove(
    keys: &CircuitKeys,
    witness: &Witness,
    flavour: Flavour,
    rng: impl RngCore + CryptoRng + Send,
    sink: &mut dyn ProgressSink,
) -> Result<ProofResult> {
    let values = validate_for(keys, witness)?;
    prove_validated(keys, values, flavour, rng, sink)
}

/// Checks that `witness` is valid and of the keys' depth; returns the circuit values.
pub fn validate_for(keys: &CircuitKeys, witness: &Witness) -> Result<MembershipValues> {
    let values = witness.validate()?;
    let depth = keys.info().depth;
    if witness.depth() != depth {
        return Err(Error::DepthMismatch { expected: depth, got: witness.depth() });
    }
    Ok(values)
}

/// Proves values that [`validate_for`] returned for the same keys.
///
/// The proof runs on rayon's pool (natively); `sink` hears its progress on the calling thread
/// (see `pool`).
pub fn prove_validated(
    keys: &CircuitKeys,
    values: MembershipValues,
    flavour: Flavour,
    rng: impl RngCore + CryptoRng + Send,
    sink: &mut dyn ProgressSink,
) -> Result<ProofResult> {
    // The work borrows the values and the generator rather than owning them: a job on the pool
    // is a heap block, and a secret moved into it would stay in that block, unwiped, after it
    // is freed (`hosts/wasmtime/tests/secrets_memory.rs` scans freed blocks).
    let (mut values, mut rng) = (Some(values), rng);
    crate::pool::relayed(sink, |sink| {
        let values = values.take().expect("the work runs once");
        prove_here(keys, values, flavour, &mut rng, sink)
    })
}

/// [`prove_validated`] on this thread.
fn prove_here(
    keys: &CircuitKeys,
    values: MembershipValues,
    flavour: Flavour,
    rng: impl RngCore + CryptoRng,
    sink: &mut dyn ProgressSink,
) -> Result<ProofResult> {
    if flavour == Flavour::Evm && keys.info().scheme == Scheme::Ipa {
        // No contract could check it: on chain, verification is KZG's pairing (an IPA check is
        // linear in the circuit), so every surface refuses here rather than emit a dead proof.
        return Err(Error::InvalidArgument(
            "an evm proof is for a contract, which verifies KZG proofs; these keys are IPA's: initialise \
             with a KZG SRS (a ceremony's, pinned by its hash) to prove in the evm flavour"
                .into(),
        ));
    }
    let mut tracker = Tracker::new(sink);
    tracker.report(Stage::Synthesis, 0);
    if values.siblings.len() != keys.info().depth {
        return Err(Error::DepthMismatch { expected: keys.info().depth, got: values.siblings.len() });
    }
    let public_inputs = PublicInputs::from_array(values.public_inputs());
    tracker.report(Stage::Synthesis, 2);
    if tracker.cancelled() {
        return Err(Error::Cancelled);
    }

    let instance = public_inputs.to_array();
    let circuit = MembershipCircuit::new(values);
    let proof = match flavour {
        Flavour::Standard => {
            create::<Challenge255<G1Affine>, Blake2bWrite<_, _, _>>(keys, circuit, &instance, rng, &mut tracker)?
        }
        Flavour::Evm => create::<ChallengeEvm, EvmWrite<_>>(keys, circuit, &instance, rng, &mut tracker)?,
    };
    tracker.report(Stage::Done, 100);
    Ok(ProofResult { proof, flavour, public_inputs, circuit: keys.info().clone() })
}

/// Runs halo2's prover with the transcript `T`, under progress and cancellation.
fn create<E, T>(
    keys: &CircuitKeys,
    circuit: MembershipCircuit,
    instance: &[Fr; 4],
    rng: impl RngCore + CryptoRng,
    tracker: &mut Tracker<'_>,
) -> Result<Vec<u8>>
where
    E: EncodedChallenge<G1Affine>,
    T: TranscriptWrite<G1Affine, E> + TranscriptWriterBuffer<Vec<u8>, G1Affine, E>,
{
    let cs = keys.vk().cs();
    let mut transcript = ProgressTranscript::<E, T>::new(tracker, cs.num_advice_columns(), cs.degree() - 1);
    let (circuits, instances) = (&[circuit], &[&[&instance[..]][..]]);
    let rng = crate::rng::BlockRng::new(rng);
    let result = match keys.setup() {
        Setup::Kzg(params) => create_proof::<KZGCommitmentScheme<Bn256>, ProverSHPLONK<'_, Bn256>, E, _, _, _>(
            params,
            keys.pk(),
            circuits,
            instances,
            rng,
            &mut transcript,
        ),
        Setup::Ipa(params) => create_proof::<IPACommitmentScheme<G1Affine>, ProverIPA<'_, G1Affine>, E, _, _, _>(
            params,
            keys.pk(),
            circuits,
            instances,
            rng,
            &mut transcript,
        ),
    };
    match result {
        Ok(()) => Ok(transcript.finalize()),
        Err(halo2_proofs::plonk::Error::Transcript(e)) if e.kind() == std::io::ErrorKind::Interrupted => {
            Err(Error::Cancelled)
        }
        Err(halo2_proofs::plonk::Error::ConstraintSystemFailure) => Err(Error::Unsatisfied),
        Err(e) => Err(Error::Internal(format!("proving failed: {e}"))),
    }
}
