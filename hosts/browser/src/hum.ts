// The app's API on top of the orchestrator: identities, groups, a proof for a member and its
// verification, in the five steps Semaphore users know. Every hash runs in the prover worker
// (hum-core in the component); the page holds only values (members.ts).
import { failure } from "./link.js";
import { Group, Identity, identitySecret, type MerkleProof, toField, toHex } from "./members.js";
import { answers, checkFlavour, HumError, type ProveOptions, ProverOrchestrator, type VerifyExpectations } from "./orchestrator.js";
import type { Event, GroupInfo, MemberCommand, ProofResult, Verdict, WitnessData } from "./protocol.js";

export { Group, Identity, type MerkleProof };
export {
  checkWitness, type Flavour, HumError, type InitInfo, type Scheme, type NoticeKind, type OrchestratorOptions, type OrchestratorState, type ProveOptions,
  fromProofJson, toProofJson, uint256PublicInputs, type VerifyExpectations,
} from "./orchestrator.js";
export * as seal from "./seal.js";
export type { ProofResult, Verdict, WitnessData };

/** An action or a message: text or bytes (hashed as keccak256(bytes) >> 8, as in Semaphore) or a field element (bigint). */
export type FieldInput = string | Uint8Array | bigint;

/** A proof for a member of a group: `hum.prove({ identity, group, action, message })`
 * (`flavour: "evm"` for a contract). */
export interface MemberProofInput extends ProveOptions {
  identity: Identity;
  group: Group;
  /** What the nullifier is for (e.g. "vote-2026"): one proof per identity and action is what apps count. */
  action: FieldInput;
  /** What the proof is bound to (e.g. the vote). */
  message: FieldInput;
}

/** What a verifier accepts, with the group and the action as the app knows them. */
export interface MemberExpectations extends Omit<VerifyExpectations, "root" | "actionId" | "depth"> {
  /** The group the member must be in: its depth selects the circuit and its current root must be the proof's. */
  group: Group;
  /** The action the proof must be for. */
  action?: FieldInput;
}

/**
 * hum for an app: `createIdentity`, `Group`, `prove({ identity, group, action, message })`,
 * `verifyProof(proof, { group, action })`, on the orchestrator's policy (one worker, a queue,
 * cancel, recovery).
 */
export class Hum extends ProverOrchestrator {
  /**
   * Proves, waiting for INIT: for a member of a group (`{ identity, group, action, message }`),
   * or a witness (checked against the schema first).
   */
  override prove(input: WitnessData | MemberProofInput, options: ProveOptions = {}): Promise<ProofResult> {
    return "identity" in input ? this.proveMember(input) : super.prove(input, options);
  }

  /** Runs a command that needs no keys (identities, groups, hashing): in order with the rest,
   * starting the worker if none runs yet. */
  private member(command: MemberCommand, answer: Event["tag"], name: string): Promise<Event> {
    return this.enqueue(async () => {
      if (this.initPromise) return this.recovering({ type: "MEMBER", command }, answers(answer, "error"), name);
      if (!this.link.alive) await this.link.spawn();
      const event = await this.send({ type: "MEMBER", command }, answers(answer, "error"));
      if (event.tag !== answer) {
        if (event.tag !== "error") this.discardWorker();
        throw failure(event, name);
      }
      return event;
    });
  }

  /** A new identity: random from the worker's CSPRNG, or derived from `seed` (≥ 16 bytes, e.g. a wallet signature; text is UTF-8). */
  async createIdentity(options: { seed?: Uint8Array | string } = {}): Promise<Identity> {
    const seed = typeof options.seed === "string" ? new TextEncoder().encode(options.seed) : options.seed;
    const val = seed === undefined ? { tag: "random" as const } : { tag: "seed" as const, val: seed };
    const event = await this.member({ tag: "identity", val }, "identity", "IDENTITY");
    return new Identity((event as Extract<Event, { tag: "identity" }>).val);
  }

  /** The identity of an identity file (`Identity.export()`, or `hum identity new`). */
  async importIdentity(json: string | object): Promise<Identity> {
    const event = await this.member({ tag: "identity", val: { tag: "secret", val: identitySecret(json) } }, "identity", "IDENTITY");
    return new Identity((event as Extract<Event, { tag: "identity" }>).val);
  }

  /** keccak256(bytes) >> 8 as 0x-hex (text is UTF-8); a bigint is taken as the field element itself. */
  async hashToField(input: FieldInput, name = "input"): Promise<string> {
    if (typeof input === "bigint") return toHex(toField(input, name));
    const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
    const event = await this.member({ tag: "hash-to-field", val: bytes }, "field", "HASH_TO_FIELD");
    return (event as Extract<Event, { tag: "field" }>).val;
  }

  /** The group's current root, computed in the worker. */
  async groupRoot(group: Group): Promise<string> {
    return (await this.groupInfo(group)).root;
  }

  /** The Merkle proof of the member at `index`, computed in the worker. */
  async merkleProof(group: Group, index: number): Promise<MerkleProof> {
    const proof = (await this.groupInfo(group, index)).merkleProof;
    if (!proof) throw new HumError("internal", "the worker answered without the Merkle proof");
    return proof;
  }

  private async groupInfo(group: Group, proofOf?: number): Promise<GroupInfo> {
    const val = { group: { depth: group.depth, members: group.bytes() }, proofOf };
    return ((await this.member({ tag: "group", val }, "group-info", "GROUP")) as Extract<Event, { tag: "group-info" }>).val;
  }

  /** Proves for `identity` as a member of `group` (the worker builds the tree and finds the member). */
  private async proveMember(input: MemberProofInput): Promise<ProofResult> {
    if (input.group.depth !== (this.options.depth ?? 20)) {
      throw new HumError("invalid-argument", `the group has depth ${input.group.depth}; this prover is for depth ${this.options.depth ?? 20}`);
    }
    const flavour = checkFlavour(input);
    const [actionId, messageHash] = await Promise.all([this.hashToField(input.action, "action"), this.hashToField(input.message, "message")]);
    const val = { secret: input.identity.secret, group: { depth: input.group.depth, members: input.group.bytes() }, actionId, messageHash, flavour };
    return this.proveCommand({ type: "MEMBER", command: { tag: "prove-member", val } });
  }

  /**
   * Verifies a proof in the worker under what you accept: with `{ group, action }` (the group's
   * depth selects the circuit, its current root and the action must be the proof's), or with
   * the orchestrator's expectations (`depth`, `root`, `actionId`).
   */
  override async verifyProof(result: ProofResult, expect: MemberExpectations | VerifyExpectations = {}): Promise<Verdict> {
    if (!("group" in expect)) return super.verifyProof(result, expect);
    const { group, action, ...rest } = expect;
    const [root, actionId] = await Promise.all([this.groupRoot(group), action === undefined ? undefined : this.hashToField(action, "action")]);
    return super.verifyProof(result, { ...rest, depth: group.depth, root, actionId });
  }
}
