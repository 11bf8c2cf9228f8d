//! The commitment setup and its pinning hash: a KZG structured reference string, or hum's
//! transparent IPA generators ([`crate::ipa`], [`Srs::transparent`]), which need no ceremony.
//!
//! An SRS is read from halo2 params bytes (`ParamsKZG::write_custom` with `SerdeFormat::RawBytes`:
//! `k` as 4 little-endian bytes, 2^k G1 powers, 2^k G1 Lagrange points, g2, s·g2). Its hash is the
//! SHA-256 of exactly those bytes, so a host can pin it. Without one, [`Srs::insecure_dev`] derives
//! a deterministic SRS from a public seed: anyone can compute its toxic waste, so proofs made with
//! it prove nothing. Its use shows in the circuit id (`…-insecure-dev-srs`) and every result.
//! Reading and checking KZG bytes, and the dev SRS, are in `srs/kzg.rs`.

use halo2_proofs::{
    halo2curves::bn256::{Bn256, G1Affine},
    poly::{
        commitment::{FixedBases, Params},
        ipa::commitment::ParamsIPA,
        kzg::commitment::ParamsKZG,
    },
};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

mod kzg;

pub use kzg::params_len;

/// The largest k any depth needs (depth 32), and the most an SRS may carry.
pub const MAX_K: u32 = 20;

/// The polynomial commitment scheme a circuit's keys and proofs use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scheme {
    /// KZG with a ceremony SRS: constant-size verification, what a contract checks.
    Kzg,
    /// The inner-product argument on hum's transparent generators: no ceremony, nothing to
    /// download; verification is linear in the circuit (fine off chain).
    Ipa,
}

impl Scheme {
    /// `kzg` or `ipa`, as circuit ids, proof files and the CLI name it.
    pub fn name(self) -> &'static str {
        match self {
            Scheme::Kzg => "kzg",
            Scheme::Ipa => "ipa",
        }
    }

    /// Parses [`Scheme::name`].
    pub fn from_name(name: &str) -> Option<Self> {
        [Scheme::Kzg, Scheme::Ipa].into_iter().find(|s| s.name() == name)
    }

    /// What files written before schemes existed used.
    pub(crate) fn unnamed() -> Self {
        Scheme::Kzg
    }
}

/// Where an SRS came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SrsKind {
    /// Derived from a public seed: **insecure**, for development only.
    InsecureDev,
    /// Read from bytes the caller supplied (e.g. imported from a Powers of Tau ceremony).
    Supplied,
    /// hum's transparent IPA generators: anyone can derive them, nobody knows a trapdoor.
    Transparent,
}

/// The params of one commitment scheme.
#[derive(Clone, Debug)]
pub enum Setup {
    /// KZG params (an SRS).
    Kzg(ParamsKZG<Bn256>),
    /// IPA generators.
    Ipa(ParamsIPA<G1Affine>),
}

impl Setup {
    /// The scheme.
    pub fn scheme(&self) -> Scheme {
        match self {
            Setup::Kzg(_) => Scheme::Kzg,
            Setup::Ipa(_) => Scheme::Ipa,
        }
    }

    /// log2 of the size.
    pub fn k(&self) -> u32 {
        match self {
            Setup::Kzg(params) => params.k(),
            Setup::Ipa(params) => params.k(),
        }
    }

    /// Builds the fixed-base MSM tables of the params' bases (see [`crate::keys`]).
    pub fn precompute_fixed_bases(&mut self) {
        match self {
            Setup::Kzg(params) => params.precompute_fixed_bases(),
            Setup::Ipa(params) => params.precompute_fixed_bases(),
        }
    }

    /// The fixed-base tables, when built.
    fn fixed_bases(&self) -> Option<&FixedBases<G1Affine>> {
        match self {
            Setup::Kzg(params) => params.fixed_bases(),
            Setup::Ipa(params) => params.fixed_bases(),
        }
    }

    /// Appends the fixed-base tables' bytes (nothing when they are not built).
    pub fn write_fixed_bases(&self, out: &mut Vec<u8>) {
        if let Some(tables) = self.fixed_bases() {
            tables.write(out);
        }
    }

