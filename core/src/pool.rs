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
//! sink lives (a C callback, a host's event channel): [`relayed`] passes them over a channel.

use crate::progress::ProgressSink;

/// Runs `work` on rayon's pool with a sink that relays its reports to `sink` on this thread
/// and its cancellation polls from it; on a pool thread already (or without `multicore`),
/// `work` gets `sink` itself.
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
    use std::sync::mpsc;
    use std::time::Duration;

    /// The sink the work sees on the pool.
    struct Relay<'a> {
        reports: mpsc::Sender<Progress>,
        cancelled: &'a AtomicBool,
    }

    impl ProgressSink for Relay<'_> {
        fn report(&mut self, progress: Progress) {
            // The receiver outlives the work (it is dropped after the scope); a send cannot fail.
            let _ = self.reports.send(progress);
        }

        fn cancelled(&mut self) -> bool {
            self.cancelled.load(Ordering::Relaxed)
        }
    }

    let cancelled = AtomicBool::new(false);
    let (reports, received) = mpsc::channel();
    let mut result = None;
    rayon::in_place_scope(|scope| {
        let (result, cancelled) = (&mut result, &cancelled);
        scope.spawn(move |_| *result = Some(work(&mut Relay { reports, cancelled })));
        // Until the work drops its relay: forward each report, and poll the caller's sink after
        // each one and at least every 10 ms between them (a cancel from another thread).
        loop {
            match received.recv_timeout(Duration::from_millis(10)) {
                Ok(progress) => sink.report(progress),
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
            if sink.cancelled() {
                cancelled.store(true, Ordering::Relaxed);
            }
        }
    });
    // The scope ends when the work has; a panic in it resumes here.
    result.expect("the scope ran the work")
}
