//! hum-seal-v1 through the C ABI.

use rand_core::OsRng;

use crate::{bytes, ffi_boundary, non_null, HumBuffer, HumResult};

/// Makes a P-256 key pair: writes the 32-byte secret scalar and the 65-byte uncompressed
/// public key. Zero the secret when done with it.
///
/// Thread-safe.
#[no_mangle]
pub extern "C" fn hum_keypair(secret_out: *mut u8, public_out: *mut u8) -> HumResult {
    ffi_boundary!({
        non_null!(secret_out, public_out);
        let (secret, public) = hum_core::seal::keypair(&mut OsRng);
        // SAFETY: the caller provides 32 and 65 writable bytes.
        unsafe {
            std::ptr::copy_nonoverlapping(secret.as_ptr(), secret_out, 32);
            std::ptr::copy_nonoverlapping(public.as_ptr(), public_out, 65);
        }
        HumResult::Ok
    })
}

/// Seals `plaintext` to a 65-byte uncompressed P-256 public key (hum-seal-v1); the envelope goes
/// to `*out` (free it with `hum_buffer_free`). `aad` may be NULL with `aad_len` 0.
///
/// Thread-safe.
#[no_mangle]
pub extern "C" fn hum_seal(
    recipient: *const u8,
    recipient_len: usize,
    plaintext: *const u8,
    plaintext_len: usize,
    aad: *const u8,
    aad_len: usize,
    out: *mut HumBuffer,
) -> HumResult {
    ffi_boundary!({
        crate::clear_out(out);
        non_null!(recipient, out);
        // SAFETY: the pointers come with their lengths from the caller.
        let (Some(r), Some(p), Some(a)) =
            (unsafe { bytes(recipient, recipient_len) }, unsafe { bytes(plaintext, plaintext_len) }, unsafe {
                bytes(aad, aad_len)
            })
        else {
            return HumResult::NullArgument;
        };
        match hum_core::seal::seal(r, p, a, &mut OsRng) {
            Ok(envelope) => {
                // SAFETY: out is non-null and points to a HumBuffer the caller owns.
                unsafe { *out = HumBuffer::from_vec(envelope) };
                HumResult::Ok
            }
            Err(_) => HumResult::InvalidEnvelope,
        }
    })
}

/// Opens an envelope with a 32-byte secret scalar; the plaintext goes to `*out`.
///
/// Thread-safe.
#[no_mangle]
pub extern "C" fn hum_open(
    secret_key: *const u8,
    secret_key_len: usize,
    envelope: *const u8,
    envelope_len: usize,
    aad: *const u8,
    aad_len: usize,
    out: *mut HumBuffer,
) -> HumResult {
    ffi_boundary!({
        crate::clear_out(out);
        non_null!(secret_key, envelope, out);
        // SAFETY: the pointers come with their lengths from the caller.
        let (Some(k), Some(e), Some(a)) =
            (unsafe { bytes(secret_key, secret_key_len) }, unsafe { bytes(envelope, envelope_len) }, unsafe {
                bytes(aad, aad_len)
            })
        else {
            return HumResult::NullArgument;
        };
        match hum_core::seal::open(k, e, a) {
            Ok(plaintext) => {
                // SAFETY: out is non-null and points to a HumBuffer the caller owns.
                unsafe { *out = HumBuffer::from_vec(plaintext.to_vec()) };
                HumResult::Ok
            }
            Err(_) => HumResult::InvalidEnvelope,
        }
    })
}