    /// The length of what [`Setup::write_fixed_bases`] appends.
    pub fn fixed_bases_len(&self) -> usize {
        self.fixed_bases().map_or(0, |t| t.bytes_len())
    }

    /// Sets the fixed-base tables from [`Setup::write_fixed_bases`] of the same params.
    pub(crate) fn read_fixed_bases(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        match self {
            Setup::Kzg(params) => params.read_fixed_bases(bytes),
            Setup::Ipa(params) => params.read_fixed_bases(bytes),
        }
    }

    /// Bytes the fixed-base tables hold in memory (0 when not built).
    pub fn table_bytes(&self) -> usize {
        self.fixed_bases().map_or(0, |t| t.table_bytes())
    }
}

/// A commitment setup (KZG params or IPA generators) with its pinning hash.
#[derive(Clone, Debug)]
pub struct Srs {
    setup: Setup,
    hash: [u8; 32],
    kind: SrsKind,
}

/// `sha256:` + hex, the form in which SRS hashes are shown and pinned.
pub fn format_hash(hash: &[u8; 32]) -> String {
    format!("sha256:{}", hex::encode(hash))
}

/// Parses a pinned hash: 64 hex digits, with or without `sha256:` or `0x`.
pub fn parse_hash(text: &str) -> Result<[u8; 32]> {
    let digits = text.strip_prefix("sha256:").or_else(|| text.strip_prefix("0x")).unwrap_or(text);
    let mut out = [0u8; 32];
    hex::decode_to_slice(digits, &mut out)
        .map_err(|_| Error::InvalidSrs("the expected hash must be 64 hex digits".into()))?;
    Ok(out)
}

impl Srs {
    /// The deterministic, **insecure** development SRS of size 2^k.
    pub fn insecure_dev(k: u32) -> Self {
        let params = kzg::insecure_dev(k);
        let hash = Sha256::digest(kzg::params_bytes(&params)).into();
        Self { setup: Setup::Kzg(params), hash, kind: SrsKind::InsecureDev }
    }

    /// hum's transparent IPA generators of size 2^k ([`crate::ipa`]): secure without a ceremony.
    /// Those of every size hum's circuits use are embedded (read through the digest check of
    /// [`Srs::from_bytes`]); other sizes are derived, which takes a while (the Lagrange basis).
    pub fn transparent(k: u32) -> Self {
        let (params, hash) = crate::ipa::generators(k);
        Self { setup: Setup::Ipa(params), hash, kind: SrsKind::Transparent }
    }

    /// Reads params bytes (KZG params, or hum's IPA generators as [`Srs::to_bytes`] writes
    /// them); when `expected_hash` is given, the bytes must hash to it.
    ///
    /// The hash is checked before anything is parsed, so a wrong file costs nothing.
    pub fn from_bytes(bytes: &[u8], expected_hash: Option<&[u8; 32]>) -> Result<Self> {
        Self::read(bytes, expected_hash, None)
    }

    /// As [`Srs::from_bytes`], skipping the checks for bytes `checked` has seen pass them, and
    /// remembering these when they pass.
    pub fn from_bytes_checked(
        bytes: &[u8],
        expected_hash: Option<&[u8; 32]>,
        checked: &mut CheckedSrs,
    ) -> Result<Self> {
        Self::read(bytes, expected_hash, Some(checked))
    }

    fn read(bytes: &[u8], expected_hash: Option<&[u8; 32]>, checked: Option<&mut CheckedSrs>) -> Result<Self> {
        let hash: [u8; 32] = Sha256::digest(bytes).into();
        if let Some(expected) = expected_hash {
            if *expected != hash {
                return Err(Error::InvalidSrs(format!(
                    "hash {} differs from the pinned {}",
                    format_hash(&hash),
                    format_hash(expected)
                )));
            }
        }
        if crate::ipa::is_ipa_bytes(bytes) {
            let (params, hash) = crate::ipa::from_bytes(bytes)?;
            return Ok(Self { setup: Setup::Ipa(params), hash, kind: SrsKind::Transparent });
        }
        let (params, kind) = kzg::read(bytes, &hash, checked)?;
        Ok(Self { setup: Setup::Kzg(params), hash, kind })
    }

