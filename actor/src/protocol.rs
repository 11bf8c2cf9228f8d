//! The actor's commands and events: the WIT protocol's records as plain Rust types, one named
//! struct per record (`wit/hum.wit` documents each member).

use hum_core::{
    CircuitInfo, Error, ErrorKind, Flavour, MerkleProof, Progress, PublicInputsHex, Scheme, VerifyPolicy, Witness,
};
use zeroize::{Zeroize, Zeroizing};

/// The prover's state, sent on every transition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    /// Loading the SRS and generating or loading the keys.
    Initializing,
    /// Keys loaded; ready for `prove` and `verify`.
    Ready,
    /// A proof is being made.
    Proving,
    /// The last command failed (`Ready` follows when the actor is initialised).
    Error,
}

/// A status event: the state and what the actor is initialised with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    /// The new state.
    pub state: State,
    /// The circuit id once initialised.
    pub circuit_id: Option<String>,
    /// True when the keys were made on the insecure dev SRS.
    pub insecure_dev_srs: bool,
}

/// A failure: its kind and a message naming the field and the reason (never a secret).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// What kind of failure.
    pub kind: ErrorKind,
    /// One line for a person.
    pub message: String,
}

impl From<&Error> for Failure {
    fn from(error: &Error) -> Self {
        Failure { kind: error.kind(), message: error.to_string() }
    }
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        Failure::from(&error)
    }
}

/// The options of `init`.
#[derive(Clone, Debug, Default)]
pub struct InitOptions {
    /// Merkle tree depth, 1..=32.
    pub depth: u8,
    /// Circuit size log2, when the host names one (it must be the depth's).
    pub k: Option<u8>,
    /// The commitment scheme; `None`: the scheme of the `srs` bytes, or IPA without bytes.
    pub scheme: Option<Scheme>,
    /// halo2 KZG params bytes, or for IPA the generators' bytes as hum writes them (`None`:
    /// hum's own, embedded for every depth). `None` with `Some(Kzg)` is the insecure dev SRS (tests only).
    pub srs: Option<Vec<u8>>,
    /// The SRS's pinned hash (`sha256:` + 64 hex digits).
    pub srs_hash: Option<String>,
    /// Key bytes from an earlier `keys-ready`; keys that do not check out are regenerated.
    pub cached_keys: Option<Vec<u8>>,
    /// The most heap bytes the actor may hold.
    pub memory_budget: Option<u64>,
}

/// What a verifier accepts, as the WIT's `verify-policy` carries it (text not yet parsed).
#[derive(Clone, Debug, Default)]
pub struct PolicyText {
    /// The accepted depth.
    pub depth: u8,
    /// The pinned SRS hash, `sha256:` + 64 hex digits.
    pub srs_hash: Option<String>,
    /// Accept the insecure dev SRS.
    pub allow_insecure_dev_srs: bool,
    /// The expected root, 0x-hex.
    pub root: Option<String>,
    /// The expected action id, 0x-hex.
    pub action_id: Option<String>,
}

impl PolicyText {
    /// Parses the policy, naming the member that is malformed.
    pub fn parse(&self) -> Result<VerifyPolicy, Error> {
        VerifyPolicy::from_text(
            self.depth as usize,
            self.srs_hash.as_deref(),
            self.allow_insecure_dev_srs,
            self.root.as_deref(),
            self.action_id.as_deref(),
        )
    }
}

/// A `verify` command.
#[derive(Clone, Debug)]
pub struct VerifyCommand {
    /// The proof bytes.
    pub proof: Vec<u8>,
    /// Their flavour: how the bytes are read.
    pub flavour: Flavour,
    /// The public inputs the proof claims.
    pub public_inputs: PublicInputsHex,
    /// The circuit the proof file names, if any: compared with the actor's, never used.
    pub claimed_circuit: Option<CircuitInfo>,
    /// What the verifier accepts.
    pub policy: PolicyText,
}

/// A `seal` command (hum-seal-v1).
#[derive(Clone, Debug)]
pub struct SealRequest {
    /// The recipient's P-256 public key, 65-byte uncompressed SEC1.
    pub recipient: Vec<u8>,
    /// The bytes to seal (wiped when the request is dropped).
    pub plaintext: Vec<u8>,
    /// Additional authenticated data.
    pub aad: Vec<u8>,
}

impl Drop for SealRequest {
    fn drop(&mut self) {
        self.plaintext.zeroize();
    }
}

/// An `open` command.
#[derive(Clone, Debug)]
pub struct OpenRequest {
    /// The recipient's P-256 secret scalar (wiped when the request is dropped).
    pub secret_key: Vec<u8>,
    /// The hum-seal-v1 envelope to open.
    pub envelope: Vec<u8>,
    /// Additional authenticated data.
    pub aad: Vec<u8>,
}

impl Drop for OpenRequest {
    fn drop(&mut self) {
        self.secret_key.zeroize();
    }
}

/// Where an `identity` command's identity comes from.
#[derive(Clone, Debug)]
pub enum IdentitySource {
    /// A fresh secret from the operating system's CSPRNG.
    Random,
    /// Derived from seed bytes (wiped when dropped).
    Seed(Zeroizing<Vec<u8>>),
    /// An existing secret, 0x-hex (wiped when dropped).
    Secret(Zeroizing<String>),
}

/// An identity for the host: the secret (wiped when dropped) and the commitment.
#[derive(Clone, Debug)]
pub struct IdentityOutcome {
    /// The secret, 0x-hex.
    pub secret: Zeroizing<String>,
    /// H(secret), 0x-hex.
    pub commitment: String,
}

