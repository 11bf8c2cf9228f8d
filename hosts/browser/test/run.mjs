// Browser tests in real headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core).
// Serves dist/ on localhost; each check asserts, and the run prints the timings it measured.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { humPath } from "../scripts/paths.mjs";
import { serve } from "../scripts/serve.mjs";
import { launchChromium } from "./chromium.mjs";
import { benchmarkProofs } from "./bench.mjs";
import { interopChecks } from "./interop.mjs";
import { memberChecks } from "./members.mjs";
import { setupChecks } from "./setup.mjs";
import { replayPolicy } from "./policy.mjs";

const here = new URL("..", import.meta.url).pathname;
const out = join(here, "test-output");
mkdirSync(out, { recursive: true });
const server = await serve(join(here, "site"));
const base = `http://127.0.0.1:${server.address().port}/`;
// globalThis.mainThreadWasm counts WebAssembly compilations on each page's main thread.
const { browser, context } = await launchChromium();
// A witness for the tests of the witness path, made with the page's own API (an identity derived
// from a seed, a 4-member group, its Merkle proof from the worker): member 2 of the group.
await context.addInitScript(() => {
  globalThis.demoWitness = async (depth, seed) => {
    const ids = [];
    for (let i = 0; i < 4; i++) ids.push(await hum.createIdentity({ seed: `hum browser test identity ${seed} ${i}` }));
    const group = new Group(ids.map((id) => id.commitment), { depth });
    const proof = await hum.merkleProof(group, 2);
    const hex = (v) => `0x${v.toString(16).padStart(64, "0")}`;
    return { secret: ids[2].secret, index: 2, siblings: proof.siblings, action_id: hex(2026n), message_hash: hex(42n), root: proof.root };
  };
});
const results = {};
let failures = 0;

