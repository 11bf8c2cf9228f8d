// Solves the peer circuit for a hum witness with noir_js (no proof) and prints its public inputs
// in hum's order as JSON; exits 1 with Noir's reason if the witness does not satisfy the circuit.
//
//   WITNESS=w.json node execute.mjs OUT        (OUT/circuit.json from compile.mjs)
//   node execute.mjs --demo-witness            prints common.mjs's demo witness instead
import { Noir } from "@noir-lang/noir_js";
import { readFileSync } from "node:fs";
import { demoWitness, noirInputs, publicInputs, witness } from "./common.mjs";

if (process.argv[2] === "--demo-witness") {
  console.log(JSON.stringify(demoWitness()));
  process.exit(0);
}
const inputs = noirInputs(witness());
try {
  await new Noir(JSON.parse(readFileSync(`${process.argv[2]}/circuit.json`, "utf8"))).execute(inputs);
} catch (e) {
  console.error(`the peer circuit rejects the witness: ${e.message}`);
  process.exit(1);
}
console.log(JSON.stringify(publicInputs(inputs)));
