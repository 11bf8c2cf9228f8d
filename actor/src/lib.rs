//! # hum-actor
//!
//! hum's prover as one state machine: commands in, events out, one command at a time per
//! caller, every outcome an event and nothing input-derived panics. It is independent of any
//! binding: the WASI component (`component/`) wraps it behind the WIT protocol, and the C ABI
//! (`ffi/`) drives it natively with an event sink that maps to the C events, so both surfaces
//! follow the same rules (`wit/POLICY.md`).
//!
//! After a failed command the actor reports `error` and then, when it is initialised, `ready`:
//! the next good command works. `verify` answers with a verdict (valid or why not) and changes
//! no state; `seal`, `open`, `identity`, `group` and `hash-to-field` need no keys, work in any
//! state, and their failures are an error event alone. `prove-member` builds the group (the
//! last one is kept, so proving again for the same group does not rehash it), finds the
//! identity in it and proves as `prove` does.
#![deny(missing_docs)]

pub mod protocol;

use std::{
    sync::{Arc, Mutex},
    time::Instant,
};

use hum_core::{
    keys::{checked_k, keygen_memory, prove_memory},
    prove_validated,
    srs::{parse_hash, CheckedSrs},
    validate_for, CircuitKeys, Error, ErrorKind, Flavour, Group, Identity, Progress, ProgressSink, Scheme, Srs, Stage,
    Witness,
};
pub use protocol::{
    Command, Event, EventSink, Failure, GroupBytes, GroupOutcome, GroupQuery, IdentityOutcome, IdentitySource,
    InitOptions, KeysOutcome, MemberProofRequest, Memory, OpenRequest, PolicyText, ProofOutcome, SealRequest, State,
    Status, Unlimited, VerifyCommand,
};
use rand_chacha::ChaCha20Rng;
use rand_core::{OsRng, RngCore, SeedableRng};
use zeroize::Zeroizing;

/// The prover actor. `handle` takes `&self`: the keys sit behind a lock that is held only to
/// read or replace them, so a host may verify or export keys on one thread while another
/// proves (the C ABI does; the component is single-threaded).
pub struct Actor {
    keys: Mutex<Option<Arc<CircuitKeys>>>,
    /// SRS bytes this actor has checked already (a replayed or repeated INIT skips the checks).
    checked: Mutex<CheckedSrs>,
    /// The last group built, with the bytes it was built from: a page proving again for the same
    /// group (the usual case) does not rehash its tree.
    group: Mutex<Option<(GroupBytes, Arc<Group>)>>,
    memory: Box<dyn Memory>,
}

impl Default for Actor {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for Actor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Actor").field("circuit", &self.keys().map(|k| k.info().id.clone())).finish()
    }
}

/// Forwards the prover's progress and cancellation polls to the host's sink.
struct ProgressEvents<'a> {
    sink: &'a mut dyn EventSink,
}

impl ProgressSink for ProgressEvents<'_> {
    fn report(&mut self, progress: Progress) {
        // 100 is sent by the actor right before proof-complete.
        if progress.stage != Stage::Done {
            self.sink.emit(Event::Progress(progress));
        }
    }

    fn cancelled(&mut self) -> bool {
        self.sink.cancelled()
    }
}

/// The identity of an `identity` command.
fn identity(source: &IdentitySource) -> Result<Identity, Error> {
    match source {
        IdentitySource::Random => Ok(Identity::random_from(&mut command_rng())),
        IdentitySource::Seed(seed) => Identity::from_seed(seed),
        IdentitySource::Secret(text) => identity_of_secret(text),
    }
}

/// The identity whose secret is this 0x-hex text; the error names `secret`, never its value.
fn identity_of_secret(text: &str) -> Result<Identity, Error> {
    let secret =
        hum_core::field::parse_fr(text).map_err(|reason| Error::InvalidIdentity(format!("`secret` {reason}")))?;
    Identity::from_secret(secret)
}

/// A fresh ChaCha20 stream seeded from the operating system, for one command's randomness.
fn command_rng() -> ChaCha20Rng {
    let mut seed = zeroize::Zeroizing::new([0u8; 32]);
    OsRng.fill_bytes(seed.as_mut());
    ChaCha20Rng::from_seed(*seed)
}

