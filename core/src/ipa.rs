//! The transparent setup: IPA generators that anyone can derive, so proofs need no ceremony.
//!
//! Halo2's inner-product-argument commitment needs only independent generators of G1 whose
//! discrete logs nobody knows. hum derives them by hash-to-curve (SvdW on BN254's G1) under its
//! own domain, [`DOMAIN`]: generator `i` of size 2^k hashes the 5-byte message `0 ‖ i as u32 LE`
//! (the layout of halo2's `ParamsIPA::new`), `w` and `u` hash `[1]` and `[2]`. The Lagrange basis
//! is the inverse FFT of the generators; computing it is most of the setup's cost (about 0.5 s at
//! k = 9 natively), so hum embeds the bytes of [`to_bytes`] and checks any bytes it reads against
//! the digest of what it derives (a table of known digests for the sizes hum's circuits use,
//! [`known_digest`]).
//!
//! Bytes: magic `HUMIPA01`, k as 4 little-endian bytes, then 2^k generators, 2^k Lagrange points,
//! `w` and `u`, each point 64 bytes (x ‖ y, halo2's RawBytes form).
//!
//! The generators of every size hum's circuits use (k = 7 to 10, depths 1 to 32) are embedded in
//! hum (`ipa-k7.bin` … `ipa-k10.bin`, 240 KiB, written by `cargo run -p hum-core --example
//! write-generators` and checked against [`derive`] by a test), so no host derives or caches them:
//! [`generators`] reads them, through the same digest check as bytes a host passes.

use halo2_proofs::{
    arithmetic::{g_to_lagrange, CurveExt},
    halo2curves::{
        bn256::{G1Affine, G1},
        group::{prime::PrimeCurveAffine, Curve},
        serde::SerdeObject,
    },
    poly::ipa::commitment::ParamsIPA,
};
use sha2::{Digest, Sha256};

use crate::error::{Error, Result};

/// The hash-to-curve domain of hum's generators.
pub const DOMAIN: &str = "hum IPA generators v1";
const MAGIC: &[u8; 8] = b"HUMIPA01";
const POINT: usize = 64;

/// The byte length of the generators of size 2^k.
pub fn bytes_len(k: u32) -> usize {
    MAGIC.len() + 4 + (2 * (1usize << k) + 2) * POINT
}

/// True when `bytes` are in this module's format (not KZG params).
pub fn is_ipa_bytes(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

/// Derives the generators of size 2^k.
pub fn derive(k: u32) -> ParamsIPA<G1Affine> {
    let n = 1usize << k;
    let hasher = G1::hash_to_curve(DOMAIN);
    let mut projective = vec![G1::default(); n];
    halo2_proofs::arithmetic::parallelize(&mut projective, |chunk, start| {
        let hasher = G1::hash_to_curve(DOMAIN);
        for (i, g) in chunk.iter_mut().enumerate() {
            let mut message = [0u8; 5];
            message[1..].copy_from_slice(&((start + i) as u32).to_le_bytes());
            *g = hasher(&message);
        }
    });
    let mut g = vec![G1Affine::identity(); n];
    G1::batch_normalize(&projective, &mut g);
    let g_lagrange = g_to_lagrange::<G1Affine>(projective, k);
    let (w, u) = (hasher(&[1]).to_affine(), hasher(&[2]).to_affine());
    ParamsIPA::from_generators(k, g, g_lagrange, w, u)
}

/// The generators hum embeds, one file for each size its circuits use (depths 1 to 32 are laid out
/// at k = 7 to 10; 240 KiB in all), written by `cargo run --release -p hum-core --example
/// write-generators` and compared with [`derive`] by a test.
const EMBEDDED: [(u32, &[u8]); 4] = [
    (7, include_bytes!("ipa-k7.bin")),
    (8, include_bytes!("ipa-k8.bin")),
    (9, include_bytes!("ipa-k9.bin")),
    (10, include_bytes!("ipa-k10.bin")),
];

/// The embedded bytes ([`to_bytes`] of [`derive`]`(k)`) of the generators of size 2^k, for the
/// sizes hum's circuits use; `None` for others.
pub fn embedded(k: u32) -> Option<&'static [u8]> {
    EMBEDDED.iter().find(|(embedded_k, _)| *embedded_k == k).map(|(_, bytes)| *bytes)
}

/// The sizes whose generators are embedded, smallest first.
pub fn embedded_sizes() -> impl Iterator<Item = u32> {
    EMBEDDED.iter().map(|(k, _)| *k)
}

