// The orchestrator's link to one prover worker at a time: starting it, posting a command and
// waiting for its answer, the watchdog for a worker that goes silent, and discarding a worker
// (its late messages are ignored).
import type { Event, WorkerCommand, WorkerEvent, WorkerSetup } from "./protocol.js";
import { HumError } from "./witness.js";

/** The little of a Worker the link uses: a browser `Worker`, or the Node adapter of node.ts. */
export interface WorkerLike {
  onmessage: ((message: { data: WorkerEvent }) => void) | null;
  onerror: ((error: { message: string }) => void) | null;
  postMessage(message: WorkerCommand | WorkerSetup): void;
  terminate(): void;
}

/** Makes a worker: the package's own (`undefined`), or the one at `url` (the app's `workerUrl`). */
export type WorkerFactory = (url?: string | URL) => WorkerLike;

/** What a posted command ends with: its answering WIT event, a crash, or the host's own verdicts. */
export type Answer = Event | { tag: "crashed"; outOfMemory: boolean; message: string } | { tag: "lost" } | { tag: "cancelled" };
type Waiter = { accept: (e: Event) => boolean; resolve: (a: Answer) => void; answer?: Event };

export class WorkerLink {
  private worker?: WorkerLike;
  private waiter?: Waiter;
  private generation = 0;
  private lastHeard = 0;
  private watchdog?: ReturnType<typeof setInterval>;
  /** How many commands were posted. */
  posted = 0;

  /** `onEvent` sees every event of the current worker, before the waiter does. */
  constructor(
    private readonly create: () => WorkerLike,
    private readonly componentUrl: string | URL | undefined,
    private readonly stallTimeoutMs: number,
    private readonly onEvent: (e: Event) => void,
  ) {}

  /** True while a worker is running. */
  get alive(): boolean {
    return this.worker !== undefined;
  }

  /** True while a posted command waits for its answer. */
  get busy(): boolean {
    return this.waiter !== undefined;
  }

  /** Starts a new worker (ending the old one) and waits until it has loaded the component. */
  async spawn(): Promise<void> {
    this.discard();
    const generation = this.generation;
    const worker = this.create();
    this.worker = worker;
    await new Promise<void>((resolve, reject) => {
      worker.onerror = (e) => reject(new HumError("internal", `the prover worker failed to start: ${e.message}`));
      worker.onmessage = (m) => {
        if (m.data.type === "LOADED") resolve();
        if (m.data.type === "LOAD_FAILED") reject(new HumError("internal", `the prover component failed to load: ${m.data.message}`));
      };
      worker.postMessage({ type: "LOAD", componentUrl: this.componentUrl?.toString() });
    });
    worker.onerror = (e) => this.dispatch(generation, { type: "CRASHED", outOfMemory: false, message: e.message });
    worker.onmessage = (m) => this.dispatch(generation, m.data);
  }

  private dispatch(generation: number, message: WorkerEvent) {
    if (generation !== this.generation) return; // a discarded worker's late message
    this.lastHeard = performance.now();
    if (message.type === "CRASHED") return this.settle({ tag: "crashed", outOfMemory: message.outOfMemory, message: message.message });
    if (message.type === "DONE") {
      // The command ran to completion (its final status events included): now it is answered.
      const answer = this.waiter?.answer;
      return this.settle(answer ?? { tag: "error", val: { code: "internal", message: "the prover broke the protocol: a command ended without its answer" } });
    }
    if (message.type !== "EVENT") return;
    this.onEvent(message.event);
    if (this.waiter && !this.waiter.answer && this.waiter.accept(message.event)) this.waiter.answer = message.event;
  }

  /** Answers the waiting command (if any) with `answer`. */
  settle(answer: Answer) {
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.resolve(answer);
  }

  /**
   * Posts a command and resolves, once the command has run to completion, with the event `accept`
   * took — or a crash, or `lost` when the worker stays silent for the stall timeout.
   */
  send(command: WorkerCommand, accept: (e: Event) => boolean): Promise<Answer> {
    return new Promise((resolve) => {
      this.waiter = { accept, resolve };
      this.posted++;
      this.lastHeard = performance.now();
      this.worker!.postMessage(command);
      this.watch();
    });
  }

  private watch() {
    if (this.watchdog !== undefined) return;
    this.watchdog = setInterval(() => {
      if (!this.waiter) {
        clearInterval(this.watchdog);
        this.watchdog = undefined;
      } else if (performance.now() - this.lastHeard > this.stallTimeoutMs) {
        this.discard();
        this.settle({ tag: "lost" });
      }
    }, Math.min(1000, Math.max(50, this.stallTimeoutMs / 4)));
    // In Node, the watchdog alone must not keep the process alive.
    (this.watchdog as { unref?: () => void }).unref?.();
  }

  /** Terminates the worker; nothing it sends afterwards is seen. */
  discard() {
    this.worker?.terminate();
    this.worker = undefined;
    this.generation++;
  }
}

/** True when a command ran out of memory: refused by the budget, or trapped allocating. */
export function outOfMemory(answer: Answer): boolean {
  return (answer.tag === "error" && answer.val.code === "out-of-memory") || (answer.tag === "crashed" && answer.outOfMemory);
}

/** The error a failed answer to `command` is reported as. */
export function failure(answer: Answer, command: string): HumError {
  switch (answer.tag) {
    case "error": return new HumError(answer.val.code, answer.val.message);
    case "cancelled": return new HumError("cancelled", "cancelled");
    case "lost": return new HumError("internal", `the prover worker stopped answering during ${command}`);
    case "crashed": return answer.outOfMemory ? new HumError("out-of-memory", answer.message) : new HumError("internal", `the prover instance trapped: ${answer.message}`);
    default: return new HumError("internal", `unexpected ${answer.tag} in answer to ${command}`);
  }
}
