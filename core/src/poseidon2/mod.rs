//! Poseidon2 over the BN254 scalar field, t = 4: the native permutation and the sponge hash.
//!
//! This is barretenberg's instance (and `@zkpassport/poseidon2`'s, and Noir's): S-box x⁵,
//! 4 + 4 full rounds around 56 partial rounds, external matrix M4 (also applied once before the
//! first round), internal matrix `J + diag(d)`. The hash is the fixed-length sponge with rate 3 and
//! the input length times 2⁶⁴ in the capacity element.
//!
//! [`chip`] proves the same permutation inside the circuit; its tests compare it with this one.

pub mod chip;
mod constants;

use halo2_proofs::halo2curves::bn256::Fr;

pub use constants::{INTERNAL_DIAGONAL, ROUND_CONSTANTS};

/// Width of the state.
pub const WIDTH: usize = 4;
/// Elements absorbed per permutation.
pub const RATE: usize = 3;
/// Full rounds before the partial rounds (and as many after).
pub const HALF_FULL_ROUNDS: usize = 4;
/// Partial rounds (the S-box on one state element only) of the t = 4 instance.
pub const PARTIAL_ROUNDS: usize = 56;

/// A Poseidon2 state.
pub type State = [Fr; WIDTH];

/// x⁵.
#[inline(always)]
pub fn sbox(x: Fr) -> Fr {
    let x2 = x.square();
    x2.square() * x
}

/// The external matrix M4 = [[5,7,1,3],[4,6,1,1],[1,3,5,7],[1,1,4,6]], computed with
/// barretenberg's addition chain.
#[inline(always)]
pub fn external_matrix(s: &mut State) {
    let t0 = s[0] + s[1];
    let t1 = s[2] + s[3];
    let t2 = s[1].double() + t1;
    let t3 = s[3].double() + t0;
    let t4 = t1.double().double() + t3;
    let t5 = t0.double().double() + t2;
    let t6 = t3 + t5;
    let t7 = t2 + t4;
    *s = [t6, t5, t7, t4];
}

/// The internal matrix `J + diag(d)`: `s_i ← Σ s + d_i·s_i`.
#[inline(always)]
pub fn internal_matrix(s: &mut State) {
    let sum = s[0] + s[1] + s[2] + s[3];
    for (x, d) in s.iter_mut().zip(INTERNAL_DIAGONAL.iter()) {
        *x = *x * d + sum;
    }
}

/// One full round with the round constants of `round`.
#[inline(always)]
pub fn full_round(s: &mut State, round: usize) {
    for (x, c) in s.iter_mut().zip(ROUND_CONSTANTS[round].iter()) {
        *x = sbox(*x + c);
    }
    external_matrix(s);
}

/// One partial round with the round constant of `round` (only `s[0]` goes through the S-box).
#[inline(always)]
pub fn partial_round(s: &mut State, round: usize) {
    s[0] = sbox(s[0] + ROUND_CONSTANTS[round][0]);
    internal_matrix(s);
}

/// The Poseidon2 permutation, in place.
pub fn permute(s: &mut State) {
    external_matrix(s);
    for round in 0..HALF_FULL_ROUNDS {
        full_round(s, round);
    }
    for round in HALF_FULL_ROUNDS..HALF_FULL_ROUNDS + PARTIAL_ROUNDS {
        partial_round(s, round);
    }
    for round in HALF_FULL_ROUNDS + PARTIAL_ROUNDS..2 * HALF_FULL_ROUNDS + PARTIAL_ROUNDS {
        full_round(s, round);
    }
}

/// The capacity element that starts a hash of `len` inputs: `len · 2⁶⁴`.
pub fn capacity_iv(len: usize) -> Fr {
    Fr::from_raw([0, len as u64, 0, 0])
}

/// The fixed-length sponge hash H(inputs) of docs/statement.md.
pub fn hash(inputs: &[Fr]) -> Fr {
    let mut state = [Fr::zero(), Fr::zero(), Fr::zero(), capacity_iv(inputs.len())];
    let mut chunks = inputs.chunks(RATE).peekable();
    if chunks.peek().is_none() {
        permute(&mut state);
    }
    for chunk in chunks {
        for (s, x) in state.iter_mut().zip(chunk) {
            *s += x;
        }
        permute(&mut state);
    }
    state[0]
}

/// H(a) — the leaf of an identity.
pub fn hash1(a: Fr) -> Fr {
    hash(&[a])
}

/// H(a, b) — a Merkle node or a nullifier.
pub fn hash2(a: Fr, b: Fr) -> Fr {
    hash(&[a, b])
}

/// Checks the permutation against the known answer H(1) (docs/statement.md). Cheap (one permutation):
/// run at start-up where the code generator is not trusted (wasm wide-arithmetic builds).
pub fn self_test() -> bool {
    let expected = Fr::from_raw([0x02f09103eef5a373, 0x4590e06c44bce7f7, 0x13be8048c8011b45, 0x168758332d5b3e2d]);
    hash1(Fr::one()) == expected
}

#[cfg(test)]
mod tests;
