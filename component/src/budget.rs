//! The memory budget: a global allocator that counts live heap bytes and refuses to pass the
//! budget set by `init`.
//!
//! Work that is known to need more than the budget is refused up front with an `out-of-memory`
//! error event (see [`fits`]). If an allocation would still pass the budget mid-work, the
//! allocator refuses it, Rust's allocation-failure handler writes `memory allocation of N bytes
//! failed` to the component's stderr and the instance traps: a host tells this trap from others
//! by that line (the wasmtime host also sees its own `StoreLimits` refusal). A trapped instance
//! is discarded; the hosts restart it with a larger budget.

use std::{
    alloc::{GlobalAlloc, Layout, System},
    sync::atomic::{AtomicUsize, Ordering::Relaxed},
};

/// Counts bytes and enforces the budget.
pub struct BudgetAllocator;

static USED: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static BUDGET: AtomicUsize = AtomicUsize::new(usize::MAX);

unsafe impl GlobalAlloc for BudgetAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded to the system allocator with the caller's layout.
        counted(layout.size(), || unsafe { System.alloc(layout) })
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as above.
        counted(layout.size(), || unsafe { System.alloc_zeroed(layout) })
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        USED.fetch_sub(layout.size(), Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let old = layout.size();
        if new_size > old && !reserve(new_size - old) {
            return std::ptr::null_mut();
        }
        let out = unsafe { System.realloc(ptr, layout, new_size) };
        if out.is_null() {
            if new_size > old {
                USED.fetch_sub(new_size - old, Relaxed);
            }
        } else if new_size < old {
            USED.fetch_sub(old - new_size, Relaxed);
        }
        out
    }
}

/// Reserves `size` bytes of budget, then allocates; gives the reservation back on failure.
fn counted(size: usize, allocate: impl FnOnce() -> *mut u8) -> *mut u8 {
    if !reserve(size) {
        return std::ptr::null_mut();
    }
    let ptr = allocate();
    if ptr.is_null() {
        USED.fetch_sub(size, Relaxed);
    }
    ptr
}

fn reserve(size: usize) -> bool {
    let used = USED.fetch_add(size, Relaxed) + size;
    if used > BUDGET.load(Relaxed) {
        USED.fetch_sub(size, Relaxed);
        return false;
    }
    PEAK.fetch_max(used, Relaxed);
    true
}

/// Sets the budget in bytes (`None`: unlimited).
pub fn set_budget(bytes: Option<u64>) {
    let bytes = bytes.map_or(usize::MAX, |b| usize::try_from(b).unwrap_or(usize::MAX));
    BUDGET.store(bytes, Relaxed);
}

/// The most heap bytes held at once so far.
pub fn peak() -> u64 {
    PEAK.load(Relaxed) as u64
}

/// Heap bytes held now.
pub fn used() -> u64 {
    USED.load(Relaxed) as u64
}

/// Whether `extra` more bytes fit in the budget now.
pub fn fits(extra: u64) -> bool {
    let budget = BUDGET.load(Relaxed) as u64;
    used().saturating_add(extra) <= budget
}

/// The counting allocator as the actor's [`Memory`](hum_actor::Memory).
#[derive(Clone, Copy, Debug, Default)]
pub struct AllocatorBudget;

impl hum_actor::Memory for AllocatorBudget {
    fn set_budget(&self, bytes: Option<u64>) {
        set_budget(bytes)
    }

    fn fits(&self, bytes: u64) -> bool {
        fits(bytes)
    }

    fn peak(&self) -> u64 {
        peak()
    }
}
