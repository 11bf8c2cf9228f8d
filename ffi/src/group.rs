//! Identities and groups through the C ABI: an identity's secret and commitment, a group's root
//! and a member's Merkle proof, `hash_to_field`, and a proof for a member
//! (`hum_prover_prove_member`, blocking or with events).
//!
//! Field elements cross as 32 big-endian bytes; a group is its members' commitments laid end to
//! end (32 zero bytes where a member was removed), as in the WIT protocol. The functions without
//! a prover keep their last failure's message per thread (`hum_last_error`).

use std::{cell::RefCell, ffi::c_void};

use hum_actor::{Command, Failure, GroupBytes, MemberProofRequest};
use hum_core::{
    field::{fr_from_be_bytes, fr_to_be_bytes, fr_to_hex},
    Error, Fr, Group, Identity,
};
use zeroize::Zeroizing;

use crate::{
    bytes, clear_out,
    events::HumEventCallback,
    ffi_boundary, non_null,
    prover::{prover, HumProver},
    HumBuffer, HumResult,
};

thread_local! {
    static LAST_ERROR: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Records `error` as this thread's last error and returns its result code.
fn fail(error: Error) -> HumResult {
    let failure = Failure::from(error);
    LAST_ERROR.with(|last| *last.borrow_mut() = failure.message);
    HumResult::of_kind(failure.kind)
}

/// # Safety
/// `out` points to 32 writable bytes.
unsafe fn write_fr(value: &Fr, out: *mut u8) {
    let be = Zeroizing::new(fr_to_be_bytes(value));
    // SAFETY: per the function's contract.
    unsafe { std::ptr::copy_nonoverlapping(be.as_ptr(), out, 32) };
}

/// A canonical field element from 32 big-endian bytes; `None` when it is not below p.
///
/// # Safety
/// `data` points to 32 readable bytes.
unsafe fn read_fr(data: *const u8) -> Option<Fr> {
    let mut be = Zeroizing::new([0u8; 32]);
    // SAFETY: per the function's contract.
    unsafe { std::ptr::copy_nonoverlapping(data, be.as_mut_ptr(), 32) };
    fr_from_be_bytes(&be)
}

/// A field argument that must be canonical; the error names it.
///
/// # Safety
/// `data` points to 32 readable bytes.
unsafe fn read_field(data: *const u8, name: &str) -> Result<Fr, Error> {
    // SAFETY: per the function's contract.
    unsafe { read_fr(data) }.ok_or_else(|| Error::InvalidArgument(format!("`{name}` is not below the field modulus p")))
}

/// # Safety
/// `secret` points to 32 readable bytes.
unsafe fn read_identity(secret: *const u8) -> Result<Identity, Error> {
    // SAFETY: per the function's contract.
    let secret = unsafe { read_fr(secret) }
        .ok_or_else(|| Error::InvalidIdentity("`secret` is not below the field modulus p".into()))?;
    Identity::from_secret(secret)
}

/// The message of the last failed identity, group or `hash_to_field` call on this thread (empty
/// when none failed), as UTF-8 in `*out` (free it with `hum_buffer_free`). It names the argument
/// and the reason, never a secret.
///
/// Thread-safe (per thread).
#[no_mangle]
pub extern "C" fn hum_last_error(out: *mut HumBuffer) -> HumResult {
    ffi_boundary!({
        clear_out(out);
        non_null!(out);
        let message = LAST_ERROR.with(|last| last.borrow().clone());
        // SAFETY: out is non-null and writable.
        unsafe { *out = HumBuffer::from_vec(message.into_bytes()) };
        HumResult::Ok
    })
}

/// A fresh identity from the operating system's CSPRNG: writes its 32-byte big-endian secret to
/// `secret_out`. Keep the secret private and zero it when done.
///
/// Thread-safe.
#[no_mangle]
pub extern "C" fn hum_identity_random(secret_out: *mut u8) -> HumResult {
    ffi_boundary!({
        non_null!(secret_out);
        // SAFETY: the caller provides 32 writable bytes.
        unsafe { write_fr(Identity::random().secret(), secret_out) };
        HumResult::Ok
    })
}

/// The identity derived from `seed` (at least 16 bytes, e.g. a wallet signature; HKDF-SHA256,
/// salt "hum-identity-v1", info "secret", 64 bytes reduced mod p): writes its 32-byte secret.
///
/// Thread-safe.
#[no_mangle]
pub extern "C" fn hum_identity_from_seed(seed: *const u8, seed_len: usize, secret_out: *mut u8) -> HumResult {
    ffi_boundary!({
        non_null!(secret_out);
        // SAFETY: pointer with its length from the caller.
        let Some(seed) = (unsafe { bytes(seed, seed_len) }) else { return HumResult::NullArgument };
        match Identity::from_seed(seed) {
            // SAFETY: the caller provides 32 writable bytes.
            Ok(identity) => unsafe { write_fr(identity.secret(), secret_out) },
            Err(e) => return fail(e),
        }
        HumResult::Ok
    })
}

/// The commitment H(secret) of the identity with this 32-byte secret: the identity's leaf in a
/// group, safe to publish. Writes 32 bytes to `commitment_out`.
///
/// Thread-safe.
#[no_mangle]
pub extern "C" fn hum_identity_commitment(secret: *const u8, commitment_out: *mut u8) -> HumResult {
    ffi_boundary!({
        non_null!(secret, commitment_out);
        // SAFETY: the caller provides 32 readable bytes at `secret` and 32 writable at the out.
        match unsafe { read_identity(secret) } {
            Ok(identity) => unsafe { write_fr(&identity.commitment(), commitment_out) },
            Err(e) => return fail(e),
        }
        HumResult::Ok
    })
}

/// keccak256(bytes) >> 8 as a field element (how an app turns an action name or a message into
/// an action id or message hash): writes 32 bytes to `field_out`. `data` may be NULL with
/// `len` 0.
///
/// Thread-safe.
#[no_mangle]
pub extern "C" fn hum_hash_to_field(data: *const u8, len: usize, field_out: *mut u8) -> HumResult {
    ffi_boundary!({
        non_null!(field_out);
        // SAFETY: pointer with its length from the caller.
        let Some(data) = (unsafe { bytes(data, len) }) else { return HumResult::NullArgument };
        // SAFETY: the caller provides 32 writable bytes.
        unsafe { write_fr(&hum_core::hash_to_field(data), field_out) };
        HumResult::Ok
    })
}

/// # Safety
/// `members` points to `members_len` readable bytes (or is NULL with 0).
unsafe fn group(depth: u8, members: *const u8, members_len: usize) -> Result<Group, HumResult> {
    // SAFETY: per the function's contract.
    let Some(members) = (unsafe { bytes(members, members_len) }) else { return Err(HumResult::NullArgument) };
    Group::from_bytes(depth as usize, members).map_err(fail)
}

/// The root of the group of `depth` (1..=32) whose members are `members`: 32-byte commitments
/// laid end to end (`members_len` a multiple of 32; zeros where a member was removed). Writes
/// 32 bytes to `root_out`.
///
/// Thread-safe.
#[no_mangle]
pub extern "C" fn hum_group_root(depth: u8, members: *const u8, members_len: usize, root_out: *mut u8) -> HumResult {
    ffi_boundary!({
        non_null!(root_out);
        // SAFETY: pointer with its length from the caller.
        match unsafe { group(depth, members, members_len) } {
            // SAFETY: the caller provides 32 writable bytes.
            Ok(group) => unsafe { write_fr(&group.root(), root_out) },
            Err(code) => return code,
        }
        HumResult::Ok
    })
}

/// The Merkle proof of the member at `index` of the group (as for `hum_group_root`), as JSON
/// `{"depth":…,"index":…,"leaf":"0x…","root":"0x…","siblings":["0x…",…]}` in `*out` (free it
/// with `hum_buffer_free`).
///
/// Thread-safe.
#[no_mangle]
pub extern "C" fn hum_group_merkle_proof(
    depth: u8,
    members: *const u8,
    members_len: usize,
    index: u64,
    out: *mut HumBuffer,
) -> HumResult {
    ffi_boundary!({
        clear_out(out);
        non_null!(out);
        // SAFETY: pointer with its length from the caller.
        let group = match unsafe { group(depth, members, members_len) } {
            Ok(group) => group,
            Err(code) => return code,
        };
        match group.merkle_proof(index) {
            Ok(proof) => {
                let json = serde_json::to_vec(&proof).expect("a Merkle proof serialises");
                // SAFETY: out is non-null and writable.
                unsafe { *out = HumBuffer::from_vec(json) };
                HumResult::Ok
            }
            Err(e) => fail(e),
        }
    })
}

/// A `prove-member` command for the actor (the secret wiped with the request).
///
/// # Safety
/// `secret`, `action_id` and `message_hash` point to 32 readable bytes; `members` to
/// `members_len` (or is NULL with 0).
unsafe fn member_command(
    secret: *const u8,
    depth: u8,
    members: *const u8,
    members_len: usize,
    action_id: *const u8,
    message_hash: *const u8,
    flavour: u32,
) -> Result<Command, Error> {
    let flavour = crate::prove::flavour(flavour)?;
    // SAFETY: per the function's contract.
    let identity = unsafe { read_identity(secret) }?;
    // SAFETY: per the function's contract.
    let (action_id, message_hash) =
        unsafe { (read_field(action_id, "action_id")?, read_field(message_hash, "message_hash")?) };
    // SAFETY: per the function's contract.
    let members = unsafe { bytes(members, members_len) }.ok_or(Error::InvalidArgument("`members` is NULL".into()))?;
    Ok(Command::ProveMember(Box::new(MemberProofRequest {
        secret: Zeroizing::new(fr_to_hex(identity.secret())),
        group: GroupBytes { depth, members: members.to_vec() },
        action_id: fr_to_hex(&action_id),
        message_hash: fr_to_hex(&message_hash),
        flavour,
    })))
}

/// Proves for the identity with this 32-byte `secret` as a member of the group (`depth` must be
/// the prover's; `members` as for `hum_group_root`), for `action_id` and binding
/// `message_hash` (32 bytes each, e.g. from `hum_hash_to_field`), in `flavour` (a
/// `HumFlavour`), and blocks until done; the
/// proof JSON goes to `*out` (free it with `hum_buffer_free`). The prover builds the tree and
/// finds the member; an identity that is not one is `HUM_RESULT_INVALID_ARGUMENT`.
///
/// Serialises with the other prover calls; `hum_prover_cancel` from another thread stops it.
#[no_mangle]
pub extern "C" fn hum_prover_prove_member(
    prover_handle: *const HumProver,
    secret: *const u8,
    depth: u8,
    members: *const u8,
    members_len: usize,
    action_id: *const u8,
    message_hash: *const u8,
    flavour: u32,
    out: *mut HumBuffer,
) -> HumResult {
    ffi_boundary!({
        clear_out(out);
        non_null!(prover_handle, secret, action_id, message_hash, out);
        // SAFETY: a live handle (contract).
        let Some(p) = (unsafe { prover(prover_handle) }) else { return HumResult::NullArgument };
        // SAFETY: the pointers come with their lengths from the caller.
        let decode = || {
            unsafe { member_command(secret, depth, members, members_len, action_id, message_hash, flavour) }
                .map_err(|e| p.inner.record(&Failure::from(e)))
        };
        crate::prove::run_blocking(p, decode, out)
    })
}

/// As `hum_prover_prove_member`, on a worker thread with the events of
/// `hum_prover_prove_async` (the arguments are copied before it returns).
#[no_mangle]
pub extern "C" fn hum_prover_prove_member_async(
    prover_handle: *const HumProver,
    secret: *const u8,
    depth: u8,
    members: *const u8,
    members_len: usize,
    action_id: *const u8,
    message_hash: *const u8,
    flavour: u32,
    callback: HumEventCallback,
    user_data: *mut c_void,
) -> HumResult {
    ffi_boundary!({
        non_null!(prover_handle, secret, action_id, message_hash);
        // SAFETY: a live handle (contract).
        let Some(p) = (unsafe { prover(prover_handle) }) else { return HumResult::NullArgument };
        // SAFETY: the pointers come with their lengths from the caller; read before returning.
        let command = unsafe { member_command(secret, depth, members, members_len, action_id, message_hash, flavour) }
            .map_err(Failure::from);
        crate::prove::spawn(p, move || command, callback, user_data)
    })
}
