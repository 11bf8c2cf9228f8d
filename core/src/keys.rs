//! Proving and verifying keys of one depth, their bytes for caching, and the circuit id.
//!
//! Key bytes (what a host caches):
//!
//! | bytes | content                                                   |
//! |-------|-----------------------------------------------------------|
//! | 8     | magic `HUMKEY02`                                          |
//! | 1     | depth                                                     |
//! | 1     | k                                                         |
//! | 32    | SHA-256 of the SRS (or IPA generators) the keys were made with |
//! | 32    | SHA-256 of the proving-key bytes (integrity)              |
//! | 32    | SHA-256 of the tables' bytes                              |
//! | 4     | length of the proving key, little-endian                  |
//! | …     | halo2 proving key, `SerdeFormat::RawBytes` (contains the vk) |
//! | rest  | the params' fixed-base MSM tables (`FixedBases::write` in vendor/halo2-axiom; about 1.7 MB at k = 9) |
//!
//! The tables hold `2^(c·w)·P` for every base `P` of the params (`g` and `g_lagrange`, IPA's
//! followed by `w` and `u`) and every window `w`, so that a commitment is one bucket pass with no
//! doublings. Building them costs about as much as a proof's MSMs, so keys carry them: keygen
//! builds them once and a host's cache keeps them with the keys, and loading cached keys only
//! reads them. Tables are trusted more than an integrity digest can: a prover's tables with the
//! blinding generator's rows changed would commit without the blind (the witness would leak
//! from its commitments), and an IPA verifier's MSM over the generators goes through them (a
//! wrong table would accept a forged proof), and neither shows in the circuit id. So IPA tables,
//! which hum's deterministic generators fix, must hash to the digest compiled into hum
//! ([`crate::ipa::known_table_digest`]), whatever the cache says. KZG tables depend on the SRS
//! a user brings; their digest is only an integrity check (the KZG verifier never uses them, so
//! a cache writer could weaken the hiding of KZG proofs made from the cache, not their
//! soundness: SECURITY.md). Bytes of the earlier format (`HUMKEY01`, without tables) are refused
//! as invalid keys, which hosts regenerate.
//!
//! Keys in memory also hold the proving key's fixed and permutation polynomials on the four
//! parts of the extended domain (`ProvingKey::precompute_cosets`, 0.9 MiB at k = 9): every
//! proof's quotient needs them and they depend only on the circuit, so keygen and a cached
//! load transform them once instead of every proof (half of a proof's FFTs). Key bytes do not
//! carry them: they are derived from the proving key at load, so nothing in a cache can change
//! them apart from the proving key itself.
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

use crate::{
    circuit::{k_for_depth, MembershipCircuit, MAX_DEPTH, MIN_DEPTH},
    error::{Error, Result},
    srs::{Scheme, Setup, Srs, SrsKind},
};

const MAGIC: &[u8; 8] = b"HUMKEY02";
const HEADER: usize = 8 + 1 + 1 + 32 + 32 + 32 + 4;
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

/// The keys of the membership circuit at one depth, with the params they were made for and
/// the params' fixed-base MSM tables (see the module docs).
#[derive(Debug)]
pub struct CircuitKeys {
    pk: ProvingKey<G1Affine>,
    /// The params, with their fixed-base tables.
    params: Setup,
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

/// The heap bytes proving at size `k` needs beyond the keys, with margin: 10 MiB at k = 10,
/// scaling with 2^k (measured at k = 9, depth 20: 2.1 MiB for IPA, 1.4 MiB for KZG, on top of
/// the 3.75 MiB the keys, their fixed-base tables and their cosets hold). A prover with a memory
/// budget refuses a proof that cannot fit before starting it, rather than failing half-way.
pub fn prove_memory(k: u32) -> u64 {
    scaled_from_k10(10 << 20, k)
}

/// The heap bytes key generation at size `k` needs, with margin (as [`prove_memory`]): 8 MiB at
/// k = 9 for the keys, their fixed-base tables and cosets, and the key bytes (measured peak at
/// k = 9, depth 20: 6.65 MiB, of which 3.75 MiB stay with the keys; loading cached keys peaks
/// at 3.8 MiB besides the bytes).
pub fn keygen_memory(k: u32) -> u64 {
    scaled_from_k10(16 << 20, k)
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
        let mut pk = match &params {
            Setup::Kzg(p) => keygen_pk(p, keygen_vk_custom(p, &shape, true).map_err(vk_failed)?, &shape),
            Setup::Ipa(p) => keygen_pk(p, keygen_vk_custom(p, &shape, true).map_err(vk_failed)?, &shape),
        }
        .map_err(pk_failed)?;
        pk.precompute_cosets();
        let mut params = params;
        params.precompute_fixed_bases();
        let info = circuit_info(pk.get_vk(), srs, depth, k);
        Ok(Self { pk, params, srs_hash: *srs.hash(), info })
    }

