//! `hum-seal-v1`: seal bytes to a TEE's P-256 key, interoperable with Web Crypto (docs/seal.md).
//!
//! The sender makes an ephemeral key pair (e, E) for each envelope:
//!
//! - `shared` = x-coordinate of ECDH(e, R): 32 bytes (Web Crypto's `deriveBits(…, 256)`)
//! - `key` = HKDF-SHA256(ikm = shared, salt = empty, info = `"hum-seal-v1"` ‖ E ‖ R, 32 bytes)
//! - `nonce` = 12 random bytes; `ciphertext ‖ tag` = AES-256-GCM(key, nonce, plaintext, aad)
//!
//! The envelope, byte by byte:
//!
//! | offset | length | content                                         |
//! |--------|--------|-------------------------------------------------|
//! | 0      | 1      | version, `0x01`                                 |
//! | 1      | 65     | E, uncompressed SEC1 (`0x04` ‖ x ‖ y)            |
//! | 66     | 12     | nonce                                           |
//! | 78     | n      | ciphertext (as long as the plaintext)           |
//! | 78 + n | 16     | GCM tag                                         |
//!
//! Keys: public keys are 65-byte uncompressed SEC1 points; secret keys are 32-byte big-endian
//! scalars. Secrets (e, the shared secret, the AES key, opened plaintexts) are zeroized.

use aes_gcm::{
    aead::{Aead, KeyInit, Payload},
    Aes256Gcm, Nonce,
};
use hkdf::Hkdf;
use p256::{ecdh::diffie_hellman, PublicKey, SecretKey};
use rand_core::CryptoRngCore;
use sha2::Sha256;
use zeroize::Zeroizing;

/// The version byte of hum-seal-v1.
pub const VERSION: u8 = 0x01;
/// HKDF info prefix.
pub const INFO: &[u8] = b"hum-seal-v1";
/// Uncompressed SEC1 public key length.
pub const PUBLIC_KEY_LEN: usize = 65;
/// Secret scalar length.
pub const SECRET_KEY_LEN: usize = 32;
/// Bytes of the AES-256-GCM nonce in an envelope (96 bits, the GCM standard).
pub const NONCE_LEN: usize = 12;
/// Bytes of the AES-256-GCM authentication tag at an envelope's end.
pub const TAG_LEN: usize = 16;
/// The smallest envelope (empty plaintext).
pub const OVERHEAD: usize = 1 + PUBLIC_KEY_LEN + NONCE_LEN + TAG_LEN;

/// Why sealing or opening failed. No variant carries key material.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SealError {
    /// The envelope is shorter than its fixed parts.
    #[error("the envelope is truncated: {0} bytes, at least {OVERHEAD} are needed")]
    Truncated(usize),
    /// The first byte is not 0x01.
    #[error("unsupported envelope version 0x{0:02x} (hum-seal-v1 is 0x01)")]
    UnsupportedVersion(u8),
    /// The recipient key is not a 65-byte uncompressed point on P-256.
    #[error("the recipient public key is not a 65-byte uncompressed P-256 point")]
    InvalidPublicKey,
    /// The envelope's ephemeral key is not an uncompressed point on P-256 (or is the identity).
    #[error("the envelope's ephemeral key is not a valid P-256 point")]
    InvalidEphemeralKey,
    /// The secret key is not a 32-byte scalar in 1..n.
    #[error("the secret key is not a valid 32-byte P-256 scalar")]
    InvalidSecretKey,
    /// Authentication failed: wrong key, wrong aad, or the envelope was altered.
    #[error("the envelope does not open: wrong key, wrong aad, or altered bytes")]
    Authentication,
}

fn public_key(bytes: &[u8], error: SealError) -> Result<PublicKey, SealError> {
    if bytes.len() != PUBLIC_KEY_LEN || bytes[0] != 0x04 {
        return Err(error);
    }
    PublicKey::from_sec1_bytes(bytes).map_err(|_| error)
}

fn parse_secret_key(bytes: &[u8]) -> Result<SecretKey, SealError> {
    if bytes.len() != SECRET_KEY_LEN {
        return Err(SealError::InvalidSecretKey);
    }
    SecretKey::from_slice(bytes).map_err(|_| SealError::InvalidSecretKey)
}

fn derive_key(shared: &[u8], ephemeral: &[u8], recipient: &[u8]) -> Zeroizing<[u8; 32]> {
    let mut info = Vec::with_capacity(INFO.len() + 2 * PUBLIC_KEY_LEN);
    info.extend_from_slice(INFO);
    info.extend_from_slice(ephemeral);
    info.extend_from_slice(recipient);
    let mut key = Zeroizing::new([0u8; 32]);
    Hkdf::<Sha256>::new(Some(&[]), shared).expand(&info, key.as_mut()).expect("32 bytes is a valid HKDF-SHA256 length");
    key
}