async function check(name, body) {
  const started = Date.now();
  try {
    await body();
    console.log(`ok   ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    failures++;
    console.log(`FAIL ${name}: ${error.stack ?? error}`);
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message);
}
/**
 * Writes proof JSON from the page to test-output/`name` and asserts the Rust verifier (`hum verify`) accepts it
 * for the depth the test chose (the page proves on the default, IPA, which a strict verifier accepts).
 */
function assertVerifiedByHum(name, json, depth = 20) {
  const file = join(out, name);
  writeFileSync(file, json);
  const args = ["verify", file, "--depth", String(depth), "--json"];
  const verdict = execFileSync(humPath(), args, { env: { ...process.env, HUM_CACHE_DIR: join(out, "hum-cache") } }).toString();
  assert(JSON.parse(verdict).valid === true, verdict);
}
const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

async function openPage(query = "") {
  const page = await context.newPage();
  page.on("console", (m) => { if (m.type() === "error") console.log(`  [page] ${m.text()}`); });
  await page.goto(`${base}index.html${query}`);
  await page.waitForFunction(() => globalThis.hum !== undefined);
  return page;
}

await check("error kinds: the generated TypeScript ErrorCode is the cross-surface table's list", async () => {
  const table = JSON.parse(readFileSync(join(here, "../../tests/vectors/error-kinds.json"), "utf8"));
  const types = readFileSync(join(here, "src/generated/hum-prover-types.d.ts"), "utf8");
  const union = types.match(/export type ErrorCode = ([^;]+);/)[1].split("|").map((s) => s.trim().replace(/'/g, ""));
  assert(JSON.stringify(union) === JSON.stringify(table.kinds.map((k) => k.ts)), JSON.stringify(union));
});

const page = await openPage();

await check("INIT → PROVE → PROOF_COMPLETE at depth 20, verified by the Rust verifier; the main thread stays smooth", async () => {
  const init = await page.evaluate(async () => { const i = await hum.startInit(); return { fromCache: i.fromCache, initMs: i.initMs, componentInitMs: i.componentInitMs, insecure: i.circuit.insecureDevSrs, scheme: i.circuit.scheme }; });
  results.first_init_ms = init.initMs;
  results.first_init_in_component_ms = init.componentInitMs;
  // The default needs nothing: IPA on hum's generators, not the dev SRS.
  assert(!init.fromCache && !init.insecure && init.scheme === "ipa", JSON.stringify(init));
  assert(init.componentInitMs >= 0 && init.componentInitMs <= init.initMs, JSON.stringify(init));
  const running = page.evaluate(async () => {
    const frames = [];
    const frameTimes = [];
    const longTasks = [];
    let last = performance.now();
    let proving = true;
    const tick = (t) => { frames.push(t - last); frameTimes.push(t); last = t; if (proving) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
    observer.observe({ type: "longtask" });
    const progress = [];
    let firstProgress;
    const witness = await demoWitness(20, 7n);
    const off = hum.onProgress((p) => { progress.push(p.percent); firstProgress ??= performance.now(); });
    const started = performance.now();
    const result = await hum.prove(witness);
    const ended = performance.now();
    proving = false;
    off();
    observer.disconnect();
    return {
      ms: ended - started, proveMs: Number(result.proveMs), progress, frames: frames.slice(1), longTasks,
      framesWhileProving: frameTimes.filter((t) => t > firstProgress && t < ended).length,
      mainThreadWasm: globalThis.mainThreadWasm, json: toProofJson(result), size: result.proof.length,
    };
  });
  await page.waitForFunction(() => Number(document.getElementById("progress").style.width.replace("%", "")) >= 40, null, { timeout: 120000 });
  await page.screenshot({ path: join(out, "mid-proof.png") });
  const r = await running;
  results.prove_ms = r.ms;
  results.prove_in_worker_ms = r.proveMs;
  results.proof_bytes = r.size;
  results.raf_p99_ms = percentile(r.frames, 0.99);
  results.raf_frames = r.frames.length;
  results.longest_task_ms = Math.max(0, ...r.longTasks);
  assert(r.progress.length >= 10, `only ${r.progress.length} progress events`);
  assert(r.progress.every((p, i) => i === 0 || p >= r.progress[i - 1]), `progress not monotonic: ${r.progress}`);
  assert(r.progress.at(-1) === 100 && r.progress.slice(0, -1).every((p) => p < 100), `100 only at the end: ${r.progress}`);
  // Smoothness is measured (raf_p99_ms, longest_task_ms, reported by bench.py), not asserted: a timing bound
  // would flake on a loaded machine. What is asserted is structural: no WebAssembly ever ran on the main
  // thread, and the main thread kept painting frames between the first progress event and the proof.
  assert(r.mainThreadWasm === 0, `${r.mainThreadWasm} WebAssembly compilation(s) on the main thread`);
  assert(r.framesWhileProving > 0, "no animation frame ran on the main thread while the worker was proving");
  assertVerifiedByHum("browser-proof.json", r.json);
});

await check("a bad witness is refused before anything is posted, with a clear message", async () => {
  const r = await page.evaluate(async () => {
    const w = await demoWitness(20, 1n);
    const before = hum.postedCommands;
    w.siblings[3] = "0x12zz";
    try { await hum.prove(w); return { ok: true }; } catch (e) { return { code: e.code, message: e.message, posted: hum.postedCommands - before }; }
  });
  assert(r.code === "invalid-witness" && r.posted === 0, JSON.stringify(r));
  assert(r.message === "invalid witness: `siblings[3]` must be 0x + 1..64 hex digits", r.message);
  const extra = await page.evaluate(async () => {
    const w = { ...await demoWitness(20, 1n), nonce: 1 };
    try { await hum.prove(w); return ""; } catch (e) { return e.message; }
  });
  assert(extra === "invalid witness: unknown field `nonce`", extra);
});

await check("malformed witnesses (core/vectors): refused by the orchestrator and by the component in the worker, never echoing the secret", async () => {
  const corpus = JSON.parse(readFileSync(join(here, "../../core/vectors/malformed-witnesses.json"), "utf8"));
  const r = await page.evaluate(async (corpus) => {
    const o = new Hum({ workerUrl: new URL("./worker.js", location.href), depth: 4, cache: false });
    await o.startInit();
    // A bare worker, without the orchestrator's schema check, so the component itself answers.
    const worker = new Worker(new URL("./worker.js", location.href), { type: "module" });
    const events = [];
    let wake = () => {};
    worker.onmessage = (m) => { events.push(m.data); wake(); };
    worker.postMessage({ type: "LOAD" });
    const next = async (accept) => {
      for (;;) {
        const i = events.findIndex(accept);
        if (i >= 0) return events.splice(i, 1)[0];
        await new Promise((resolve) => { wake = resolve; });
      }
    };
    await next((e) => e.type === "LOADED");
    worker.postMessage({ type: "INIT", options: { depth: 4 } });
    await next((e) => e.type === "EVENT" && e.event.tag === "status" && e.event.val.state === "ready");
    const answered = (e) => e.type === "CRASHED" || (e.type === "EVENT" && ["error", "proof-complete"].includes(e.event.tag));
    const out = [];
    for (const c of corpus.cases) {
      let w;
      try { w = JSON.parse(c.text); } catch { out.push({ name: c.name, parsed: false }); continue; }
      let api;
      try { await o.prove(w); api = { code: "proved" }; } catch (e) { api = { code: e.code, message: e.message }; }
      worker.postMessage({ type: "PROVE", witness: w, flavour: "standard" });
      out.push({ name: c.name, field: c.field, parsed: true, api, raw: await next(answered) });
    }
    worker.postMessage({ type: "PROVE", witness: JSON.parse(corpus.valid), flavour: "standard" });
    const last = await next(answered);
    o.terminate();
    worker.terminate();
    return { out, last: last.type === "EVENT" ? last.event.tag : last.type };
  }, corpus);
  const leaks = (text) => [corpus.secret, corpus.secret_decimal].some((digits) =>
    Array.from({ length: digits.length - 11 }, (_, i) => digits.slice(i, i + 12)).some((w) => text.toLowerCase().includes(w)));
  const parsed = r.out.filter((c) => c.parsed);
  assert(parsed.length >= 25, `only ${parsed.length} cases are JSON`);
  for (const c of parsed) {
    for (const [surface, code, message] of [["orchestrator", c.api.code, c.api.message], ["worker", c.raw.type === "EVENT" ? c.raw.event.val.code ?? c.raw.event.tag : c.raw.type, c.raw.event?.val?.message ?? c.raw.message]]) {
      assert(code === "invalid-witness", `${surface}, ${c.name}: ${code} ${message}`);
      assert(!leaks(message), `${surface}, ${c.name}: the secret leaks into ${message}`);
      assert(!c.field || message.includes(`\`${c.field}\``), `${surface}, ${c.name}: ${message} does not name ${c.field}`);
    }
  }
  assert(r.last === "proof-complete", `after ${parsed.length} refusals the worker's instance proves: ${r.last}`);
  results.malformed_witness_cases = parsed.length;
});

