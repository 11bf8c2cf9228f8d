//! The browser build's field arithmetic (`vendor/halo2curves-axiom/src/limbs29.rs`, used on wasm32
//! without wide arithmetic: multiplication with nine 29-bit limbs, addition and subtraction with
//! u64 carries) against halo2curves' own, run natively so that a wrong limb or carry shows up here
//! and not as an invalid proof in a browser.

use halo2_proofs::halo2curves::{
    bn256::{Fq, Fr},
    ff::PrimeField,
    limbs29::{add_mod, mont_mul29, mont_square29, neg_inv29, sub_mod, to_limbs29},
};
use rand::{rngs::StdRng, SeedableRng};

/// The Montgomery limbs of a field element (both fields are `struct F([u64; 4])`).
fn limbs<F: PrimeField>(x: &F) -> [u64; 4] {
    assert_eq!(std::mem::size_of::<F>(), 32);
    // SAFETY: Fq and Fr are plain 32-byte wrappers around [u64; 4].
    unsafe { std::mem::transmute_copy(x) }
}

/// The modulus from its hex string, as four little-endian u64.
fn modulus<F: PrimeField>() -> [u64; 4] {
    let hex = F::MODULUS.trim_start_matches("0x");
    let hex = format!("{hex:0>64}");
    std::array::from_fn(|i| u64::from_str_radix(&hex[64 - 16 * (i + 1)..64 - 16 * i], 16).unwrap())
}

fn agrees_with_cios<F: PrimeField>(seed: u64, samples: usize) {
    let p = modulus::<F>();
    assert_eq!(limbs(&F::ZERO), [0; 4]);
    let p29 = to_limbs29(&p);
    let pinv = neg_inv29(p[0]);
    let mut values: Vec<F> = vec![F::ZERO, F::ONE, -F::ONE, -F::from(2), F::from(2), F::ONE.double().invert().unwrap()];
    let mut rng = StdRng::seed_from_u64(seed);
    values.extend((0..samples).map(|_| F::random(&mut rng)));
    for (i, a) in values.iter().enumerate() {
        let square = mont_square29(&limbs(a), &p, &p29, pinv);
        assert_eq!(square, limbs(&a.square()), "square of value {i}");
        for b in values.iter().skip(i).take(if i < 6 { values.len() } else { 2 }) {
            let product = mont_mul29(&limbs(a), &limbs(b), &p, &p29, pinv);
            assert_eq!(product, limbs(&(*a * b)), "product with value {i}");
            assert_eq!(add_mod(&limbs(a), &limbs(b), &p), limbs(&(*a + b)), "sum with value {i}");
            assert_eq!(sub_mod(&limbs(a), &limbs(b), &p), limbs(&(*a - b)), "difference with value {i}");
            assert_eq!(sub_mod(&limbs(b), &limbs(a), &p), limbs(&(*b - a)), "difference with value {i}");
        }
    }
}

#[test]
fn base_field_arithmetic_matches_halo2curves() {
    agrees_with_cios::<Fq>(1, 100_000);
}

#[test]
fn scalar_field_arithmetic_matches_halo2curves() {
    agrees_with_cios::<Fr>(2, 100_000);
}

#[test]
fn the_largest_elements_multiply_correctly() {
    // p - 1 and its neighbours stress the final conditional subtraction and the top limb.
    for offset in 1..=64u64 {
        let a = -Fq::from(offset);
        let b = -Fq::from(offset + 1);
        let p = modulus::<Fq>();
        let product = mont_mul29(&limbs(&a), &limbs(&b), &p, &to_limbs29(&p), neg_inv29(p[0]));
        assert_eq!(product, limbs(&(a * b)));
        assert_eq!(add_mod(&limbs(&a), &limbs(&b), &p), limbs(&(a + b)));
        assert_eq!(sub_mod(&limbs(&a), &limbs(&b), &p), limbs(&(a - b)));
    }
}
