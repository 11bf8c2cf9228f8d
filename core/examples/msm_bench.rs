//! The pieces of a proof's cost, for the floor estimate in BENCHMARKS.md: a field multiplication
//! and a complete curve addition and doubling (BN254), the MSM of `n` points (default 513, an IPA
//! commitment at depth 20: 2^9 generators and the blind's), variable-base (`msm_best`, what
//! halo2 runs) and fixed-base (`FixedBaseMsm`, with its table's size and build time), and the
//! IPA fold's scalar multiplication, constant-time (`Mul`) and wNAF.
//!
//! `cargo run --release -p hum-core --example msm_bench -- [n] [runs] [--json]`, on the threads
//! rayon gives it (`RAYON_NUM_THREADS=1` for one).

use std::hint::black_box;
use std::time::Instant;

use halo2_proofs::halo2curves::{
    bn256::{Fq, Fr, G1Affine, G1},
    ff::Field,
    group::{prime::PrimeCurveAffine, Curve, Group, WnafBase, WnafScalar},
    msm::{msm_best, FixedBaseMsm},
};
use rand::{rngs::StdRng, SeedableRng};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--json").collect();
    let json = std::env::args().any(|a| a == "--json");
    let n: usize = args.first().and_then(|s| s.parse().ok()).unwrap_or(513);
    let runs: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(7);
    let threads = rayon::current_num_threads();
    let report = |name: &str, unit: &str, mut v: Vec<f64>| {
        if json {
            let metric = format!("msm.t{threads}.{name}_{unit}");
            println!("{}", serde_json::json!({ "metric": metric, "unit": unit, "values": v }));
            return;
        }
        v.sort_by(|a, b| a.partial_cmp(b).unwrap());
        println!(
            "{name:<28} {:>12.4} {unit}  (min {:.4}, max {:.4}, n {})",
            v[v.len() / 2],
            v[0],
            v[v.len() - 1],
            v.len()
        );
    };
    let time = |reps: usize, f: &mut dyn FnMut()| -> Vec<f64> {
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                for _ in 0..reps {
                    f();
                }
                t.elapsed().as_secs_f64() * 1e9 / reps as f64
            })
            .collect()
    };
    if !json {
        println!("msm bench: {n} points, {threads} thread(s), {runs} runs");
    }

    let mut rng = StdRng::seed_from_u64(1);
    let mut a = Fq::random(&mut rng);
    let b = Fq::random(&mut rng);
    report("fq_mul", "ns", time(1 << 20, &mut || a = black_box(a * b)));
    let p = (G1Affine::generator() * Fr::random(&mut rng)).to_affine();
    let mut acc = G1::random(&mut rng);
    let q = G1::random(&mut rng);
    report("g1_add_mixed", "ns", time(1 << 16, &mut || acc = black_box(acc + p)));
    report("g1_add", "ns", time(1 << 16, &mut || acc = black_box(acc + q)));
    report("g1_double", "ns", time(1 << 16, &mut || acc = black_box(acc.double())));

    let bases: Vec<G1Affine> = (0..n).map(|_| (G1Affine::generator() * Fr::random(&mut rng)).to_affine()).collect();
    let coeffs: Vec<Fr> = (0..n).map(|_| Fr::random(&mut rng)).collect();
    let ms = |v: Vec<f64>| v.into_iter().map(|ns| ns / 1e6).collect::<Vec<_>>();
    let mut out = G1::identity();
    report("msm_variable", "ms", ms(time(5, &mut || out = black_box(msm_best(&coeffs, &bases)))));
    let mut table = None;
    report("fixed_table_build", "ms", ms(time(1, &mut || table = Some(FixedBaseMsm::new(&bases)))));
    let table = table.unwrap();
    report("fixed_table", "KiB", vec![table.table_bytes() as f64 / 1024.0]);
    let mut fixed = G1::identity();
    report("msm_fixed", "ms", ms(time(5, &mut || fixed = black_box(table.msm(&coeffs, 0)))));
    assert_eq!(out.to_affine(), fixed.to_affine(), "the two MSMs disagree");

    let u = Fr::random(&mut rng);
    report("mul_constant_time", "us", time(20, &mut || acc = black_box(p * u)).into_iter().map(|x| x / 1e3).collect());
    let naf = WnafScalar::<Fr, 5>::new(&u);
    let wnaf = |point: &G1Affine| &WnafBase::<G1, 5>::new(point.to_curve()) * &naf;
    report("mul_wnaf5", "us", time(20, &mut || acc = black_box(wnaf(&p))).into_iter().map(|x| x / 1e3).collect());
    assert_eq!(wnaf(&p).to_affine(), (p * u).to_affine(), "the two scalar multiplications disagree");
}
