//! The x86_64 build's field multiplication chosen at run time (`vendor/halo2curves-axiom/src/adx.rs`):
//! BN254's `*` and `square` take the BMI2/ADX multiplication when the processor has it, and the
//! portable `const fn mul` / `square` otherwise. Both must give the same canonical limbs, so that
//! one binary proves the same bytes on every processor.
#![cfg(target_arch = "x86_64")]

use halo2_proofs::halo2curves::{
    adx,
    bn256::{Fq, Fr},
    ff::PrimeField,
};
use rand::{rngs::StdRng, SeedableRng};

fn values<F: PrimeField>(seed: u64) -> Vec<F> {
    let mut values =
        vec![F::ZERO, F::ONE, -F::ONE, -F::from(2), F::from(2), F::from(u64::MAX), F::ONE.double().invert().unwrap()];
    let mut rng = StdRng::seed_from_u64(seed);
    values.extend((0..300).map(|_| F::random(&mut rng)));
    values
}

macro_rules! agrees_with_the_portable_multiplication {
    ($field:ty, $seed:expr) => {{
        let values = values::<$field>($seed);
        for (i, a) in values.iter().enumerate() {
            assert_eq!(a.square(), <$field>::square(a), "square of value {i}");
            for (j, b) in values.iter().enumerate().skip(i).take(if i < 7 { values.len() } else { 3 }) {
                assert_eq!(a * b, <$field>::mul(a, b), "value {i} times value {j}");
                let mut c = *a;
                c *= b;
                assert_eq!(c, <$field>::mul(a, b), "value {i} times value {j}, in place");
            }
        }
    }};
}

#[test]
fn the_runtime_chosen_multiplication_is_the_portable_one() {
    // Which path `*` took: on the processors hum's CI runs on, BMI2/ADX; elsewhere both sides
    // are the portable multiplication.
    eprintln!("BMI2/ADX: {}", adx::available());
    agrees_with_the_portable_multiplication!(Fq, 1);
    agrees_with_the_portable_multiplication!(Fr, 2);
}
