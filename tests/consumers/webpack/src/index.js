// A webpack 5 app on the packed @hum-prover/hum: the five steps; tests/consumers/browser/drive.mjs reads `result`.
import { Group, Hum, toProofJson } from "@hum-prover/hum";
const hum = new Hum({ depth: 20, cache: false });
const run = async () => {
  const [a, b, me] = [await hum.createIdentity(), await hum.createIdentity(), await hum.createIdentity()];
  const group = new Group([a.commitment, b.commitment, me.commitment]);
  const proof = await hum.prove({ identity: me, group, action: "vote-2026", message: "yes" });
  const verdict = await hum.verifyProof(proof, { group, action: "vote-2026" });
  return { valid: verdict.valid, json: toProofJson(proof), group: JSON.stringify(group) };
};
globalThis.result = run().catch((e) => ({ error: String(e) }));
globalThis.result.then((r) => (document.getElementById("out").textContent = JSON.stringify(r.valid ?? r)));