impl Actor {
    /// An uninitialised actor without a memory budget (native hosts).
    pub fn new() -> Self {
        Self::with_memory(Box::new(Unlimited))
    }

    /// An uninitialised actor whose budget and peak are kept by `memory` (the component's
    /// counting allocator).
    pub fn with_memory(memory: Box<dyn Memory>) -> Self {
        Self { keys: Mutex::new(None), checked: Mutex::new(CheckedSrs::default()), group: Mutex::new(None), memory }
    }

    /// The keys of the last successful `init`, if any.
    pub fn keys(&self) -> Option<Arc<CircuitKeys>> {
        self.keys.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    fn set_keys(&self, keys: Option<Arc<CircuitKeys>>) {
        *self.keys.lock().unwrap_or_else(|e| e.into_inner()) = keys;
    }

    fn status(&self, state: State, sink: &mut dyn EventSink) {
        let keys = self.keys();
        let info = keys.as_ref().map(|k| k.info());
        sink.emit(Event::Status(Status {
            state,
            circuit_id: info.map(|i| i.id.clone()),
            insecure_dev_srs: info.is_some_and(|i| i.insecure_dev_srs),
        }));
    }

    /// Reports a command the host could not decode into a [`Command`] (e.g. the C ABI's witness
    /// JSON) with the events of any failure: the error, then `error`, then `ready` when
    /// initialised.
    pub fn reject(&self, failure: Failure, sink: &mut dyn EventSink) {
        self.fail(failure, sink)
    }

    /// The error event, then `error`, then `ready` when initialised.
    fn fail(&self, failure: Failure, sink: &mut dyn EventSink) {
        sink.emit(Event::Error(failure));
        self.status(State::Error, sink);
        if self.keys().is_some() {
            self.status(State::Ready, sink);
        }
    }

    /// Handles one command to completion, emitting its events before returning.
    pub fn handle(&self, command: Command, sink: &mut dyn EventSink) {
        match command {
            Command::Init(options) => self.init(options, sink),
            Command::Prove(witness, flavour) => self.prove(witness, flavour, sink),
            Command::Verify(request) => self.verify(&request, sink),
            Command::ExportKeys => match self.keys() {
                None => self.fail(Error::NotInitialized("export-keys").into(), sink),
                Some(keys) => sink.emit(Event::KeysReady(Box::new(KeysOutcome {
                    circuit: keys.info().clone(),
                    keys: keys.to_bytes(),
                    from_cache: false,
                    init_ms: 0,
                    cached_keys_rejected: None,
                }))),
            },
            Command::Seal(request) => {
                match hum_core::seal::seal(&request.recipient, &request.plaintext, &request.aad, &mut command_rng()) {
                    Ok(envelope) => sink.emit(Event::Sealed(envelope)),
                    Err(e) => sink.emit(Event::Error(Error::from(e).into())),
                }
            }
            Command::Open(request) => {
                match hum_core::seal::open(&request.secret_key, &request.envelope, &request.aad) {
                    Ok(plaintext) => sink.emit(Event::Opened(plaintext.to_vec())),
                    Err(e) => sink.emit(Event::Error(Error::from(e).into())),
                }
            }
            Command::Identity(source) => match identity(&source) {
                Ok(identity) => sink.emit(Event::Identity(IdentityOutcome {
                    secret: Zeroizing::new(hum_core::field::fr_to_hex(identity.secret())),
                    commitment: hum_core::field::fr_to_hex(&identity.commitment()),
                })),
                Err(e) => sink.emit(Event::Error(e.into())),
            },
            Command::Group(query) => match self.group_info(query) {
                Ok(outcome) => sink.emit(Event::Group(Box::new(outcome))),
                Err(e) => sink.emit(Event::Error(e.into())),
            },
            Command::ProveMember(request) => {
                let flavour = request.flavour;
                match self.member_witness(*request) {
                    Ok(witness) => self.prove(witness, flavour, sink),
                    Err(e) => self.fail(e.into(), sink),
                }
            }
            Command::HashToField(bytes) => sink.emit(Event::Field(hum_core::hash_to_field(&bytes))),
        }
    }

    /// The group of `bytes`: the last one built when the bytes are the same, else built now
    /// (refused with `out-of-memory` when the budget cannot hold it).
    fn build_group(&self, bytes: GroupBytes) -> Result<Arc<Group>, Error> {
        let mut last = self.group.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((built, group)) = last.as_ref() {
            if built.depth == bytes.depth && built.members == bytes.members {
                return Ok(group.clone());
            }
        }
        *last = None;
        let members = bytes.members.len() as u64 / 32;
        let need = Group::build_memory(members);
        if !self.memory.fits(need) {
            return Err(Error::OutOfMemory(format!(
                "the memory budget cannot hold a group of {members} members (about {} MiB needed)",
                need >> 20
            )));
        }
        let group = Arc::new(Group::from_bytes(bytes.depth as usize, &bytes.members)?);
        *last = Some((bytes, group.clone()));
        Ok(group)
    }

    fn group_info(&self, query: GroupQuery) -> Result<GroupOutcome, Error> {
        let group = self.build_group(query.group)?;
        let merkle_proof = query.proof_of.map(|index| group.merkle_proof(index)).transpose()?;
        Ok(GroupOutcome { root: group.root(), size: group.len(), merkle_proof })
    }

    /// The witness of a `prove-member` request (the identity found in the group).
    fn member_witness(&self, request: MemberProofRequest) -> Result<Witness, Error> {
        let Some(keys) = self.keys() else {
            return Err(Error::NotInitialized("prove-member"));
        };
        let depth = keys.info().depth;
        if request.group.depth as usize != depth {
            return Err(Error::InvalidGroup(format!(
                "the group has depth {}; this prover is initialised for depth {depth}",
                request.group.depth
            )));
        }
        let identity = identity_of_secret(&request.secret)?;
        let field = |name: &str, text: &str| {
            hum_core::field::parse_fr(text).map_err(|reason| Error::InvalidField { field: name.to_string(), reason })
        };
        let action_id = field("action_id", &request.action_id)?;
        let message_hash = field("message_hash", &request.message_hash)?;
        let group = self.build_group(request.group)?;
        Witness::for_group(&identity, &group, action_id, message_hash)
    }

    fn init(&self, options: InitOptions, sink: &mut dyn EventSink) {
        let start = Instant::now();
        self.set_keys(None);
        if !hum_core::poseidon2::self_test() {
            self.status(State::Initializing, sink);
            let broken = Error::Internal("self-test failed: this build computes Poseidon2 wrongly".into());
            return self.fail(broken.into(), sink);
        }
        self.memory.set_budget(options.memory_budget);
        self.status(State::Initializing, sink);
        match self.load(&options) {
            Ok((keys, from_cache, cached_keys_rejected)) => {
                let outcome = KeysOutcome {
                    circuit: keys.info().clone(),
                    keys: if from_cache { Vec::new() } else { keys.to_bytes() },
                    from_cache,
                    init_ms: start.elapsed().as_millis() as u64,
                    cached_keys_rejected,
                };
                self.set_keys(Some(Arc::new(keys)));
                sink.emit(Event::KeysReady(Box::new(outcome)));
                self.status(State::Ready, sink);
            }
            Err(e) => self.fail(e.into(), sink),
        }
    }

    /// The SRS and keys of `options`: `(keys, from the cache, why the cached keys were rejected)`.
    fn load(&self, options: &InitOptions) -> Result<(CircuitKeys, bool, Option<String>), Error> {
        let depth = options.depth as usize;
        let k = checked_k(depth)?;
        if let Some(asked) = options.k.filter(|asked| *asked as u32 != k) {
            return Err(Error::InvalidArgument(format!(
                "depth {depth} is laid out at k = {k}; k = {asked} is not supported"
            )));
        }
        let need = keygen_memory(k);
        if !self.memory.fits(need) {
            return Err(Error::OutOfMemory(format!(
                "the memory budget cannot hold initialisation at k = {k} (about {} MiB needed)",
                need >> 20
            )));
        }
        let expected = options.srs_hash.as_deref().map(parse_hash).transpose()?;
        // Bytes name their scheme. Without bytes, the default is IPA on hum's generators (secure,
        // nothing to pass); KZG named without an SRS is the insecure dev SRS (tests only: its
        // circuit id says so and verifiers refuse it unless they opt in).
        let srs = match (options.scheme, &options.srs) {
            (_, Some(bytes)) => {
                let mut checked = self.checked.lock().unwrap_or_else(|e| e.into_inner());
                Srs::from_bytes_checked(bytes, expected.as_ref(), &mut checked)?
            }
            (None | Some(Scheme::Ipa), None) => Srs::transparent(k),
            (Some(Scheme::Kzg), None) if expected.is_some() => {
                return Err(Error::InvalidSrs("srs-hash given without srs bytes".into()))
            }
            (Some(Scheme::Kzg), None) => Srs::insecure_dev(k),
        };
        if let Some(scheme) = options.scheme.filter(|s| *s != srs.scheme()) {
            return Err(Error::InvalidSrs(format!(
                "the srs bytes are {} params, but the scheme asked for is {}",
                srs.scheme().name(),
                scheme.name()
            )));
        }
        if let Some(expected) = expected.filter(|e| e != srs.hash()) {
            // Derived IPA generators pinned by their hash (bytes were checked when read).
            return Err(Error::InvalidSrs(format!(
                "hash {} differs from the pinned {}",
                hum_core::srs::format_hash(srs.hash()),
                hum_core::srs::format_hash(&expected)
            )));
        }
        let mut rejected = None;
        if let Some(bytes) = &options.cached_keys {
            match CircuitKeys::from_bytes(&srs, depth, bytes) {
                Ok(keys) => return Ok((keys, true, None)),
                // Keys are derived from the SRS and the circuit alone, so regenerating them is
                // always right; the host hears why its cache entry was replaced.
                Err(e) if e.kind() == ErrorKind::InvalidKey => rejected = Some(e.to_string()),
                Err(e) => return Err(e),
            }
        }
        let keys = CircuitKeys::generate(&srs, depth)?;
        Ok((keys, false, rejected))
    }

    fn prove(&self, witness: Witness, flavour: Flavour, sink: &mut dyn EventSink) {
        let Some(keys) = self.keys() else {
            return self.fail(Error::NotInitialized("prove").into(), sink);
        };
        let need = prove_memory(keys.info().k);
        if !self.memory.fits(need) {
            let message = format!(
                "the memory budget cannot hold a proof at k = {} (about {} MiB more needed)",
                keys.info().k,
                need >> 20
            );
            return self.fail(Error::OutOfMemory(message).into(), sink);
        }
        let values = validate_for(&keys, &witness);
        drop(witness);
        let values = match values {
            Ok(values) => values,
            Err(e) => return self.fail(e.into(), sink),
        };
        self.status(State::Proving, sink);
        let start = Instant::now();
        let outcome = prove_validated(&keys, values, flavour, command_rng(), &mut ProgressEvents { sink });
        match outcome {
            Ok(result) => {
                let prove_ms = start.elapsed().as_millis() as u64;
                sink.emit(Event::Progress(Progress { stage: Stage::Done, percent: 100 }));
                sink.emit(Event::ProofComplete(Box::new(ProofOutcome {
                    result,
                    prove_ms,
                    peak_memory: self.memory.peak(),
                })));
                self.status(State::Ready, sink);
            }
            Err(e) => self.fail(e.into(), sink),
        }
    }

    fn verify(&self, request: &VerifyCommand, sink: &mut dyn EventSink) {
        let Some(keys) = self.keys() else {
            return self.fail(Error::NotInitialized("verify").into(), sink);
        };
        let policy = match request.policy.parse() {
            Ok(policy) => policy,
            Err(e) => return self.fail(e.into(), sink),
        };
        let verdict = request.public_inputs.parse().and_then(|inputs| {
            policy.verify_claimed(&keys, request.claimed_circuit.as_ref(), request.flavour, &request.proof, &inputs)
        });
        sink.emit(Event::Verified(verdict.map_err(Failure::from)));
    }
}
