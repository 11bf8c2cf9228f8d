// A Node app on the packed @hum-prover/hum: the five steps, the proof in a worker thread.
// With a file argument it also proves in the EVM flavour and writes that proof's JSON there.
import { writeFileSync } from "node:fs";
import { Group, Hum, toProofJson } from "@hum-prover/hum";
const hum = new Hum({ depth: 20 });
const [a, b, me] = [await hum.createIdentity(), await hum.createIdentity(), await hum.createIdentity()];
const group = new Group([a.commitment, b.commitment, me.commitment]);
const proof = await hum.prove({ identity: me, group, action: "vote-2026", message: "yes" });
const verdict = await hum.verifyProof(proof, { group, action: "vote-2026", allowInsecureDevSrs: true });
const report = { valid: verdict.valid, bytes: proof.proof.length, nullifier: proof.publicInputs.nullifier };
const out = process.argv[2];
if (out) {
  const evm = await hum.prove({ identity: me, group, action: "vote-2026", message: "yes", flavour: "evm" });
  const evmVerdict = await hum.verifyProof(evm, { group, action: "vote-2026", allowInsecureDevSrs: true });
  writeFileSync(out, toProofJson(evm));
  Object.assign(report, { evmValid: evmVerdict.valid, evmFlavour: evm.flavour, evmBytes: evm.proof.length });
}
console.log(JSON.stringify(report));
hum.terminate();