    /// Reads cached key bytes made by [`CircuitKeys::to_bytes`] for the same depth and SRS.
    ///
    /// The proving key's integrity digest and the tables' digest (for IPA, the one compiled into
    /// hum) are checked before either is parsed.
    pub fn from_bytes(srs: &Srs, depth: usize, bytes: &[u8]) -> Result<Self> {
        let k = checked_k(depth)?;
        if bytes.starts_with(b"HUMKEY01") {
            return Err(Error::InvalidKey(
                "key bytes of hum's earlier format (HUMKEY01, without the fixed-base tables): generate them again"
                    .into(),
            ));
        }
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
        let pk_len = u32::from_le_bytes(bytes[HEADER - 4..HEADER].try_into().expect("4 bytes")) as usize;
        let (pk_bytes, tables) = bytes[HEADER..]
            .split_at_checked(pk_len)
            .ok_or_else(|| Error::InvalidKey("the proving key's length exceeds the key bytes".into()))?;
        if Sha256::digest(pk_bytes)[..] != bytes[42..74] {
            return Err(Error::InvalidKey("integrity check failed: the key bytes are corrupted".into()));
        }
        let tables_digest: [u8; 32] = Sha256::digest(tables).into();
        match crate::ipa::known_table_digest(k).filter(|_| srs.scheme() == Scheme::Ipa) {
            Some(known) if tables_digest != known => {
                return Err(Error::InvalidKey(format!(
                    "the fixed-base tables are not those of hum's generators (hash {}, expected {}): a corrupted or \
                     tampered cache",
                    crate::srs::format_hash(&tables_digest),
                    crate::srs::format_hash(&known)
                )))
            }
            Some(_) => {}
            None if tables_digest[..] != bytes[74..106] => {
                return Err(Error::InvalidKey("integrity check failed: the fixed-base tables are corrupted".into()))
            }
            None => {}
        }
        let mut params = srs.params_for(k)?;
        let mut pk = ProvingKey::<G1Affine>::from_bytes::<MembershipCircuit>(pk_bytes, SerdeFormat::RawBytes, ())
            .map_err(|e| Error::InvalidKey(format!("the proving key cannot be read ({e})")))?;
        if pk.get_vk().get_domain().k() != k {
            return Err(Error::InvalidKey("the proving key is for another k".into()));
        }
        pk.precompute_cosets();
        params
            .read_fixed_bases(tables)
            .map_err(|e| Error::InvalidKey(format!("the fixed-base tables cannot be read ({e})")))?;
        let info = circuit_info(pk.get_vk(), srs, depth, k);
        Ok(Self { pk, params, srs_hash: *srs.hash(), info })
    }

    /// The bytes a host caches; [`CircuitKeys::from_bytes`] reads them back.
    pub fn to_bytes(&self) -> Vec<u8> {
        let pk = self.pk.to_bytes(SerdeFormat::RawBytes);
        // One allocation of the final size: the bytes are 2 MB at k = 9, and a memory budget
        // counts every copy.
        let mut out = Vec::with_capacity(HEADER + pk.len() + self.params.fixed_bases_len());
        out.extend_from_slice(MAGIC);
        out.push(self.info.depth as u8);
        out.push(self.info.k as u8);
        out.extend_from_slice(&self.srs_hash);
        out.extend_from_slice(&Sha256::digest(&pk));
        out.extend_from_slice(&[0; 32]); // the tables' digest, once they are written
        out.extend_from_slice(&(pk.len() as u32).to_le_bytes());
        out.extend_from_slice(&pk);
        drop(pk);
        self.params.write_fixed_bases(&mut out);
        let tables = Sha256::digest(&out[out.len() - self.params.fixed_bases_len()..]);
        out[74..106].copy_from_slice(&tables);
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

    /// The params of size 2^k these keys use, with their fixed-base MSM tables: a prover's
    /// commitments and an IPA verifier's MSM over the generators use them.
    pub fn setup(&self) -> &Setup {
        &self.params
    }

    /// Bytes the fixed-base tables hold in memory.
    pub fn table_bytes(&self) -> usize {
        self.params.table_bytes()
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
