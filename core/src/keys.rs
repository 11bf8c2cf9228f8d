//! Proving and verifying keys of one depth, their bytes for caching, and the circuit id.
//!
//! Key bytes (what a host caches):
//!
//! | bytes | content                                                   |
//! |-------|-----------------------------------------------------------|
//! | 8     | magic `HUMKEY01`                                          |
//! | 1     | depth                                                     |
//! | 1     | k                                                         |
//! | 32    | SHA-256 of the SRS (or IPA generators) the keys were made with |
//! | 32    | SHA-256 of the proving-key bytes that follow (integrity)  |
//! | rest  | halo2 proving key, `SerdeFormat::RawBytes` (contains the vk) |
//!
//! The circuit id is `hum1-d{depth}-k{k}-{scheme}-{16 hex digits}` over the vk, the SRS hash and
//! the format version, with `-insecure-dev-srs` appended when the SRS is the development one.
//! The scheme is `kzg` or `ipa` ([`Scheme`]): the SRS hash already differs between them, the name
//! says which in words.

use halo2_proofs::{
    halo2curves::bn256::{Bn256, G1Affine},
    plonk::{keygen_pk, keygen_vk_custom, ProvingKey, VerifyingKey},
    poly::kzg::commitment::ParamsKZG,
    SerdeFormat,
};
use sha2::{Digest, Sha256};
use std::sync::OnceLock;

use crate::{
    circuit::{k_for_depth, MembershipCircuit, MAX_DEPTH, MIN_DEPTH},
    error::{Error, Result},
    srs::{Scheme, Setup, Srs, SrsKind},
};

const MAGIC: &[u8; 8] = b"HUMKEY01";
const HEADER: usize = 8 + 1 + 1 + 32 + 32;
const ID_VERSION: &[u8] = b"hum circuit v1";

/// What a proof says about the circuit that made it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CircuitInfo {
    /// Hash of vk + SRS hash + version (see the module docs).
    pub id: String,
    /// The Merkle tree depth the circuit proves membership in (1..=32).
    pub depth: usize,
    /// log2 of the number of rows.
    pub k: u32,
    /// The commitment scheme (files without it are KZG: they predate IPA).
    #[serde(default = "Scheme::unnamed")]
    pub scheme: Scheme,
    /// `sha256:…` of the SRS, prefixed `insecure-dev:` for the dev SRS and `transparent:` for
    /// hum's IPA generators.
    pub srs: String,
    /// True when the SRS is the insecure development one: such proofs prove nothing.
    #[serde(default)]
    pub insecure_dev_srs: bool,
}

/// The keys of the membership circuit at one depth, with the params they were made for.
#[derive(Debug)]
pub struct CircuitKeys {
    pk: ProvingKey<G1Affine>,
    params: Setup,
    /// The params with their fixed-base MSM tables, built by the first proof
    /// ([`CircuitKeys::prover_setup`]).
    prover_params: OnceLock<Setup>,
    srs_hash: [u8; 32],
    info: CircuitInfo,
}

/// Checks a depth and returns the circuit's k.
pub fn checked_k(depth: usize) -> Result<u32> {
    if !(MIN_DEPTH..=MAX_DEPTH).contains(&depth) {
        return Err(Error::UnsupportedDepth(depth));
    }
    Ok(k_for_depth(depth))
}

/// The heap bytes proving at size `k` needs, with margin: 10 MiB at k = 10, scaling with 2^k
/// (measured peak at k = 9, depth 20: 2.4 MiB with the keys loaded, plus the 1.9 MB of
/// fixed-base tables the first proof builds, [`CircuitKeys::prover_setup`]). A prover with a
/// memory budget refuses a proof that cannot fit before starting it, rather than failing half-way.
pub fn prove_memory(k: u32) -> u64 {
    scaled_from_k10(10 << 20, k)
}

/// The heap bytes key generation at size `k` needs, with margin (as [`prove_memory`]).
pub fn keygen_memory(k: u32) -> u64 {
    scaled_from_k10(6 << 20, k)
}

fn scaled_from_k10(bytes_at_k10: u64, k: u32) -> u64 {
    if k >= 10 {
        bytes_at_k10 << (k - 10).min(40)
    } else {
        bytes_at_k10 >> (10 - k)
    }
}

impl CircuitKeys {
    /// Generates the keys for `depth` from `srs` (the expensive path: seconds in wasm).
    pub fn generate(srs: &Srs, depth: usize) -> Result<Self> {
        let k = checked_k(depth)?;
        let params = srs.params_for(k)?;
        let shape = MembershipCircuit::shape(depth);
        let vk_failed = |e| Error::Internal(format!("vk generation failed: {e}"));
        let pk_failed = |e| Error::Internal(format!("pk generation failed: {e}"));
        let pk = match &params {
            Setup::Kzg(p) => keygen_pk(p, keygen_vk_custom(p, &shape, true).map_err(vk_failed)?, &shape),
            Setup::Ipa(p) => keygen_pk(p, keygen_vk_custom(p, &shape, true).map_err(vk_failed)?, &shape),
        }
        .map_err(pk_failed)?;
        let info = circuit_info(pk.get_vk(), srs, depth, k);
        Ok(Self { pk, params, prover_params: OnceLock::new(), srs_hash: *srs.hash(), info })
    }

