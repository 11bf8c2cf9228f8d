//! No copy of a secret is freed unwiped. A global allocator scans every block freed while it is
//! armed (reallocations included: the old block counts as freed) for the secret — its canonical
//! bytes in both byte orders, its Montgomery form (how field elements sit in memory), and its
//! hex in either case — after a proof natively (hum-core and the C ABI), after a proof through
//! the orchestrator, after PROVE commands cancelled at once, after an orchestrator is dropped with
//! requests queued, and after `hum open`'s key file is read. Each must leave zero hits.
//!
//! One test function: the allocator is process-wide, so the scenarios run one after another.
//! `HUM_SECRETS_BACKTRACE=1` prints where each hit was freed.

mod common;

use std::{
    alloc::{GlobalAlloc, Layout, System},
    cell::Cell,
    sync::{
        atomic::{AtomicBool, AtomicUsize, Ordering},
        Mutex,
    },
};

use hum_core::{field::fr_to_hex, poseidon2::hash1, tree::MerkleTree, CircuitKeys, Flavour, Fr, Srs, Witness};
use hum_host::{InitRequest, ProverOrchestrator};
use zeroize::Zeroizing;

const MAX_PATTERNS: usize = 32;

struct Patterns {
    bytes: [[u8; 64]; MAX_PATTERNS],
    lens: [usize; MAX_PATTERNS],
    count: usize,
}

static PATTERNS: Mutex<Patterns> =
    Mutex::new(Patterns { bytes: [[0; 64]; MAX_PATTERNS], lens: [0; MAX_PATTERNS], count: 0 });
static ARMED: AtomicBool = AtomicBool::new(false);
static BACKTRACES: AtomicBool = AtomicBool::new(false);
static HITS: AtomicUsize = AtomicUsize::new(0);
static SCANNED: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    static INSIDE: Cell<bool> = const { Cell::new(false) };
}

struct Scanning;

/// Counts the patterns in a block about to be freed.
///
/// # Safety
/// `ptr` is valid for `len` bytes.
unsafe fn scan(ptr: *const u8, len: usize) {
    if !ARMED.load(Ordering::Relaxed) || len < 32 || INSIDE.with(|i| i.replace(true)) {
        return;
    }
    // SAFETY: per the function's contract.
    let block = unsafe { std::slice::from_raw_parts(ptr, len) };
    let mut hits = 0;
    let mut which = 0;
    {
        let patterns = PATTERNS.lock().unwrap_or_else(|e| e.into_inner());
        for p in 0..patterns.count {
            let pattern = &patterns.bytes[p][..patterns.lens[p]];
            let found = block.windows(pattern.len()).filter(|w| w[0] == pattern[0] && *w == pattern).count();
            if found > 0 {
                which = p;
            }
            hits += found;
        }
    }
    SCANNED.fetch_add(len, Ordering::Relaxed);
    if hits > 0 {
        HITS.fetch_add(hits, Ordering::Relaxed);
        if BACKTRACES.load(Ordering::Relaxed) {
            let trace = std::backtrace::Backtrace::force_capture();
            let head = &block[..len.min(128)];
            eprintln!("secret (form {which}) in a freed block of {len} bytes {head:02x?}:\n{trace}");
        }
    }
    INSIDE.with(|i| i.set(false));
}

unsafe impl GlobalAlloc for Scanning {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe {
            scan(ptr, layout.size());
            System.dealloc(ptr, layout)
        }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // Always move, so that the old block is scanned as the freed block it may become.
        unsafe {
            let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
            let new = System.alloc(new_layout);
            if !new.is_null() {
                std::ptr::copy_nonoverlapping(ptr, new, layout.size().min(new_size));
                scan(ptr, layout.size());
                System.dealloc(ptr, layout);
            }
            new
        }
    }
}

#[global_allocator]
static ALLOCATOR: Scanning = Scanning;

/// Every form of a field element that may sit in memory.
fn forms_of(secret: &Fr) -> Vec<Vec<u8>> {
    use hum_core::field::fr_to_be_bytes;
    let be = fr_to_be_bytes(secret).to_vec();
    let le: Vec<u8> = be.iter().rev().copied().collect();
    // Montgomery form: the canonical value of secret · 2^256 mod p, as the limbs hold it.
    let r = (0..256).fold(Fr::one(), |acc, _| acc.double());
    let montgomery_be = fr_to_be_bytes(&(*secret * r)).to_vec();
    let montgomery: Vec<u8> = montgomery_be.iter().rev().copied().collect();
    let hex = hex::encode(&be);
    vec![be, le, montgomery, montgomery_be, hex.clone().into_bytes(), hex.to_uppercase().into_bytes()]
}

/// Arms the scanner for `forms`, runs `body`, disarms, and returns the hits.
fn hits_during(forms: &[Vec<u8>], body: impl FnOnce()) -> usize {
    {
        let mut patterns = PATTERNS.lock().unwrap();
        assert!(forms.len() <= MAX_PATTERNS);
        for (i, form) in forms.iter().enumerate() {
            patterns.bytes[i][..form.len()].copy_from_slice(form);
            patterns.lens[i] = form.len();
        }
        patterns.count = forms.len();
    }
    HITS.store(0, Ordering::SeqCst);
    ARMED.store(true, Ordering::SeqCst);
    body();
    ARMED.store(false, Ordering::SeqCst);
    HITS.load(Ordering::SeqCst)
}

