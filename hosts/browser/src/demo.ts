// The Hum demo page: a calm animation on the main thread that keeps moving while the worker
// proves, a progress bar, the state, and the five steps on hum's API: identities and a group
// (made in the worker), a proof for a member, its verification against the group, and the
// error for someone who is not a member.
import { fromProofJson, Group, Hum, HumError, type Identity, seal as humSeal, toProofJson } from "./index.js";

const $ = (id: string) => document.getElementById(id)!;
const params = new URLSearchParams(location.search);
const depth = Number(params.get("depth") ?? 20);
const ACTION = "vote-2026";

// The default setup, IPA on hum's transparent generators, needs no SRS; `?srs=URL&srsHash=…`
// proves with KZG on a ceremony's SRS instead.
const hum = new Hum({ depth, srsUrl: params.get("srs") ?? undefined, srsHash: params.get("srsHash") ?? undefined });
hum.onState((s) => ($("state").textContent = s));
hum.onNotice((m) => ($("notice").textContent = m));
hum.onProgress(({ percent, stage }) => showProgress(percent, `${stage} — ${percent}%`));
hum.startInit().then((info) => {
  $("srs").textContent = info.circuit.scheme === "ipa"
    ? "IPA on hum's transparent generators: no ceremony, nothing to download."
    : `KZG on the SRS ${info.circuit.srs}.`;
}).catch((e) => ($("notice").textContent = String(e)));

function showProgress(percent: number, stage: string) {
  ($("progress") as HTMLDivElement).style.width = `${percent}%`;
  $("stage").textContent = stage;
}

/** A new proof starts from a clean slate: no notice, progress or result of the last one. */
function startShowing() {
  $("notice").textContent = "";
  $("result").textContent = "";
  showProgress(0, "");
}

// You and three other members; only commitments go into the group.
const members: Promise<{ me: Identity; group: Group }> = (async () => {
  const [a, b, me, c] = [await hum.createIdentity(), await hum.createIdentity(), await hum.createIdentity(), await hum.createIdentity()];
  return { me, group: new Group([a, b, me, c].map((i) => i.commitment), { depth }) };
})();
let votes = 0;

$("prove").onclick = async () => {
  startShowing();
  const started = performance.now();
  try {
    const { me, group } = await members;
    const result = await hum.prove({ identity: me, group, action: ACTION, message: `vote ${++votes}` });
    const ms = performance.now() - started;
    const verdict = await hum.verifyProof(result, { group, action: ACTION, srsHash: params.get("srsHash") ?? undefined });
    $("notice").textContent = "";
    $("result").textContent = [
      `member     ${me.commitment} (index ${group.indexOf(me.commitment)} of ${group.size})`,
      `root       ${result.publicInputs.root}`,
      `nullifier  ${result.publicInputs.nullifier}`,
      `proof      ${result.proof.length} bytes`,
      `time       ${ms.toFixed(0)} ms (${result.proveMs} ms in the prover)`,
      `verified   ${verdict.valid ? "yes, against the group's root and the action" : `no: ${verdict.rejection?.message}`}`,
    ].join("\n");
  } catch (e) {
    $("result").innerHTML = `<span class="err">${e instanceof HumError ? `${e.code}: ${e.message}` : String(e)}</span>`;
  }
};
$("bad").onclick = async () => {
  startShowing();
  try {
    const { group } = await members;
    await hum.prove({ identity: await hum.createIdentity(), group, action: ACTION, message: "not a member" });
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

// For the browser tests: the page's hum, the classes and the proof JSON.
Object.assign(globalThis, { hum, members, Group, Hum, toProofJson, fromProofJson, HumError, humSeal });
