//! The quotient's evaluation in the vendored halo2-axiom (`src/plonk/evaluation.rs`): the custom
//! gates run 16 rows at a time (`GraphEvaluator::evaluate_rows`), reading columns at rotations
//! that wrap around each part of the extended domain, and a proving key can hold its own cosets
//! (`ProvingKey::precompute_cosets`). hum's circuit only queries rotations 0 and 1; this one
//! queries −1, 0 and 1 and a fixed column, so every part's first and last run of rows wraps both
//! ways. A wrong quotient makes the proof fail to verify; the key's cosets must not change a
//! proof's bytes.

use halo2_proofs::{
    circuit::{Layouter, SimpleFloorPlanner, Value},
    halo2curves::bn256::{Bn256, Fr, G1Affine},
    plonk::{
        create_proof, keygen_pk, keygen_vk, verify_proof, Advice, Circuit, Column, ConstraintSystem, Error, Fixed,
        ProvingKey, Selector,
    },
    poly::{
        commitment::ParamsProver,
        kzg::{
            commitment::{KZGCommitmentScheme, ParamsKZG},
            multiopen::{ProverSHPLONK, VerifierSHPLONK},
            strategy::SingleStrategy,
        },
        Rotation,
    },
    transcript::{Blake2bRead, Blake2bWrite, Challenge255, TranscriptReadBuffer, TranscriptWriterBuffer},
};
use rand::{rngs::StdRng, SeedableRng};

const K: u32 = 6;
const ROWS: usize = 50;

/// `a[i+1] = a[i] + a[i-1] + c[i]` on rows 1..ROWS-1, and `b[i] = a[i]·a[i]` on every row.
#[derive(Clone, Default)]
struct Recurrence {
    /// The first two values; `break_at` adds one to the value at that row (an invalid witness).
    start: (u64, u64),
    break_at: Option<usize>,
}

#[derive(Clone)]
struct Config {
    a: Column<Advice>,
    b: Column<Advice>,
    c: Column<Fixed>,
    step: Selector,
    square: Selector,
}

impl Circuit<Fr> for Recurrence {
    type Config = Config;
    type FloorPlanner = SimpleFloorPlanner;
    type Params = ();

    fn without_witnesses(&self) -> Self {
        Self::default()
    }

    fn configure(meta: &mut ConstraintSystem<Fr>) -> Config {
        let (a, b, c) = (meta.advice_column(), meta.advice_column(), meta.fixed_column());
        let (step, square) = (meta.selector(), meta.selector());
        meta.create_gate("recurrence", |meta| {
            let s = meta.query_selector(step);
            let prev = meta.query_advice(a, Rotation::prev());
            let cur = meta.query_advice(a, Rotation::cur());
            let next = meta.query_advice(a, Rotation::next());
            let c = meta.query_fixed(c, Rotation::cur());
            vec![s * (next - cur - prev - c)]
        });
        meta.create_gate("square", |meta| {
            let s = meta.query_selector(square);
            let a = meta.query_advice(a, Rotation::cur());
            let b = meta.query_advice(b, Rotation::cur());
            vec![s * (b - a.clone() * a)]
        });
        Config { a, b, c, step, square }
    }

    fn synthesize(&self, config: Config, mut layouter: impl Layouter<Fr>) -> Result<(), Error> {
        layouter.assign_region(
            || "recurrence",
            |mut region| {
                let mut values = vec![Fr::from(self.start.0), Fr::from(self.start.1)];
                for i in 1..ROWS - 1 {
                    values.push(values[i] + values[i - 1] + Fr::from(i as u64 * 7));
                }
                if let Some(row) = self.break_at {
                    values[row] += Fr::one();
                }
                for (i, v) in values.iter().enumerate() {
                    region.assign_advice(config.a, i, Value::known(*v));
                    region.assign_advice(config.b, i, Value::known(v.square()));
                    region.assign_fixed(config.c, i, Fr::from(i as u64 * 7));
                    config.square.enable(&mut region, i)?;
                    if (1..ROWS - 1).contains(&i) {
                        config.step.enable(&mut region, i)?;
                    }
                }
                Ok(())
            },
        )
    }
}

fn prove(params: &ParamsKZG<Bn256>, pk: &ProvingKey<G1Affine>, circuit: Recurrence, seed: u64) -> Vec<u8> {
    let mut transcript = Blake2bWrite::<_, G1Affine, Challenge255<_>>::init(vec![]);
    create_proof::<KZGCommitmentScheme<Bn256>, ProverSHPLONK<'_, Bn256>, _, _, _, _>(
        params,
        pk,
        &[circuit],
        &[&[]],
        StdRng::seed_from_u64(seed),
        &mut transcript,
    )
    .expect("the prover runs");
    transcript.finalize()
}

fn verifies(params: &ParamsKZG<Bn256>, pk: &ProvingKey<G1Affine>, proof: &[u8]) -> bool {
    let mut transcript = Blake2bRead::<_, G1Affine, Challenge255<_>>::init(proof);
    verify_proof::<KZGCommitmentScheme<Bn256>, VerifierSHPLONK<'_, Bn256>, _, _, _>(
        params.verifier_params(),
        pk.get_vk(),
        SingleStrategy::new(params),
        &[&[]],
        &mut transcript,
    )
    .is_ok()
}

#[test]
fn gates_with_wrapping_rotations_prove_and_the_keys_cosets_change_no_byte() {
    let params = ParamsKZG::<Bn256>::setup(K, StdRng::seed_from_u64(1));
    let circuit = Recurrence { start: (3, 5), break_at: None };
    let vk = keygen_vk(&params, &circuit).unwrap();
    let mut pk = keygen_pk(&params, vk, &circuit).unwrap();
    for threads in [1, 2, 3] {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        let without = pool.install(|| prove(&params, &pk, circuit.clone(), 7));
        assert!(verifies(&params, &pk, &without), "{threads} thread(s), the quotient without the key's cosets");
        pk.precompute_cosets();
        let with = pool.install(|| prove(&params, &pk, circuit.clone(), 7));
        assert_eq!(with, without, "{threads} thread(s): the key's cosets changed the proof");
        let pk_again = keygen_pk(&params, keygen_vk(&params, &circuit).unwrap(), &circuit).unwrap();
        pk = pk_again;
    }
    // A witness that breaks the recurrence at the first and at the last stepped row does not
    // prove something that verifies.
    pk.precompute_cosets();
    for row in [1, ROWS - 1] {
        let proof = prove(&params, &pk, Recurrence { start: (3, 5), break_at: Some(row) }, 9);
        assert!(!verifies(&params, &pk, &proof), "a broken witness at row {row} verified");
    }
}
