// The Conductor on the main thread: a state machine over one prover worker, with a command
// queue (one proof at a time), INIT started early at low priority, cancellation (terminate and
// restart the worker), OOM recovery (restart with twice the memory budget and retry once), a
// key cache in IndexedDB, and witness validation against the committed JSON Schema before
// anything is posted to the worker. A worker that goes silent while a command is outstanding
// (killed, or crashed without an error event) is detected by a watchdog, replaced, and the
// command retried once on the new one.
import Ajv2020 from "ajv/dist/2020.js";
import witnessSchema from "../../../core/witness.schema.json";
import { cacheKey, readKeys, writeKeys } from "./keycache.js";
import { describeUnknownField } from "./protocol.js";
import type {
  CircuitInfo, ErrorCode, ProofResult, PublicInputs, Stage, Verdict, VerifyPolicy, WitnessData, WorkerCommand, WorkerEvent,
} from "./protocol.js";

export type { ProofResult, Verdict, WitnessData };
export type OrchestratorState = "idle" | "initializing" | "ready" | "proving" | "error";

/** An error with the protocol's code (plus host-side `cancelled`). */
export class HumError extends Error {
  constructor(public readonly code: ErrorCode, message: string) {
    super(message);
    this.name = "HumError";
  }
}

export interface OrchestratorOptions {
  /** URL of the bundled worker (dist/worker.js). */
  workerUrl: string | URL;
  /** Tree depth (default 20). */
  depth?: number;
  /** URL of the SRS params file; omit to use the INSECURE dev SRS file beside the worker. */
  srsUrl?: string | URL;
  /** Pinned SHA-256 of the SRS (`sha256:…`). */
  srsHash?: string;
  /** The worker's first heap budget in bytes (default 64 MiB). */
  memoryBudget?: number;
  /** The most an OOM restart may raise it to (default 1 GiB). */
  maxMemoryBudget?: number;
  /** Cache keys in IndexedDB (default true). */
  cache?: boolean;
  /**
   * How long the worker may stay silent while a command is outstanding before it is presumed
   * dead and replaced (default 60 s). A proof reports progress at least every few hundred
   * milliseconds; INIT's key generation is the longest silent stretch.
   */
  stallTimeoutMs?: number;
}

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

/** What a posted command ends with: a worker event, or `LOST` when the worker went silent. */
type Answer = WorkerEvent | { type: "LOST" };
type Waiter = { accept: (e: Answer) => boolean; resolve: (e: Answer) => void; reject: (e: Error) => void };

const VERSION = "0.1.0";
const ajv = new Ajv2020({ allErrors: false, strict: false });
ajv.addFormat("uint64", /^[0-9]+$/);
const validateWitness = ajv.compile(witnessSchema);

/** Checks a witness against core/witness.schema.json; throws `invalid-witness` naming the field. */
export function checkWitness(witness: unknown): asserts witness is WitnessData {
  if (validateWitness(witness)) return;
  const e = validateWitness.errors?.[0];
  const field = e?.instancePath ? e.instancePath.slice(1).replace(/\/(\d+)/g, "[$1]").replace(/\//g, ".") : "";
  const what = e?.keyword === "additionalProperties"
    ? describeUnknownField((e.params as { additionalProperty: string }).additionalProperty)
    : e?.keyword === "required" ? `field \`${(e.params as { missingProperty: string }).missingProperty}\` is missing`
    : e?.keyword === "pattern" ? `\`${field}\` must be 0x + 1..64 hex digits`
    : `\`${field || "witness"}\` ${e?.message ?? "is invalid"}`;
  throw new HumError("invalid-witness", `invalid witness: ${what}`);
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>));
  return Array.from(d, (b) => b.toString(16).padStart(2, "0")).join("");
}

export class ProverOrchestrator {
  private worker?: Worker;
  private waiters: Waiter[] = [];
  private stateValue: OrchestratorState = "idle";
  private stateListeners = new Set<(s: OrchestratorState) => void>();
  private progressListeners = new Set<(p: { percent: number; stage: Stage }) => void>();
  private noticeListeners = new Set<(message: string) => void>();
  private queue: Promise<unknown> = Promise.resolve();
  private initPromise?: Promise<InitInfo>;
  private initialized = false;
  private srs?: { bytes: Uint8Array; hash: string };
  private keys?: Uint8Array;
  private budget: number;
  private generation = 0;
  private lastHeard = 0;
  private watchdog?: ReturnType<typeof setInterval>;
  /** How many commands were posted to the worker (tests use it to show nothing was posted). */
  postedCommands = 0;