/// A new key pair: (secret scalar, uncompressed public key).
pub fn keypair(rng: &mut impl CryptoRngCore) -> (Zeroizing<[u8; SECRET_KEY_LEN]>, [u8; PUBLIC_KEY_LEN]) {
    let secret = SecretKey::random(rng);
    let mut public = [0u8; PUBLIC_KEY_LEN];
    public.copy_from_slice(p256::EncodedPoint::from(secret.public_key()).as_bytes());
    (Zeroizing::new(secret.to_bytes().into()), public)
}

/// The public key of a secret key.
pub fn public_key_of(secret_key: &[u8]) -> Result<[u8; PUBLIC_KEY_LEN], SealError> {
    let secret = parse_secret_key(secret_key)?;
    let mut public = [0u8; PUBLIC_KEY_LEN];
    public.copy_from_slice(p256::EncodedPoint::from(secret.public_key()).as_bytes());
    Ok(public)
}

/// Seals `plaintext` to `recipient` (65-byte uncompressed P-256) with a fresh ephemeral key.
pub fn seal(
    recipient: &[u8],
    plaintext: &[u8],
    aad: &[u8],
    rng: &mut impl CryptoRngCore,
) -> Result<Vec<u8>, SealError> {
    let ephemeral = SecretKey::random(rng);
    let mut nonce = [0u8; NONCE_LEN];
    rng.fill_bytes(&mut nonce);
    seal_with(recipient, plaintext, aad, &ephemeral.to_bytes(), &nonce)
}

/// Seals with a given ephemeral secret and nonce — for test vectors only: reusing either
/// breaks confidentiality.
pub fn seal_with(
    recipient: &[u8],
    plaintext: &[u8],
    aad: &[u8],
    ephemeral_secret: &[u8],
    nonce: &[u8; NONCE_LEN],
) -> Result<Vec<u8>, SealError> {
    let recipient_key = public_key(recipient, SealError::InvalidPublicKey)?;
    let ephemeral = parse_secret_key(ephemeral_secret)?;
    let ephemeral_public = p256::EncodedPoint::from(ephemeral.public_key());
    let shared = diffie_hellman(ephemeral.to_nonzero_scalar(), recipient_key.as_affine());
    let key = derive_key(shared.raw_secret_bytes(), ephemeral_public.as_bytes(), recipient);
    let cipher = Aes256Gcm::new(key.as_ref().into());
    let sealed =
        cipher.encrypt(&Nonce::from(*nonce), Payload { msg: plaintext, aad }).map_err(|_| SealError::Authentication)?;
    let mut envelope = Vec::with_capacity(OVERHEAD + plaintext.len());
    envelope.push(VERSION);
    envelope.extend_from_slice(ephemeral_public.as_bytes());
    envelope.extend_from_slice(nonce);
    envelope.extend_from_slice(&sealed);
    Ok(envelope)
}

/// Opens an envelope with the recipient's 32-byte secret key.
pub fn open(secret_key: &[u8], envelope: &[u8], aad: &[u8]) -> Result<Zeroizing<Vec<u8>>, SealError> {
    if envelope.len() < OVERHEAD {
        return Err(SealError::Truncated(envelope.len()));
    }
    if envelope[0] != VERSION {
        return Err(SealError::UnsupportedVersion(envelope[0]));
    }
    let secret = parse_secret_key(secret_key)?;
    let ephemeral_bytes = &envelope[1..1 + PUBLIC_KEY_LEN];
    let ephemeral = public_key(ephemeral_bytes, SealError::InvalidEphemeralKey)?;
    let recipient = p256::EncodedPoint::from(secret.public_key());
    let shared = diffie_hellman(secret.to_nonzero_scalar(), ephemeral.as_affine());
    let key = derive_key(shared.raw_secret_bytes(), ephemeral_bytes, recipient.as_bytes());
    let mut nonce = [0u8; NONCE_LEN];
    nonce.copy_from_slice(&envelope[1 + PUBLIC_KEY_LEN..1 + PUBLIC_KEY_LEN + NONCE_LEN]);
    let cipher = Aes256Gcm::new(key.as_ref().into());
    cipher
        .decrypt(&Nonce::from(nonce), Payload { msg: &envelope[1 + PUBLIC_KEY_LEN + NONCE_LEN..], aad })
        .map(Zeroizing::new)
        .map_err(|_| SealError::Authentication)
}

#[cfg(test)]
mod tests;
