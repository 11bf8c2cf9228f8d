// @hum-prover/hum in the browser: the prover component in a module Web Worker (never on the
// page's main thread), and `Hum`, the orchestrator an app talks to. Importing this module starts
// nothing: the worker and the component load on the first command (safe in server-side rendering).
import { Hum as HumOn } from "./hum.js";
import type { WorkerLike } from "./link.js";
import type { OrchestratorOptions } from "./orchestrator.js";

export * from "./hum.js";

/** The package's worker, written as the literal `new Worker(new URL(…, import.meta.url))` that
 * bundlers recognise (they emit worker.js and its component files with the app), or the app's. */
function browserWorker(url?: string | URL): WorkerLike {
  const worker = url === undefined
    ? new Worker(new URL("./worker.js", import.meta.url), { type: "module" })
    : new Worker(url, { type: "module" });
  return worker as unknown as WorkerLike;
}

/** hum for an app, in the browser: see `Hum` in hum.ts. */
export class Hum extends HumOn {
  constructor(options: OrchestratorOptions = {}) {
    super(options, browserWorker);
  }
}