await check("verify in the worker: the verifier's depth and policy decide, not the proof", async () => {
  const r = await page.evaluate(async () => {
    const result = await hum.prove(await demoWitness(20, 9n));
    const code = (v) => (v.valid ? "valid" : v.rejection.code);
    const longer = new Uint8Array([...result.proof, 0]);
    const otherCircuit = { ...result.circuit, id: "hum1-d21-k10-0123456789abcdef", depth: 21, k: 10 };
    const dev = { allowInsecureDevSrs: true };
    return {
      strict: code(await hum.verifyProof(result)),
      dev: code(await hum.verifyProof(result, dev)),
      root: code(await hum.verifyProof(result, { ...dev, root: result.publicInputs.root, actionId: result.publicInputs.actionId })),
      otherRoot: code(await hum.verifyProof(result, { ...dev, root: "0x1234" })),
      deeper: code(await hum.verify(result.proof, result.publicInputs, { ...dev, depth: 21 })),
      claimed: code(await hum.verifyProof({ ...result, circuit: otherCircuit }, dev)),
      longer: code(await hum.verify(longer, result.publicInputs, dev)),
      message: (await hum.verifyProof(result)).rejection?.message ?? "",
    };
  });
  const expected = { strict: "valid", dev: "valid", root: "valid", otherRoot: "proof-rejected", deeper: "wrong-circuit",
    claimed: "wrong-circuit", longer: "invalid-proof" };
  for (const [key, value] of Object.entries(expected)) assert(r[key] === value, `${key}: ${JSON.stringify(r)}`);
  assert(r.message === "", r.message);
});

await check("cancel during a proof, then a successful proof", async () => {
  const r = await page.evaluate(async () => {
    const [w2, w3] = [await demoWitness(20, 2n), await demoWitness(20, 3n)];
    const first = hum.prove(w2).then(() => "completed", (e) => e.code);
    await new Promise((resolve) => { const off = hum.onProgress((p) => { if (p.percent >= 8) { off(); resolve(); } }); });
    await hum.cancel();
    const outcome = await first;
    const result = await hum.prove(w3);
    return { outcome, state: hum.state, size: result.proof.length };
  });
  assert(r.outcome === "cancelled" && r.state === "ready" && r.size > 0, JSON.stringify(r));
});

