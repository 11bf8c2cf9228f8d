// hum in node through jco: the same transpiled component the browser worker runs (dist/component),
// with preview2-shim's node implementation. Measures at one depth (default 20), for each scheme (KZG
// on the dev SRS file, IPA on the default): first INIT (key generation), INIT from cached keys,
// prove, verify, the component's peak heap and proof size; and the process's peak RSS. Prints one JSON object a metric, as scripts/bench.py reads.
//
//   node scripts/bench-node.mjs [depth] [runs]     (after `npm run build`)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as cli from "@bytecodealliance/preview2-shim/cli";
import * as clocks from "@bytecodealliance/preview2-shim/clocks";
import * as io from "@bytecodealliance/preview2-shim/io";
import * as random from "@bytecodealliance/preview2-shim/random";
import { poseidon2Hash } from "@zkpassport/poseidon2";

const here = new URL("..", import.meta.url).pathname;
const depth = Number(process.argv[2] ?? 20);
const runs = Number(process.argv[3] ?? 5);
const hex = (v) => `0x${v.toString(16).padStart(64, "0")}`;

/** A member of a 4-leaf tree padded to `depth`, hashed with @zkpassport/poseidon2. */
function witness(seed) {
  const secret = seed * 7919n + 12345n;
  const leaves = [poseidon2Hash([11n]), poseidon2Hash([22n]), poseidon2Hash([secret]), poseidon2Hash([44n])];
  const zeros = [0n];
  for (let h = 0; h < depth; h++) zeros.push(poseidon2Hash([zeros[h], zeros[h]]));
  let level = leaves;
  const siblings = [];
  for (let h = 0; h < depth; h++) {
    siblings.push(hex(level[(2 >> h) ^ 1] ?? zeros[h]));
    const next = [];
    for (let j = 0; j < level.length; j += 2) next.push(poseidon2Hash([level[j], level[j + 1] ?? zeros[h]]));
    level = next;
  }
  return { secret: hex(secret), index: 2, siblings, actionId: hex(2026n), messageHash: hex(seed), root: hex(level[0]) };
}

let events = [];
const { instantiate } = await import(join(here, "dist/component/hum_component.js"));
const component = await instantiate((path) => WebAssembly.compile(readFileSync(join(here, "dist/component", path))), {
  "hum:prover/events": { emit: (e) => events.push(e) },
  "wasi:cli/environment": cli.environment, "wasi:cli/exit": cli.exit, "wasi:cli/stderr": cli.stderr,
  "wasi:cli/stdin": cli.stdin, "wasi:cli/stdout": cli.stdout, "wasi:cli/terminal-input": cli.terminalInput,
  "wasi:cli/terminal-output": cli.terminalOutput, "wasi:cli/terminal-stderr": cli.terminalStderr,
  "wasi:cli/terminal-stdin": cli.terminalStdin, "wasi:cli/terminal-stdout": cli.terminalStdout,
  "wasi:clocks/monotonic-clock": clocks.monotonicClock, "wasi:clocks/wall-clock": clocks.wallClock,
  "wasi:io/error": io.error, "wasi:io/poll": io.poll, "wasi:io/streams": io.streams,
  "wasi:random/insecure-seed": random.insecureSeed, "wasi:random/random": random.random,
});
const prover = component.prover;

/** Sends one command; returns [milliseconds, its events]. Throws on an error event. */
function send(command) {
  events = [];
  const started = performance.now();
  prover.handle(command);
  const ms = performance.now() - started;
  const error = events.find((e) => e.tag === "error");
  if (error) throw new Error(`${command.tag}: ${error.val.code}: ${error.val.message}`);
  return [ms, events];
}

const line = (metric, values) => console.log(JSON.stringify({ metric: `node.${metric}`, values }));
// KZG on the dev SRS file (the arithmetic of a ceremony's) keeps the metric names it always had;
// IPA, the default, passes nothing and its metrics are `ipa_…`.
const kzg = new Uint8Array(readFileSync(join(here, `site/srs-insecure-dev-d${depth}.params`)));
for (const [prefix, srs] of [["", kzg], ["ipa_", undefined]]) {
  const [firstInit, initEvents] = send({ tag: "init", val: { depth, srs } });
  const keys = initEvents.find((e) => e.tag === "keys-ready").val.keys;
  const cachedInit = [];
  const prove = [];
  const verify = [];
  let peakHeap = 0;
  let proofBytes = 0;
  for (let i = 0; i < runs; i++) {
    cachedInit.push(send({ tag: "init", val: { depth, srs, cachedKeys: keys } })[0]);
    const [ms, proved] = send({ tag: "prove", val: { witness: witness(BigInt(i + 1)), flavour: "standard" } });
    prove.push(ms);
    const result = proved.find((e) => e.tag === "proof-complete").val;
    peakHeap = Math.max(peakHeap, Number(result.peakMemory));
    proofBytes = result.proof.length;
    // KZG here is the dev SRS, so its verifier opts in to it.
    const policy = { depth, allowInsecureDevSrs: srs !== undefined };
    const request = { proof: result.proof, flavour: "standard", publicInputs: result.publicInputs, claimedCircuit: result.circuit, policy };
    const [vms, verified] = send({ tag: "verify", val: request });
    if (!verified.some((e) => e.tag === "verified" && e.val.valid)) throw new Error(`a ${prefix || "kzg "}proof did not verify`);
    verify.push(vms);
  }
  line(`${prefix}first_init_ms`, [firstInit]);
  line(`${prefix}cached_init_ms`, cachedInit);
  line(`${prefix}prove_ms`, prove);
  line(`${prefix}verify_ms`, verify);
  line(`${prefix}peak_heap_mib`, [peakHeap / 1048576]);
  line(`${prefix}proof_bytes`, [proofBytes]);
}
line("peak_rss_mib", [process.resourceUsage().maxRSS / 1024]);
