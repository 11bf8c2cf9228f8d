// Identities and groups on the page: plain values that are cheap to hold and change. Everything
// that hashes (a commitment, a root, a Merkle path, a proof) runs in the prover worker, in
// hum-core compiled to the component: `hum.createIdentity()`, `hum.groupRoot(group)`,
// `hum.prove({ identity, group, action, message })`. The rules here (canonical, non-zero,
// distinct, at most 2^depth) are checked again by the component, which is the authority.
import type { IdentityInfo } from "./protocol.js";
import { HumError } from "./witness.js";

/** The BN254 scalar field modulus: every field element is below it. */
export const P = 0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001n;

const bad = (message: string) => new HumError("invalid-argument", message);

/** A field element from `0x` + 1..64 hex digits or a bigint, below p; `name` names it in errors. */
export function toField(value: string | bigint, name: string): bigint {
  let v: bigint;
  if (typeof value === "bigint") v = value;
  else if (typeof value === "string" && /^0x[0-9a-fA-F]{1,64}$/.test(value)) v = BigInt(value);
  else throw bad(`\`${name}\` must be 0x + 1..64 hex digits or a bigint`);
  if (v < 0n || v >= P) throw bad(`\`${name}\` is not below the field modulus p`);
  return v;
}

/** `0x` + 64 lowercase hex digits. */
export const toHex = (v: bigint) => `0x${v.toString(16).padStart(64, "0")}`;

/**
 * A member's identity: a secret (keep it private: whoever has it can prove as this member) and its
 * commitment H(secret), the leaf a group holds and safe to publish. Made by the prover worker:
 * `await hum.createIdentity()` (random), `hum.createIdentity({ seed })` (derived from e.g. a
 * wallet signature: HKDF-SHA256, salt `hum-identity-v1`, info `secret`, 64 bytes mod p) or
 * `hum.importIdentity(json)`.
 */
export class Identity {
  readonly #secret: string;
  /** H(secret), 0x-hex: the identity's leaf in a group. */
  readonly commitment: string;

  /** @internal Use `hum.createIdentity` or `hum.importIdentity`. */
  constructor(info: IdentityInfo) {
    this.#secret = info.secret;
    this.commitment = info.commitment;
  }

  /** The secret, 0x-hex. */
  get secret(): string {
    return this.#secret;
  }

