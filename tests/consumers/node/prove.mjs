// A Node app on the packed @hum-prover/hum: the five steps, the proof in a worker thread.
import { Group, Hum } from "@hum-prover/hum";
const hum = new Hum({ depth: 20 });
const [a, b, me] = [await hum.createIdentity(), await hum.createIdentity(), await hum.createIdentity()];
const group = new Group([a.commitment, b.commitment, me.commitment]);
const proof = await hum.prove({ identity: me, group, action: "vote-2026", message: "yes" });
const verdict = await hum.verifyProof(proof, { group, action: "vote-2026", allowInsecureDevSrs: true });
console.log(JSON.stringify({ valid: verdict.valid, bytes: proof.proof.length, nullifier: proof.publicInputs.nullifier }));
hum.terminate();
