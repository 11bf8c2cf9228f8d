// The native `bb` 5.0.0 shipped inside @aztec/bb.js, on the same circuit, witness and flavour as
// wasm.mjs. Each timing is one bb process, as a CLI user runs it: process start, CRS load, circuit
// construction and the proof or check. Threads: HARDWARE_CONCURRENCY. Metric names noir.native.tN.*.
//
//   THREADS=1 RUNS=5 node native.mjs OUT
import { Noir } from "@noir-lang/noir_js";
import { findBbBinary } from "@aztec/bb.js";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { metric, noirInputs, witness } from "./common.mjs";

const out = resolve(process.argv[2]);
const threads = Number(process.env.THREADS ?? 1);
const runs = Number(process.env.RUNS ?? 5);
const crsPath = `${out}/crs`;
const timingOnly = existsSync(`${crsPath}/LOCAL_TAU`);
const target = process.env.BB_TARGET ?? "noir-recursive";
const name = (m) => `noir.native.t${threads}.${m}`;
const bb = findBbBinary(process.env.BB_BINARY_PATH);
if (!bb) {
  console.error("native.mjs: @aztec/bb.js ships no bb for this platform; skipped");
  process.exit(0);
}
const dir = `${out}/native-t${threads}`;
mkdirSync(dir, { recursive: true });
const program = `${out}/circuit.json`;
const { witness: solved } = await new Noir(JSON.parse(readFileSync(program, "utf8"))).execute(noirInputs(witness()));
writeFileSync(`${dir}/witness.gz`, solved); // the gzipped witness stack `nargo execute` writes

const env = { ...process.env, HARDWARE_CONCURRENCY: String(threads) };
/** Runs bb; returns its wall time, and whether it succeeded (a failure throws unless `mayFail`). */
function bbRun(args, mayFail = false) {
  const started = performance.now();
  const run = spawnSync(bb, [...args, "-t", target, "-c", crsPath], { cwd: dir, env, encoding: "utf8", maxBuffer: 64 << 20 });
  const ms = performance.now() - started;
  if (run.status !== 0 && !mayFail) throw new Error(`bb ${args[0]} failed (${run.status}):\n${run.stderr}`);
  return { ms, ok: run.status === 0, log: run.stderr ?? "" };
}
metric(name("write_vk_ms"), [bbRun(["write_vk", "-b", program, "-o", dir]).ms]);
const prove = () => bbRun(["prove", "-b", program, "-w", `${dir}/witness.gz`, "-k", `${dir}/vk`, "-o", dir]).ms;
metric(name("first_prove_ms"), [prove()]);
metric(name("prove_ms"), Array.from({ length: runs }, prove));
const verifyArgs = ["verify", "-p", `${dir}/proof`, "-i", `${dir}/public_inputs`, "-k", `${dir}/vk`];
const checks = Array.from({ length: runs }, () => bbRun(verifyArgs, true));
metric(name("verify_ms"), checks.map((c) => c.ms));
const verified = checks.every((c) => c.ok);
if (!verified) {
  // With the timing-only CRS everything before the final pairing must still pass.
  const { log } = bbRun([...verifyArgs, "-v"], true);
  const reduced = /sumcheck_verified: true/.test(log) && /reduced to pairing check: true/.test(log);
  if (!timingOnly || !reduced) throw new Error(`bb rejected its own proof:\n${log}`);
}
metric(name("proof_bytes"), [statSync(`${dir}/proof`).size], "B");
metric(name("vk_bytes"), [statSync(`${dir}/vk`).size], "B");
metric(name("verify_ok"), [verified ? 1 : 0], "bool");
