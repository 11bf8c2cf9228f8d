//! An identity: a secret below p whose commitment `H(secret)` is its leaf in a group.
//!
//! Made at random from the operating system's CSPRNG, or derived deterministically from seed bytes
//! the caller holds (e.g. a wallet's signature over a fixed message), so the same seed always
//! gives the same identity:
//!
//! ```text
//! okm    = HKDF-SHA256(salt = "hum-identity-v1", ikm = seed, info = "secret", length = 64)
//! secret = okm as a 512-bit little-endian integer mod p     (statistically uniform below p)
//! ```
//!
//! A seed must have at least 16 bytes (it is the identity's only entropy). The secret is wiped
//! when the identity is dropped and never printed: `Debug` shows the commitment only.

use halo2_proofs::halo2curves::ff::{Field, FromUniformBytes};
use hkdf::Hkdf;
use rand_core::{CryptoRng, RngCore};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use zeroize::Zeroizing;

use crate::{
    error::{Error, Result},
    field::{fr_to_hex, parse_fr},
    poseidon2::hash1,
    Fr,
};

/// The HKDF salt of a derived identity (its domain: another use of the same seed gets other keys).
pub const DERIVATION_SALT: &[u8] = b"hum-identity-v1";
/// The HKDF info of a derived identity's secret.
pub const DERIVATION_INFO: &[u8] = b"secret";
/// The fewest seed bytes a derived identity accepts.
pub const MIN_SEED_BYTES: usize = 16;
/// The version of the identity JSON this hum reads and writes.
pub const IDENTITY_FILE_VERSION: u32 = 1;

/// A member's identity: the secret that proves membership.
pub struct Identity {
    secret: Fr,
}

/// The identity JSON: `{ "version": 1, "secret": "0x…" }`.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct IdentityFile {
    version: u32,
    secret: String,
}

impl Drop for IdentityFile {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.secret);
    }
}

impl Identity {
    /// A fresh identity from the operating system's CSPRNG.
    pub fn random() -> Self {
        Self::random_from(&mut rand_core::OsRng)
    }

    /// A fresh identity from `rng` (a CSPRNG): uniform below p, never zero.
    pub fn random_from(rng: &mut (impl RngCore + CryptoRng)) -> Self {
        loop {
            let secret = Fr::random(&mut *rng);
            if secret != Fr::zero() {
                return Self { secret };
            }
        }
    }

    /// The identity derived from `seed` (see the module docs for the derivation).
    pub fn from_seed(seed: &[u8]) -> Result<Self> {
        if seed.len() < MIN_SEED_BYTES {
            return Err(Error::InvalidIdentity(format!(
                "the seed has {} bytes; a derived identity needs at least {MIN_SEED_BYTES}",
                seed.len()
            )));
        }
        let mut okm = Zeroizing::new([0u8; 64]);
        Hkdf::<Sha256>::new(Some(DERIVATION_SALT), seed)
            .expand(DERIVATION_INFO, okm.as_mut())
            .expect("64 bytes is a valid HKDF-SHA256 length");
        let secret = Fr::from_uniform_bytes(&okm);
        Self::from_secret(secret)
    }

    /// The identity with this secret (it must not be zero).
    pub fn from_secret(secret: Fr) -> Result<Self> {
        if secret == Fr::zero() {
            return Err(Error::InvalidIdentity("the secret is zero".into()));
        }
        Ok(Self { secret })
    }

    /// The commitment `H(secret)`: the identity's leaf in a group, safe to publish.
    pub fn commitment(&self) -> Fr {
        hash1(self.secret)
    }

    /// The secret, for a witness (wipe what you make of it).
    pub fn secret(&self) -> &Fr {
        &self.secret
    }

    /// The identity JSON, `{ "version": 1, "secret": "0x…" }` (wiped when dropped).
    pub fn to_json(&self) -> Zeroizing<String> {
        let file = IdentityFile { version: IDENTITY_FILE_VERSION, secret: fr_to_hex(&self.secret) };
        Zeroizing::new(serde_json::to_string_pretty(&file).expect("an identity serialises") + "\n")
    }

    /// Reads identity JSON; the error names what is wrong, never the secret.
    pub fn from_json(bytes: &[u8]) -> Result<Self> {
        let file: IdentityFile = serde_json::from_slice(bytes).map_err(|e| {
            // serde's message may quote the input: only its category and position are kept.
            Error::InvalidIdentity(format!(
                "not an identity file ({:?} error at line {}, column {}); expected {{ \"version\": 1, \"secret\": \"0x…\" }}",
                e.classify(),
                e.line(),
                e.column()
            ))
        })?;
        if file.version != IDENTITY_FILE_VERSION {
            return Err(Error::InvalidIdentity(format!(
                "identity file version {}, this hum reads version {IDENTITY_FILE_VERSION}",
                file.version
            )));
        }
        let secret = parse_fr(&file.secret).map_err(|reason| Error::InvalidIdentity(format!("`secret` {reason}")))?;
        Self::from_secret(secret)
    }
}

impl Drop for Identity {
    fn drop(&mut self) {
        halo2_proofs::wipe::wipe(std::slice::from_mut(&mut self.secret));
    }
}

impl std::fmt::Debug for Identity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Identity").field("commitment", &fr_to_hex(&self.commitment())).finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derivation_is_deterministic_and_domain_separated() {
        let a = Identity::from_seed(b"a wallet signature over hum's message").unwrap();
        let b = Identity::from_seed(b"a wallet signature over hum's message").unwrap();
        let c = Identity::from_seed(b"another wallet signature, other..").unwrap();
        assert_eq!(a.commitment(), b.commitment());
        assert_ne!(a.commitment(), c.commitment());
        assert!(matches!(Identity::from_seed(b"short"), Err(Error::InvalidIdentity(m)) if m.contains("16")));
    }

    #[test]
    fn json_round_trips_and_errors_never_echo_the_secret() {
        let id = Identity::random();
        let back = Identity::from_json(id.to_json().as_bytes()).unwrap();
        assert_eq!(back.commitment(), id.commitment());
        let secret = fr_to_hex(id.secret());
        assert!(!format!("{id:?}").contains(&secret[2..]));
        let wrong = format!("{{\"version\": 1, \"secret\": \"{secret}\", \"extra\": \"{secret}\"}}");
        let message = Identity::from_json(wrong.as_bytes()).unwrap_err().to_string();
        assert!(!message.contains(&secret[2..12]), "{message}");
        let above =
            b"{\"version\": 1, \"secret\": \"0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff\"}";
        assert!(Identity::from_json(above).unwrap_err().to_string().contains("not below the field modulus"));
        assert!(Identity::from_json(b"{\"version\": 2, \"secret\": \"0x5\"}")
            .unwrap_err()
            .to_string()
            .contains("version 2"));
        assert!(Identity::from_json(b"{\"version\": 1, \"secret\": \"0x0\"}")
            .unwrap_err()
            .to_string()
            .contains("zero"));
    }
}