await check("the worker killed mid-proof: the orchestrator notices the silence, replaces it, and the proof completes", async () => {
  const r = await page.evaluate(async () => {
    // Keep hold of every worker the orchestrator makes, to kill one the way the browser would:
    // terminate() ends it at once and sends nothing.
    const spawned = [];
    const Original = globalThis.Worker;
    globalThis.Worker = class extends Original { constructor(...args) { super(...args); spawned.push(this); } };
    try {
      const o = new Hum({ workerUrl: new URL("./worker.js", location.href), depth: 20, stallTimeoutMs: 5000 });
      const notices = [];
      o.onNotice((m) => notices.push(m));
      await o.startInit();
      let killed = false;
      const off = o.onProgress((p) => { if (p.percent >= 30 && !killed) { killed = true; spawned.at(-1).terminate(); } });
      const result = await o.prove(await demoWitness(20, 11n));
      off();
      o.terminate();
      return { killed, workers: spawned.length, notices, json: toProofJson(result) };
    } finally {
      globalThis.Worker = Original;
    }
  });
  assert(r.killed && r.workers === 2, JSON.stringify({ killed: r.killed, workers: r.workers }));
  assert(r.notices.includes("The prover restarted (the worker stopped answering)."), JSON.stringify(r.notices));
  assertVerifiedByHum("after-kill-proof.json", r.json);
});

await check("a proof asked for before INIT ends waits for it (Initializing Secure Enclave…)", async () => {
  const r = await page.evaluate(async () => {
    const o = new Hum({ workerUrl: new URL("./worker.js", location.href), depth: 8, cache: false });
    const notices = [];
    const states = [];
    o.onNotice((m) => notices.push(m));
    o.onState((s) => states.push(s));
    const result = await o.prove(await demoWitness(8, 4n));
    o.terminate();
    return { notices, states, depth: result.circuit.depth };
  });
  assert(r.notices.includes("Initializing Secure Enclave…"), JSON.stringify(r));
  assert(r.depth === 8 && r.states.includes("initializing") && r.states.includes("proving"), JSON.stringify(r));
});

await check("out of memory: a tiny budget, a restart with twice the budget, then success", async () => {
  const r = await page.evaluate(async () => {
    const o = new Hum({ workerUrl: new URL("./worker.js", location.href), depth: 8, cache: false, memoryBudget: 2.5 * 1048576 });
    const notices = [];
    o.onNotice((m) => notices.push(m));
    await o.startInit();
    const result = await o.prove(await demoWitness(8, 5n));
    o.terminate();
    return { notices, size: result.proof.length };
  });
  assert(r.size > 0 && r.notices.some((n) => n.startsWith("The prover restarted (out of memory")), JSON.stringify(r));
});

await check("the host policy (wit/POLICY.md): every browser scenario of tests/vectors/orchestration.json", async () => {
  results.policy_scenarios = await replayPolicy(page, here, assert);
});

await check("a second page load initialises from the IndexedDB cache", async () => {
  const second = await openPage();
  const r = await second.evaluate(async () => { const i = await hum.startInit(); return { fromCache: i.fromCache, initMs: i.initMs, componentInitMs: i.componentInitMs }; });
  results.cached_init_ms = r.initMs;
  results.cached_init_in_component_ms = r.componentInitMs;
  assert(r.fromCache, JSON.stringify(r));
  await second.close();
});

await memberChecks({ check, assert, page, openPage, here, out });
await interopChecks({ check, assert, page, here });
await setupChecks({ check, assert, page, here });

