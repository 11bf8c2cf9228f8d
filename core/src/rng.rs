//! The prover's randomness, read from the caller's generator a block at a time.
//!
//! halo2's prover asks for a field element (64 bytes) at a time, thousands of times a proof
//! (blinding factors, the random polynomial of a zero-knowledge opening); with the operating
//! system's generator each of those is a system call. [`BlockRng`] reads 4 KiB at a time,
//! zeroizes each byte as it is handed out, and the rest of the block when it is dropped.

use rand_core::{CryptoRng, RngCore};
use zeroize::Zeroize;

const BLOCK: usize = 4096;

/// Reads `inner` in blocks of 4 KiB (see the module documentation).
pub(crate) struct BlockRng<R> {
    inner: R,
    block: [u8; BLOCK],
    /// Bytes of `block` already handed out (and zeroized).
    spent: usize,
}

impl<R: RngCore> BlockRng<R> {
    pub(crate) fn new(inner: R) -> Self {
        BlockRng { inner, block: [0; BLOCK], spent: BLOCK }
    }
}

impl<R: RngCore> RngCore for BlockRng<R> {
    fn next_u32(&mut self) -> u32 {
        rand_core::impls::next_u32_via_fill(self)
    }

    fn next_u64(&mut self) -> u64 {
        rand_core::impls::next_u64_via_fill(self)
    }

    fn fill_bytes(&mut self, mut dest: &mut [u8]) {
        while !dest.is_empty() {
            if self.spent == BLOCK {
                self.inner.fill_bytes(&mut self.block);
                self.spent = 0;
            }
            let take = dest.len().min(BLOCK - self.spent);
            let bytes = &mut self.block[self.spent..self.spent + take];
            dest[..take].copy_from_slice(bytes);
            bytes.zeroize();
            self.spent += take;
            dest = &mut dest[take..];
        }
    }

    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rand_core::Error> {
        self.fill_bytes(dest);
        Ok(())
    }
}

impl<R: CryptoRng> CryptoRng for BlockRng<R> {}

impl<R> Drop for BlockRng<R> {
    fn drop(&mut self) {
        self.block.zeroize();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_chacha::{rand_core::SeedableRng, ChaCha20Rng};

    #[test]
    fn hands_out_the_inner_stream_in_order_across_blocks() {
        let mut direct = ChaCha20Rng::seed_from_u64(7);
        let mut expected = vec![0u8; 3 * BLOCK + 100];
        direct.fill_bytes(&mut expected);

        let mut blocks = BlockRng::new(ChaCha20Rng::seed_from_u64(7));
        let mut got = Vec::new();
        for len in [1, 63, 64, 4000, 5000, 37].iter().cycle().take(12) {
            let mut chunk = vec![0u8; *len];
            blocks.fill_bytes(&mut chunk);
            got.extend_from_slice(&chunk);
            if got.len() >= expected.len() {
                break;
            }
        }
        got.truncate(expected.len());
        assert_eq!(got, expected);
    }

    #[test]
    fn zeroizes_what_it_hands_out() {
        let mut blocks = BlockRng::new(ChaCha20Rng::seed_from_u64(1));
        let mut out = [0u8; 100];
        blocks.fill_bytes(&mut out);
        assert!(blocks.block[..100].iter().all(|&b| b == 0), "spent bytes stay in the block");
        assert!(blocks.block[100..].iter().any(|&b| b != 0), "the unspent bytes are the stream's");
    }
}
