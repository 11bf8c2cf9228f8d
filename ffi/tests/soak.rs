//! Soak and faults through the C ABI: 200 depth-20 proofs on one prover, all verified, with the
//! process's live heap (counted by this test's global allocator) and RSS flat; then asynchronous
//! proofs cancelled at 50 random moments, each followed by a proof that verifies.
//!
//! Its own test binary, so the allocator counts nothing but this.

mod common;

use std::{
    alloc::{GlobalAlloc, Layout, System},
    sync::atomic::{AtomicUsize, Ordering::Relaxed},
    time::{Duration, Instant},
};

use common::{record, verify_dev, wait, witness_json, Seen};
use hum::*;
use hum_core::{field::fr_to_hex, Fr};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Relaxed);
        // SAFETY: forwarded with the caller's layout.
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Relaxed);
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size, Relaxed);
        LIVE.fetch_sub(layout.size(), Relaxed);
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn rss_bytes() -> usize {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    statm.split_whitespace().nth(1).and_then(|p| p.parse::<usize>().ok()).unwrap_or(0) * 4096
}

fn prove(p: *mut HumProver, w: &[u8]) -> Vec<u8> {
    let mut out = HumBuffer { data: std::ptr::null_mut(), len: 0 };
    assert_eq!(hum_prover_prove(p, w.as_ptr(), w.len(), HumFlavour::Standard as u32, &mut out), HumResult::Ok);
    let proof = unsafe { std::slice::from_raw_parts(out.data, out.len) }.to_vec();
    hum_buffer_free(out);
    proof
}

#[test]
fn two_hundred_proofs_all_verified_memory_flat_then_fifty_random_cancels() {
    let mut p = std::ptr::null_mut();
    assert_eq!(hum_prover_new(&mut p), HumResult::Ok);
    assert_eq!(hum_prover_init(p, 20, std::ptr::null(), 0, std::ptr::null(), 0), HumResult::Ok);

    // Allocated up front, so the measurements do not measure their own growth.
    let mut live = Vec::with_capacity(200);
    let mut rss = Vec::with_capacity(200);
    for i in 0..200u64 {
        let proof = prove(p, &witness_json(20, i + 1));
        assert_eq!(verify_dev(p, 20, &proof), HumResult::Ok, "proof {i}");
        let json: serde_json::Value = serde_json::from_slice(&proof).unwrap();
        assert_eq!(json["public_inputs"]["message_hash"], fr_to_hex(&Fr::from(i + 1)).as_str());
        drop((proof, json));
        live.push(LIVE.load(Relaxed));
        rss.push(rss_bytes());
    }
    eprintln!(
        "200 proofs at depth 20 through the C ABI: live heap {} B after proof 1, {} B after proof 200; \
         RSS {} KiB after proof 1, {} KiB after proof 200",
        live[0],
        live[199],
        rss[0] >> 10,
        rss[199] >> 10
    );
    eprintln!(
        "live heap after proofs 1, 2, 3, 10, 50, 100, 150, 200: {:?} B",
        [0, 1, 2, 9, 49, 99, 149, 199].map(|i| live[i])
    );
    // Whatever a proof allocates, it frees: a leak would raise the live heap proof after proof.
    // Rayon's pool may grow an internal queue once or twice under load (a few hundred bytes,
    // seen once after proof 19 on a busy machine), so a handful of one-time steps is allowed.
    let steps = live.windows(2).filter(|w| w[1] > w[0]).count();
    assert!(steps <= 5 && live[199] <= live[0] + 16384, "live heap grew: {live:?}");

    let seen = Seen::default();
    let user = seen.user_data();
    let w = witness_json(20, 7);
    let started = Instant::now();
    assert_eq!(
        hum_prover_prove_async(p, w.as_ptr(), w.len(), HumFlavour::Standard as u32, Some(record), user),
        HumResult::Ok
    );
    assert!(wait(&seen).iter().any(|e| e.0 == HumEventKind::ProofComplete));
    let span = started.elapsed().as_micros() as u64 * 6 / 5;
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let (mut cancelled, mut completed) = (0, 0);
    for i in 0..50 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        assert_eq!(
            hum_prover_prove_async(p, w.as_ptr(), w.len(), HumFlavour::Standard as u32, Some(record), user),
            HumResult::Ok
        );
        std::thread::sleep(Duration::from_micros(seed % span));
        assert_eq!(hum_prover_cancel(p), HumResult::Ok);
        let events = wait(&seen);
        if events.iter().any(|e| e.0 == HumEventKind::ProofComplete) {
            completed += 1;
        } else {
            let error = events.iter().find(|e| e.0 == HumEventKind::Error).expect("a proof or an error");
            assert_eq!(error.2, HumResult::Cancelled, "moment {i}: {}", String::from_utf8_lossy(&error.3));
            cancelled += 1;
        }
        let proof = prove(p, &witness_json(20, 1000 + i));
        assert_eq!(verify_dev(p, 20, &proof), HumResult::Ok, "after moment {i}");
    }
    eprintln!("50 random cancel moments over {span} µs: {cancelled} cancelled, {completed} completed first");
    hum_prover_free(p);
}
