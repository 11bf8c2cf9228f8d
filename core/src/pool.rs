//! Where a proof or a verification runs: on a thread of rayon's pool.
//!
//! halo2 splits its work with rayon thousands of times a proof. Called from a thread outside
//! the pool (a C caller's, a host's worker), each split hands its jobs to the pool and blocks
//! until they are done: a round trip between threads every time, about 22 ms of a 75 ms KZG
//! proof and 31 ms of a 93 ms IPA one on one thread (measured with `core/examples/bench.rs`,
//! proving from a thread of its own against from inside the pool). On a pool thread the splits
//! run in place or are stolen, with no hand-off. So [`relayed`] and [`blocking`] move the work
//! onto the pool when the caller is not on it already; without `multicore` (wasm) they simply
//! call it.
//!
//! A proof's progress reports and cancellation polls stay on the caller's thread, where its
//! sink lives (a C callback, a host's event channel): [`relayed`] passes them through a ring on the caller's stack.

use crate::progress::ProgressSink;

/// Runs `work` on rayon's pool with a sink that relays its reports to `sink` on this thread
/// and its cancellation polls from it; on a pool thread already (or without `multicore`),
/// `work` gets `sink` itself.
///
/// `work` is moved into a heap-allocated job: it must borrow secrets, not own them (a moved
/// value's bytes stay in the freed job).
pub(crate) fn relayed<R: Send>(sink: &mut dyn ProgressSink, work: impl FnOnce(&mut dyn ProgressSink) -> R + Send) -> R {
    #[cfg(feature = "multicore")]
    if rayon::current_thread_index().is_none() {
        return on_pool(sink, work);
    }
    work(sink)
}

/// Runs `work` on rayon's pool, blocking this thread until it is done.
pub(crate) fn blocking<R: Send>(work: impl FnOnce() -> R + Send) -> R {
    #[cfg(feature = "multicore")]
    if rayon::current_thread_index().is_none() {
        return rayon::scope(|_| work());
    }
    work()
}

#[cfg(feature = "multicore")]
fn on_pool<R: Send>(sink: &mut dyn ProgressSink, work: impl FnOnce(&mut dyn ProgressSink) -> R + Send) -> R {
    use crate::progress::Progress;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Condvar, Mutex};
    use std::time::Duration;

    /// Reports on their way to the caller: a ring on the caller's stack, so that relaying
    /// allocates nothing (a heap block of the relay's would be freed with whatever bytes it
    /// happened to hold; `hosts/wasmtime/tests/secrets_memory.rs` scans freed blocks).
    struct Queue {
        ring: [Option<Progress>; 32],
        head: usize,
        len: usize,
        done: bool,
    }

    struct Shared {
        queue: Mutex<Queue>,
        changed: Condvar,
        cancelled: AtomicBool,
    }

    impl Shared {
        fn lock(&self) -> std::sync::MutexGuard<'_, Queue> {
            self.queue.lock().unwrap_or_else(|e| e.into_inner())
        }
    }

    /// The sink the work sees on the pool.
    struct Relay<'a>(&'a Shared);

    impl ProgressSink for Relay<'_> {
        fn report(&mut self, progress: Progress) {
            let mut queue = self.0.lock();
            while queue.len == queue.ring.len() {
                queue = self.0.changed.wait(queue).unwrap_or_else(|e| e.into_inner());
            }
            let at = (queue.head + queue.len) % queue.ring.len();
            queue.ring[at] = Some(progress);
            queue.len += 1;
            self.0.changed.notify_all();
        }

        fn cancelled(&mut self) -> bool {
            self.0.cancelled.load(Ordering::Relaxed)
        }
    }

    /// Marks the work done when it ends, by returning or by unwinding.
    struct Done<'a>(&'a Shared);

    impl Drop for Done<'_> {
        fn drop(&mut self) {
            self.0.lock().done = true;
            self.0.changed.notify_all();
        }
    }

    let shared = Shared {
        queue: Mutex::new(Queue { ring: [None; 32], head: 0, len: 0, done: false }),
        changed: Condvar::new(),
        cancelled: AtomicBool::new(false),
    };
    let mut result = None;
    rayon::in_place_scope(|scope| {
        let (result, shared) = (&mut result, &shared);
        scope.spawn(move |_| {
            let _done = Done(shared);
            *result = Some(work(&mut Relay(shared)));
        });
        // Until the work is done: forward each report, and poll the caller's sink after each
        // batch and at least every 10 ms between them (a cancel from another thread).
        loop {
            let mut batch = [None; 32];
            let done = {
                let mut queue = shared.lock();
                if queue.len == 0 && !queue.done {
                    queue = shared
                        .changed
                        .wait_timeout(queue, Duration::from_millis(10))
                        .unwrap_or_else(|e| e.into_inner())
                        .0;
                }
                for slot in batch.iter_mut().take(queue.len) {
                    let head = queue.head;
                    *slot = queue.ring[head].take();
                    queue.head = (head + 1) % queue.ring.len();
                }
                queue.len = 0;
                shared.changed.notify_all();
                queue.done
            };
            for progress in batch.into_iter().flatten() {
                sink.report(progress);
            }
            if sink.cancelled() {
                shared.cancelled.store(true, Ordering::Relaxed);
            }
            if done {
                break;
            }
        }
    });
    // The scope ends when the work has; a panic in it resumes here.
    result.expect("the scope ran the work")
}
