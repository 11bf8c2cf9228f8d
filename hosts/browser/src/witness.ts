// What the orchestrator checks and converts on the main thread, before anything is posted: the
// witness against the committed JSON Schema, verify expectations into the WIT policy, and a
// result to and from the proof JSON of docs/formats.md.
import Ajv2020 from "ajv/dist/2020.js";
import witnessSchema from "../../../core/witness.schema.json";
import { describeUnknownField, FLAVOURS } from "./protocol.js";
import type { ErrorCode, Flavour, ProofResult, Scheme, VerifyPolicy, WitnessData } from "./protocol.js";

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

/**
 * A proof file (the proof JSON of docs/formats.md: what `toProofJson`, `hum prove`, the C ABI and
 * hum-core write) as a `ProofResult`, for `verifyProof`. The circuit it names is only compared with
 * the verifier's; nothing in it chooses what is accepted. A malformed file is `invalid-proof`
 * naming the field. A file has no timings: `proveMs` and `peakMemory` are 0.
 */
export function fromProofJson(json: string | object): ProofResult {
  const bad = (what: string): never => { throw new HumError("invalid-proof", `invalid proof JSON: ${what}`); };
  let file: unknown = json;
  if (typeof json === "string") {
    try { file = JSON.parse(json); } catch { bad("not JSON"); }
  }
  const object = (value: unknown, name: string): Record<string, unknown> =>
    typeof value === "object" && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : bad(`\`${name}\` must be an object`);
  const top = object(file, "proof file");
  const field = <T>(from: Record<string, unknown>, key: string, name: string, type: "string" | "number" | "boolean", fallback?: T): T => {
    const value = from[key];
    if (value === undefined && fallback !== undefined) return fallback;
    if (value === undefined) bad(`field \`${name}\` is missing`);
    if (typeof value !== type) bad(`\`${name}\` must be a ${type}`);
    return value as T;
  };
  const hex = field<string>(top, "proof", "proof", "string");
  if (!/^0x([0-9a-fA-F]{2})*$/.test(hex)) bad("`proof` must be 0x + an even number of hex digits");
  const proof = new Uint8Array((hex.length - 2) / 2);
  for (let i = 0; i < proof.length; i++) proof[i] = parseInt(hex.slice(2 + 2 * i, 4 + 2 * i), 16);
  // Files written before flavours or schemes existed are standard and KZG (docs/formats.md).
  const flavour = field<string>(top, "flavour", "flavour", "string", "standard");
  if (!(FLAVOURS as readonly string[]).includes(flavour)) bad(`\`flavour\` must be one of ${FLAVOURS.join(", ")}`);
  const inputs = object(top.public_inputs, "public_inputs");
  const input = (key: string) => {
    const value = field<string>(inputs, key, `public_inputs.${key}`, "string");
    if (!/^0x[0-9a-fA-F]{1,64}$/.test(value)) bad(`\`public_inputs.${key}\` must be 0x + 1..64 hex digits`);
    return value;
  };
  const circuit = object(top.circuit, "circuit");
  const scheme = field<string>(circuit, "scheme", "circuit.scheme", "string", "kzg");
  if (scheme !== "kzg" && scheme !== "ipa") bad("`circuit.scheme` must be kzg or ipa");
  return {
    proof,
    flavour: flavour as Flavour,
    publicInputs: { root: input("root"), actionId: input("action_id"), messageHash: input("message_hash"), nullifier: input("nullifier") },
    circuit: {
      id: field<string>(circuit, "id", "circuit.id", "string"),
      depth: field<number>(circuit, "depth", "circuit.depth", "number"),
      k: field<number>(circuit, "k", "circuit.k", "number"),
      scheme: scheme as Scheme,
      srs: field<string>(circuit, "srs", "circuit.srs", "string"),
      insecureDevSrs: field<boolean>(circuit, "insecure_dev_srs", "circuit.insecure_dev_srs", "boolean", false),
    },
    proveMs: 0n,
    peakMemory: 0n,
  };
}
