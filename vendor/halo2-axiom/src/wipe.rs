//! hum: wiping witness-derived memory before it is freed.
//!
//! The advice columns hold the witness (row 0 of hum's circuit is the identity secret, and the
//! states around it can be inverted back to it), and every FFT of them leaves copies in scratch
//! buffers. These are overwritten through `zeroize` (volatile writes, so the compiler cannot drop
//! them as dead stores) right before the memory is freed.

use zeroize::Zeroize;

/// Overwrites `values` with zero bytes.
///
/// For plain-data `Copy` types (field elements, curve points, `Assigned`) that are freed right
/// after: zero bytes need not be a valid value of every such type, so nothing may read `values`
/// afterwards.
pub fn wipe<T: Copy>(values: &mut [T]) {
    let len = std::mem::size_of_val(values);
    if len == 0 {
        return;
    }
    let ptr = values.as_mut_ptr();
    if std::mem::align_of::<T>() % 8 == 0 && std::mem::size_of::<T>() % 8 == 0 {
        // SAFETY: `ptr` is valid for `len` bytes, aligned for u64, and `len` is a multiple of 8;
        // T is Copy (no drop glue) and is not read again (the caller's contract).
        let words = unsafe { std::slice::from_raw_parts_mut(ptr.cast::<u64>(), len / 8) };
        words.zeroize();
    } else {
        // SAFETY: as above, byte-wise.
        let bytes = unsafe { std::slice::from_raw_parts_mut(ptr.cast::<u8>(), len) };
        bytes.zeroize();
    }
}