await check("hum-seal-v1 in Chromium: the committed vectors, browser → Rust, Rust → browser, tampering", async () => {
  const vectors = JSON.parse(readFileSync(join(here, "../../core/vectors/hum-seal-v1.json"), "utf8")).vectors;
  const reproduced = await page.evaluate(async (vectors) => {
    const unhex = (h) => new Uint8Array(h.match(/../g)?.map((b) => parseInt(b, 16)) ?? []);
    const hex = (b) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
    const out = [];
    for (const v of vectors) {
      const envelope = unhex(v.envelope);
      const sealed = await humSeal.seal(unhex(v.recipient_public_key), unhex(v.plaintext), unhex(v.aad),
        { ephemeralSecret: unhex(v.ephemeral_secret_key), ephemeralPublic: envelope.slice(1, 66), nonce: unhex(v.nonce) });
      const key = await humSeal.importSecretKey(unhex(v.recipient_secret_key), unhex(v.recipient_public_key));
      const opened = await humSeal.open(key, unhex(v.recipient_public_key), envelope, unhex(v.aad));
      out.push(hex(sealed) === v.envelope && hex(opened) === v.plaintext);
    }
    return out;
  }, vectors);
  assert(reproduced.length === 3 && reproduced.every(Boolean), JSON.stringify(reproduced));

  // Browser seals to a key made by `hum keypair`; `hum open` opens it.
  const env = { ...process.env, HUM_CACHE_DIR: join(out, "hum-cache") };
  const keyFile = join(out, "tee-key.json");
  const publicKey = execFileSync(humPath(), ["keypair", "--out", keyFile], { env }).toString().trim();
  const envelopeHex = await page.evaluate(async (pub) => {
    const unhex = (h) => new Uint8Array(h.replace(/^0x/, "").match(/../g).map((b) => parseInt(b, 16)));
    const e = await humSeal.seal(unhex(pub), new TextEncoder().encode("proof for the enclave"), new TextEncoder().encode("ctx"));
    return Array.from(e, (x) => x.toString(16).padStart(2, "0")).join("");
  }, publicKey);
  writeFileSync(join(out, "from-browser.env"), Buffer.from(envelopeHex, "hex"));
  execFileSync(humPath(), ["open", "--key", keyFile, "--in", join(out, "from-browser.env"), "--out", join(out, "opened.txt"), "--aad", "ctx"], { env });
  assert(readFileSync(join(out, "opened.txt"), "utf8") === "proof for the enclave", "hum open read the browser's envelope");

  // Rust seals to a key made in the browser; the browser opens it, and rejects tampering.
  const pub = await page.evaluate(async () => {
    globalThis.teeKey = await humSeal.keypair();
    return "0x" + Array.from(teeKey.publicKey, (x) => x.toString(16).padStart(2, "0")).join("");
  });
  writeFileSync(join(out, "plain.txt"), "sealed by rust");
  execFileSync(humPath(), ["seal", "--to", pub, "--in", join(out, "plain.txt"), "--out", join(out, "from-rust.env")], { env });
  const envelope = [...readFileSync(join(out, "from-rust.env"))];
  const r = await page.evaluate(async (bytes) => {
    const e = new Uint8Array(bytes);
    const opened = new TextDecoder().decode(await humSeal.open(teeKey.privateKey, teeKey.publicKey, e));
    const failures = [];
    for (const [name, mutate] of [["flipped", (x) => { x[100] ^= 1; }], ["version", (x) => { x[0] = 2; }], ["truncated", null], ["point", (x) => { x[1] = 2; }]]) {
      const copy = name === "truncated" ? e.slice(0, 50) : new Uint8Array(e);
      if (mutate) mutate(copy);
      try { await humSeal.open(teeKey.privateKey, teeKey.publicKey, copy); failures.push(`${name}: opened`); } catch (err) { failures.push(`${name}: ${err.kind}`); }
    }
    try { await humSeal.open(teeKey.privateKey, teeKey.publicKey, e, new TextEncoder().encode("aad")); failures.push("aad: opened"); } catch (err) { failures.push(`aad: ${err.kind}`); }
    return { opened, failures };
  }, envelope);
  assert(r.opened === "sealed by rust", JSON.stringify(r));
  assert(JSON.stringify(r.failures) === JSON.stringify(["flipped: authentication", "version: version", "truncated: truncated", "point: ephemeral-key", "aad: authentication"]), JSON.stringify(r.failures));
});

const benchProofs = Number(process.env.HUM_BENCH_PROOFS ?? 0);
if (benchProofs > 0) await benchmarkProofs({ check, page, results, n: benchProofs });

await browser.close();
server.close();
console.log(JSON.stringify({ browser: results }));
writeFileSync(join(out, "results.json"), JSON.stringify(results, null, 2));
if (failures) {
  console.log(`${failures} browser check(s) failed`);
  process.exit(1);
}
