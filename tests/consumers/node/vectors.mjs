// tests/vectors/groups.json through the packed @hum-prover/hum in Node: identities from seeds,
// hash_to_field, groups replayed step by step (roots), their files, and Merkle proofs — the
// answers core, the component, the C ABI and Chromium give too.
//   node vectors.mjs PATH/TO/groups.json
import { readFileSync } from "node:fs";
import { Group, Hum } from "@hum-prover/hum";

const v = JSON.parse(readFileSync(process.argv[2], "utf8"));
const hum = new Hum({ depth: 20 });
const wrong = [];
for (const id of v.identities) {
  const made = await hum.createIdentity({ seed: id.seed_utf8 });
  if (made.secret !== id.secret || made.commitment !== id.commitment) wrong.push(`identity from ${id.seed_utf8}`);
}
for (const c of v.hash_to_field) if ((await hum.hashToField(c.utf8)) !== c.field) wrong.push(`hash_to_field(${c.utf8})`);
for (const g of v.groups) {
  const group = new Group([], { depth: g.depth });
  for (const step of g.steps) {
    if (step.op === "add_many") group.addMany(step.members);
    if (step.op === "update") group.update(step.index, step.member);
    if (step.op === "remove") group.remove(step.index);
    if ((await hum.groupRoot(group)) !== step.root) wrong.push(`depth ${g.depth}, ${step.op}`);
  }
  if ((await hum.groupRoot(Group.fromJSON(JSON.stringify(group)))) !== g.root) wrong.push(`group file, depth ${g.depth}`);
  for (const p of g.proofs) {
    if (JSON.stringify(await hum.merkleProof(group, p.index)) !== JSON.stringify(p)) wrong.push(`proof ${g.depth}/${p.index}`);
  }
}
hum.terminate();
if (wrong.length) {
  console.error(`groups.json differs: ${wrong.join("; ")}`);
  process.exit(1);
}
console.log(`groups.json: ${v.identities.length} identities, ${v.hash_to_field.length} hashes, ${v.groups.length} groups agree`);
