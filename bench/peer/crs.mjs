// Writes a BN254 CRS in barretenberg's file format into DIR: bn254_g1.dat (POINTS points, x‖y as
// 32-byte big-endian each) and bn254_g2.dat ([x]₂, 128 bytes).
//
// TIMING ONLY, NOT SECURE. bb.js would download the Aztec Ignition CRS, which this machine cannot
// reach. bb 5 accepts a CRS only if g1[0] is the generator and g1[1] and g2 are Ignition's [x]₁
// and [x]₂ (and its native verifier uses its built-in Ignition [x]₂), so this file keeps those
// public constants and fills g1[2..] with powers of a local random tau. Proving costs the same as
// with the real CRS, but the final pairing check fails: proofs made with it do not verify, which
// the benchmarks report as verify_ok 0. LOCAL_TAU beside the files marks such a CRS.
//
//   node crs.mjs POINTS DIR
import { buildBn128 } from "ffjavascript";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";

const [points, dir] = [Number(process.argv[2]), process.argv[3]];
// Aztec Ignition's [x]₁ (x‖y, big-endian) and [x]₂ in barretenberg's byte order: public values.
const IGNITION_X_G1 =
  "2d360628289ff943ff6bd1a87bbe4e62abe7fb61ba83effd266f22bdcf31e6f9" +
  "26b92a79e563c3f48252cce7feeca2f0f8d33dcb4ef7b0643bf07bd405700aaa";
const IGNITION_X_G2 =
  "0118c4d5b837bcc2bc89b5b398b5974e9f5944073b32078b7e231fec938883b0" +
  "260e01b251f6f1c7e7ff4e580791dee8ea51d87a358e038b4efe30fac09383c1" +
  "22febda3c0c0632a56475b4214e5615e11e6dd3f96e6cea2854a87d4dacc5e55" +
  "04fc6369f7110fe3d25156c1bb9a72859cf2a04641f99ba4ee413c80da6a5fe4";

const curve = await buildBn128(true);
const { G1, Fr } = curve;
// tau^i · G for i < points: the generator repeated, scaled by 1, tau, tau², … in one batch
const generators = new Uint8Array(points * 64);
for (let i = 0; i < points; i++) G1.toRprLEM(generators, i * 64, G1.g);
const tau = Fr.e(BigInt(`0x${randomBytes(31).toString("hex")}`));
const g1 = await G1.batchLEMtoU(await G1.batchApplyKey(generators, Fr.one, tau));
g1.set(Buffer.from(IGNITION_X_G1, "hex"), 64);
mkdirSync(dir, { recursive: true });
writeFileSync(`${dir}/bn254_g1.dat`, g1);
writeFileSync(`${dir}/bn254_g2.dat`, Buffer.from(IGNITION_X_G2, "hex"));
writeFileSync(`${dir}/LOCAL_TAU`, "timing-only CRS written by bench/peer/crs.mjs: proofs made with it do not verify\n");
await curve.terminate();
