//! KZG params bytes: halo2's RawBytes format (`k` as 4 little-endian bytes, 2^k G1 powers, 2^k G1
//! Lagrange points, g2, s·g2), read with every point, power and Lagrange base checked, and the
//! insecure development SRS derived from a public seed.

use halo2_proofs::{
    arithmetic::best_multiexp,
    halo2curves::{
        bn256::{Bn256, Fr, G1Affine, G2Affine},
        ff::Field,
        pairing::Engine,
        serde::SerdeObject,
    },
    poly::{
        commitment::{Blind, Params, ParamsProver},
        kzg::commitment::ParamsKZG,
        EvaluationDomain,
    },
    SerdeFormat,
};
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;

use super::{CheckedSrs, SrsKind, MAX_K};
use crate::error::{Error, Result};

/// The public seed of the insecure development SRS.
const DEV_SEED: [u8; 32] = *b"hum insecure dev SRS, never prod";
const G1_RAW: usize = 64;
const G2_RAW: usize = 128;

/// The byte length of RawBytes params of size 2^k.
pub fn params_len(k: u32) -> usize {
    4 + 2 * (1usize << k) * G1_RAW + 2 * G2_RAW
}

/// The deterministic, **insecure** development params of size 2^k.
pub(super) fn insecure_dev(k: u32) -> ParamsKZG<Bn256> {
    ParamsKZG::<Bn256>::setup(k, ChaCha20Rng::from_seed(DEV_SEED))
}

/// Reads RawBytes params whose SHA-256 is `hash` (already compared with any pinned hash): the
/// points, powers and Lagrange bases are checked unless `checked` has seen these bytes pass.
pub(super) fn read(
    bytes: &[u8],
    hash: &[u8; 32],
    checked: Option<&mut CheckedSrs>,
) -> Result<(ParamsKZG<Bn256>, SrsKind)> {
    let k_bytes: [u8; 4] = bytes
        .get(..4)
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| Error::InvalidSrs(format!("{} bytes is too short for params", bytes.len())))?;
    let k = u32::from_le_bytes(k_bytes);
    if k == 0 || k > MAX_K {
        return Err(Error::InvalidSrs(format!("k = {k} is outside 1..={MAX_K}")));
    }
    if bytes.len() != params_len(k) {
        return Err(Error::InvalidSrs(format!(
            "{} bytes, but params of k = {k} are {} bytes (halo2 RawBytes format)",
            bytes.len(),
            params_len(k)
        )));
    }
    let known = checked.as_deref().and_then(|c| c.get(hash));
    if known.is_none() {
        check_points(bytes, k)?;
    }
    let params = ParamsKZG::<Bn256>::read_custom(&mut &bytes[..], SerdeFormat::RawBytes)
        .map_err(|e| Error::InvalidSrs(format!("the params cannot be read ({e})")))?;
    let kind = match known {
        Some(kind) => kind,
        None => {
            check_consistency(&params, hash)?;
            let kind = if is_dev_srs(&params) { SrsKind::InsecureDev } else { SrsKind::Supplied };
            if let Some(checked) = checked {
                checked.remember(*hash, kind);
            }
            kind
        }
    };
    Ok((params, kind))
}

/// True when `params` carry the dev SRS's τ (so dev params passed as bytes stay labelled insecure).
pub(super) fn is_dev_srs(params: &ParamsKZG<Bn256>) -> bool {
    let tau = Fr::random(ChaCha20Rng::from_seed(DEV_SEED));
    let g = params.get_g();
    g.len() > 1 && g[0] == G1Affine::generator() && G1Affine::from(G1Affine::generator() * tau) == g[1]
}

/// halo2's RawBytes reader checks that coordinates are canonical but not that points are on
/// the curve, so every point is checked here first.
fn check_points(bytes: &[u8], k: u32) -> Result<()> {
    let n = 1usize << k;
    let g1 = bytes[4..4 + 2 * n * G1_RAW].chunks_exact(G1_RAW);
    for (i, raw) in g1.enumerate() {
        if G1Affine::from_raw_bytes(raw).is_none() {
            let (table, index) = if i < n { ("g", i) } else { ("g_lagrange", i - n) };
            return Err(Error::InvalidSrs(format!("{table}[{index}] is not a point on the curve")));
        }
    }
    let g2 = bytes[4 + 2 * n * G1_RAW..].chunks_exact(G2_RAW);
    for (raw, name) in g2.zip(["g2", "s_g2"]) {
        if G2Affine::from_raw_bytes(raw).is_none() {
            return Err(Error::InvalidSrs(format!("{name} is not a point on the curve")));
        }
    }
    Ok(())
}

