// The typed messages between the orchestrator (main thread) and the worker: the seed's
// WorkerCommand / WorkerEvent, extended as the WIT is (verify, keys, progress stage, error codes).
import type {
  CircuitInfo, ErrorCode, ProofResult, PublicInputs, Stage, State, Verdict, VerifyPolicy,
} from "./generated/hum-prover-types.js";

export type { CircuitInfo, ErrorCode, ProofResult, PublicInputs, Stage, State, Verdict, VerifyPolicy };

/** The witness as JSON carries it (SPEC §7; core/witness.schema.json). */
export interface WitnessData {
  secret: string;
  index: number;
  siblings: string[];
  action_id: string;
  message_hash: string;
  root?: string;
}

/**
 * "unknown field `name`" — or, when the key does not look like a field name (a letter or `_`,
 * then up to 31 letters, digits or `_`), a message that does not repeat it: a pasted value such
 * as the secret is never echoed. hum-core's `Error::unknown_field` says the same.
 */
export function describeUnknownField(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]{0,31}$/.test(name)
    ? `unknown field \`${name}\``
    : "an unknown field (its name is not repeated: it does not look like a field name)";
}

export type WorkerCommand =
  | { type: "INIT"; depth: number; k?: number; srs?: Uint8Array; srsHash?: string; cachedKeys?: Uint8Array; memoryBudget?: number }
  | { type: "PROVE"; witness: WitnessData }
  | { type: "VERIFY"; proof: Uint8Array; publicInputs: PublicInputs; claimedCircuit?: CircuitInfo; policy: VerifyPolicy };

export type WorkerEvent =
  | { type: "LOADED" }
  | { type: "STATUS"; status: State; circuitId?: string; insecureDevSrs: boolean }
  | { type: "PROGRESS"; percent: number; stage: Stage }
  | { type: "PROOF_COMPLETE"; result: ProofResult }
  | { type: "KEYS_READY"; circuit: CircuitInfo; keys: Uint8Array; fromCache: boolean; initMs: number }
  | { type: "VERIFIED"; verdict: Verdict }
  | { type: "ERROR"; code: ErrorCode; message: string }
  | { type: "CRASHED"; message: string };
