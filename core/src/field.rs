//! Field elements as they travel: `0x` + at most 64 hex digits, value below p.

use halo2_proofs::halo2curves::{bn256::Fr, ff::PrimeField};

use zeroize::Zeroizing;

use crate::error::FieldError;

/// Parses a canonical BN254 scalar from `0x` + 1..=64 hex digits (either case).
///
/// Values ≥ p are rejected, never reduced.
pub fn parse_fr(text: &str) -> Result<Fr, FieldError> {
    let digits = text.strip_prefix("0x").ok_or(FieldError::MissingPrefix)?;
    if digits.is_empty() {
        return Err(FieldError::Empty);
    }
    if digits.len() > 64 {
        return Err(FieldError::TooLong(digits.len()));
    }
    if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(FieldError::NotHex);
    }
    // The buffers may hold a secret: wiped on every path out.
    let mut padded = Zeroizing::new([b'0'; 64]);
    padded[64 - digits.len()..].copy_from_slice(digits.as_bytes());
    let mut be = Zeroizing::new([0u8; 32]);
    hex::decode_to_slice(padded.as_ref(), be.as_mut()).map_err(|_| FieldError::NotHex)?;
    fr_from_be_bytes(&be).ok_or(FieldError::NotCanonical)
}

/// Reads a canonical scalar from 32 big-endian bytes; `None` when the value is ≥ p.
pub fn fr_from_be_bytes(be: &[u8; 32]) -> Option<Fr> {
    let mut le = Zeroizing::new(*be);
    le.reverse();
    Option::from(Fr::from_repr(*le))
}

/// The 32 big-endian bytes of a scalar.
pub fn fr_to_be_bytes(value: &Fr) -> [u8; 32] {
    let mut be = value.to_repr();
    be.reverse();
    be
}

/// `0x` + 64 lowercase hex digits.
pub fn fr_to_hex(value: &Fr) -> String {
    format!("0x{}", hex::encode(fr_to_be_bytes(value)))
}

/// A field element in decimal, as Solidity tools and `snarkjs` print uint256 values.
pub fn fr_to_decimal(value: &Fr) -> String {
    // Base-10^19 digits by long division of the big-endian 64-bit limbs.
    const BASE: u128 = 10_000_000_000_000_000_000;
    let bytes = fr_to_be_bytes(value);
    let mut limbs: Vec<u64> = bytes.chunks_exact(8).map(|c| u64::from_be_bytes(c.try_into().unwrap())).collect();
    let mut digits = Vec::new();
    while limbs.iter().any(|&l| l != 0) {
        let mut rest = 0u128;
        for limb in &mut limbs {
            let acc = (rest << 64) | u128::from(*limb);
            *limb = (acc / BASE) as u64;
            rest = acc % BASE;
        }
        digits.push(rest as u64);
    }
    match digits.split_last() {
        None => "0".into(),
        Some((top, lower)) => lower.iter().rev().fold(top.to_string(), |s, d| s + &format!("{d:019}")),
    }
}

/// `keccak256(bytes) >> 8` as a field element: how an app turns an action name or a message into
/// an `action_id` or `message_hash` (Semaphore's convention for scope and message, and cheap to
/// repeat in a contract: `uint256(keccak256(bytes)) >> 8`). The shift keeps 248 bits, so the
/// value is always below p.
pub fn hash_to_field(bytes: &[u8]) -> Fr {
    use sha3::{Digest, Keccak256};
    let digest: [u8; 32] = Keccak256::digest(bytes).into();
    let mut be = [0u8; 32];
    be[1..].copy_from_slice(&digest[..31]);
    fr_from_be_bytes(&be).expect("248 bits are below p")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_matches_big_integer_arithmetic() {
        use halo2_proofs::halo2curves::ff::Field;
        assert_eq!(fr_to_decimal(&Fr::ZERO), "0");
        assert_eq!(fr_to_decimal(&Fr::from(9_999_999_999_999_999_999u64)), "9999999999999999999");
        assert_eq!(fr_to_decimal(&Fr::from_u128(10_000_000_000_000_000_000)), "10000000000000000000");
        // r - 1 (r is the BN254 scalar modulus)
        assert_eq!(
            fr_to_decimal(&-Fr::ONE),
            "21888242871839275222246405745257275088548364400416034343698204186575808495616"
        );
        assert_eq!(fr_to_decimal(&Fr::from_u128(u128::MAX)), u128::MAX.to_string());
    }

    #[test]
    fn hash_to_field_is_keccak256_shifted_right_by_8_bits() {
        // keccak256("") = c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470
        assert_eq!(
            fr_to_hex(&hash_to_field(b"")),
            "0x00c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a4"
        );
    }

    #[test]
    fn parses_short_and_full_forms() {
        assert_eq!(parse_fr("0x5").unwrap(), Fr::from(5));
        assert_eq!(
            parse_fr("0x00000000000000000000000000000000000000000000000000000000000000Ff").unwrap(),
            Fr::from(255)
        );
        assert_eq!(fr_to_hex(&Fr::from(1)), format!("0x{}1", "0".repeat(63)));
    }

    #[test]
    fn rejects_modulus_and_malformed() {
        let p = "0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001";
        assert_eq!(parse_fr(p), Err(FieldError::NotCanonical));
        let p_minus_1 = "0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000000";
        assert_eq!(parse_fr(p_minus_1).unwrap(), -Fr::one());
        assert_eq!(parse_fr("12"), Err(FieldError::MissingPrefix));
        assert_eq!(parse_fr("0x"), Err(FieldError::Empty));
        assert_eq!(parse_fr("0xg1"), Err(FieldError::NotHex));
        assert_eq!(parse_fr(&format!("0x{}", "0".repeat(65))), Err(FieldError::TooLong(65)));
    }
}