/// hum's generators of size 2^k: the embedded ones (digest-checked, a few milliseconds) for the
/// sizes hum's circuits use, else [`derive`]d. Returns the params and the digest of their bytes.
pub fn generators(k: u32) -> (ParamsIPA<G1Affine>, [u8; 32]) {
    if let Some(Ok(read)) = embedded(k).map(from_bytes) {
        return read;
    }
    // Unreachable for hum's sizes while the drift test passes; deriving is still right, only slower.
    let params = derive(k);
    let digest = Sha256::digest(to_bytes(&params)).into();
    (params, digest)
}

/// The bytes hosts cache.
pub fn to_bytes(params: &ParamsIPA<G1Affine>) -> Vec<u8> {
    use halo2_proofs::poly::commitment::Params;
    let (g, g_lagrange, w, u) = params.generators();
    let mut out = Vec::with_capacity(bytes_len(params.k()));
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&params.k().to_le_bytes());
    for point in g.iter().chain(g_lagrange).chain([w, u]) {
        out.extend_from_slice(&point.to_raw_bytes());
    }
    out
}

/// The SHA-256 of [`to_bytes`] of the generators of size 2^k, for the sizes hum's circuits use
/// (depths 1 to 32); `None` for other sizes. `tests::the_known_digests_are_derived` recomputes
/// every entry.
pub fn known_digest(k: u32) -> Option<[u8; 32]> {
    lookup(KNOWN, k)
}

const KNOWN: &[(u32, &str)] = &[
    (7, "4e5aee5ea5b35222afebd2e49a08000f3f9ddd4767a30e149f27f1bd96ff81bb"),
    (8, "e9478ca6f81e2214c9e656849a7bdc6c3102275b4c16875fa6366541913d17ac"),
    (9, "6cb668860cbcdd68a52f472261d88992cd1e1190bbd685697682eead97782eb7"),
    (10, "737e854bee5d97f83043882f2aa3d6137c77dfc49d439869ccab962bbdba96a7"),
];

/// The SHA-256 of the fixed-base MSM tables of hum's generators of size 2^k (the bytes
/// `Setup::write_fixed_bases` writes for [`derive`]`(k)` once its tables are built), for the sizes
/// hum's circuits use; `None` for others. Cached key bytes must carry exactly these tables (see
/// [`crate::keys`]); `tests::the_known_table_digests_are_derived` recomputes every entry.
pub fn known_table_digest(k: u32) -> Option<[u8; 32]> {
    lookup(KNOWN_TABLES, k)
}

/// The digest `table` lists for size 2^k.
fn lookup(table: &[(u32, &str)], k: u32) -> Option<[u8; 32]> {
    table.iter().find(|(known_k, _)| *known_k == k).map(|(_, hex)| {
        let mut out = [0u8; 32];
        hex::decode_to_slice(hex, &mut out).expect("the table is hex");
        out
    })
}

const KNOWN_TABLES: &[(u32, &str)] = &[
    (7, "b93db6086ee17358d15057c4a6cfefb0991975db6aa3f6410ecf821e0b7ac7fc"),
    (8, "839fd8f525103730e0408027d6daee2f5b8e9deff17007f4a8e00a4a556a7132"),
    (9, "138058705b392d41af749d38d5a7ccddfd34558529758f4bd1252c65fcce68e9"),
    (10, "bced428665dee5684cbd5f41d81ab6f1fc2a85ad375d8c859322d7459088dd5d"),
];

