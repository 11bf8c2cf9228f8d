// The Conductor on the main thread: a state machine over one prover worker that follows the host
// policy of wit/POLICY.md (replayed from tests/vectors/orchestration.json by the Chromium tests):
// a command queue (one command at a time), INIT started early at low priority, cancel (the
// running command only: terminate and restart the worker; idle: nothing), out-of-memory recovery
// (twice the budget and one retry, for INIT and PROVE), a crash that is not out-of-memory
// (restart, fail `internal`, no retry), a key cache in IndexedDB (the component regenerates keys
// it rejects; the entry is replaced), and a watchdog for a worker that goes silent.
import { version } from "../package.json";
import { cacheKey, readKeys, writeKeys } from "./keycache.js";
import {
  type CircuitInfo, type Event, type Flavour, type ProofResult, type PublicInputs, type Scheme, type Stage, type Verdict,
  type WitnessData, type WorkerCommand,
} from "./protocol.js";
import { type Answer, failure, outOfMemory, type WorkerFactory, WorkerLink } from "./link.js";
import { fetchSrs } from "./srs.js";
import { checkFlavour, chosenScheme, type OrchestratorOptions, type ProveOptions } from "./options.js";
import { checkWitness, HumError, toPolicy, type VerifyExpectations } from "./witness.js";

export { checkWitness, fromProofJson, HumError, toProofJson, uint256PublicInputs, type VerifyExpectations } from "./witness.js";
export type { Flavour, ProofResult, Scheme, Verdict, WitnessData };
export { checkFlavour, type OrchestratorOptions, type ProveOptions } from "./options.js";

export type OrchestratorState = "idle" | "initializing" | "ready" | "proving" | "error";
/** A machine-readable notice: the instance was restarted (and why), or a cache entry replaced. */
export type NoticeKind = "initializing" | "restarted:cancelled" | "restarted:out-of-memory" | "restarted:trap" | "restarted:lost" | "cache-entry-discarded";

export interface InitInfo {
  circuit: CircuitInfo;
  fromCache: boolean;
  /** Wall-clock milliseconds from the start of INIT to ready, SRS fetch, key cache and (the first
   * time) starting the worker and compiling the component included. */
  initMs: number;
  /** Milliseconds the INIT command itself took inside the component (key generation, or loading
   * and checking the cached keys). */
  componentInitMs: number;
}


export const answers = (...tags: Event["tag"][]) => (e: Event) => tags.includes(e.tag);

export class ProverOrchestrator {
  protected readonly link: WorkerLink;
  private stateValue: OrchestratorState = "idle";
  private stateListeners = new Set<(s: OrchestratorState) => void>();
  private progressListeners = new Set<(p: { percent: number; stage: Stage }) => void>();
  private noticeListeners = new Set<(message: string, kind: NoticeKind) => void>();
  private queue: Promise<unknown> = Promise.resolve();
  protected initPromise?: Promise<InitInfo>;
  private initialized = false;
  private replaying = false;
  /** The SRS fetched from `srsUrl`; `null` for the dev SRS the component derives. */
  private srs?: { bytes: Uint8Array; hash: string } | null;
  private keys?: Uint8Array;
  private budget: number;
  /** Commands queued or running, and a cancel aimed at the running task before it posts. */
  private tasks = 0;
  private running = false;
  private cancelRunning = false;
  private cancelNext = false;
  constructor(protected readonly options: OrchestratorOptions, createWorker: WorkerFactory) {
    this.budget = options.memoryBudget ?? 64 << 20;
    const create = () => createWorker(options.workerUrl);
    this.link = new WorkerLink(create, options.componentUrl, options.stallTimeoutMs ?? 60_000, (event) => {
      // The component's own states (error, then ready) are the host's; a replayed INIT is quiet.
      if (event.tag === "status" && !this.replaying) this.setState(event.val.state);
      if (event.tag === "progress") this.progressListeners.forEach((l) => l({ percent: event.val.percent, stage: event.val.stage }));
    });
  }