  constructor(private readonly options: OrchestratorOptions) {
    this.budget = options.memoryBudget ?? 64 << 20;
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

  /** Subscribes to notices for the user ("Initializing Secure Enclave…", restarts, cache). */
  onNotice(listener: (message: string) => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  private setState(s: OrchestratorState) {
    if (s === this.stateValue) return;
    this.stateValue = s;
    this.stateListeners.forEach((l) => l(s));
  }

  private notice(message: string) {
    this.noticeListeners.forEach((l) => l(message));
  }

  private async spawn(): Promise<void> {
    this.worker?.terminate();
    const generation = ++this.generation;
    const worker = new Worker(this.options.workerUrl, { type: "module" });
    this.worker = worker;
    const loaded = new Promise<void>((resolve, reject) => {
      worker.onerror = (e) => reject(new HumError("internal", `the prover worker failed to start: ${e.message}`));
      worker.onmessage = (m: MessageEvent<WorkerEvent>) => {
        if (m.data.type === "LOADED") resolve();
      };
    });
    await loaded;
    worker.onerror = (e) => this.dispatch(generation, { type: "CRASHED", message: e.message });
    worker.onmessage = (m: MessageEvent<WorkerEvent>) => this.dispatch(generation, m.data);
  }

  private dispatch(generation: number, event: WorkerEvent) {
    if (generation !== this.generation) return; // a terminated worker's late message
    this.lastHeard = performance.now();
    if (event.type === "STATUS" && this.initialized) {
      this.setState(event.status === "error" ? "ready" : event.status);
    }
    if (event.type === "PROGRESS") this.progressListeners.forEach((l) => l({ percent: event.percent, stage: event.stage }));
    const index = this.waiters.findIndex((w) => w.accept(event));
    if (index >= 0) this.waiters.splice(index, 1)[0].resolve(event);
  }

  /**
   * Posts a command and resolves with the first event `accept` takes — or with `LOST` when the
   * worker stays silent for `stallTimeoutMs` (it was killed, or died without an error event).
   */
  private send(command: WorkerCommand, accept: (e: WorkerEvent) => boolean, transfer: Transferable[] = []): Promise<Answer> {
    return new Promise((resolve, reject) => {
      this.waiters.push({ accept: (e) => e.type !== "LOST" && accept(e), resolve, reject });
      this.postedCommands++;
      this.lastHeard = performance.now();
      this.worker!.postMessage(command, transfer);
      this.watch();
    });
  }

  private watch() {
    if (this.watchdog !== undefined) return;
    const limit = this.options.stallTimeoutMs ?? 60_000;
    this.watchdog = setInterval(() => {
      if (this.waiters.length === 0) {
        clearInterval(this.watchdog);
        this.watchdog = undefined;
      } else if (performance.now() - this.lastHeard > limit) {
        this.worker?.terminate();
        this.worker = undefined;
        this.generation++;
        this.initialized = false;
        this.waiters.splice(0).forEach((w) => w.resolve({ type: "LOST" }));
      }
    }, Math.min(1000, Math.max(50, limit / 4)));
  }

  private rejectAll(error: Error) {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((w) => w.reject(error));
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
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
      this.initPromise.catch(() => { this.initPromise = undefined; this.setState("error"); });
    }
    return this.initPromise;
  }

  /** INIT now (or join the one under way). */
  init(): Promise<InitInfo> {
    return this.startInit();
  }

  private async loadSrs(): Promise<{ bytes: Uint8Array; hash: string }> {
    if (this.srs) return this.srs;
    const depth = this.options.depth ?? 20;
    const url = this.options.srsUrl ?? new URL(`srs-insecure-dev-d${depth}.params`, this.options.workerUrl);
    const response = await fetch(url);
    if (!response.ok) throw new HumError("invalid-srs", `cannot fetch the SRS (${response.status})`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const hash = await sha256Hex(bytes);
    if (this.options.srsHash && this.options.srsHash.replace(/^sha256:/, "") !== hash) {
      throw new HumError("invalid-srs", `the SRS hash sha256:${hash} differs from the pinned ${this.options.srsHash}`);
    }
    this.srs = { bytes, hash };
    return this.srs;
  }

  private async runInit(): Promise<InitInfo> {
    const started = performance.now();
    this.setState("initializing");
    const depth = this.options.depth ?? 20;
    // The worker starts (fetching and compiling the component) while the SRS and the cached keys
    // load; a failure there is reported once the SRS is in hand.
    const spawning = this.worker ? undefined : this.spawn().then(() => undefined, (e: unknown) => e);
    let srs: { bytes: Uint8Array; hash: string };
    try {
      srs = await this.loadSrs();
    } catch (e) {
      await spawning;
      throw e;
    }
    const key = cacheKey(depth, srs.hash.slice(0, 16), VERSION);
    if (this.options.cache !== false && !this.keys) {
      const read = await readKeys(key);
      if (read.kind === "hit") this.keys = read.entry.keys;
      if (read.kind === "corrupted") this.notice("A corrupted cached key entry was discarded; generating keys again.");
    }
    const spawnError = await spawning;
    if (spawnError !== undefined) {
      this.worker?.terminate();
      this.worker = undefined;
      this.setState("error");
      throw spawnError;
    }
    if (!this.worker) await this.spawn();
    let ready = await this.sendInit(depth, srs, this.keys);
    if (ready.type === "ERROR" && ready.code === "invalid-key" && this.keys) {
      this.notice("The cached keys were rejected; generating keys again.");
      this.keys = undefined;
      ready = await this.sendInit(depth, srs, undefined);
    }
    if (ready.type !== "KEYS_READY") {
      this.setState("error");
      throw ready.type === "ERROR" ? new HumError(ready.code, ready.message)
        : new HumError("internal", ready.type === "LOST" ? "the prover worker stopped answering during INIT" : "the prover worker crashed during INIT");
    }
    if (!ready.fromCache) {
      this.keys = ready.keys;
      if (this.options.cache !== false) await writeKeys(key, { circuitId: ready.circuit.id, keys: ready.keys }).catch(() => undefined);
    }
    this.initialized = true;
    this.setState("ready");
    return { circuit: ready.circuit, fromCache: ready.fromCache, initMs: performance.now() - started, componentInitMs: ready.initMs };
  }

  private sendInit(depth: number, srs: { bytes: Uint8Array }, cachedKeys?: Uint8Array): Promise<Answer> {
    return this.send({ type: "INIT", depth, srs: srs.bytes, cachedKeys, memoryBudget: this.budget },
      (e) => e.type === "KEYS_READY" || e.type === "ERROR" || e.type === "CRASHED");
  }

  /** Restarts the worker (after cancel, a crash or an OOM) and replays INIT from the keys in hand. */
  private async restart(reason: string): Promise<InitInfo> {
    this.worker?.terminate();
    this.worker = undefined;
    this.generation++;
    this.initialized = false;
    this.notice(`The prover restarted (${reason}).`);
    return this.runInit();
  }

  /** Validates, then proves a witness. Waits for INIT ("Initializing Secure Enclave…"). */
  prove(witness: WitnessData): Promise<ProofResult> {
    try {
      checkWitness(witness);
    } catch (error) {
      return Promise.reject(error);
    }
    if (!this.initialized) {
      this.notice("Initializing Secure Enclave…");
      this.startInit();
    }
    return this.enqueue(async () => {
      await this.initPromise;
      let retried = false;
      let lost = false;
      for (;;) {
        this.setState("proving");
        const event = await this.send({ type: "PROVE", witness },
          (e) => e.type === "PROOF_COMPLETE" || e.type === "ERROR" || e.type === "CRASHED");
        if (event.type === "PROOF_COMPLETE") {
          this.setState("ready");
          return event.result;
        }
        if (event.type === "LOST") {
          // Killed or silently dead: a new worker, INIT replayed from the keys in hand, and the
          // same witness once more.
          if (lost) throw new HumError("internal", "the prover worker stopped answering twice in a row");
          lost = true;
          await this.restart("the worker stopped answering");
          continue;
        }
        const oom = event.type === "CRASHED" || (event.type === "ERROR" && event.code === "out-of-memory");
        const max = this.options.maxMemoryBudget ?? 1 << 30;
        if (oom && !retried && this.budget < max) {
          retried = true;
          this.budget = Math.min(this.budget * 2, max);
          await this.restart(`out of memory; the budget is now ${this.budget >> 20} MiB`);
          continue;
        }
        if (event.type === "CRASHED") await this.restart("it crashed");
        this.setState("ready");
        if (event.type === "ERROR") throw new HumError(event.code, event.message);
        throw new HumError("out-of-memory", event.type === "CRASHED" ? event.message : "the prover stopped");
      }
    });
  }

  /**
   * Verifies a proof inside the worker, with the worker's own keys (the circuit this orchestrator
   * was initialised for) under `expect`. Nothing about the circuit is read from the proof: the
   * depth is yours (default 20, and it must be the depth given at INIT), and proofs on the
   * insecure dev SRS are rejected unless `allowInsecureDevSrs` is set.
   */
  verify(proof: Uint8Array, publicInputs: PublicInputs, expect: VerifyExpectations = {}): Promise<Verdict> {
    return this.verifyCommand({ type: "VERIFY", proof, publicInputs, policy: toPolicy(expect) });
  }

  /** As `verify` for a whole result: the circuit it names must be this orchestrator's too. */
  verifyProof(result: ProofResult, expect: VerifyExpectations = {}): Promise<Verdict> {
    return this.verifyCommand({
      type: "VERIFY", proof: result.proof, publicInputs: result.publicInputs, claimedCircuit: result.circuit, policy: toPolicy(expect),
    });
  }

  private verifyCommand(command: Extract<WorkerCommand, { type: "VERIFY" }>): Promise<Verdict> {
    return this.enqueue(async () => {
      await this.initPromise;
      const answered = (e: WorkerEvent) => e.type === "VERIFIED" || e.type === "ERROR";
      let event = await this.send(command, answered);
      if (event.type === "LOST") {
        await this.restart("the worker stopped answering");
        event = await this.send(command, answered);
      }
      if (event.type === "LOST") throw new HumError("internal", "the prover worker stopped answering twice in a row");
      if (event.type === "ERROR") throw new HumError(event.code, event.message);
      if (event.type !== "VERIFIED") throw new HumError("internal", `unexpected ${event.type} in answer to VERIFY`);
      return event.verdict;
    });
  }

  /** Stops the running command: the worker is terminated and a new one initialised. */
  async cancel(): Promise<void> {
    if (!this.worker) return;
    this.rejectAll(new HumError("cancelled", "cancelled"));
    this.setState("initializing");
    const restarted = this.restart("cancelled");
    this.initPromise = restarted;
    await restarted.catch(() => undefined);
  }

  /** Ends the worker. */
  terminate(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.rejectAll(new HumError("cancelled", "the orchestrator was terminated"));
    this.setState("idle");
  }
}

/** What a verifier accepts; see `ProverOrchestrator.verify`. */
export interface VerifyExpectations {
  /** The tree depth of your group (default 20): it selects the circuit. */
  depth?: number;
  /** The SRS hash the worker's keys must have been made with (`sha256:` + 64 hex digits). */
  srsHash?: string;
  /** Accept proofs on the insecure dev SRS, whose toxic waste is public (development only). */
  allowInsecureDevSrs?: boolean;
  /** The root the proof must have (0x-hex): one you published for your group. */
  root?: string;
  /** The action id the proof must be for (0x-hex). */
  actionId?: string;
}

function toPolicy(expect: VerifyExpectations): VerifyPolicy {
  return {
    depth: expect.depth ?? 20, srsHash: expect.srsHash, allowInsecureDevSrs: expect.allowInsecureDevSrs ?? false,
    root: expect.root, actionId: expect.actionId,
  };
}

/** The proof JSON of SPEC §7, as `hum verify` reads it. */
export function toProofJson(result: ProofResult): string {
  const hex = Array.from(result.proof, (b) => b.toString(16).padStart(2, "0")).join("");
  const p = result.publicInputs;
  return JSON.stringify({
    proof: `0x${hex}`,
    public_inputs: { root: p.root, action_id: p.actionId, message_hash: p.messageHash, nullifier: p.nullifier },
    circuit: { id: result.circuit.id, depth: result.circuit.depth, k: result.circuit.k, srs: result.circuit.srs, insecure_dev_srs: result.circuit.insecureDevSrs },
  }, null, 2);
}
