// Checks tests/vectors/groups.json with an independent tree built on @zkpassport/poseidon2:
// every identity's derivation (node's HKDF) and commitment, every group step's root (the tree rebuilt from scratch after each
// step) and every Merkle proof. Usage: node groups-oracle.mjs GROUPS.json. Exits 1 on a mismatch.
import { hkdfSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { poseidon2Hash } from "@zkpassport/poseidon2";

const vectors = JSON.parse(readFileSync(process.argv[2], "utf8"));
const fail = (what) => { console.error(what); process.exit(1); };
const hex = (x) => `0x${x.toString(16).padStart(64, "0")}`;
let checked = 0;

// BN254's scalar field modulus.
const P = 21888242871839275222246405745257275088548364400416034343698204186575808495617n;

for (const id of vectors.identities) {
  // The derivation of core/src/identity.rs, with node's own HKDF: 64 bytes, little-endian, mod p.
  const okm = new Uint8Array(hkdfSync("sha256", Buffer.from(id.seed_utf8, "utf8"), "hum-identity-v1", "secret", 64));
  const secret = okm.reduceRight((acc, b) => (acc << 8n) | BigInt(b), 0n) % P;
  if (hex(secret) !== id.secret) fail(`the secret derived from seed "${id.seed_utf8}" differs`);
  if (hex(poseidon2Hash([BigInt(id.secret)])) !== id.commitment) fail(`commitment of seed "${id.seed_utf8}" differs`);
  checked++;
}

/** The root of a depth-`depth` tree over `leaves`, empty leaves 0. */
function root(depth, leaves) {
  let level = leaves.slice();
  let zero = 0n;
  for (let h = 0; h < depth; h++) {
    const up = [];
    for (let i = 0; i < level.length; i += 2) up.push(poseidon2Hash([level[i], i + 1 < level.length ? level[i + 1] : zero]));
    level = up;
    zero = poseidon2Hash([zero, zero]);
  }
  return level.length ? level[0] : zero;
}

for (const group of vectors.groups) {
  const leaves = [];
  for (const step of group.steps) {
    if (step.op === "add_many") leaves.push(...step.members.map(BigInt));
    else if (step.op === "update") leaves[step.index] = BigInt(step.member);
    else if (step.op === "remove") leaves[step.index] = 0n;
    if (hex(root(group.depth, leaves)) !== step.root) fail(`depth ${group.depth}: root after ${step.op} differs`);
    checked++;
  }
  for (const proof of group.proofs) {
    let node = BigInt(proof.leaf);
    proof.siblings.forEach((s, h) => {
      node = (BigInt(proof.index) >> BigInt(h)) & 1n ? poseidon2Hash([BigInt(s), node]) : poseidon2Hash([node, BigInt(s)]);
    });
    if (hex(node) !== proof.root || proof.root !== group.root) fail(`depth ${group.depth}: proof of ${proof.index} differs`);
    checked++;
  }
}
console.log(JSON.stringify({ checked }));
