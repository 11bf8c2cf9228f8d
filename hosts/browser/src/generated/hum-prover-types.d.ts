/** @module Interface hum:prover/types@0.4.0 **/
/**
 * # Variants
 * 
 * ## `"initializing"`
 * 
 * ## `"ready"`
 * 
 * ## `"proving"`
 * 
 * ## `"error"`
 */
export type State = 'initializing' | 'ready' | 'proving' | 'error';
export interface Status {
  state: State,
  circuitId?: string,
  insecureDevSrs: boolean,
}
/**
 * # Variants
 * 
 * ## `"synthesis"`
 * 
 * ## `"advice-commitments"`
 * 
 * ## `"permutation"`
 * 
 * ## `"quotient"`
 * 
 * ## `"evaluations"`
 * 
 * ## `"openings"`
 * 
 * ## `"done"`
 */
export type Stage = 'synthesis' | 'advice-commitments' | 'permutation' | 'quotient' | 'evaluations' | 'openings' | 'done';
export interface Progress {
  stage: Stage,
  percent: number,
}
/**
 * # Variants
 * 
 * ## `"standard"`
 * 
 * ## `"evm"`
 */
export type Flavour = 'standard' | 'evm';
export interface PublicInputs {
  root: string,
  actionId: string,
  messageHash: string,
  nullifier: string,
}
/**
 * # Variants
 * 
 * ## `"kzg"`
 * 
 * ## `"ipa"`
 */
export type Scheme = 'kzg' | 'ipa';
export interface CircuitInfo {
  id: string,
  depth: number,
  k: number,
  scheme: Scheme,
  srs: string,
  insecureDevSrs: boolean,
}
export interface ProofResult {
  proof: Uint8Array,
  flavour: Flavour,
  publicInputs: PublicInputs,
  circuit: CircuitInfo,
  proveMs: bigint,
  peakMemory: bigint,
}
/**
 * # Variants
 * 
 * ## `"invalid-witness"`
 * 
 * ## `"not-initialized"`
 * 
 * ## `"out-of-memory"`
 * 
 * ## `"unsatisfied"`
 * 
 * ## `"invalid-srs"`
 * 
 * ## `"invalid-key"`
 * 
 * ## `"invalid-proof"`
 * 
 * ## `"proof-rejected"`
 * 
 * ## `"wrong-circuit"`
 * 
 * ## `"insecure-srs"`
 * 
 * ## `"invalid-argument"`
 * 
 * ## `"cancelled"`
 * 
 * ## `"invalid-envelope"`
 * 
 * ## `"internal"`
 */
export type ErrorCode = 'invalid-witness' | 'not-initialized' | 'out-of-memory' | 'unsatisfied' | 'invalid-srs' | 'invalid-key' | 'invalid-proof' | 'proof-rejected' | 'wrong-circuit' | 'insecure-srs' | 'invalid-argument' | 'cancelled' | 'invalid-envelope' | 'internal';
export interface ErrorInfo {
  code: ErrorCode,
  message: string,
}
export interface Verdict {
  valid: boolean,
  rejection?: ErrorInfo,
}
export interface KeysReady {
  circuit: CircuitInfo,
  keys: Uint8Array,
  fromCache: boolean,
  initMs: bigint,
  cachedKeysRejected?: string,
}
export interface IdentityInfo {
  secret: string,
  commitment: string,
}
export interface MerkleProof {
  depth: number,
  index: number,
  leaf: string,
  root: string,
  siblings: Array<string>,
}
export interface GroupInfo {
  root: string,
  size: number,
  merkleProof?: MerkleProof,
}
export type Event = EventStatus | EventProgress | EventProofComplete | EventVerified | EventKeysReady | EventSealed | EventOpened | EventIdentity | EventGroupInfo | EventField | EventError;
export interface EventStatus {
  tag: 'status',
  val: Status,
}
export interface EventProgress {
  tag: 'progress',
  val: Progress,
}
export interface EventProofComplete {
  tag: 'proof-complete',
  val: ProofResult,
}
export interface EventVerified {
  tag: 'verified',
  val: Verdict,
}
export interface EventKeysReady {
  tag: 'keys-ready',
  val: KeysReady,
}
export interface EventSealed {
  tag: 'sealed',
  val: Uint8Array,
}
export interface EventOpened {
  tag: 'opened',
  val: Uint8Array,
}
export interface EventIdentity {
  tag: 'identity',
  val: IdentityInfo,
}
export interface EventGroupInfo {
  tag: 'group-info',
  val: GroupInfo,
}
export interface EventField {
  tag: 'field',
  val: string,
}
export interface EventError {
  tag: 'error',
  val: ErrorInfo,
}
export interface InitOptions {
  depth: number,
  k?: number,
  scheme?: Scheme,
  srs?: Uint8Array,
  srsHash?: string,
  cachedKeys?: Uint8Array,
  memoryBudget?: bigint,
}
export interface Witness {
  secret: string,
  index: number,
  siblings: Array<string>,
  actionId: string,
  messageHash: string,
  root?: string,
}
export interface ProveRequest {
  witness: Witness,
  flavour: Flavour,
}
export interface VerifyPolicy {
  depth: number,
  srsHash?: string,
  allowInsecureDevSrs: boolean,
  root?: string,
  actionId?: string,
}
export interface VerifyRequest {
  proof: Uint8Array,
  flavour: Flavour,
  publicInputs: PublicInputs,
  claimedCircuit?: CircuitInfo,
  policy: VerifyPolicy,
}
export interface SealRequest {
  recipient: Uint8Array,
  plaintext: Uint8Array,
  aad: Uint8Array,
}
export interface OpenRequest {
  secretKey: Uint8Array,
  envelope: Uint8Array,
  aad: Uint8Array,
}
export type IdentitySource = IdentitySourceRandom | IdentitySourceSeed | IdentitySourceSecret;
export interface IdentitySourceRandom {
  tag: 'random',
}
export interface IdentitySourceSeed {
  tag: 'seed',
  val: Uint8Array,
}
export interface IdentitySourceSecret {
  tag: 'secret',
  val: string,
}
export interface Group {
  depth: number,
  members: Uint8Array,
}
export interface GroupQuery {
  group: Group,
  proofOf?: number,
}
export interface MemberProofRequest {
  secret: string,
  group: Group,
  actionId: string,
  messageHash: string,
  flavour: Flavour,
}
export type Command = CommandInit | CommandProve | CommandVerify | CommandExportKeys | CommandSeal | CommandOpen | CommandIdentity | CommandGroup | CommandProveMember | CommandHashToField;
export interface CommandInit {
  tag: 'init',
  val: InitOptions,
}
export interface CommandProve {
  tag: 'prove',
  val: ProveRequest,
}
export interface CommandVerify {
  tag: 'verify',
  val: VerifyRequest,
}
export interface CommandExportKeys {
  tag: 'export-keys',
}
export interface CommandSeal {
  tag: 'seal',
  val: SealRequest,
}
export interface CommandOpen {
  tag: 'open',
  val: OpenRequest,
}
export interface CommandIdentity {
  tag: 'identity',
  val: IdentitySource,
}
export interface CommandGroup {
  tag: 'group',
  val: GroupQuery,
}
export interface CommandProveMember {
  tag: 'prove-member',
  val: MemberProofRequest,
}
export interface CommandHashToField {
  tag: 'hash-to-field',
  val: Uint8Array,
}
