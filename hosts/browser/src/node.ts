// @hum-prover/hum in Node (20 or later): the same API as in the browser, the component in a
// worker_threads thread. The process is kept alive only while a command is outstanding.
import { Worker } from "node:worker_threads";
import { Hum as HumOn } from "./hum.js";
import type { WorkerLike } from "./link.js";
import type { OrchestratorOptions } from "./orchestrator.js";
import type { WorkerCommand, WorkerEvent, WorkerSetup } from "./protocol.js";

export * from "./hum.js";

/** A worker_threads Worker seen as the little of a Web Worker the orchestrator uses. */
class NodeWorker implements WorkerLike {
  onmessage: WorkerLike["onmessage"] = null;
  onerror: WorkerLike["onerror"] = null;
  readonly #worker: Worker;
  #terminated = false;

  constructor(url: string | URL) {
    this.#worker = new Worker(url);
    this.#worker.on("message", (data: WorkerEvent) => {
      if (data.type !== "EVENT") this.#worker.unref();
      this.onmessage?.({ data });
    });
    this.#worker.on("error", (error) => this.onerror?.({ message: String(error) }));
    this.#worker.on("exit", (code) => {
      if (!this.#terminated) this.onerror?.({ message: `the prover worker exited with code ${code}` });
    });
  }

  postMessage(message: WorkerCommand | WorkerSetup): void {
    this.#worker.ref();
    this.#worker.postMessage(message);
  }

  terminate(): void {
    this.#terminated = true;
    void this.#worker.terminate();
  }
}

const nodeWorker = (url?: string | URL): WorkerLike => new NodeWorker(url ?? new URL("./node-worker.js", import.meta.url));

/** hum for an app, in Node: see `Hum` in hum.ts. */
export class Hum extends HumOn {
  constructor(options: OrchestratorOptions = {}) {
    super(options, nodeWorker);
  }
}