/// Checks that the file is one SRS: every G1 power carries the same τ as s·g2, and the Lagrange
/// bases (which the verifier uses for the instance commitment) are those of the powers.
///
/// Both checks use one random linear combination with weights drawn from the file's own hash
/// (Fiat–Shamir: a file that is not an SRS passes with probability about 2^k / p, and changing
/// the file changes the weights):
/// - powers: e(Σ rᵢ·g[i+1], g2) = e(Σ rᵢ·g[i], s·g2) for i < 2^k − 1;
/// - Lagrange: Σ rᵢ·g_lagrange[i] = Σ cⱼ·g[j], where c = IFFT(r) are the monomial coefficients
///   of the polynomial that takes the values r on the domain (so Σ rᵢ·Lᵢ(τ)·G on both sides).
fn check_consistency(params: &ParamsKZG<Bn256>, hash: &[u8; 32]) -> Result<()> {
    let g = params.get_g();
    let n = g.len();
    if n < 2 {
        return Err(Error::InvalidSrs("fewer than two G1 powers".into()));
    }
    let mut rng = ChaCha20Rng::from_seed(*hash);
    let weights: Vec<Fr> = (0..n).map(|_| Fr::random(&mut rng)).collect();

    let shifted = best_multiexp(&weights[..n - 1], &g[1..]);
    let unshifted = best_multiexp(&weights[..n - 1], &g[..n - 1]);
    let left = Bn256::pairing(&G1Affine::from(shifted), &params.g2());
    let right = Bn256::pairing(&G1Affine::from(unshifted), &params.s_g2());
    if left != right {
        return Err(Error::InvalidSrs(
            "the G1 powers are not successive powers of the τ in s·g2 (pairing check failed)".into(),
        ));
    }

    let domain = EvaluationDomain::<Fr>::new(1, params.k());
    let in_lagrange = domain.lagrange_from_vec(weights);
    let lagrange = params.commit_lagrange(&in_lagrange, Blind::default());
    let monomial = params.commit(&domain.lagrange_to_coeff(in_lagrange), Blind::default());
    if lagrange != monomial {
        return Err(Error::InvalidSrs("the Lagrange bases do not match the G1 powers".into()));
    }
    Ok(())
}

