//! The witness as callers write it (docs/formats.md), strict parsing, and validation into circuit values.
//!
//! ```json
//! { "secret": "0x…", "index": 5, "siblings": ["0x…", …], "action_id": "0x…",
//!   "message_hash": "0x…", "root": "0x…" }
//! ```
//! `root` is optional; every other field is required and unknown fields are rejected. The JSON
//! Schema generated from [`Witness`] is committed as `core/witness.schema.json`.

use halo2_proofs::halo2curves::bn256::Fr;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use zeroize::{Zeroize, ZeroizeOnDrop};

use crate::{
    circuit::{MembershipValues, MAX_DEPTH, MIN_DEPTH},
    error::{Error, Result},
    field::parse_fr,
};

/// The private and public inputs of one proof, as text. Zeroized on drop.
#[derive(Clone, Serialize, Deserialize, JsonSchema, Zeroize, ZeroizeOnDrop, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
#[schemars(title = "hum witness", description = "Inputs of one hum membership proof (docs/formats.md).")]
pub struct Witness {
    /// The identity secret: 0x + at most 64 hex digits, below the BN254 scalar modulus.
    #[schemars(regex(pattern = r"^0x[0-9a-fA-F]{1,64}$"))]
    pub secret: String,
    /// The leaf's position; bit i = 1 means the node at level i is the right child.
    #[schemars(range(max = 4294967295u64))]
    pub index: u64,
    /// The Merkle path, leaf level first; its length is the tree depth (1..=32).
    #[schemars(length(min = 1, max = 32), inner(regex(pattern = r"^0x[0-9a-fA-F]{1,64}$")))]
    pub siblings: Vec<String>,
    /// The action the nullifier is for (public).
    #[schemars(regex(pattern = r"^0x[0-9a-fA-F]{1,64}$"))]
    pub action_id: String,
    /// The hash of the message bound to the proof (public).
    #[schemars(regex(pattern = r"^0x[0-9a-fA-F]{1,64}$"))]
    pub message_hash: String,
    /// The expected root; when given, a witness leading to another root is rejected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^0x[0-9a-fA-F]{1,64}$"))]
    pub root: Option<String>,
}

impl std::fmt::Debug for Witness {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Witness")
            .field("secret", &"<redacted>")
            .field("index", &"<redacted>")
            .field("depth", &self.siblings.len())
            .field("action_id", &self.action_id)
            .field("message_hash", &self.message_hash)
            .field("root", &self.root)
            .finish()
    }
}

/// A parsed JSON object whose strings are zeroized when it is dropped.
struct Wiped(serde_json::Map<String, serde_json::Value>);

impl Drop for Wiped {
    fn drop(&mut self) {
        for (_, value) in self.0.iter_mut() {
            wipe(value);
        }
    }
}

fn wipe(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::String(s) => s.zeroize(),
        serde_json::Value::Array(items) => items.iter_mut().for_each(wipe),
        serde_json::Value::Object(map) => map.iter_mut().for_each(|(_, v)| wipe(v)),
        _ => {}
    }
}

/// Moves a string field out of the parsed object.
fn take_text(map: &mut serde_json::Map<String, serde_json::Value>, name: &'static str) -> Result<String> {
    match map.remove(name) {
        None => Err(Error::MissingField(name)),
        Some(serde_json::Value::String(s)) => Ok(s),
        Some(mut other) => {
            wipe(&mut other);
            Err(Error::WitnessJson(format!("`{name}` must be a string")))
        }
    }
}

const FIELDS: [&str; 6] = ["secret", "index", "siblings", "action_id", "message_hash", "root"];

fn field(name: &str, text: &str) -> Result<Fr> {
    parse_fr(text).map_err(|reason| Error::InvalidField { field: name.to_string(), reason })
}

impl Witness {
    /// The witness of `identity`, the member `proof` is for, proving for `action_id` and binding
    /// `message_hash` (e.g. [`hash_to_field`](crate::hash_to_field) of an action name and a
    /// message). The proof's leaf must be the identity's commitment; the error says so without
    /// the secret. The expected root is the proof's, so a stale proof is refused before proving.
    pub fn for_member(
        identity: &crate::Identity,
        proof: &crate::MerkleProof,
        action_id: Fr,
        message_hash: Fr,
    ) -> Result<Self> {
        let commitment = crate::field::fr_to_hex(&identity.commitment());
        if parse_fr(&proof.leaf).ok() != Some(identity.commitment()) {
            return Err(Error::InvalidIdentity(format!(
                "the identity (commitment {commitment}) is not the member at index {} of this Merkle proof",
                proof.index
            )));
        }
        if proof.siblings.len() != proof.depth {
            return Err(Error::InvalidGroup(format!(
                "the Merkle proof has {} siblings for depth {}",
                proof.siblings.len(),
                proof.depth
            )));
        }
        Ok(Self {
            secret: crate::field::fr_to_hex(identity.secret()),
            index: proof.index,
            siblings: proof.siblings.clone(),
            action_id: crate::field::fr_to_hex(&action_id),
            message_hash: crate::field::fr_to_hex(&message_hash),
            root: Some(proof.root.clone()),
        })
    }

