// A Node app on the packed @hum-prover/hum: the five steps, the proof in a worker thread.
// The default setup is IPA (no SRS, nothing insecure), so a strict verifier accepts the proof.
// With a file argument it also proves in the EVM flavour, which a contract verifies with KZG:
// here on the dev SRS (tests only; a real app pins a ceremony's SRS), and writes that proof's JSON.
import { writeFileSync } from "node:fs";
import { Group, Hum, toProofJson } from "@hum-prover/hum";
const hum = new Hum({ depth: 20 });
const [a, b, me] = [await hum.createIdentity(), await hum.createIdentity(), await hum.createIdentity()];
const group = new Group([a.commitment, b.commitment, me.commitment]);
const proof = await hum.prove({ identity: me, group, action: "vote-2026", message: "yes" });
const verdict = await hum.verifyProof(proof, { group, action: "vote-2026" });
const report = { valid: verdict.valid, scheme: proof.circuit.scheme, bytes: proof.proof.length, nullifier: proof.publicInputs.nullifier };
const out = process.argv[2];
if (out) {
  const kzg = new Hum({ depth: 20, insecureDevSrs: true });
  const evm = await kzg.prove({ identity: me, group, action: "vote-2026", message: "yes", flavour: "evm" });
  const evmVerdict = await kzg.verifyProof(evm, { group, action: "vote-2026", allowInsecureDevSrs: true });
  kzg.terminate();
  writeFileSync(out, toProofJson(evm));
  Object.assign(report, { evmValid: evmVerdict.valid, evmFlavour: evm.flavour, evmBytes: evm.proof.length });
}
console.log(JSON.stringify(report));
hum.terminate();
