// The Hum demo page: a calm animation on the main thread that keeps moving while the worker
// proves, a progress bar, the state, the result, and a bad witness with its error.
import { poseidon2Hash } from "@zkpassport/poseidon2";
import { HumError, ProverOrchestrator, toProofJson, type WitnessData } from "./orchestrator.js";
import * as humSeal from "./seal.js";

const $ = (id: string) => document.getElementById(id)!;
const params = new URLSearchParams(location.search);
const depth = Number(params.get("depth") ?? 20);
const hex = (v: bigint) => `0x${v.toString(16).padStart(64, "0")}`;

/** A fresh identity in a 4-member tree padded to `depth` (hashes from @zkpassport/poseidon2). */
export function demoWitness(d: number, seed = BigInt(Date.now())): WitnessData {
  const secret = (seed * 7919n + 12345n) % (1n << 248n);
  const leaves = [poseidon2Hash([11n]), poseidon2Hash([22n]), poseidon2Hash([secret]), poseidon2Hash([44n])];
  const index = 2;
  const zeros = [0n];
  for (let h = 0; h < d; h++) zeros.push(poseidon2Hash([zeros[h], zeros[h]]));
  let level = leaves;
  const siblings: string[] = [];
  for (let h = 0; h < d; h++) {
    const i = (index >> h) ^ 1;
    siblings.push(hex(level[i] ?? zeros[h]));
    const next: bigint[] = [];
    for (let j = 0; j < level.length; j += 2) next.push(poseidon2Hash([level[j], level[j + 1] ?? zeros[h]]));
    level = next;
  }
  return { secret: hex(secret), index, siblings, action_id: hex(2026n), message_hash: hex(42n), root: hex(level[0]) };
}

const hum = new ProverOrchestrator({ workerUrl: new URL("./worker.js", import.meta.url), depth });
hum.onState((s) => ($("state").textContent = s));
hum.onNotice((m) => ($("notice").textContent = m));
hum.onProgress(({ percent, stage }) => {
  ($("progress") as HTMLDivElement).style.width = `${percent}%`;
  $("stage").textContent = `${stage} — ${percent}%`;
});
hum.startInit().then((info) => {
  if (info.circuit.insecureDevSrs) $("srs").textContent = "INSECURE dev SRS: proofs made here prove nothing (development only).";
}).catch((e) => ($("notice").textContent = String(e)));

$("prove").onclick = async () => {
  $("result").textContent = "";
  const started = performance.now();
  try {
    const result = await hum.prove(demoWitness(depth));
    const ms = performance.now() - started;
    $("result").textContent = `root       ${result.publicInputs.root}\nnullifier  ${result.publicInputs.nullifier}\nproof      ${result.proof.length} bytes\ntime       ${ms.toFixed(0)} ms (${result.proveMs} ms in the prover)`;
  } catch (e) {
    $("result").innerHTML = `<span class="err">${(e as Error).message}</span>`;
  }
};
$("bad").onclick = async () => {
  const w = demoWitness(depth);
  w.siblings[3] = "0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001zz";
  try {
    await hum.prove(w);
  } catch (e) {
    $("result").innerHTML = `<span class="err">${e instanceof HumError ? `${e.code}: ${e.message}` : String(e)}</span>`;
  }
};
$("cancel").onclick = () => hum.cancel();

// The Hum: a slow sine field, redrawn every frame.
const canvas = $("hum") as HTMLCanvasElement;
const ctx = canvas.getContext("2d")!;
function draw(t: number) {
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  for (let line = 0; line < 5; line++) {
    ctx.beginPath();
    ctx.strokeStyle = `hsla(${230 + line * 12}, 80%, ${60 + line * 5}%, ${0.35 + line * 0.1})`;
    for (let x = 0; x <= canvas.width; x += 6) {
      const y = canvas.height / 2 + Math.sin(x / 70 + t / 900 + line) * (18 + line * 6) * Math.sin(t / 2300 + line);
      if (x === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
    }
    ctx.stroke();
  }
  requestAnimationFrame(draw);
}
requestAnimationFrame(draw);

// For the browser tests: the orchestrator, the witness builder and the proof JSON.
Object.assign(globalThis, { hum, demoWitness, toProofJson, ProverOrchestrator, HumError, humSeal });