    /// Reads cached key bytes made by [`CircuitKeys::to_bytes`] for the same depth and SRS.
    ///
    /// The integrity digest is checked before the key is parsed.
    pub fn from_bytes(srs: &Srs, depth: usize, bytes: &[u8]) -> Result<Self> {
        let k = checked_k(depth)?;
        if bytes.len() < HEADER || &bytes[..8] != MAGIC {
            return Err(Error::InvalidKey("not hum key bytes (bad magic or too short)".into()));
        }
        if bytes[8] as usize != depth || bytes[9] as u32 != k {
            return Err(Error::InvalidKey(format!(
                "the keys are for depth {} (k = {}), not depth {depth} (k = {k})",
                bytes[8], bytes[9]
            )));
        }
        if bytes[10..42] != srs.hash()[..] {
            return Err(Error::InvalidKey("the keys were made with another SRS".into()));
        }
        let body = &bytes[HEADER..];
        if Sha256::digest(body)[..] != bytes[42..74] {
            return Err(Error::InvalidKey("integrity check failed: the key bytes are corrupted".into()));
        }
        let params = srs.params_for(k)?;
        let pk = ProvingKey::<G1Affine>::from_bytes::<MembershipCircuit>(body, SerdeFormat::RawBytes, ())
            .map_err(|e| Error::InvalidKey(format!("the proving key cannot be read ({e})")))?;
        if pk.get_vk().get_domain().k() != k {
            return Err(Error::InvalidKey("the proving key is for another k".into()));
        }
        let info = circuit_info(pk.get_vk(), srs, depth, k);
        Ok(Self { pk, params, prover_params: OnceLock::new(), srs_hash: *srs.hash(), info })
    }

    /// The bytes a host caches; [`CircuitKeys::from_bytes`] reads them back.
    pub fn to_bytes(&self) -> Vec<u8> {
        let body = self.pk.to_bytes(SerdeFormat::RawBytes);
        let mut out = Vec::with_capacity(HEADER + body.len());
        out.extend_from_slice(MAGIC);
        out.push(self.info.depth as u8);
        out.push(self.info.k as u8);
        out.extend_from_slice(&self.srs_hash);
        out.extend_from_slice(&Sha256::digest(&body));
        out.extend_from_slice(&body);
        out
    }

    /// The proving key.
    pub fn pk(&self) -> &ProvingKey<G1Affine> {
        &self.pk
    }

    /// The verifying key.
    pub fn vk(&self) -> &VerifyingKey<G1Affine> {
        self.pk.get_vk()
    }

    /// The params of size 2^k these keys use.
    pub fn setup(&self) -> &Setup {
        &self.params
    }

    /// The params a prover commits with: these keys' params plus fixed-base MSM tables of their
    /// bases (`FixedBaseMsm` in vendor/halo2curves-axiom; about 1.9 MB at k = 9), built on the
    /// first call and kept for the keys' lifetime. Each commitment is then one bucket pass with
    /// no doublings. Verifying never builds them.
    pub fn prover_setup(&self) -> &Setup {
        self.prover_params.get_or_init(|| {
            let mut params = self.params.clone();
            match &mut params {
                Setup::Kzg(p) => p.precompute_fixed_bases(),
                Setup::Ipa(p) => p.precompute_fixed_bases(),
            }
            params
        })
    }

    /// Bytes of the fixed-base tables, once a proof has built them.
    pub fn table_bytes(&self) -> usize {
        match self.prover_params.get() {
            Some(Setup::Kzg(p)) => p.fixed_bases().map_or(0, |t| t.table_bytes()),
            Some(Setup::Ipa(p)) => p.fixed_bases().map_or(0, |t| t.table_bytes()),
            None => 0,
        }
    }

    /// The KZG params, when the keys are KZG's (a Solidity verifier needs them).
    pub fn kzg_params(&self) -> Option<&ParamsKZG<Bn256>> {
        match &self.params {
            Setup::Kzg(params) => Some(params),
            Setup::Ipa(_) => None,
        }
    }

    /// The commitment scheme.
    pub fn scheme(&self) -> Scheme {
        self.params.scheme()
    }

    /// The SHA-256 of the SRS these keys were made with.
    pub fn srs_hash(&self) -> &[u8; 32] {
        &self.srs_hash
    }

    /// Circuit id, depth, k and SRS.
    pub fn info(&self) -> &CircuitInfo {
        &self.info
    }
}

fn circuit_info(vk: &VerifyingKey<G1Affine>, srs: &Srs, depth: usize, k: u32) -> CircuitInfo {
    let mut hasher = Sha256::new();
    hasher.update(ID_VERSION);
    hasher.update(vk.to_bytes(SerdeFormat::RawBytes));
    hasher.update(srs.hash());
    let digest = hasher.finalize();
    let insecure = srs.kind() == SrsKind::InsecureDev;
    let scheme = srs.scheme();
    let mut id = format!("hum1-d{depth}-k{k}-{}-{}", scheme.name(), hex::encode(&digest[..8]));
    if insecure {
        id.push_str("-insecure-dev-srs");
    }
    // The label keeps the hash for dev SRSs too, so key bytes record which SRS made them.
    let srs_label = format!("sha256:{}", hex::encode(srs.hash()));
    let srs = match srs.kind() {
        SrsKind::InsecureDev => format!("insecure-dev:{srs_label}"),
        SrsKind::Transparent => format!("transparent:{srs_label}"),
        SrsKind::Supplied => srs_label,
    };
    CircuitInfo { id, depth, k, scheme, srs, insecure_dev_srs: insecure }
}
