//! # hum-core
//!
//! The Mathematician of hum: Poseidon2 over BN254, the membership-with-nullifier circuit, keys,
//! `prove` and `verify`, the witness format, and the `hum-seal-v1` transport. A pure library: no
//! I/O, no threads of its own, no global state. It builds natively (feature `multicore`, on by
//! default) and for `wasm32-wasip2` (default features off).
//!
//! ## The statement
//! Private `secret`, `siblings[depth]`, `index`; public `[root, action_id, message_hash,
//! nullifier]`: leaf = H(secret), node(i+1) = H(left, right), root = node(depth),
//! nullifier = H(secret, action_id), `message_hash` bound through the transcript.
//!
//! ## Circuit layout
//! Twelve advice columns (state `s0..s3`, helpers `h0..h7`; equality on `s0`, `s1`), four fixed
//! columns of round constants, six selectors (compressed into fixed columns by keygen), one
//! instance column. Every gate has degree ≤ 4 with its selector.
//!
//! - One Poseidon2 permutation = **23 rows**: 1 row per full round (8), 4 partial rounds per row
//!   (14), and an output row, which the Merkle `swap` gate shares ([`poseidon2::chip`]).
//! - A proof at depth d runs d + 2 permutations (leaf, d nodes, nullifier): 23·(d + 2) rows.
//! - halo2 reserves 6 rows for blinding, so k is the smallest with 2^k ≥ 23·(d + 2) + 6:
//!
//! | depth | rows | k  |
//! |-------|------|----|
//! | 1–3   | ≤ 115 | 7 |
//! | 4–8   | ≤ 230 | 8 |
//! | 9–20  | ≤ 506 | 9 |
//! | 21–32 | ≤ 782 | 10 |
//!
//! Depth 20 (the default): 506 rows, k = 9 — the domain's last usable row.
//!
//! ## Use
//! ```no_run
//! use hum_core::{CircuitKeys, Flavour, Srs, VerifyPolicy, Witness, prove, k_for_depth};
//! # fn main() -> hum_core::Result<()> {
//! let srs = Srs::insecure_dev(k_for_depth(20)); // development only
//! let keys = CircuitKeys::generate(&srs, 20)?;
//! let witness = Witness::from_json(br#"{"secret":"0x1", "index":0, "siblings":[], "action_id":"0x2", "message_hash":"0x3"}"#)?;
//! let result = prove(&keys, &witness, Flavour::Standard, rand_core::OsRng, &mut |p: hum_core::Progress| println!("{p:?}"))?;
//! // A verifier pins what it accepts; the dev SRS only with an explicit opt-in.
//! let policy = VerifyPolicy { allow_insecure_dev_srs: true, ..VerifyPolicy::for_depth(20) };
//! policy.verify(&keys, result.flavour, &result.proof, &result.public_inputs)?;
//! # Ok(()) }
//! ```

#![deny(missing_docs)]

pub mod circuit;
pub mod error;
pub mod field;
pub mod group;
pub mod identity;
pub mod ipa;
pub mod keys;
mod pool;
pub mod poseidon2;
pub mod progress;
pub mod prover;
pub mod ptau;
mod rng;
pub mod seal;
pub mod srs;
pub mod transcript;
pub mod tree;
pub mod verify;
pub mod witness;

pub use circuit::{
    k_for_depth, rows_for_depth, MembershipCircuit, MembershipValues, DEFAULT_DEPTH, MAX_DEPTH, MIN_DEPTH,
};
pub use error::{Error, ErrorKind, FieldError, Result};
pub use field::hash_to_field;
pub use group::{Group, MerkleProof};
pub use halo2_proofs::halo2curves::bn256::Fr;
pub use identity::Identity;
pub use keys::{CircuitInfo, CircuitKeys};
pub use progress::{Progress, ProgressSink, Stage};
pub use prover::{prove, prove_validated, validate_for, ProofResult, PublicInputs, PublicInputsHex};
pub use srs::{Scheme, Setup, Srs, SrsKind};
pub use transcript::Flavour;
pub use verify::{verify, VerifyPolicy};
pub use witness::Witness;

/// The crate version, carried into circuit ids and the C ABI's version call.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