/// The generators of size 2^k in these bytes, which must be exactly what [`derive`] gives: their
/// SHA-256 is compared with the known digest (or, for a size without one, with the bytes derived
/// now) before anything is parsed. Returns the params and the digest.
pub fn from_bytes(bytes: &[u8]) -> Result<(ParamsIPA<G1Affine>, [u8; 32])> {
    let k = bytes
        .get(MAGIC.len()..MAGIC.len() + 4)
        .and_then(|b| <[u8; 4]>::try_from(b).ok())
        .map(u32::from_le_bytes)
        .filter(|_| is_ipa_bytes(bytes))
        .ok_or_else(|| Error::InvalidSrs("not hum's IPA generators (bad magic or too short)".into()))?;
    if k == 0 || k > crate::srs::MAX_K {
        return Err(Error::InvalidSrs(format!("IPA generators of k = {k}: outside 1..={}", crate::srs::MAX_K)));
    }
    if bytes.len() != bytes_len(k) {
        return Err(Error::InvalidSrs(format!(
            "{} bytes, but IPA generators of k = {k} are {} bytes",
            bytes.len(),
            bytes_len(k)
        )));
    }
    let digest: [u8; 32] = Sha256::digest(bytes).into();
    let expected = match known_digest(k) {
        Some(known) => known,
        None => Sha256::digest(to_bytes(&derive(k))).into(),
    };
    if digest != expected {
        return Err(Error::InvalidSrs(format!(
            "these IPA generators of k = {k} are not hum's (hash {}, expected {}): a corrupted cache?",
            crate::srs::format_hash(&digest),
            crate::srs::format_hash(&expected)
        )));
    }
    // The digest is that of hum's own derivation, so every point is one it made.
    let mut points = bytes[MAGIC.len() + 4..]
        .chunks_exact(POINT)
        .map(G1Affine::from_raw_bytes_unchecked)
        .collect::<Vec<_>>()
        .into_iter();
    let n = 1usize << k;
    let g: Vec<G1Affine> = points.by_ref().take(n).collect();
    let g_lagrange: Vec<G1Affine> = points.by_ref().take(n).collect();
    let (w, u) = (points.next().expect("sized above"), points.next().expect("sized above"));
    Ok((ParamsIPA::from_generators(k, g, g_lagrange, w, u), digest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_known_digests_are_derived() {
        let ks: std::collections::BTreeSet<u32> =
            (crate::circuit::MIN_DEPTH..=crate::circuit::MAX_DEPTH).map(crate::circuit::k_for_depth).collect();
        let table: Vec<(u32, String)> =
            ks.iter().map(|&k| (k, hex::encode(Sha256::digest(to_bytes(&derive(k)))))).collect();
        for (k, hex) in &table {
            assert_eq!(known_digest(*k).map(hex::encode).as_ref(), Some(hex), "k = {k}; the table should be {table:?}");
        }
        assert_eq!(KNOWN.len(), table.len(), "{table:?}");
    }

    #[test]
    fn the_known_table_digests_are_derived() {
        let table: Vec<(u32, String)> = KNOWN
            .iter()
            .map(|&(k, _)| {
                let mut setup = crate::srs::Setup::Ipa(derive(k));
                setup.precompute_fixed_bases();
                let mut bytes = Vec::new();
                setup.write_fixed_bases(&mut bytes);
                assert_eq!(bytes.len(), setup.fixed_bases_len());
                (k, hex::encode(Sha256::digest(&bytes)))
            })
            .collect();
        for (k, hex) in &table {
            let known = known_table_digest(*k).map(hex::encode);
            assert_eq!(known.as_ref(), Some(hex), "k = {k}; the table should be {table:?}");
        }
        assert_eq!(KNOWN_TABLES.len(), table.len(), "{table:?}");
    }

    #[test]
    fn the_embedded_generators_are_derived_for_every_size_the_circuits_use() {
        let ks: Vec<u32> = KNOWN.iter().map(|(k, _)| *k).collect();
        assert_eq!(embedded_sizes().collect::<Vec<_>>(), ks);
        for k in ks {
            let derived = to_bytes(&derive(k));
            assert!(
                embedded(k) == Some(&derived[..]),
                "core/src/ipa-k{k}.bin drifted: run `cargo run --release -p hum-core --example write-generators`"
            );
            let (params, digest) = generators(k);
            assert_eq!(to_bytes(&params), derived);
            assert_eq!(Some(digest), known_digest(k));
        }
    }

    #[test]
    fn bytes_round_trip_and_anything_else_is_refused() {
        let params = derive(4);
        let bytes = to_bytes(&params);
        assert_eq!(bytes.len(), bytes_len(4));
        let (read, digest) = from_bytes(&bytes).unwrap();
        assert_eq!(to_bytes(&read), bytes);
        assert_eq!(digest, <[u8; 32]>::from(Sha256::digest(&bytes)));
        let mut flipped = bytes.clone();
        flipped[100] ^= 1;
        assert!(from_bytes(&flipped).unwrap_err().to_string().contains("are not hum's"));
        assert!(from_bytes(&bytes[..bytes.len() - 1]).is_err());
        assert!(from_bytes(b"HUMIPA01").is_err());
        assert!(from_bytes(b"garbage").is_err());
    }

    #[test]
    fn the_generators_are_distinct_points_of_hums_domain() {
        let params = derive(3);
        let (g, _, w, u) = params.generators();
        let mut all: Vec<_> = g.iter().chain([w, u]).map(|p| p.to_raw_bytes()).collect();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), 8 + 2);
        // Not halo2's default domain: those generators are other points.
        let theirs = <ParamsIPA<G1Affine> as halo2_proofs::poly::commitment::ParamsProver<'_, G1Affine>>::new(3);
        assert_ne!(theirs.generators().0[0], g[0]);
    }
}
