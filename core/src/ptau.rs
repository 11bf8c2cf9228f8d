//! Import of snarkjs `.ptau` files (Perpetual Powers of Tau / Hermez) into halo2 KZG params.
//!
//! The `.ptau` binary format (snarkjs `binfileutils`): `"ptau"`, u32 version, u32 section count,
//! then sections of (u32 type, u64 size, bytes). Section 1 (header): u32 n8 (32 for BN254), the
//! base-field prime in n8 little-endian bytes, u32 power, u32 ceremony power. Section 2:
//! τ^i·G1 for i < 2^(power+1) − 1, each (x, y); section 3: τ^i·G2 for i < 2^power, each
//! (x.c0, x.c1, y.c0, y.c1). Coordinates are little-endian Montgomery form with R = 2^256 — the
//! same as halo2curves' raw encoding, so points are read as they are, and checked on the curve.
//!
//! The halo2 params take g = τ^i·G1 for i < 2^k, g2 = G2, s_g2 = τ·G2; the Lagrange basis is
//! computed from g. The result is checked with e(τ·G1, G2) = e(G1, τ·G2).

use halo2_proofs::{
    halo2curves::{
        bn256::{Bn256, G1Affine, G2Affine},
        serde::SerdeObject,
    },
    poly::kzg::commitment::ParamsKZG,
};
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;

use crate::{
    error::{Error, Result},
    srs::Srs,
};

/// BN254's base-field modulus q, little-endian.
const BN254_Q_LE: [u8; 32] = [
    0x47, 0xfd, 0x7c, 0xd8, 0x16, 0x8c, 0x20, 0x3c, 0x8d, 0xca, 0x71, 0x68, 0x91, 0x6a, 0x81, 0x97, 0x5d, 0x58, 0x81,
    0x81, 0xb6, 0x45, 0x50, 0xb8, 0x29, 0xa0, 0x31, 0xe1, 0x72, 0x4e, 0x64, 0x30,
];

fn bad(message: impl Into<String>) -> Error {
    Error::InvalidSrs(format!("ptau: {}", message.into()))
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8]> {
        let end = self
            .at
            .checked_add(n)
            .filter(|e| *e <= self.bytes.len())
            .ok_or_else(|| bad(format!("truncated in {what}")))?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn u32(&mut self, what: &str) -> Result<u32> {
        Ok(u32::from_le_bytes(self.take(4, what)?.try_into().expect("4 bytes")))
    }

    fn u64(&mut self, what: &str) -> Result<u64> {
        Ok(u64::from_le_bytes(self.take(8, what)?.try_into().expect("8 bytes")))
    }
}

/// The parts of a `.ptau` that hum needs.
#[derive(Debug)]
pub struct Ptau<'a> {
    /// log2 of the number of G2 powers.
    pub power: u32,
    tau_g1: &'a [u8],
    tau_g2: &'a [u8],
}

/// Parses the header and locates the τ·G1 and τ·G2 sections (no copying).
pub fn parse(bytes: &[u8]) -> Result<Ptau<'_>> {
    let mut r = Reader { bytes, at: 0 };
    if r.take(4, "magic")? != b"ptau" {
        return Err(bad("not a .ptau file (bad magic)"));
    }
    let _version = r.u32("version")?;
    let sections = r.u32("section count")?;
    let (mut header, mut g1, mut g2) = (None, None, None);
    for _ in 0..sections {
        let kind = r.u32("section header")?;
        let size = usize::try_from(r.u64("section header")?).map_err(|_| bad("section too large"))?;
        let body = r.take(size, &format!("section {kind}"))?;
        match kind {
            1 => header = Some(body),
            2 => g1 = Some(body),
            3 => g2 = Some(body),
            _ => {}
        }
    }
    let header = header.ok_or_else(|| bad("no header section"))?;
    let mut h = Reader { bytes: header, at: 0 };
    let n8 = h.u32("header")?;
    if n8 != 32 || h.take(32, "header")? != BN254_Q_LE {
        return Err(bad("not a BN254 (bn128) ceremony"));
    }
    let power = h.u32("header")?;
    if power == 0 || power > 28 {
        return Err(bad(format!("power {power} is out of range")));
    }
    Ok(Ptau {
        power,
        tau_g1: g1.ok_or_else(|| bad("no tauG1 section"))?,
        tau_g2: g2.ok_or_else(|| bad("no tauG2 section"))?,
    })
}

/// Builds halo2 params of size 2^k from a `.ptau` file.
pub fn import(bytes: &[u8], k: u32) -> Result<Srs> {
    let ptau = parse(bytes)?;
    if k == 0 || k > ptau.power {
        return Err(bad(format!("k = {k} needs a ceremony of power ≥ {k}; this file has power {}", ptau.power)));
    }
    let n = 1usize << k;
    if ptau.tau_g1.len() < n * 64 || ptau.tau_g2.len() < 2 * 128 {
        return Err(bad("the tauG1/tauG2 sections are shorter than the header says"));
    }
    let g: Vec<G1Affine> = ptau.tau_g1[..n * 64]
        .chunks_exact(64)
        .enumerate()
        .map(|(i, raw)| {
            G1Affine::from_raw_bytes(raw).ok_or_else(|| bad(format!("tauG1[{i}] is not a point on the curve")))
        })
        .collect::<Result<_>>()?;
    let g2 =
        G2Affine::from_raw_bytes(&ptau.tau_g2[..128]).ok_or_else(|| bad("tauG2[0] is not a point on the curve"))?;
    let s_g2 =
        G2Affine::from_raw_bytes(&ptau.tau_g2[128..256]).ok_or_else(|| bad("tauG2[1] is not a point on the curve"))?;
    // `from_parts` is a method; any params value serves as the receiver.
    let template = ParamsKZG::<Bn256>::setup(1, ChaCha20Rng::from_seed([0; 32]));
    let params = template.from_parts(k, g, None, g2, s_g2);
    let srs = Srs::from_params(params);
    // Re-read through the checked path (pairing check included).
    Srs::from_bytes(&srs.to_bytes(), Some(srs.hash()))
}

/// τ·G1 from the file (for tests: the imported g[1] must equal it).
pub fn tau_g1(bytes: &[u8]) -> Result<G1Affine> {
    let ptau = parse(bytes)?;
    ptau.tau_g1.get(64..128).and_then(G1Affine::from_raw_bytes).ok_or_else(|| bad("tauG1[1] is missing or invalid"))
}
