//! Proof flavours: the Fiat–Shamir transcript a proof is written with.
//!
//! Both flavours prove the same statement with the same circuit and keys; only the hash that
//! derives the verifier's challenges, and so the proof's bytes, differ:
//!
//! - [`Flavour::Standard`]: halo2's Blake2b transcript, points compressed (1,728 bytes at depth
//!   20). What every off-chain verifier checks fastest.
//! - [`Flavour::Evm`]: Keccak-256, the convention of EVM verifiers (snark-verifier's
//!   `EvmTranscript`, PSE's halo2-solidity-verifier): every absorbed value is a 32-byte
//!   big-endian word — a scalar as itself, a point as x‖y, uncompressed, so a contract needs no
//!   square root — and a challenge is `keccak256(buffer) mod r`. After a squeeze the buffer holds
//!   the hash alone; a squeeze with nothing absorbed since hashes that hash followed by one byte
//!   0x01. The proof is the written words in order.
//!
//! Reading refuses a scalar ≥ r, a coordinate ≥ q and a point off the curve, so one proof has one
//! encoding.

use std::io::{self, Read, Write};

use halo2_proofs::{
    arithmetic::CurveAffine,
    halo2curves::{
        bn256::{Fq, Fr, G1Affine},
        ff::{FromUniformBytes, PrimeField},
        group::prime::PrimeCurveAffine,
    },
    transcript::{
        EncodedChallenge, Transcript, TranscriptRead, TranscriptReadBuffer, TranscriptWrite, TranscriptWriterBuffer,
    },
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use sha3::{Digest, Keccak256};

/// Which transcript a proof is written with (see the module documentation).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Flavour {
    /// Blake2b, compressed points: hum's default.
    #[default]
    Standard,
    /// Keccak-256 over 32-byte big-endian words: for verifiers on Ethereum.
    Evm,
}

impl Flavour {
    /// The name in proof JSON, the WIT and the C ABI: `standard` or `evm`.
    pub fn name(self) -> &'static str {
        match self {
            Flavour::Standard => "standard",
            Flavour::Evm => "evm",
        }
    }

    /// Parses [`Flavour::name`].
    pub fn from_name(name: &str) -> Option<Self> {
        [Flavour::Standard, Flavour::Evm].into_iter().find(|f| f.name() == name)
    }
}

/// A challenge of the EVM transcript: the 32-byte Keccak-256 digest, big-endian, reduced mod r.
#[derive(Clone, Copy, Debug)]
pub struct ChallengeEvm(Fr);

impl EncodedChallenge<G1Affine> for ChallengeEvm {
    type Input = [u8; 32];

    fn new(digest: &[u8; 32]) -> Self {
        // A 256-bit value reduced mod r: little-endian, zero-extended to the 512 bits that
        // `from_uniform_bytes` reduces.
        let mut wide = [0u8; 64];
        wide[..32].copy_from_slice(digest);
        wide[..32].reverse();
        ChallengeEvm(Fr::from_uniform_bytes(&wide))
    }

    fn get_scalar(&self) -> Fr {
        self.0
    }
}

/// The Keccak-256 sponge both EVM transcript ends share.
#[derive(Debug, Default)]
struct KeccakState {
    buffer: Vec<u8>,
}

impl KeccakState {
    fn squeeze(&mut self) -> ChallengeEvm {
        if self.buffer.len() == 32 {
            self.buffer.push(1);
        }
        let digest: [u8; 32] = Keccak256::digest(&self.buffer).into();
        self.buffer.clear();
        self.buffer.extend_from_slice(&digest);
        ChallengeEvm::new(&digest)
    }

    fn absorb_scalar(&mut self, scalar: &Fr) -> [u8; 32] {
        let word = scalar_word(scalar);
        self.buffer.extend_from_slice(&word);
        word
    }

    fn absorb_point(&mut self, point: &G1Affine) -> io::Result<[u8; 64]> {
        let words = point_words(point)?;
        self.buffer.extend_from_slice(&words);
        Ok(words)
    }
}