    /// The witness of `identity` as a member of `group` (its Merkle proof found by the identity's
    /// commitment; an error when it is not a member), otherwise as [`Witness::for_member`].
    pub fn for_group(
        identity: &crate::Identity,
        group: &crate::Group,
        action_id: Fr,
        message_hash: Fr,
    ) -> Result<Self> {
        Self::for_member(identity, &group.proof_for(identity)?, action_id, message_hash)
    }

    /// Parses witness JSON strictly: every problem is a typed [`Error`] naming the field.
    pub fn from_json(bytes: &[u8]) -> Result<Self> {
        let value: serde_json::Value =
            serde_json::from_slice(bytes).map_err(|e| Error::WitnessJson(format!("not valid JSON ({e})")))?;
        // Whatever is left of the parsed value when this returns (wrong types, an error half-way)
        // is wiped; the strings that make the witness are moved out, not copied.
        let mut object = Wiped(match value {
            serde_json::Value::Object(map) => map,
            mut other => {
                wipe(&mut other);
                return Err(Error::WitnessJson("the witness must be a JSON object".into()));
            }
        });
        if let Some(unknown) = object.0.keys().find(|k| !FIELDS.contains(&k.as_str())) {
            return Err(Error::unknown_field(unknown));
        }
        let map = &mut object.0;
        // From here on the secret lives in `witness`, which is zeroized on drop, errors included.
        let mut witness = Witness {
            secret: take_text(map, "secret")?,
            index: 0,
            siblings: Vec::new(),
            action_id: String::new(),
            message_hash: String::new(),
            root: None,
        };
        witness.action_id = take_text(map, "action_id")?;
        witness.message_hash = take_text(map, "message_hash")?;
        witness.root = match map.get("root") {
            None | Some(serde_json::Value::Null) => None,
            Some(_) => Some(take_text(map, "root")?),
        };
        witness.index = match map.get("index") {
            None => return Err(Error::MissingField("index")),
            Some(v) => v.as_u64().ok_or_else(|| Error::WitnessJson("`index` must be a non-negative integer".into()))?,
        };
        witness.siblings = match map.get_mut("siblings") {
            None => return Err(Error::MissingField("siblings")),
            Some(serde_json::Value::Array(items)) => items
                .iter_mut()
                .enumerate()
                .map(|(i, v)| match v {
                    serde_json::Value::String(s) => Ok(std::mem::take(s)),
                    _ => Err(Error::WitnessJson(format!("`siblings[{i}]` must be a string"))),
                })
                .collect::<Result<Vec<_>>>()?,
            Some(_) => return Err(Error::WitnessJson("`siblings` must be an array".into())),
        };
        Ok(witness)
    }

    /// The tree depth this witness is for.
    pub fn depth(&self) -> usize {
        self.siblings.len()
    }

    /// Checks every field and returns the values the circuit proves.
    ///
    /// Rejects malformed or non-canonical elements, a depth outside 1..=32, an index that does
    /// not fit the depth, and an expected `root` that differs from the computed one.
    pub fn validate(&self) -> Result<MembershipValues> {
        let depth = self.siblings.len();
        if !(MIN_DEPTH..=MAX_DEPTH).contains(&depth) {
            return Err(Error::InvalidDepth(depth));
        }
        if depth < 64 && self.index >> depth != 0 {
            return Err(Error::IndexOutOfRange { depth });
        }
        let secret = field("secret", &self.secret)?;
        let siblings = self
            .siblings
            .iter()
            .enumerate()
            .map(|(i, s)| field(&format!("siblings[{i}]"), s))
            .collect::<Result<Vec<_>>>()?;
        let values = MembershipValues {
            secret,
            index_bits: (0..depth).map(|i| (self.index >> i) & 1 == 1).collect(),
            siblings,
            action_id: field("action_id", &self.action_id)?,
            message_hash: field("message_hash", &self.message_hash)?,
        };
        if let Some(root) = &self.root {
            let expected = field("root", root)?;
            if values.public_inputs()[0] != expected {
                return Err(Error::RootMismatch);
            }
        }
        Ok(values)
    }

    /// The JSON Schema of the witness format, pretty-printed with a trailing newline.
    pub fn json_schema() -> String {
        let schema = schemars::schema_for!(Witness);
        let mut text = serde_json::to_string_pretty(&schema).expect("a schema serializes");
        text.push('\n');
        text
    }
}

#[cfg(test)]
mod tests;
