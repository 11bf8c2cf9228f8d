// The host policy (wit/POLICY.md) replayed in Chromium: every scenario of
// tests/vectors/orchestration.json that lists `browser`, step by step, on a fresh orchestrator
// whose worker has the test hooks (an armed fault traps the component at its next progress event).
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Replays the browser scenarios on `page`; returns how many ran. */
export async function replayPolicy(page, here, assert) {
  const table = JSON.parse(readFileSync(join(here, "../../tests/vectors/orchestration.json"), "utf8"));
  const mine = table.scenarios.filter((s) => s.hosts.includes("browser"));
  assert(mine.length >= 8, `only ${mine.length} browser scenarios`);
  for (const scenario of mine) {
    const observed = await page.evaluate(async (scenario) => {
      const MiB = 1048576;
      const memory = {
        "ample": {},
        // At depth 20 init asks for 8 MiB (3.75 MiB stay with the keys), a proof for 5 MiB more;
        // a budget that doubles from 5 MiB holds both.
        "init-fits-prove-does-not": { memoryBudget: 8.5 * MiB },
        "init-fits-prove-does-not-limit-fixed": { memoryBudget: 8.5 * MiB, maxMemoryBudget: 8.5 * MiB },
        "init-does-not-fit-once": { memoryBudget: 5 * MiB },
      }[scenario.memory];
      // Every worker the orchestrator makes, to arm the test hook's fault in the current one.
      const spawned = [];
      const Original = globalThis.Worker;
      globalThis.Worker = class extends Original { constructor(...args) { super(...args); spawned.push(this); } };
      const make = (depth) => new Hum({ workerUrl: new URL("./worker.js?test-hooks", location.href), depth, cache: false, ...memory });
      let o = make(scenario.depth);
      let notices = [];
      let states = [];
      const watch = (o) => { o.onNotice((_, kind) => { if (kind !== "initializing") notices.push(kind); }); o.onState((s) => states.push(s)); };
      watch(o);
      const outcome = (promise) => promise.then(() => "ok", (e) => e.code ?? String(e));
      const firstProgress = () => new Promise((resolve) => { const off = o.onProgress(() => { off(); resolve(); }); });
      const steps = [];
      try {
        for (const step of scenario.steps) {
          notices = [];
          states = [];
          let results = [];
          if (step.do === "init") {
            if (step.depth !== undefined) { o.terminate(); o = make(step.depth); watch(o); }
            results = [await outcome(o.startInit())];
          } else if (step.do === "cancel") {
            o.cancel();
          } else {
            const witness = await demoWitness(scenario.depth, 1n);
            const second = step.do === "prove-two" ? await demoWitness(scenario.depth, 2n) : undefined;
            if (step.witness === "wrong-root") witness.root = witness.root.slice(0, -1) + (parseInt(witness.root.slice(-1), 16) ^ 1).toString(16);
            if (step.fault === "trap-at-progress") spawned.at(-1).postMessage({ type: "ARM_FAULT" });
            const progress = firstProgress();
            const pending = [outcome(o.prove(witness))];
            if (step.do === "prove-two") pending.push(outcome(o.prove(second)));
            if (step.cancel_at_progress) { await progress; o.cancel(); }
            results = await Promise.all(pending);
          }
          steps.push({ results, state: o.state, states: [...states], notices: [...notices] });
        }
      } finally {
        o.terminate();
        globalThis.Worker = Original;
      }
      return steps;
    }, scenario);
    scenario.steps.forEach((step, i) => {
      const got = observed[i];
      const at = `${scenario.name} step ${i}: ${JSON.stringify(got)}`;
      const e = step.expect;
      if (e.result !== undefined) assert(got.results.length === 1 && got.results[0] === e.result, at);
      if (e.results !== undefined) assert(JSON.stringify(got.results) === JSON.stringify(e.results), at);
      if (e.state !== undefined) assert(got.state === e.state, at);
      if (e.states !== undefined) assert(JSON.stringify(got.states) === JSON.stringify(e.states), at);
      if (e.notices !== undefined) assert(JSON.stringify(got.notices) === JSON.stringify(e.notices), at);
    });
  }
  return mine.length;
}