/// A scalar as a 32-byte big-endian word.
pub fn scalar_word(scalar: &Fr) -> [u8; 32] {
    let mut word = scalar.to_repr();
    word.reverse();
    word
}

/// A point as x‖y, two 32-byte big-endian words; the point at infinity has no such encoding.
pub fn point_words(point: &G1Affine) -> io::Result<[u8; 64]> {
    if bool::from(point.is_identity()) {
        return Err(io::Error::other("the point at infinity has no EVM encoding"));
    }
    let coordinates = point.coordinates().expect("a point other than infinity has coordinates");
    let mut words = [0u8; 64];
    for (word, coordinate) in words.chunks_exact_mut(32).zip([coordinates.x(), coordinates.y()]) {
        word.copy_from_slice(&coordinate.to_repr());
        word.reverse();
    }
    Ok(words)
}

fn invalid(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what.to_string())
}

/// The EVM transcript over a stream: written to (`S: Write`, [`EvmWrite`]) when proving, read
/// from (`S: Read`, [`EvmRead`]) when verifying.
#[derive(Debug)]
pub struct EvmTranscript<S> {
    stream: S,
    state: KeccakState,
}

/// Writes an EVM-flavoured proof.
pub type EvmWrite<W> = EvmTranscript<W>;
/// Reads an EVM-flavoured proof.
pub type EvmRead<R> = EvmTranscript<R>;

impl<S> Transcript<G1Affine, ChallengeEvm> for EvmTranscript<S> {
    fn squeeze_challenge(&mut self) -> ChallengeEvm {
        self.state.squeeze()
    }

    fn common_point(&mut self, point: G1Affine) -> io::Result<()> {
        self.state.absorb_point(&point).map(drop)
    }

    fn common_scalar(&mut self, scalar: Fr) -> io::Result<()> {
        self.state.absorb_scalar(&scalar);
        Ok(())
    }
}

impl<W: Write> TranscriptWrite<G1Affine, ChallengeEvm> for EvmTranscript<W> {
    fn write_point(&mut self, point: G1Affine) -> io::Result<()> {
        let words = self.state.absorb_point(&point)?;
        self.stream.write_all(&words)
    }

    fn write_scalar(&mut self, scalar: Fr) -> io::Result<()> {
        let word = self.state.absorb_scalar(&scalar);
        self.stream.write_all(&word)
    }
}

impl<W: Write> TranscriptWriterBuffer<W, G1Affine, ChallengeEvm> for EvmTranscript<W> {
    fn init(stream: W) -> Self {
        Self { stream, state: KeccakState::default() }
    }

    fn finalize(self) -> W {
        self.stream
    }
}

impl<R: Read> EvmTranscript<R> {
    fn word(&mut self) -> io::Result<[u8; 32]> {
        let mut word = [0u8; 32];
        self.stream.read_exact(&mut word)?;
        word.reverse();
        Ok(word)
    }
}

impl<R: Read> TranscriptRead<G1Affine, ChallengeEvm> for EvmTranscript<R> {
    fn read_point(&mut self) -> io::Result<G1Affine> {
        let x =
            Option::<Fq>::from(Fq::from_repr(self.word()?)).ok_or_else(|| invalid("a coordinate is not below q"))?;
        let y =
            Option::<Fq>::from(Fq::from_repr(self.word()?)).ok_or_else(|| invalid("a coordinate is not below q"))?;
        let point =
            Option::<G1Affine>::from(G1Affine::from_xy(x, y)).ok_or_else(|| invalid("a point is not on the curve"))?;
        self.common_point(point)?;
        Ok(point)
    }

    fn read_scalar(&mut self) -> io::Result<Fr> {
        let scalar =
            Option::<Fr>::from(Fr::from_repr(self.word()?)).ok_or_else(|| invalid("a scalar is not below r"))?;
        self.common_scalar(scalar)?;
        Ok(scalar)
    }
}

