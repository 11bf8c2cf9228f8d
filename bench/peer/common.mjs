// What the peer scripts share: metric lines, the witness in hum's format, and Noir's inputs from it.
import { poseidon2Hash } from "@zkpassport/poseidon2";
import { readFileSync } from "node:fs";

export const DEPTH = 20;

/** One metric as a JSON line on stdout (what run.sh collects and scripts/bench.py reads). */
export function metric(name, values, unit = "ms") {
  console.log(JSON.stringify({ metric: name, unit, values }));
}

const hex = (v) => `0x${v.toString(16).padStart(64, "0")}`;

/**
 * A depth-20 witness in hum's format (docs/formats.md): member `index` of a tree whose other
 * leaves on the path are fixed commitments, hashed with @zkpassport/poseidon2 (hum's H).
 */
export function demoWitness() {
  const secret = 0x1234567890abcdef1234567890abcdefn;
  const index = 0b1010_0101_1010_0101_1010; // a path that turns both ways
  const siblings = [];
  let node = poseidon2Hash([secret]);
  for (let level = 0; level < DEPTH; level++) {
    const sibling = poseidon2Hash([BigInt(1000 + level)]);
    siblings.push(sibling);
    node = (index >> level) & 1 ? poseidon2Hash([sibling, node]) : poseidon2Hash([node, sibling]);
  }
  return {
    secret: hex(secret), index, siblings: siblings.map(hex),
    action_id: hex(2026n), message_hash: hex(0xfeedn), root: hex(node),
  };
}

/** The witness file given as WITNESS, or the demo witness. */
export function witness() {
  return process.env.WITNESS ? JSON.parse(readFileSync(process.env.WITNESS, "utf8")) : demoWitness();
}

/** Noir's inputs for circuit/src/main.nr from a hum witness; the nullifier is computed as hum does. */
export function noirInputs(w) {
  if (w.siblings.length !== DEPTH) throw new Error(`the peer circuit has depth ${DEPTH}, the witness ${w.siblings.length}`);
  const nullifier = poseidon2Hash([BigInt(w.secret), BigInt(w.action_id)]);
  return {
    secret: w.secret, index: `0x${w.index.toString(16)}`, siblings: w.siblings, root: w.root,
    action_id: w.action_id, message_hash: w.message_hash, nullifier: hex(nullifier),
  };
}

/** The public inputs in hum's order (root, action_id, message_hash, nullifier) as 64-digit hex. */
export function publicInputs(inputs) {
  return ["root", "action_id", "message_hash", "nullifier"].map((k) => hex(BigInt(inputs[k])));
}
