//! `prove` and `verify`, the public inputs, and the proof JSON of docs/formats.md.

use halo2_proofs::{
    halo2curves::bn256::{Bn256, Fr},
    plonk::create_proof,
    poly::kzg::{commitment::KZGCommitmentScheme, multiopen::ProverSHPLONK},
};
use rand_core::{CryptoRng, RngCore};
use serde::{Deserialize, Serialize};

use crate::{
    circuit::{MembershipCircuit, MembershipValues},
    error::{Error, Result},
    field::{fr_to_hex, parse_fr},
    keys::{CircuitInfo, CircuitKeys},
    progress::{ProgressSink, ProgressTranscript, Stage, Tracker},
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
    /// The proof bytes (Blake2b transcript, KZG with the SHPLONK multi-opening).
    pub proof: Vec<u8>,
    /// Computed by the core from the witness, never copied from the caller.
    pub public_inputs: PublicInputs,
    /// The circuit and SRS.
    pub circuit: CircuitInfo,
}

#[derive(Serialize, Deserialize)]
struct ProofJson {
    proof: String,
    public_inputs: PublicInputsHex,
    circuit: CircuitInfo,
}

impl ProofResult {
    /// The proof JSON of docs/formats.md (pretty-printed).
    pub fn to_json(&self) -> String {
        let json = ProofJson {
            proof: format!("0x{}", hex::encode(&self.proof)),
            public_inputs: self.public_inputs.to_hex(),
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
        Ok(Self { proof, public_inputs: json.public_inputs.parse()?, circuit: json.circuit })
    }
}

/// Proves `witness` with `keys`. Validates the witness first (every rejection is typed and
/// names its field), computes the public inputs itself, and reports progress to `sink`.
pub fn prove(
    keys: &CircuitKeys,
    witness: &Witness,
    rng: impl RngCore + CryptoRng,
    sink: &mut dyn ProgressSink,
) -> Result<ProofResult> {
    let values = validate_for(keys, witness)?;
    prove_validated(keys, values, rng, sink)
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
pub fn prove_validated(
    keys: &CircuitKeys,
    values: MembershipValues,
    rng: impl RngCore + CryptoRng,
    sink: &mut dyn ProgressSink,
) -> Result<ProofResult> {
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
    let cs = keys.vk().cs();
    let mut transcript = ProgressTranscript::new(&mut tracker, cs.num_advice_columns(), cs.degree() - 1);
    let result = create_proof::<KZGCommitmentScheme<Bn256>, ProverSHPLONK<'_, Bn256>, _, _, _, _>(
        keys.params(),
        keys.pk(),
        &[circuit],
        &[&[&instance[..]]],
        rng,
        &mut transcript,
    );
    let proof = transcript.finalize();
    match result {
        Ok(()) => {}
        Err(halo2_proofs::plonk::Error::Transcript(e)) if e.kind() == std::io::ErrorKind::Interrupted => {
            return Err(Error::Cancelled)
        }
        Err(halo2_proofs::plonk::Error::ConstraintSystemFailure) => return Err(Error::Unsatisfied),
        Err(e) => return Err(Error::Internal(format!("proving failed: {e}"))),
    }
    tracker.report(Stage::Done, 100);
    Ok(ProofResult { proof, public_inputs, circuit: keys.info().clone() })
}
