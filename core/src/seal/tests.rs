//! hum-seal-v1 round trips, committed vectors, and every negative case as a typed error.

use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;

use super::*;

fn rng() -> ChaCha20Rng {
    ChaCha20Rng::seed_from_u64(6)
}

#[test]
fn seals_and_opens_with_and_without_aad() {
    let mut rng = rng();
    let (secret, public) = keypair(&mut rng);
    for (plaintext, aad) in [(&b"proof bytes"[..], &b""[..]), (&b""[..], &b"ctx"[..]), (&[7u8; 5000][..], &b"x"[..])] {
        let envelope = seal(&public, plaintext, aad, &mut rng).unwrap();
        assert_eq!(envelope.len(), OVERHEAD + plaintext.len());
        assert_eq!(envelope[0], VERSION);
        assert_eq!(&open(secret.as_ref(), &envelope, aad).unwrap()[..], plaintext);
    }
}

#[test]
fn committed_vectors_reproduce() {
    let vectors: serde_json::Value = serde_json::from_str(include_str!("../../vectors/hum-seal-v1.json")).unwrap();
    for v in vectors["vectors"].as_array().unwrap() {
        let h = |k: &str| hex::decode(v[k].as_str().unwrap()).unwrap();
        let nonce: [u8; NONCE_LEN] = h("nonce").try_into().unwrap();
        let envelope =
            seal_with(&h("recipient_public_key"), &h("plaintext"), &h("aad"), &h("ephemeral_secret_key"), &nonce)
                .unwrap();
        assert_eq!(hex::encode(&envelope), v["envelope"].as_str().unwrap());
        assert_eq!(&open(&h("recipient_secret_key"), &envelope, &h("aad")).unwrap()[..], &h("plaintext")[..]);
        assert_eq!(public_key_of(&h("recipient_secret_key")).unwrap().to_vec(), h("recipient_public_key"));
    }
}

#[test]
fn every_flipped_bit_fails_authentication_or_parsing() {
    let mut rng = rng();
    let (secret, public) = keypair(&mut rng);
    let envelope = seal(&public, b"hello tee", b"aad", &mut rng).unwrap();
    for byte in 0..envelope.len() {
        for bit in 0..8 {
            let mut e = envelope.clone();
            e[byte] ^= 1 << bit;
            let err = open(secret.as_ref(), &e, b"aad").unwrap_err();
            let expected = match byte {
                0 => matches!(err, SealError::UnsupportedVersion(_)),
                1..=65 => matches!(err, SealError::InvalidEphemeralKey | SealError::Authentication),
                _ => err == SealError::Authentication,
            };
            assert!(expected, "byte {byte} bit {bit}: {err:?}");
        }
    }
}

#[test]
fn wrong_key_aad_truncation_and_bad_points_are_typed() {
    let mut rng = rng();
    let (secret, public) = keypair(&mut rng);
    let (other, _) = keypair(&mut rng);
    let envelope = seal(&public, b"data", b"", &mut rng).unwrap();
    assert_eq!(open(other.as_ref(), &envelope, b"").unwrap_err(), SealError::Authentication);
    assert_eq!(open(secret.as_ref(), &envelope, b"other").unwrap_err(), SealError::Authentication);
    assert_eq!(open(secret.as_ref(), &envelope[..OVERHEAD - 1], b"").unwrap_err(), SealError::Truncated(OVERHEAD - 1));
    assert_eq!(open(secret.as_ref(), &[], b"").unwrap_err(), SealError::Truncated(0));
    let mut v2 = envelope.clone();
    v2[0] = 2;
    assert_eq!(open(secret.as_ref(), &v2, b"").unwrap_err(), SealError::UnsupportedVersion(2));

    // An ephemeral point off the curve, and the identity (all zeros / SEC1 0x00).
    let mut off = envelope.clone();
    off[1 + 64] ^= 1;
    assert_eq!(open(secret.as_ref(), &off, b"").unwrap_err(), SealError::InvalidEphemeralKey);
    let mut identity = envelope.clone();
    identity[1..66].fill(0);
    assert_eq!(open(secret.as_ref(), &identity, b"").unwrap_err(), SealError::InvalidEphemeralKey);
    let mut compressed = envelope.clone();
    compressed[1] = 0x02;
    assert_eq!(open(secret.as_ref(), &compressed, b"").unwrap_err(), SealError::InvalidEphemeralKey);

    assert_eq!(seal(&public[..64], b"", b"", &mut rng).unwrap_err(), SealError::InvalidPublicKey);
    assert_eq!(seal(&[0u8; 65], b"", b"", &mut rng).unwrap_err(), SealError::InvalidPublicKey);
    assert_eq!(open(&[0u8; 32], &envelope, b"").unwrap_err(), SealError::InvalidSecretKey);
    assert_eq!(open(&[0xffu8; 32], &envelope, b"").unwrap_err(), SealError::InvalidSecretKey);
    assert_eq!(open(&[1u8; 31], &envelope, b"").unwrap_err(), SealError::InvalidSecretKey);
}
