// The held-out proof vectors (tests/vectors/proofs.json, made natively by hum-core) in Chromium:
// each proof file read with fromProofJson and verified in the worker by a Hum set up as the
// vector's verifier reaches the verdict the file names, per scheme; a malformed file is a typed
// `invalid-proof` naming the field.
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Runs the checks with run.mjs's harness: `check`, `assert`, its first `page` and the package folder `here`. */
export async function interopChecks({ check, assert, page, here }) {
  await check("held-out proofs (tests/vectors/proofs.json): fromProofJson, then verifyProof in the worker, per scheme", async () => {
    const vectors = JSON.parse(readFileSync(join(here, "../../tests/vectors/proofs.json"), "utf8"));
    const r = await page.evaluate(async (v) => {
      const workerUrl = new URL("./worker.js", location.href);
      const verifiers = {
        transparent: new Hum({ workerUrl, depth: v.depth, cache: false }),
        "insecure-dev": new Hum({ workerUrl, depth: v.depth, insecureDevSrs: true, cache: false }),
      };
      const verdicts = [];
      for (const vector of v.vectors) {
        const hum = verifiers[vector.verifier];
        const verdict = await hum.verifyProof(fromProofJson(vector.proof), { depth: v.depth, allowInsecureDevSrs: vector.verifier === "insecure-dev" });
        verdicts.push({ name: vector.name, expect: vector.expect, got: verdict.valid ? "valid" : verdict.rejection.code });
      }
      const caught = (f) => { try { f(); return "no error"; } catch (e) { return `${e.code}: ${e.message}`; } };
      const file = vector => JSON.parse(JSON.stringify(vector.proof));
      const noRoot = file(v.vectors[0]);
      delete noRoot.public_inputs.root;
      const oddHex = { ...file(v.vectors[0]), proof: "0x123" };
      const bad = {
        notJson: caught(() => fromProofJson("{")),
        noRoot: caught(() => fromProofJson(noRoot)),
        oddHex: caught(() => fromProofJson(JSON.stringify(oddHex))),
      };
      for (const hum of Object.values(verifiers)) hum.terminate();
      return { verdicts, bad };
    }, vectors);
    const wrong = r.verdicts.filter((x) => x.got !== x.expect);
    assert(r.verdicts.length === vectors.vectors.length && wrong.length === 0, JSON.stringify(wrong));
    assert(r.bad.notJson === "invalid-proof: invalid proof JSON: not JSON", r.bad.notJson);
    assert(r.bad.noRoot === "invalid-proof: invalid proof JSON: field `public_inputs.root` is missing", r.bad.noRoot);
    assert(r.bad.oddHex.startsWith("invalid-proof: invalid proof JSON: `proof` must be 0x"), r.bad.oddHex);
  });
}
