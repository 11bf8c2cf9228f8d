// Checks hum's Poseidon2 against @zkpassport/poseidon2.
// Usage: node poseidon2-oracle.mjs VECTORS.json
// VECTORS.json (written by core/tests/js_oracles.rs): { permutations: [{input:[4 hex], output:[4 hex]}],
//   hashes: [{inputs:[hex…], output: hex}] }. Exits 1 on the first mismatch.
import { readFileSync } from "node:fs";
import { permute, poseidon2Hash } from "@zkpassport/poseidon2";

const vectors = JSON.parse(readFileSync(process.argv[2], "utf8"));
const big = (h) => BigInt(h);
let checked = 0;
for (const [i, v] of vectors.permutations.entries()) {
  const out = permute(v.input.map(big)); // permute mutates and returns its argument
  const expected = v.output.map(big);
  if (out.length !== 4 || out.some((x, j) => x !== expected[j])) {
    console.error(`permutation ${i} differs: js ${out.map((x) => x.toString(16))}`);
    process.exit(1);
  }
  checked++;
}
for (const [i, v] of vectors.hashes.entries()) {
  const out = poseidon2Hash(v.inputs.map(big));
  if (out !== big(v.output)) {
    console.error(`hash ${i} (${v.inputs.length} inputs) differs: js 0x${out.toString(16)}`);
    process.exit(1);
  }
  checked++;
}
console.log(JSON.stringify({ checked }));