pub(super) fn params_bytes(params: &ParamsKZG<Bn256>) -> Vec<u8> {
    let mut out = Vec::with_capacity(params_len(params.k()));
    params.write_custom(&mut out, SerdeFormat::RawBytes).expect("writing to a Vec cannot fail");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::srs::Srs;

    #[test]
    fn dev_srs_is_deterministic_and_round_trips() {
        let a = Srs::insecure_dev(4);
        let b = Srs::insecure_dev(4);
        assert_eq!(a.hash(), b.hash());
        let bytes = a.to_bytes();
        assert_eq!(bytes.len(), params_len(4));
        let read = Srs::from_bytes(&bytes, Some(a.hash())).unwrap();
        assert_eq!(read.hash(), a.hash());
        assert_eq!(read.kind(), SrsKind::InsecureDev, "dev params passed as bytes stay labelled");
        let other = ParamsKZG::<Bn256>::setup(4, ChaCha20Rng::from_seed([9; 32]));
        assert_eq!(Srs::from_bytes(&params_bytes(&other), None).unwrap().kind(), SrsKind::Supplied);
        assert_eq!(a.label(), "insecure-dev");
    }

    #[test]
    fn rejects_wrong_hash_truncation_and_garbage() {
        let srs = Srs::insecure_dev(3);
        let bytes = srs.to_bytes();
        let wrong = [7u8; 32];
        assert!(matches!(Srs::from_bytes(&bytes, Some(&wrong)), Err(Error::InvalidSrs(m)) if m.contains("differs")));
        assert!(
            matches!(Srs::from_bytes(&bytes[..bytes.len() - 1], None), Err(Error::InvalidSrs(m)) if m.contains("RawBytes"))
        );
        assert!(matches!(Srs::from_bytes(&[1, 2], None), Err(Error::InvalidSrs(m)) if m.contains("too short")));
        assert!(matches!(Srs::from_bytes(&[60, 0, 0, 0, 9], None), Err(Error::InvalidSrs(m)) if m.contains("outside")));
        let mut flipped = bytes.clone();
        flipped[4 + 70] ^= 0x40;
        assert!(matches!(Srs::from_bytes(&flipped, None), Err(Error::InvalidSrs(_))));
    }

    #[test]
    fn checked_bytes_are_remembered_by_hash_and_other_bytes_are_still_checked() {
        let good = Srs::insecure_dev(2).to_bytes();
        let mut checked = CheckedSrs::default();
        assert_eq!(Srs::from_bytes_checked(&good, None, &mut checked).unwrap().kind(), SrsKind::InsecureDev);
        // Same length and valid points, but s_g2 replaced by g2: the pairing check must run and fail.
        let n = 1usize << 2;
        let g2 = 4 + 2 * n * G1_RAW;
        let mut swapped = good.clone();
        swapped.copy_within(g2..g2 + G2_RAW, g2 + G2_RAW);
        for _ in 0..2 {
            let read = Srs::from_bytes_checked(&swapped, None, &mut checked);
            assert!(matches!(read, Err(Error::InvalidSrs(m)) if m.contains("pairing")));
        }
        let again = Srs::from_bytes_checked(&good, None, &mut checked).unwrap();
        assert_eq!((again.kind(), again.to_bytes()), (SrsKind::InsecureDev, good));
    }

    /// Swaps two G1 points of a table in RawBytes params (both stay on the curve).
    fn swapped(bytes: &[u8], k: u32, table: usize, a: usize, b: usize) -> Vec<u8> {
        let at = |i: usize| 4 + (table * (1usize << k) + i) * G1_RAW;
        let mut out = bytes.to_vec();
        let (pa, pb) = (bytes[at(a)..at(a) + G1_RAW].to_vec(), bytes[at(b)..at(b) + G1_RAW].to_vec());
        out[at(a)..at(a) + G1_RAW].copy_from_slice(&pb);
        out[at(b)..at(b) + G1_RAW].copy_from_slice(&pa);
        out
    }

    #[test]
    fn every_power_is_checked_not_only_the_first() {
        let k = 3;
        let bytes = ParamsKZG::<Bn256>::setup(k, ChaCha20Rng::from_seed([4; 32]));
        let bytes = params_bytes(&bytes);
        assert_eq!(Srs::from_bytes(&bytes, None).unwrap().kind(), SrsKind::Supplied);
        // g[0] and g[1] untouched (the old single pairing passes), g[5] and g[6] swapped.
        let bad = swapped(&bytes, k, 0, 5, 6);
        assert!(
            matches!(Srs::from_bytes(&bad, None), Err(Error::InvalidSrs(m)) if m.contains("successive powers")),
            "a swapped pair of high powers is caught"
        );
    }

    #[test]
    fn lagrange_bases_that_do_not_match_the_powers_are_refused() {
        let k = 3;
        let bytes = params_bytes(&ParamsKZG::<Bn256>::setup(k, ChaCha20Rng::from_seed([5; 32])));
        let bad = swapped(&bytes, k, 1, 0, 1);
        assert!(matches!(Srs::from_bytes(&bad, None), Err(Error::InvalidSrs(m)) if m.contains("Lagrange")));
        // Replacing one Lagrange point by a power (a valid point, wrong value) is caught too.
        let mut replaced = bytes.clone();
        let (g3, lag3) = (4 + 3 * G1_RAW, 4 + ((1 << k) + 3) * G1_RAW);
        let power = bytes[g3..g3 + G1_RAW].to_vec();
        replaced[lag3..lag3 + G1_RAW].copy_from_slice(&power);
        assert!(matches!(Srs::from_bytes(&replaced, None), Err(Error::InvalidSrs(m)) if m.contains("Lagrange")));
    }
}