/// A group as the protocol carries it.
#[derive(Clone, Debug)]
pub struct GroupBytes {
    /// Tree depth.
    pub depth: u8,
    /// 32-byte big-endian commitments laid end to end, zero where removed.
    pub members: Vec<u8>,
}

/// A `group` command: the group's root, and a member's Merkle proof when `proof_of` is given.
#[derive(Clone, Debug)]
pub struct GroupQuery {
    /// The group.
    pub group: GroupBytes,
    /// The index whose Merkle proof to return.
    pub proof_of: Option<u64>,
}

/// The answer to `group`.
#[derive(Clone, Debug)]
pub struct GroupOutcome {
    /// The root.
    pub root: hum_core::Fr,
    /// Filled leaves, removed members included.
    pub size: u64,
    /// The Merkle proof asked for.
    pub merkle_proof: Option<MerkleProof>,
}

/// A `prove-member` command.
#[derive(Clone, Debug)]
pub struct MemberProofRequest {
    /// The identity's secret, 0x-hex (wiped when dropped).
    pub secret: Zeroizing<String>,
    /// The group the identity is a member of.
    pub group: GroupBytes,
    /// The action id, 0x-hex.
    pub action_id: String,
    /// The message hash, 0x-hex.
    pub message_hash: String,
    /// The flavour of the proof to make.
    pub flavour: Flavour,
}

/// Host → actor.
#[derive(Clone, Debug)]
pub enum Command {
    /// Load the SRS and keys.
    Init(InitOptions),
    /// Prove a witness in a flavour.
    Prove(Witness, Flavour),
    /// Check a proof with the actor's keys under a policy.
    Verify(Box<VerifyCommand>),
    /// Ask for the current keys again.
    ExportKeys,
    /// Seal bytes to a key.
    Seal(SealRequest),
    /// Open an envelope.
    Open(OpenRequest),
    /// Make or load an identity.
    Identity(IdentitySource),
    /// A group's root and a member's Merkle proof.
    Group(GroupQuery),
    /// Prove for an identity as a member of a group.
    ProveMember(Box<MemberProofRequest>),
    /// `hash_to_field` of these bytes.
    HashToField(Vec<u8>),
}

/// A finished proof with its measurements.
#[derive(Clone, Debug)]
pub struct ProofOutcome {
    /// The proof, its public inputs and circuit.
    pub result: hum_core::ProofResult,
    /// Milliseconds proving took.
    pub prove_ms: u64,
    /// The most heap bytes the actor held so far (0 where nothing counts them).
    pub peak_memory: u64,
}

/// Keys for the host's cache.
#[derive(Clone, Debug)]
pub struct KeysOutcome {
    /// The circuit the keys are for.
    pub circuit: CircuitInfo,
    /// The key bytes (empty when they came from the host's cache, which has them).
    pub keys: Vec<u8>,
    /// True when the host's cached keys were used.
    pub from_cache: bool,
    /// Milliseconds `init` took.
    pub init_ms: u64,
    /// When the host's cached keys were rejected (and these regenerated), why: the host
    /// replaces its cache entry with these keys.
    pub cached_keys_rejected: Option<String>,
}

/// Actor → host.
#[derive(Clone, Debug)]
pub enum Event {
    /// A state transition.
    Status(Status),
    /// Progress of the running proof.
    Progress(Progress),
    /// A finished proof.
    ProofComplete(Box<ProofOutcome>),
    /// The answer to `verify`: valid, or why not.
    Verified(Result<(), Failure>),
    /// Keys after `init` or `export-keys`.
    KeysReady(Box<KeysOutcome>),
    /// A sealed envelope.
    Sealed(Vec<u8>),
    /// An opened plaintext.
    Opened(Vec<u8>),
    /// The answer to `identity`.
    Identity(IdentityOutcome),
    /// The answer to `group`.
    Group(Box<GroupOutcome>),
    /// The answer to `hash-to-field`.
    Field(hum_core::Fr),
    /// A command failed.
    Error(Failure),
}

/// Where the actor's events go.
pub trait EventSink {
    /// Delivers one event, synchronously and in order.
    fn emit(&mut self, event: Event);

    /// Polled while proving: `true` stops the proof with `cancelled`. Hosts that interrupt the
    /// whole instance from outside (the wasm hosts) keep the default, `false`.
    fn cancelled(&mut self) -> bool {
        false
    }
}

impl<F: FnMut(Event)> EventSink for F {
    fn emit(&mut self, event: Event) {
        self(event)
    }
}

/// What holds the actor's heap accounting: the component's counting allocator, or nothing
/// natively ([`Unlimited`]).
pub trait Memory: Send + Sync {
    /// Sets the budget in bytes (`None`: unlimited).
    fn set_budget(&self, bytes: Option<u64>);
    /// True when `bytes` more fit in the budget.
    fn fits(&self, bytes: u64) -> bool;
    /// The most heap bytes held so far.
    fn peak(&self) -> u64;
}

/// No budget and no accounting: native hosts, where the operating system is the limit.
#[derive(Clone, Copy, Debug, Default)]
pub struct Unlimited;

impl Memory for Unlimited {
    fn set_budget(&self, _bytes: Option<u64>) {}

    fn fits(&self, _bytes: u64) -> bool {
        true
    }

    fn peak(&self) -> u64 {
        0
    }
}
