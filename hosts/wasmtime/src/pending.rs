//! A one-shot reply: a `Future` that can also be waited on from blocking code.

use std::{
    future::Future,
    pin::Pin,
    sync::{Arc, Condvar, Mutex},
    task::{Context, Poll, Waker},
};

struct Slot<T> {
    value: Option<T>,
    waker: Option<Waker>,
}

struct Inner<T> {
    slot: Mutex<Slot<T>>,
    ready: Condvar,
}

/// The sending half, held by the instance thread. Dropped unsent, it sends its fallback
/// (so a waiter never hangs when the instance thread is gone).
pub(crate) struct Reply<T> {
    inner: Option<Arc<Inner<T>>>,
    fallback: fn() -> T,
}

/// The result of a queued command: `.await` it, or call [`Pending::wait`].
#[must_use = "a Pending does nothing unless awaited or waited on"]
pub struct Pending<T>(Arc<Inner<T>>);

pub(crate) fn channel<T>(fallback: fn() -> T) -> (Reply<T>, Pending<T>) {
    let inner = Arc::new(Inner { slot: Mutex::new(Slot { value: None, waker: None }), ready: Condvar::new() });
    (Reply { inner: Some(inner.clone()), fallback }, Pending(inner))
}

impl<T> Drop for Reply<T> {
    fn drop(&mut self) {
        if let Some(inner) = self.inner.take() {
            deliver(&inner, (self.fallback)());
        }
    }
}

impl<T> Reply<T> {
    pub(crate) fn send(mut self, value: T) {
        if let Some(inner) = self.inner.take() {
            deliver(&inner, value);
        }
    }
}

fn deliver<T>(inner: &Inner<T>, value: T) {
    {
        let mut slot = inner.slot.lock().unwrap_or_else(|e| e.into_inner());
        slot.value = Some(value);
        if let Some(waker) = slot.waker.take() {
            waker.wake();
        }
    }
    inner.ready.notify_all();
}

impl<T> Pending<T> {
    /// Blocks the calling thread until the reply arrives.
    pub fn wait(self) -> T {
        let mut slot = self.0.slot.lock().unwrap_or_else(|e| e.into_inner());
        loop {
            if let Some(value) = slot.value.take() {
                return value;
            }
            slot = self.0.ready.wait(slot).unwrap_or_else(|e| e.into_inner());
        }
    }
}

impl<T> Future for Pending<T> {
    type Output = T;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        let mut slot = self.0.slot.lock().unwrap_or_else(|e| e.into_inner());
        match slot.value.take() {
            Some(value) => Poll::Ready(value),
            None => {
                slot.waker = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}
