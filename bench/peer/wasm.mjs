// bb.js 5.0.0's UltraHonk on its wasm backend, in this node process: witness (noir_js), setup and
// first proof, prove, verify (bb.js recomputing the vk, and with the vk given, as a deployed
// verifier runs), sizes and gate count. Metric names noir.tN.*; OUT/public_inputs.json gets the
// proof's public inputs (hum's order) for the same-statement check in tests.
//
//   THREADS=1 RUNS=5 node wasm.mjs OUT
import { Noir } from "@noir-lang/noir_js";
import { Barretenberg, BackendType, Crs, UltraHonkBackend, UltraHonkVerifierBackend } from "@aztec/bb.js";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { metric, noirInputs, publicInputs, witness } from "./common.mjs";

const out = process.argv[2];
const threads = Number(process.env.THREADS ?? 1);
const runs = Number(process.env.RUNS ?? 5);
const crsPath = `${out}/crs`;
const timingOnly = existsSync(`${crsPath}/LOCAL_TAU`);
// ZK UltraHonk with a Poseidon2 transcript: an anonymity proof must hide its witness, as hum's do.
const options = { verifierTarget: process.env.BB_TARGET ?? "noir-recursive" };
const name = (m) => `noir.t${threads}.${m}`;
const time = async (f) => {
  const t = performance.now();
  const value = await f();
  return [performance.now() - t, value];
};
const repeat = async (f) => {
  const times = [];
  for (let i = 0; i < runs; i++) times.push((await time(f))[0]);
  return times;
};

const circuit = JSON.parse(readFileSync(`${out}/circuit.json`, "utf8"));
const noir = new Noir(circuit);
const inputs = noirInputs(witness());
const [firstWitness, { witness: solved }] = await time(() => noir.execute(inputs));
metric(name("witness_first_ms"), [firstWitness]);
metric(name("witness_ms"), await repeat(() => noir.execute(inputs)));

// In node bb.js 5 would silently run its native bb over a socket: force wasm. Load only the BN254
// CRS from OUT/crs (the default init also wants a Grumpkin CRS and would try to download both).
const [setup, { backend, api, proof }] = await time(async () => {
  const api = await Barretenberg.new({ threads, backend: BackendType.Wasm, skipSrsInit: true, crsPath });
  const crs = await Crs.new(statSync(`${crsPath}/bn254_g1.dat`).size / 64, crsPath);
  await api.srsInitSrs({ pointsBuf: crs.getG1Data(), numPoints: crs.numPoints, g2Point: crs.getG2Data() });
  const backend = new UltraHonkBackend(circuit.bytecode, api);
  return { backend, api, proof: await backend.generateProof(solved, options) };
});
metric(name("setup_plus_first_proof_ms"), [setup]);
metric(name("prove_ms"), await repeat(() => backend.generateProof(solved, options)));

let verified = true;
const check = async (f) => {
  verified = (await f()) && verified;
};
const [firstVerify] = await time(() => check(() => backend.verifyProof(proof, options)));
metric(name("verify_first_ms(incl_vk)"), [firstVerify]);
metric(name("verify_ms(incl_vk_recompute)"), await repeat(() => check(() => backend.verifyProof(proof, options))));
const vk = await backend.getVerificationKey(options);
const verifier = new UltraHonkVerifierBackend(api);
const given = { proof: proof.proof, publicInputs: proof.publicInputs, verificationKey: vk };
metric(name("verify_ms(vk_given)"), await repeat(() => check(() => verifier.verifyProof(given, options))));
if (!verified && !timingOnly) throw new Error("bb.js rejected its own proof");

const settings = { ipaAccumulation: false, oracleHashType: "poseidon2", disableZk: options.verifierTarget.endsWith("-no-zk"), optimizedSolidityVerifier: false };
const stats = await api.circuitStats({
  circuit: { name: "hum_peer", bytecode: backend.acirUncompressedBytecode, verificationKey: new Uint8Array() },
  includeGatesPerOpcode: false, settings,
});
metric(name("proof_bytes"), [proof.proof.length], "B");
metric(name("public_inputs"), [proof.publicInputs.length], "n");
metric(name("vk_bytes"), [vk.length], "B");
metric(name("gates_total"), [stats.numGates], "n");
metric(name("circuit_size(2^k)"), [stats.numGatesDyadic], "n");
metric(name("verify_ok"), [verified ? 1 : 0], "bool");
writeFileSync(`${out}/public_inputs.json`, JSON.stringify(publicInputs(Object.fromEntries(
  ["root", "action_id", "message_hash", "nullifier"].map((k, i) => [k, proof.publicInputs[i]])))));
await api.destroy();
