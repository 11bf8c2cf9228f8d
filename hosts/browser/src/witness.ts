// What the orchestrator checks and converts on the main thread, before anything is posted: the
// witness against the committed JSON Schema, verify expectations into the WIT policy, and a
// result into the proof JSON of docs/formats.md.
import Ajv2020 from "ajv/dist/2020.js";
import witnessSchema from "../../../core/witness.schema.json";
import { describeUnknownField } from "./protocol.js";
import type { ErrorCode, ProofResult, VerifyPolicy, WitnessData } from "./protocol.js";

/** An error with the protocol's code (plus host-side `cancelled`). */
export class HumError extends Error {
  constructor(public readonly code: ErrorCode, message: string) {
    super(message);
    this.name = "HumError";
  }
}

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

export function toPolicy(expect: VerifyExpectations): VerifyPolicy {
  return {
    depth: expect.depth ?? 20, srsHash: expect.srsHash, allowInsecureDevSrs: expect.allowInsecureDevSrs ?? false,
    root: expect.root, actionId: expect.actionId,
  };
}

/** The public inputs as a contract takes them: decimal uint256 in instance order. */
export function uint256PublicInputs(result: ProofResult): [string, string, string, string] {
  const p = result.publicInputs;
  return [p.root, p.actionId, p.messageHash, p.nullifier].map((h) => BigInt(h).toString()) as [string, string, string, string];
}

/** The proof JSON of docs/formats.md, as `hum verify` and `hum calldata` read it. */
export function toProofJson(result: ProofResult): string {
  const hex = Array.from(result.proof, (b) => b.toString(16).padStart(2, "0")).join("");
  const p = result.publicInputs;
  return JSON.stringify({
    proof: `0x${hex}`,
    flavour: result.flavour,
    public_inputs: { root: p.root, action_id: p.actionId, message_hash: p.messageHash, nullifier: p.nullifier },
    ...(result.flavour === "evm" ? { uint256_public_inputs: uint256PublicInputs(result) } : {}),
    circuit: {
      id: result.circuit.id, depth: result.circuit.depth, k: result.circuit.k, scheme: result.circuit.scheme, srs: result.circuit.srs,
      insecure_dev_srs: result.circuit.insecureDevSrs,
    },
  }, null, 2);
}
