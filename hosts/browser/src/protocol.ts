// The typed messages between the orchestrator (main thread) and the worker: the seed's
// WorkerCommand / WorkerEvent, extended as the WIT is (verify, keys, progress stage, error codes).
import type { CircuitInfo, ErrorCode, ProofResult, PublicInputs, Stage, State } from "./generated/hum-prover-types.js";

export type { CircuitInfo, ErrorCode, ProofResult, PublicInputs, Stage, State };

/** The witness as JSON carries it (SPEC §7; core/witness.schema.json). */
export interface WitnessData {
  secret: string;
  index: number;
  siblings: string[];
  action_id: string;
  message_hash: string;
  root?: string;
}

export type WorkerCommand =
  | { type: "INIT"; depth: number; k?: number; srs?: Uint8Array; srsHash?: string; cachedKeys?: Uint8Array; memoryBudget?: number }
  | { type: "PROVE"; witness: WitnessData }
  | { type: "VERIFY"; proof: Uint8Array; publicInputs: PublicInputs };

export type WorkerEvent =
  | { type: "LOADED" }
  | { type: "STATUS"; status: State; circuitId?: string; insecureDevSrs: boolean }
  | { type: "PROGRESS"; percent: number; stage: Stage }
  | { type: "PROOF_COMPLETE"; result: ProofResult }
  | { type: "KEYS_READY"; circuit: CircuitInfo; keys: Uint8Array; fromCache: boolean; initMs: number }
  | { type: "VERIFIED"; valid: boolean }
  | { type: "ERROR"; code: ErrorCode; message: string }
  | { type: "CRASHED"; message: string };