  /** How many commands were posted to the worker (tests use it to show nothing was posted). */
  get postedCommands(): number {
    return this.link.posted;
  }

  get state(): OrchestratorState {
    return this.stateValue;
  }

  /** Subscribes to state changes; returns the unsubscribe function. */
  onState(listener: (s: OrchestratorState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Subscribes to proof progress (monotonic within a proof, ≥ 10 steps, 100 at the end). */
  onProgress(listener: (p: { percent: number; stage: Stage }) => void): () => void {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  }

  /** Subscribes to notices for the user ("Initializing Secure Enclave…", restarts, cache), each
   * with its machine-readable kind. */
  onNotice(listener: (message: string, kind: NoticeKind) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  private setState(s: OrchestratorState) {
    if (s === this.stateValue) return;
    this.stateValue = s;
    this.stateListeners.forEach((l) => l(s));
  }

  private notice(message: string, kind: NoticeKind) {
    this.noticeListeners.forEach((l) => l(message, kind));
  }

  /** Posts a command, unless `cancel()` was aimed at the running task before it posted. */
  protected send(command: WorkerCommand, accept: (e: Event) => boolean): Promise<Answer> {
    if (this.cancelRunning) {
      this.cancelRunning = false;
      return Promise.resolve({ tag: "cancelled" });
    }
    return this.link.send(command, accept);
  }

  protected discardWorker() {
    this.link.discard();
    this.initialized = false;
  }

  /** Runs tasks one at a time, in order; a task `cancel()` aimed at before it started ends `cancelled`. */
  protected enqueue<T>(task: () => Promise<T>): Promise<T> {
    this.tasks++;
    const run = async () => {
      this.running = true;
      try {
        if (this.cancelNext) {
          this.cancelNext = false;
          throw new HumError("cancelled", "cancelled before it started");
        }
        return await task();
      } finally {
        this.running = false;
        this.cancelRunning = false;
        this.tasks--;
      }
    };
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** Starts INIT at low priority (when the browser is idle); `prove` waits for it. */
  startInit(): Promise<InitInfo> {
    if (!this.initPromise) {
      this.setState("initializing");
      // Queued first, so a prove() asked for meanwhile runs after it; the work itself waits
      // for an idle moment of the main thread (low priority).
      this.initPromise = this.enqueue(async () => {
        await new Promise<void>((resolve) => {
          const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void }).requestIdleCallback;
          if (idle) idle(() => resolve(), { timeout: 500 });
          else setTimeout(resolve, 0);
        });
        return this.runInit();
      });
      this.initPromise.catch(() => {
        this.initPromise = undefined;
        this.setState(this.stateValue === "initializing" ? "error" : this.stateValue);
      });
    }
    return this.initPromise;
  }

  /** INIT now (or join the one under way). */
  init(): Promise<InitInfo> {
    return this.startInit();
  }

  private async loadSrs(): Promise<{ bytes: Uint8Array; hash: string } | null> {
    if (this.srs === undefined) this.srs = this.options.srsUrl === undefined ? null : await fetchSrs(this.options.srsUrl, this.options.srsHash);
    return this.srs;
  }

  private get caching(): boolean {
    return this.options.cache ?? typeof indexedDB !== "undefined";
  }

  private async runInit(): Promise<InitInfo> {
    const started = performance.now();
    const depth = this.options.depth ?? 20;
    if (!Number.isInteger(depth) || depth < 1 || depth > 32) {
      this.setState("error");
      throw new HumError("invalid-argument", `unsupported depth ${depth}: depths 1..=32 are supported`);
    }
    let scheme: Scheme;
    try {
      scheme = chosenScheme(this.options);
    } catch (e) {
      this.setState("error");
      throw e;
    }
    this.setState("initializing");
    // The worker starts (fetching and compiling the component) while the SRS and the cached keys
    // load; a failure there is reported once the SRS is in hand.
    const spawning = this.link.alive ? undefined : this.link.spawn().then(() => undefined, (e: unknown) => e);
    let srs: { bytes: Uint8Array; hash: string } | null;
    try {
      srs = await this.loadSrs();
    } catch (e) {
      await spawning;
      this.setState("error");
      throw e;
    }
    const key = cacheKey(depth, srs ? srs.hash.slice(0, 16) : scheme === "ipa" ? "transparent-ipa" : "insecure-dev", version);
    if (this.caching && !this.keys) {
      const read = await readKeys(key);
      if (read.kind === "hit") this.keys = read.entry.keys;
      if (read.kind === "corrupted") this.notice("A corrupted cached key entry was discarded; generating keys again.", "cache-entry-discarded");
    }
    const spawnError = await spawning;
    if (spawnError !== undefined) {
      this.discardWorker();
      this.setState("error");
      throw spawnError;
    }
    let retried = false;
    for (;;) {
      if (!this.link.alive) await this.link.spawn();
      const options = { depth, scheme, srs: srs?.bytes, cachedKeys: this.keys, memoryBudget: this.budget };
      const command: WorkerCommand = { type: "INIT", options };
      const ready = await this.send(command, answers("keys-ready", "error"));
      if (ready.tag === "keys-ready") {
        if (ready.val.cachedKeysRejected !== undefined) {
          this.notice(`The cached keys were rejected (${ready.val.cachedKeysRejected}); new keys replace them.`, "cache-entry-discarded");
        }
        if (!ready.val.fromCache) {
          this.keys = ready.val.keys;
          if (this.caching) await writeKeys(key, { circuitId: ready.val.circuit.id, keys: ready.val.keys }).catch(() => undefined);
        }
        this.initialized = true;
        this.setState("ready");
        return { circuit: ready.val.circuit, fromCache: ready.val.fromCache, initMs: performance.now() - started, componentInitMs: Number(ready.val.initMs) };
      }
      if (!retried && outOfMemory(ready) && this.growBudget()) {
        retried = true;
        this.discardWorker();
        this.notice(`The prover restarted (out of memory; the budget is now ${this.budget >> 20} MiB).`, "restarted:out-of-memory");
        continue;
      }
      if (ready.tag !== "error") this.discardWorker();
      this.setState(ready.tag === "cancelled" ? "idle" : "error");
      throw failure(ready, "INIT");
    }
  }

  /** Doubles the budget up to the maximum; false when it cannot grow. */
  private growBudget(): boolean {
    const max = this.options.maxMemoryBudget ?? 1 << 30;
    if (this.budget >= max) return false;
    this.budget = Math.min(this.budget * 2, max);
    return true;
  }

  /** Replaces the worker (after a cancel, a crash, an out-of-memory or a loss) and replays INIT
   * quietly from the keys in hand. */
  private async restart(message: string, kind: NoticeKind): Promise<void> {
    this.discardWorker();
    this.replaying = true;
    try {
      await this.runInit();
    } finally {
      this.replaying = false;
    }
    this.notice(`The prover restarted (${message}).`, kind);
    this.setState("ready");
  }

  /**
   * Runs a command under the host policy: out-of-memory → twice the budget, a new worker and one
   * retry; lost → a new worker and one retry; a crash → a new worker, `internal`, no retry;
   * cancelled → a new worker, `cancelled`.
   */
  protected async recovering(command: WorkerCommand, accept: (e: Event) => boolean, name: string): Promise<Event> {
    await this.initPromise;
    let retried = false;
    for (;;) {
      const answer = await this.send(command, accept);
      if (answer.tag === "cancelled") {
        await this.restart("cancelled", "restarted:cancelled");
        throw failure(answer, name);
      }
      if (outOfMemory(answer)) {
        if (!retried && this.growBudget()) {
          retried = true;
          await this.restart(`out of memory; the budget is now ${this.budget >> 20} MiB`, "restarted:out-of-memory");
          continue;
        }
        // A refusal leaves the instance usable; a trapped one is replaced.
        if (answer.tag === "crashed") await this.restart("out of memory", "restarted:out-of-memory");
        throw failure(answer, name);
      }
      if (answer.tag === "lost") {
        const again = retried;
        retried = true;
        await this.restart(again ? "the worker stopped answering again" : "the worker stopped answering", "restarted:lost");
        if (again) throw failure(answer, name);
        continue;
      }
      if (answer.tag === "crashed") {
        await this.restart("it crashed", "restarted:trap");
        throw failure(answer, name);
      }
      if (answer.tag === "error") throw failure(answer, name);
      return answer;
    }
  }

  /** Validates, then proves a witness (in `options.flavour`, default `"standard"`). Waits for
   * INIT ("Initializing Secure Enclave…"). */
  prove(witness: WitnessData, options: ProveOptions = {}): Promise<ProofResult> {
    let flavour: Flavour;
    try {
      checkWitness(witness);
      flavour = checkFlavour(options);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.proveCommand({ type: "PROVE", witness, flavour });
  }

  protected proveCommand(command: WorkerCommand): Promise<ProofResult> {
    if (!this.initialized) this.notice("Initializing Secure Enclave…", "initializing");
    const init = this.initFirst();
    return this.enqueue(async () => {
      // Queued behind it, so settled by now: an INIT that failed is this proof's error too.
      if (init) await init;
      const event = await this.recovering(command, answers("proof-complete", "error"), "PROVE");
      if (event.tag !== "proof-complete") throw new HumError("internal", `unexpected ${event.tag} in answer to PROVE`);
      return event.val;
    });
  }

  /**
   * Verifies a proof inside the worker, with the worker's own keys (the circuit this orchestrator
   * was initialised for) under `expect`. Nothing about the circuit is read from the proof: the
   * depth is yours (default 20, and it must be the depth given at INIT), and proofs on the
   * insecure dev SRS are rejected unless `allowInsecureDevSrs` is set. `flavour` says how the
   * bytes are written (a proof verifies only in its own). Waits for INIT, starting it if needed.
   */
  verify(proof: Uint8Array, publicInputs: PublicInputs, expect: VerifyExpectations = {}, flavour: Flavour = "standard"): Promise<Verdict> {
    try {
      checkFlavour({ flavour });
    } catch (error) {
      return Promise.reject(error);
    }
    return this.verifyCommand({ proof, flavour, publicInputs, policy: toPolicy(expect) });
  }

  /** As `verify` for a whole result: the circuit it names must be this orchestrator's too. */
  verifyProof(result: ProofResult, expect: VerifyExpectations = {}): Promise<Verdict> {
    const { proof, flavour, publicInputs, circuit } = result;
    return this.verifyCommand({ proof, flavour, publicInputs, claimedCircuit: circuit, policy: toPolicy(expect) });
  }

  /** INIT, started when none has succeeded yet: a proof or a verification asked for first
   * waits for it (wit/POLICY.md), and an INIT that fails is that command's error too. */
  private initFirst(): Promise<InitInfo> | undefined {
    return this.initialized ? undefined : this.startInit();
  }

  private verifyCommand(request: Extract<WorkerCommand, { type: "VERIFY" }>["request"]): Promise<Verdict> {
    const init = this.initFirst();
    return this.enqueue(async () => {
      if (init) await init;
      const event = await this.recovering({ type: "VERIFY", request }, answers("verified", "error"), "VERIFY");
      if (event.tag !== "verified") throw new HumError("internal", `unexpected ${event.tag} in answer to VERIFY`);
      return event.val;
    });
  }

  /**
   * Stops the oldest unfinished command (wit/POLICY.md): the running one — its worker is
   * terminated and a new one initialised from the keys in hand — or, when none runs, the next to
   * run. Commands queued after it run as usual. With nothing queued or running it does nothing.
   */
  cancel(): void {
    if (this.link.busy) {
      this.discardWorker();
      this.link.settle({ tag: "cancelled" });
    } else if (this.running) {
      this.cancelRunning = true;
    } else if (this.tasks > 0) {
      this.cancelNext = true;
    }
  }

  /** Ends the worker. */
  terminate(): void {
    this.discardWorker();
    this.link.settle({ tag: "cancelled" });
    this.setState("idle");
  }
}
