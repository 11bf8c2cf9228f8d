// Identities and groups in Chromium: tests/vectors/groups.json through Identity, Group and the
// worker; the five steps on the Hum API (checked again by `hum verify --group`); bad input as
// typed errors that never name the secret; the demo page's notice and progress after a cancel.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { humPath } from "../scripts/paths.mjs";

/** Runs the checks with run.mjs's harness: `check`, `assert`, its first `page`, `openPage`, the
 * package folder `here` and the output folder `out`. */
export async function memberChecks({ check, assert, page, openPage, here, out }) {
  await check("identities, hash_to_field and groups: tests/vectors/groups.json through Identity, Group and the worker", async () => {
    const vectors = JSON.parse(readFileSync(join(here, "../../tests/vectors/groups.json"), "utf8"));
    const r = await page.evaluate(async (v) => {
      const wrong = [];
      for (const id of v.identities) {
        const made = await hum.createIdentity({ seed: id.seed_utf8 });
        if (made.secret !== id.secret || made.commitment !== id.commitment) wrong.push(`seed ${id.seed_utf8}`);
        const loaded = await hum.importIdentity(made.export());
        if (loaded.commitment !== id.commitment) wrong.push(`import ${id.seed_utf8}`);
        if (JSON.stringify(made).includes(id.secret.slice(2)) || String(made).includes(id.secret.slice(2))) wrong.push("secret printed");
      }
      for (const c of v.hash_to_field) if ((await hum.hashToField(c.utf8)) !== c.field) wrong.push(`hash ${c.utf8}`);
      for (const g of v.groups) {
        const group = new Group([], { depth: g.depth });
        for (const step of g.steps) {
          if (step.op === "add_many") group.addMany(step.members);
          if (step.op === "update") group.update(step.index, step.member);
          if (step.op === "remove") group.remove(step.index);
          if ((await hum.groupRoot(group)) !== step.root) wrong.push(`depth ${g.depth} ${step.op}`);
        }
        if (JSON.stringify(group.members) !== JSON.stringify(g.members)) wrong.push(`members of depth ${g.depth}`);
        const reread = Group.fromJSON(JSON.stringify(group));
        if ((await hum.groupRoot(reread)) !== g.root) wrong.push(`group file of depth ${g.depth}`);
        for (const p of g.proofs) {
          const got = await hum.merkleProof(group, p.index);
          if (JSON.stringify(got) !== JSON.stringify(p)) wrong.push(`proof ${g.depth}/${p.index}: ${JSON.stringify(got)}`);
        }
      }
      return { wrong, mainThreadWasm: globalThis.mainThreadWasm };
    }, vectors);
    assert(r.wrong.length === 0, JSON.stringify(r.wrong));
    assert(r.mainThreadWasm === 0, "group work ran on the main thread");
  });

  await check("the five steps: identity → group → prove({ identity, group, action, message }) → verifyProof(proof, { group, action })", async () => {
    const r = await page.evaluate(async () => {
      const ids = [await hum.createIdentity(), await hum.createIdentity(), await hum.createIdentity()];
      const group = new Group(ids.map((i) => i.commitment));
      const result = await hum.prove({ identity: ids[1], group, action: "vote-2026", message: "yes" });
      const code = (v) => (v.valid ? "valid" : v.rejection.code);
      const dev = { allowInsecureDevSrs: true };
      const later = new Group(group.members);
      later.add((await hum.createIdentity()).commitment);
      return {
        valid: code(await hum.verifyProof(result, { ...dev, group, action: "vote-2026" })),
        otherAction: code(await hum.verifyProof(result, { ...dev, group, action: "vote-2027" })),
        laterRoot: code(await hum.verifyProof(result, { ...dev, group: later })),
        strict: code(await hum.verifyProof(result, { group })),
        action: result.publicInputs.actionId === (await hum.hashToField("vote-2026")),
        json: toProofJson(result), group: JSON.stringify(group.toJSON()),
      };
    });
    assert(r.valid === "valid" && r.otherAction === "proof-rejected" && r.laterRoot === "proof-rejected" && r.strict === "valid" && r.action, JSON.stringify({ ...r, json: undefined }));
    const proofFile = join(out, "member-proof.json");
    const groupFile = join(out, "member-group.json");
    writeFileSync(proofFile, r.json);
    writeFileSync(groupFile, r.group);
    const verdict = execFileSync(humPath(), ["verify", proofFile, "--group", groupFile, "--json"],
      { env: { ...process.env, HUM_CACHE_DIR: join(out, "hum-cache") } }).toString();
    assert(JSON.parse(verdict).valid === true, verdict);
  });

  await check("the EVM flavour: prove({ …, flavour: \"evm\" }) in the worker, verified in its flavour only, checked by `hum verify` and `hum calldata`", async () => {
    const r = await page.evaluate(async () => {
      const me = await hum.createIdentity();
      const group = new Group([(await hum.createIdentity()).commitment, me.commitment]);
      const input = { identity: me, group, action: "vote-2026", message: "yes" };
      // A contract verifies KZG: this test's prover opts in to the dev SRS (a real app pins a ceremony's).
      const kzg = new Hum({ workerUrl: new URL("./worker.js", location.href), depth: 20, insecureDevSrs: true, cache: false });
      const evm = await kzg.prove({ ...input, flavour: "evm" });
      const code = (v) => (v.valid ? "valid" : v.rejection.code);
      const dev = { allowInsecureDevSrs: true };
      const caught = async (f) => { try { await f(); return "no error"; } catch (e) { return `${e.code}: ${e.message}`; } };
      const seen = {
        flavour: evm.flavour, bytes: evm.proof.length,
        valid: code(await kzg.verifyProof(evm, { ...dev, group, action: "vote-2026" })),
        asStandard: code(await kzg.verify(evm.proof, evm.publicInputs, dev, "standard")),
        asEvm: code(await kzg.verify(evm.proof, evm.publicInputs, dev, "evm")),
        badFlavour: await caught(() => kzg.prove({ ...input, flavour: "keccak" })),
        circuit: evm.circuit.id,
        kzgWithoutSrs: await caught(() => new Hum({ workerUrl: new URL("./worker.js", location.href), scheme: "kzg", cache: false }).init()),
        json: toProofJson(evm),
      };
      kzg.terminate();
      return seen;
    });
    assert(r.flavour === "evm" && r.valid === "valid" && r.asEvm === "valid" && r.asStandard === "proof-rejected", JSON.stringify({ ...r, json: undefined }));
    assert(r.badFlavour.startsWith("invalid-argument: `flavour` must be one of"), r.badFlavour);
    assert(r.circuit.endsWith("-insecure-dev-srs"), r.circuit);
    assert(r.kzgWithoutSrs.startsWith("invalid-argument: the kzg scheme needs an SRS"), r.kzgWithoutSrs);
    const json = JSON.parse(r.json);
    assert(json.flavour === "evm" && json.uint256_public_inputs.length === 4 && BigInt(json.uint256_public_inputs[3]) === BigInt(json.public_inputs.nullifier), r.json);
    const proofFile = join(out, "member-proof-evm.json");
    writeFileSync(proofFile, r.json);
    const env = { env: { ...process.env, HUM_CACHE_DIR: join(out, "hum-cache") } };
    const verdict = execFileSync(humPath(), ["verify", proofFile, "--insecure-dev-srs", "--json"], env).toString();
    assert(JSON.parse(verdict).valid === true, verdict);
    const calldata = execFileSync(humPath(), ["calldata", proofFile], env).toString().trim();
    // verifyProof(bytes,uint256[4]): a 4-byte selector, five head words, the length word and the proof.
    assert(calldata.startsWith("0x") && (calldata.length - 2) / 2 === 4 + 6 * 32 + Math.ceil(r.bytes / 32) * 32, calldata.slice(0, 80));
  });

  await check("the default is IPA: new Hum() proves with no SRS, a strict verifier accepts, `hum verify` agrees", async () => {
    const r = await page.evaluate(async () => {
      const ipa = new Hum({ workerUrl: new URL("./worker.js", location.href), depth: 20, cache: false });
      const me = await ipa.createIdentity();
      const group = new Group([me.commitment, (await ipa.createIdentity()).commitment]);
      const proof = await ipa.prove({ identity: me, group, action: "vote-2026", message: "yes" });
      const strict = await ipa.verifyProof(proof, { group, action: "vote-2026" });
      const caught = async (f) => { try { await f(); return "no error"; } catch (e) { return `${e.code}: ${e.message}`; } };
      const bad = new Hum({ workerUrl: new URL("./worker.js", location.href), scheme: "ipa", srsUrl: "x.params", cache: false });
      const refused = await caught(() => bad.prove({ identity: me, group, action: "a", message: "m" }));
      ipa.terminate();
      bad.terminate();
      return { scheme: proof.circuit.scheme, insecure: proof.circuit.insecureDevSrs, valid: strict.valid, refused, json: toProofJson(proof) };
    });
    assert(r.scheme === "ipa" && r.insecure === false && r.valid === true, JSON.stringify({ ...r, json: undefined }));
    assert(r.refused.startsWith("invalid-argument: `srsUrl` is a KZG SRS"), r.refused);
    const proofFile = join(out, "member-proof-ipa.json");
    writeFileSync(proofFile, r.json);
    const env = { env: { ...process.env, HUM_CACHE_DIR: join(out, "hum-cache") } };
    const verdict = execFileSync(humPath(), ["verify", proofFile, "--json"], env).toString();
    assert(JSON.parse(verdict).valid === true, verdict);
  });

  await check("bad identities and groups: typed errors that name the field and never the secret", async () => {
    const r = await page.evaluate(async () => {
      const caught = async (f) => { try { await f(); return "no error"; } catch (e) { return `${e.code}: ${e.message}`; } };
      const me = await hum.createIdentity();
      const group = new Group([me.commitment]);
      const p = "0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001";
      return {
        zero: await caught(() => group.add(0n)),
        duplicate: await caught(() => group.add(me.commitment)),
        big: await caught(() => group.addMany(["0x01", p])),
        notHex: await caught(() => group.add("12")),
        full: await caught(() => new Group(["0x1", "0x2", "0x3"], { depth: 1 })),
        depth: await caught(() => new Group([], { depth: 33 })),
        version: await caught(() => Group.fromJSON({ version: 2, depth: 20, members: [] })),
        repeats: await caught(() => Group.fromJSON({ version: 1, depth: 4, members: ["0x1", "0x0", "0x1"] })),
        shortSeed: await caught(() => hum.createIdentity({ seed: "short" })),
        notIdentity: await caught(() => hum.importIdentity("{ nope")),
        zeroSecret: await caught(() => hum.importIdentity({ version: 1, secret: "0x0" })),
        outsider: await caught(async () => hum.prove({ identity: await hum.createIdentity(), group, action: "a", message: "m" })),
        otherDepth: await caught(() => hum.prove({ identity: me, group: new Group([me.commitment], { depth: 8 }), action: "a", message: "m" })),
        badAction: await caught(() => hum.prove({ identity: me, group, action: BigInt(p), message: "m" })),
        secret: me.secret.slice(2),
        unchanged: group.size,
      };
    });
    const expect = {
      zero: "invalid-argument: member 0 of the list is zero", duplicate: "invalid-argument: member 0 of the list is already the member at index 0",
      big: "invalid-argument: `member 1 of the list` is not below the field modulus p", notHex: "invalid-argument: `member 0 of the list` must be 0x",
      full: "invalid-argument: 3 members do not fit a group of depth 1", depth: "invalid-argument: unsupported depth 33",
      version: "invalid-argument: group file version 2", repeats: "invalid-argument: `members[2]` repeats `members[0]`",
      shortSeed: "invalid-argument: invalid identity: the seed has 5 bytes", notIdentity: "invalid-argument: not an identity file",
      zeroSecret: "invalid-argument: invalid identity: the secret is zero", outsider: "invalid-argument: invalid identity: the identity (commitment 0x",
      otherDepth: "invalid-argument: the group has depth 8", badAction: "invalid-argument: `action` is not below the field modulus p",
    };
    for (const [key, start] of Object.entries(expect)) assert(r[key].startsWith(start), `${key}: ${r[key]}`);
    assert(r.outsider.includes("is not a member of the group"), r.outsider);
    assert(r.unchanged === 1, "a refused change left the group as it was");
    assert(!Object.values(r).some((m) => typeof m === "string" && m !== r.secret && m.includes(r.secret)), "an error named the secret");
  });

  await check("the demo page: after a cancelled proof, the next proof shows its own progress and notice", async () => {
    const demo = await openPage();
    await demo.evaluate(() => hum.startInit());
    await demo.click("#prove");
    await demo.waitForFunction(() => Number(document.getElementById("progress").style.width.replace("%", "")) >= 8, null, { timeout: 120000 });
    await demo.click("#cancel");
    await demo.waitForFunction(() => document.getElementById("result").textContent.includes("cancelled"), null, { timeout: 120000 });
    await demo.waitForFunction(() => hum.state === "ready", null, { timeout: 120000 });
    await demo.click("#prove");
    await demo.waitForFunction(() => document.getElementById("result").textContent.includes("verified"), null, { timeout: 120000 });
    const r = await demo.evaluate(() => ({
      notice: document.getElementById("notice").textContent, result: document.getElementById("result").textContent,
      progress: document.getElementById("progress").style.width,
    }));
    await demo.screenshot({ path: join(out, "demo-after-cancel.png") });
    await demo.click("#bad");
    await demo.waitForFunction(() => document.getElementById("result").textContent.includes("not a member"), null, { timeout: 120000 });
    await demo.close();
    assert(r.result.includes("verified   yes"), r.result);
    assert(!r.notice.includes("restarted"), `stale notice: ${r.notice}`);
    assert(r.progress === "100%", r.progress);
  });
}