/// A member witness of a small depth-`depth` tree whose secret is `secret`.
fn witness(depth: usize, secret: Fr, message: u64) -> Witness {
    let tree = MerkleTree::new(depth, &[hash1(Fr::from(3)), hash1(secret)]);
    Witness {
        secret: fr_to_hex(&secret),
        index: 1,
        siblings: tree.siblings(1).iter().map(fr_to_hex).collect(),
        action_id: "0x07".into(),
        message_hash: fr_to_hex(&Fr::from(message)),
        root: Some(fr_to_hex(&tree.root())),
    }
}

/// A secret with 253 bits of distinctive bytes, from a seed.
fn secret(seed: u64) -> Fr {
    use sha2::Digest;
    let mut be: [u8; 32] = sha2::Sha256::digest(seed.to_le_bytes()).into();
    be[0] &= 0x1f;
    hum_core::field::fr_from_be_bytes(&be).expect("below p")
}

#[test]
fn no_freed_block_holds_a_secret() {
    BACKTRACES.store(std::env::var_os("HUM_SECRETS_BACKTRACE").is_some(), Ordering::SeqCst);
    let s = secret(1);
    let forms = forms_of(&s);

    // The scanner finds what it must: a copy freed unwiped is a hit.
    let leak = hits_during(&forms, || drop(std::hint::black_box(forms[2].clone())));
    assert_eq!(leak, 1, "the scanner must see a block freed with the secret in it");

    // hum-core natively: the circuit's advice columns, their FFTs and polynomials, under each
    // commitment scheme (the C ABI and the orchestrator below prove on the default, IPA).
    let depth = 4;
    let k = hum_core::k_for_depth(depth);
    for srs in [Srs::insecure_dev(k), Srs::transparent(k)] {
        let keys = CircuitKeys::generate(&srs, depth).unwrap();
        let w = witness(depth, s, 1);
        let hits = hits_during(&forms, || {
            let proof = hum_core::prove(&keys, &w, Flavour::Standard, rand_core::OsRng, &mut |_| {}).unwrap();
            drop(proof);
        });
        drop(w);
        assert_eq!(
            hits,
            0,
            "hum-core ({}): {hits} freed copies of the secret (SCANNED {} bytes)",
            srs.scheme().name(),
            SCANNED.load(Ordering::SeqCst)
        );
    }

    // The C ABI, from witness JSON bytes.
    let json = Zeroizing::new(serde_json::to_vec(&witness(depth, s, 2)).unwrap());
    let mut p = std::ptr::null_mut();
    assert_eq!(hum_ffi::hum_prover_new(&mut p), hum_ffi::HumResult::Ok);
    assert_eq!(
        hum_ffi::hum_prover_init(p, depth as u32, std::ptr::null(), 0, std::ptr::null(), 0),
        hum_ffi::HumResult::Ok
    );
    let hits = hits_during(&forms, || {
        let mut out = hum_ffi::HumBuffer { data: std::ptr::null_mut(), len: 0 };
        assert_eq!(
            hum_ffi::hum_prover_prove(p, json.as_ptr(), json.len(), hum_ffi::HumFlavour::Standard as u32, &mut out),
            hum_ffi::HumResult::Ok
        );
        hum_ffi::hum_buffer_free(out);
    });
    hum_ffi::hum_prover_free(p);
    assert_eq!(hits, 0, "C ABI: {hits} freed copies of the secret");

    // The orchestrator: a proof, then PROVE commands cancelled at once.
    let orchestrator = ProverOrchestrator::new(common::runtime(), common::config(common::temp_cache("secrets-memory")));
    orchestrator.init(InitRequest { depth, ..Default::default() }).wait().unwrap();
    let w = witness(depth, s, 3);
    let hits = hits_during(&forms, || {
        orchestrator.prove_blocking(&w, Flavour::Standard).unwrap();
        for _ in 0..3 {
            let pending = orchestrator.prove(&w, Flavour::Standard);
            orchestrator.cancel();
            let _ = pending.wait();
        }
    });
    assert_eq!(hits, 0, "orchestrator: {hits} freed copies of the secret");

    // An orchestrator dropped with requests still queued, each with its own secret.
    let secrets: Vec<Fr> = (10..14).map(secret).collect();
    let all_forms: Vec<Vec<u8>> = secrets.iter().flat_map(forms_of).collect();
    let queued: Vec<Witness> = secrets.iter().map(|s| witness(depth, *s, 4)).collect();
    let hits = hits_during(&all_forms, || {
        let pendings: Vec<_> = queued.iter().map(|w| orchestrator.prove(w, Flavour::Standard)).collect();
        drop(orchestrator);
        drop(pendings);
    });
    drop(queued);
    assert_eq!(hits, 0, "dropped orchestrator: {hits} freed copies of a queued secret");

    // `hum open`: the key file's secret key.
    let dir = std::env::temp_dir().join(format!("hum-secrets-memory-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (key, public) = hum_core::seal::keypair(&mut rand_core::OsRng);
    hum_host::keyfile::write_key_file(&dir.join("key.json"), &key, &public).unwrap();
    let envelope = hum_core::seal::seal(&public, b"for the enclave", b"", &mut rand_core::OsRng).unwrap();
    let key_hex = hex::encode(key.as_ref());
    let key_forms = vec![
        key.to_vec(),
        key.iter().rev().copied().collect(),
        key_hex.clone().into_bytes(),
        key_hex.to_uppercase().into_bytes(),
    ];
    let hits = hits_during(&key_forms, || {
        let secret = hum_host::keyfile::read_secret_key(&dir.join("key.json")).unwrap();
        let plaintext = hum_core::seal::open(secret.as_ref(), &envelope, b"").unwrap();
        hum_host::keyfile::write_private_file(&dir.join("opened"), &plaintext).unwrap();
    });
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(hits, 0, "hum open: {hits} freed copies of the secret key");
}