    /// Wraps params built elsewhere in hum (e.g. imported from a `.ptau`).
    pub fn from_params(params: ParamsKZG<Bn256>) -> Self {
        let hash = Sha256::digest(kzg::params_bytes(&params)).into();
        let kind = if kzg::is_dev_srs(&params) { SrsKind::InsecureDev } else { SrsKind::Supplied };
        Self { setup: Setup::Kzg(params), hash, kind }
    }

    /// The params bytes in the format [`Srs::from_bytes`] reads.
    pub fn to_bytes(&self) -> Vec<u8> {
        match &self.setup {
            Setup::Kzg(params) => kzg::params_bytes(params),
            Setup::Ipa(params) => crate::ipa::to_bytes(params),
        }
    }

    /// The SHA-256 of the params bytes.
    pub fn hash(&self) -> &[u8; 32] {
        &self.hash
    }

    /// How this SRS is named in messages: `insecure-dev`, `sha256:…` or `transparent`.
    pub fn label(&self) -> String {
        match self.kind {
            SrsKind::InsecureDev => "insecure-dev".to_string(),
            SrsKind::Supplied => format_hash(&self.hash),
            SrsKind::Transparent => "transparent".to_string(),
        }
    }

    /// The commitment scheme these params are for.
    pub fn scheme(&self) -> Scheme {
        self.setup.scheme()
    }

    /// Where it came from.
    pub fn kind(&self) -> SrsKind {
        self.kind
    }

    /// log2 of the size.
    pub fn k(&self) -> u32 {
        self.setup.k()
    }

    /// The params for a circuit of size 2^k (a copy, downsized when this SRS is larger).
    pub fn params_for(&self, k: u32) -> Result<Setup> {
        if k > self.k() {
            return Err(Error::InvalidSrs(format!("the circuit needs k = {k}, the SRS has only k = {}", self.k())));
        }
        Ok(match &self.setup {
            Setup::Kzg(params) => {
                let mut params = params.clone();
                if k < params.k() {
                    params.downsize(k);
                }
                Setup::Kzg(params)
            }
            // Generator i does not depend on the size, so these are the generators of 2^k.
            Setup::Ipa(params) if k == params.k() => Setup::Ipa(params.clone()),
            Setup::Ipa(_) => Setup::Ipa(crate::ipa::derive(k)),
        })
    }

    /// The params.
    pub fn setup(&self) -> &Setup {
        &self.setup
    }

    /// The KZG params, when this is an SRS (not IPA generators).
    pub fn kzg_params(&self) -> Option<&ParamsKZG<Bn256>> {
        match &self.setup {
            Setup::Kzg(params) => Some(params),
            Setup::Ipa(_) => None,
        }
    }
}

/// SRS files a caller has already checked (points on the curve, powers, Lagrange bases), by the
/// SHA-256 of their bytes: the same bytes read again through [`Srs::from_bytes_checked`] — INIT
/// from cached keys, a replayed INIT — skip the checks. The caller owns it (the actor keeps one
/// for its lifetime); hum-core keeps no process-wide state.
#[derive(Clone, Debug, Default)]
pub struct CheckedSrs {
    seen: Vec<([u8; 32], SrsKind)>,
}

impl CheckedSrs {
    /// How many files are remembered at most (the oldest is forgotten first).
    pub const CAPACITY: usize = 8;

    pub(crate) fn get(&self, hash: &[u8; 32]) -> Option<SrsKind> {
        self.seen.iter().find(|(h, _)| h == hash).map(|(_, kind)| *kind)
    }

    pub(crate) fn remember(&mut self, hash: [u8; 32], kind: SrsKind) {
        if self.seen.len() >= Self::CAPACITY {
            self.seen.remove(0);
        }
        self.seen.push((hash, kind));
    }
}