  /** The identity file, `{ "version": 1, "secret": "0x…" }` (as `hum identity new` writes it): keep it private. */
  export(): string {
    return JSON.stringify({ version: 1, secret: this.#secret }, null, 2);
  }

  /** Never the secret: printing or logging an identity shows its commitment only. */
  toString(): string {
    return `Identity(${this.commitment})`;
  }

  toJSON(): { commitment: string } {
    return { commitment: this.commitment };
  }
}

/** The secret of an identity file's JSON (text or parsed), checked for shape; the worker checks the value. */
export function identitySecret(json: string | object): string {
  let file: unknown = json;
  if (typeof json === "string") {
    try {
      file = JSON.parse(json);
    } catch {
      throw bad('not an identity file (not JSON); expected { "version": 1, "secret": "0x…" }');
    }
  }
  const o = file as { version?: unknown; secret?: unknown };
  if (typeof o !== "object" || o === null || typeof o.secret !== "string") throw bad('not an identity file; expected { "version": 1, "secret": "0x…" }');
  if (o.version !== 1) throw bad(`identity file version ${String(o.version)}, this hum reads version 1`);
  return o.secret;
}

/** The path from a member to the root. */
export interface MerkleProof {
  depth: number;
  index: number;
  leaf: string;
  root: string;
  /** Leaf level first. */
  siblings: string[];
}

/**
 * A group: members' commitments as the leaves of a Poseidon2 Merkle tree of fixed depth (default
 * 20, 1..=32). Leaves fill left to right; a removed member's leaf is 0 and its index is not
 * reused (as in Semaphore). Its root and Merkle proofs come from the worker: `hum.groupRoot(group)`,
 * `hum.merkleProof(group, index)`; `hum.prove({ identity, group, … })` finds the member itself.
 */
export class Group {
  readonly depth: number;
  readonly #leaves: bigint[] = [];
  readonly #positions = new Map<bigint, number>();
  /** The leaves as the WIT carries them, made once and patched as the group changes (a proof and
   * a root for the same group do not re-encode a million members on the page's thread). */
  #bytes?: Uint8Array;

  constructor(members: Iterable<string | bigint> = [], options: { depth?: number } = {}) {
    const depth = options.depth ?? 20;
    if (!Number.isInteger(depth) || depth < 1 || depth > 32) throw bad(`unsupported depth ${depth}: depths 1..=32 are supported`);
    this.depth = depth;
    this.addMany(members);
  }

  /** Reads a group file, `{ "version": 1, "depth": 20, "members": ["0x…", …] }` (removed members 0). */
  static fromJSON(json: string | object): Group {
    const o = (typeof json === "string" ? JSON.parse(json) : json) as { version?: unknown; depth?: unknown; members?: unknown };
    if (o?.version !== 1) throw bad(`group file version ${String(o?.version)}, this hum reads version 1`);
    if (!Array.isArray(o.members) || typeof o.depth !== "number") throw bad('not a group file; expected { "version": 1, "depth": 20, "members": ["0x…", …] }');
    const group = new Group([], { depth: o.depth as number });
    const leaves = o.members.map((m, i) => toField(m as string, `members[${i}]`));
    group.#checkRoom(leaves.length);
    leaves.forEach((leaf, i) => {
      const j = leaf === 0n ? undefined : group.#positions.get(leaf);
      if (j !== undefined) throw bad(`\`members[${i}]\` repeats \`members[${j}]\``);
      if (leaf !== 0n) group.#positions.set(leaf, i);
      group.#leaves.push(leaf);
    });
    return group;
  }

  /** The group file (public: commitments only). */
  toJSON(): { version: 1; depth: number; members: string[] } {
    return { version: 1, depth: this.depth, members: this.members };
  }

  /** How many leaves are filled (removed members included: their slots stay). */
  get size(): number {
    return this.#leaves.length;
  }

  /** The leaves in order, 0x-hex (0 where a member was removed). */
  get members(): string[] {
    return this.#leaves.map(toHex);
  }

  /** The index of a member, or -1. */
  indexOf(member: string | bigint): number {
    return this.#positions.get(toField(member, "member")) ?? -1;
  }

  /** Adds a member at the next leaf; returns its index. */
  add(member: string | bigint): number {
    return this.addMany([member]);
  }

  /** Adds members in order (all checked first: a refused list changes nothing); returns the first index. */
  addMany(members: Iterable<string | bigint>): number {
    const fresh = [...members].map((m, i) => toField(m, `member ${i} of the list`));
    this.#checkRoom(fresh.length);
    const seen = new Map<bigint, number>();
    fresh.forEach((m, i) => {
      this.#checkNew(m, `member ${i} of the list`);
      const j = seen.get(m);
      if (j !== undefined) throw bad(`member ${i} of the list repeats member ${j} of the list`);
      seen.set(m, i);
    });
    const first = this.#leaves.length;
    fresh.forEach((m, i) => {
      this.#positions.set(m, first + i);
      this.#leaves.push(m);
    });
    this.#bytes = undefined;
    return first;
  }

  /** Replaces the member at `index`. */
  update(index: number, member: string | bigint): void {
    const m = toField(member, "the new member");
    if (this.#leaf(index) === 0n) throw bad(`the member at index ${index} was removed; add a new member instead`);
    this.#checkNew(m, "the new member");
    this.#positions.delete(this.#leaves[index]);
    this.#positions.set(m, index);
    this.#leaves[index] = m;
    this.#encode(index);
  }

  /** Removes the member at `index`: its leaf becomes 0 and the index is not reused. */
  remove(index: number): void {
    if (this.#leaf(index) === 0n) throw bad(`the member at index ${index} was already removed`);
    this.#positions.delete(this.#leaves[index]);
    this.#leaves[index] = 0n;
    this.#encode(index);
  }

  /** @internal The leaves as the WIT `group` carries them: 32 big-endian bytes each. */
  bytes(): Uint8Array {
    if (!this.#bytes) {
      this.#bytes = new Uint8Array(this.#leaves.length * 32);
      for (let i = 0; i < this.#leaves.length; i++) this.#encode(i);
    }
    return this.#bytes;
  }

  /** Writes leaf `index` into the encoded leaves, if they are made (four 64-bit words). */
  #encode(index: number) {
    if (!this.#bytes) return;
    const view = new DataView(this.#bytes.buffer, index * 32, 32);
    const leaf = this.#leaves[index];
    for (let w = 0; w < 4; w++) view.setBigUint64(8 * w, (leaf >> BigInt(64 * (3 - w))) & 0xffffffffffffffffn);
  }

  #leaf(index: number): bigint {
    if (!Number.isInteger(index) || index < 0 || index >= this.#leaves.length) {
      throw bad(`index ${index} is not a member: the group has ${this.#leaves.length} leaves`);
    }
    return this.#leaves[index];
  }

  #checkRoom(more: number) {
    const capacity = 2 ** this.depth;
    if (this.#leaves.length + more > capacity) {
      throw bad(`${this.#leaves.length + more} members do not fit a group of depth ${this.depth} (at most 2^${this.depth} = ${capacity})`);
    }
  }

  #checkNew(member: bigint, at: string) {
    if (member === 0n) throw bad(`${at} is zero, which marks an empty leaf`);
    const index = this.#positions.get(member);
    if (index !== undefined) throw bad(`${at} is already the member at index ${index}`);
  }
}
