// The typed messages between the orchestrator (main thread) and the worker. Events are the
// jco-generated WIT `Event`, forwarded as they are; nothing here re-spells the protocol.
import type {
  CircuitInfo, Command, ErrorCode, Event, Flavour, GroupInfo, IdentityInfo, InitOptions, ProofResult, PublicInputs, Scheme, Stage,
  State, Verdict, VerifyPolicy, VerifyRequest,
} from "./generated/hum-prover-types.js";

export type {
  CircuitInfo, ErrorCode, Event, Flavour, GroupInfo, IdentityInfo, ProofResult, PublicInputs, Scheme, Stage, State, Verdict,
  VerifyPolicy, VerifyRequest,
};

/** The flavours, as the WIT names them: `standard` (verifiers off chain) and `evm` (a contract). */
export const FLAVOURS: readonly Flavour[] = ["standard", "evm"];

/** The WIT commands the worker passes to the component as they are (identities and groups). */
export type MemberCommand = Extract<Command, { tag: "identity" | "group" | "prove-member" | "hash-to-field" }>;

/** The witness as JSON carries it (docs/formats.md; core/witness.schema.json). */
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

/** Main thread → worker: a WIT command's parts (the worker checks a witness's shape and builds
 * the WIT record), or the test hook that arms a fault (honoured only by a worker started with
 * `?test-hooks`). */
export type WorkerCommand =
  | { type: "INIT"; options: Omit<InitOptions, "memoryBudget"> & { memoryBudget?: number } }
  | { type: "PROVE"; witness: WitnessData; flavour: Flavour }
  | { type: "VERIFY"; request: VerifyRequest }
  | { type: "MEMBER"; command: MemberCommand }
  | { type: "ARM_FAULT" };

/** Main thread → worker, first: load the component (from `componentUrl`, a folder, when the app
 * hosts its files elsewhere; by default from the package, beside the worker). */
export type WorkerSetup = { type: "LOAD"; componentUrl?: string };

/** Worker → main thread: the generated WIT `Event` as it is, or what happened to the worker. */
export type WorkerEvent =
  | { type: "LOADED" }
  | { type: "LOAD_FAILED"; message: string }
  | { type: "EVENT"; event: Event }
  /** The command has run to completion: every one of its events was posted before this. */
  | { type: "DONE" }
  | { type: "CRASHED"; outOfMemory: boolean; message: string };