impl<R: Read> TranscriptReadBuffer<R, G1Affine, ChallengeEvm> for EvmTranscript<R> {
    fn init(stream: R) -> Self {
        Self { stream, state: KeccakState::default() }
    }
}

#[cfg(test)]
mod tests {
    use halo2_proofs::halo2curves::{ff::Field, group::Curve};

    use super::*;

    fn evm_writer() -> EvmWrite<Vec<u8>> {
        TranscriptWriterBuffer::init(Vec::new())
    }

    fn evm_reader(bytes: &[u8]) -> EvmRead<&[u8]> {
        TranscriptReadBuffer::init(bytes)
    }

    #[test]
    fn flavour_names_round_trip() {
        for flavour in [Flavour::Standard, Flavour::Evm] {
            assert_eq!(Flavour::from_name(flavour.name()), Some(flavour));
            assert_eq!(serde_json::to_string(&flavour).unwrap(), format!("\"{}\"", flavour.name()));
        }
        assert_eq!(Flavour::from_name("keccak"), None);
    }

    #[test]
    fn challenge_is_the_digest_mod_r() {
        // keccak256("") = c5d2…a470, which is above r: the challenge is the digest minus r·k.
        let mut state = KeccakState::default();
        let digest: [u8; 32] = Keccak256::digest([]).into();
        let expected = {
            let mut wide = [0u8; 64];
            wide[..32].copy_from_slice(&digest);
            wide[..32].reverse();
            Fr::from_uniform_bytes(&wide)
        };
        assert_eq!(state.squeeze().get_scalar(), expected);
        // A squeeze with nothing new hashes the previous digest followed by 0x01.
        let again: [u8; 32] = Keccak256::digest([&digest[..], &[1]].concat()).into();
        assert_eq!(state.squeeze().get_scalar(), ChallengeEvm::new(&again).get_scalar());
        // 2^256 - 1 reduces to (2^256 - 1) mod r: check by adding back in the field.
        let top = ChallengeEvm::new(&[0xff; 32]).get_scalar();
        let two_128 = Fr::from_u128(u128::MAX) + Fr::ONE;
        assert_eq!(top, two_128 * two_128 - Fr::ONE);
    }

    #[test]
    fn words_round_trip_and_bad_words_are_refused() {
        let point = (G1Affine::generator() * Fr::from(7)).to_affine();
        let scalar = -Fr::ONE;
        let mut writer = evm_writer();
        writer.write_point(point).unwrap();
        writer.write_scalar(scalar).unwrap();
        let c1 = writer.squeeze_challenge().get_scalar();
        let bytes = writer.finalize();
        assert_eq!(bytes.len(), 96);
        assert_eq!(&bytes[64..], &scalar_word(&scalar));

        let mut reader = evm_reader(&bytes[..]);
        assert_eq!(reader.read_point().unwrap(), point);
        assert_eq!(reader.read_scalar().unwrap(), scalar);
        assert_eq!(reader.squeeze_challenge().get_scalar(), c1);

        // r itself (scalar = r - 1 plus one) is not a scalar.
        let mut r = bytes.clone();
        r[95] += 1;
        let mut reader = evm_reader(&r[..]);
        reader.read_point().unwrap();
        assert_eq!(reader.read_scalar().unwrap_err().kind(), io::ErrorKind::InvalidData);
        // y + 1 is off the curve; x = q is not a coordinate.
        let mut off = bytes.clone();
        off[63] ^= 1;
        assert!(evm_reader(&off[..]).read_point().is_err());
        let q = hex::decode("30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47").unwrap();
        let mut big = bytes.clone();
        big[..32].copy_from_slice(&q);
        assert!(evm_reader(&big[..]).read_point().is_err());
        // Short input.
        assert_eq!(evm_reader(&bytes[..50]).read_point().unwrap_err().kind(), io::ErrorKind::UnexpectedEof);
        // Infinity cannot be written.
        assert!(evm_writer().write_point(G1Affine::identity()).is_err());
    }
}
