//! One isolated prover instance: its own `Store` with memory limits, epoch-based interruption,
//! and a WASI context with no preopened directories, no environment and no network.

use std::{
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc,
    },
    time::Instant,
};

use wasmtime::{
    component::{HasSelf, Linker, ResourceTable},
    Engine, ResourceLimiter, Store, StoreLimits, StoreLimitsBuilder, UpdateDeadline,
};
use wasmtime_wasi::{p2::pipe::MemoryOutputPipe, WasiCtx, WasiCtxView, WasiView};

use crate::{
    runtime::Runtime,
    wit::{self, ProverComponent, ProverComponentPre},
};

/// Links the component's imports once (WASI without files, environment or network, and the
/// event sink) and pre-instantiates it: each new instance then only makes its store.
pub(crate) fn pre_instantiate(
    engine: &Engine,
    component: &wasmtime::component::Component,
) -> wasmtime::Result<ProverComponentPre<HostState>> {
    let mut linker = Linker::new(engine);
    wasmtime_wasi::p2::add_to_linker_sync(&mut linker)?;
    ProverComponent::add_to_linker::<_, HasSelf<_>>(&mut linker, |s| s)?;
    ProverComponentPre::new(linker.instantiate_pre(component)?)
}

/// Why a call into the instance ended in a trap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TrapKind {
    /// The memory limit or the component's budget was exhausted.
    OutOfMemory,
    /// `cancel()` interrupted it.
    Cancelled,
    /// The orchestrator's timeout interrupted it.
    TimedOut,
    /// Any other trap (a bug): the message says what.
    Other(String),
}

/// StoreLimits that remember whether they refused to grow memory, and the memory's size.
struct Limits {
    inner: StoreLimits,
    refused: bool,
    memory: usize,
}

impl ResourceLimiter for Limits {
    fn memory_growing(&mut self, current: usize, desired: usize, maximum: Option<usize>) -> wasmtime::Result<bool> {
        let allowed = self.inner.memory_growing(current, desired, maximum);
        if matches!(allowed, Ok(true)) {
            self.memory = self.memory.max(desired);
        } else {
            self.refused = true;
        }
        allowed
    }

    fn table_growing(&mut self, current: usize, desired: usize, maximum: Option<usize>) -> wasmtime::Result<bool> {
        self.inner.table_growing(current, desired, maximum)
    }
}

/// What the store holds.
pub(crate) struct HostState {
    wasi: WasiCtx,
    table: ResourceTable,
    limits: Limits,
    stderr: MemoryOutputPipe,
    sink: EventSink,
    cancel: Arc<AtomicBool>,
    deadline: Option<Instant>,
    interrupted: Option<TrapKind>,
}

impl WasiView for HostState {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView { ctx: &mut self.wasi, table: &mut self.table }
    }
}

impl wit::hum::prover::types::Host for HostState {}

impl wit::hum::prover::events::Host for HostState {
    fn emit(&mut self, event: wit::Event) -> wasmtime::Result<()> {
        (self.sink)(event).map_err(wasmtime::Error::msg)
    }
}

/// Receives every event of an instance; an `Err` traps the instance (a host that cannot take
/// the event stops the command).
pub type EventSink = Box<dyn FnMut(wit::Event) -> Result<(), String> + Send>;

/// A live instance of the prover component.
pub struct ProverInstance {
    store: Store<HostState>,
    bindings: ProverComponent,
    memory_limit: usize,
}

impl ProverInstance {
    /// Instantiates the component with a memory limit; `sink` receives every event, `cancel`
    /// interrupts a running command when set.
    pub fn new(
        runtime: &Runtime,
        memory_limit: usize,
        cancel: Arc<AtomicBool>,
        sink: EventSink,
    ) -> wasmtime::Result<Self> {
        let stderr = MemoryOutputPipe::new(64 * 1024);
        // No preopens, no environment, no arguments, no network: only clocks, random and stdio.
        let wasi = WasiCtx::builder()
            .stderr(stderr.clone())
            .allow_tcp(false)
            .allow_udp(false)
            .allow_ip_name_lookup(false)
            .build();
        let limits = Limits {
            inner: StoreLimitsBuilder::new().memory_size(memory_limit).instances(4).trap_on_grow_failure(true).build(),
            refused: false,
            memory: 0,
        };
        let state = HostState {
            wasi,
            table: ResourceTable::new(),
            limits,
            stderr,
            sink,
            cancel,
            deadline: None,
            interrupted: None,
        };
        let mut store = Store::new(runtime.engine(), state);
        store.limiter(|s| &mut s.limits);
        store.set_epoch_deadline(1);
        store.epoch_deadline_callback(|mut ctx| {
            let state = ctx.data_mut();
            if state.cancel.load(Ordering::Relaxed) {
                state.interrupted = Some(TrapKind::Cancelled);
                return Err(wasmtime::Trap::Interrupt.into());
            }
            if state.deadline.is_some_and(|d| Instant::now() >= d) {
                state.interrupted = Some(TrapKind::TimedOut);
                return Err(wasmtime::Trap::Interrupt.into());
            }
            Ok(UpdateDeadline::Continue(1))
        });
        let bindings = runtime.pre().instantiate(&mut store)?;
        Ok(Self { store, bindings, memory_limit })
    }

    /// The size of the instance's linear memory in bytes (it only grows: a leak shows here).
    pub fn linear_memory(&self) -> usize {
        self.store.data().limits.memory
    }

    /// The memory limit this instance was made with.
    pub fn memory_limit(&self) -> usize {
        self.memory_limit
    }

    /// Runs one command to completion; its events went to the sink. A trap is classified, and
    /// after one the instance must be discarded.
    pub fn handle(&mut self, command: &wit::Command, deadline: Option<Instant>) -> Result<(), TrapKind> {
        self.store.data_mut().deadline = deadline;
        self.store.data_mut().interrupted = None;
        let outcome = self.bindings.hum_prover_prover().call_handle(&mut self.store, command);
        self.store.data_mut().deadline = None;
        match outcome {
            Ok(()) => Ok(()),
            Err(error) => Err(self.classify(&error)),
        }
    }

    fn classify(&mut self, error: &wasmtime::Error) -> TrapKind {
        let state = self.store.data_mut();
        if let Some(kind) = state.interrupted.take() {
            return kind;
        }
        let stderr = String::from_utf8_lossy(&state.stderr.contents()).into_owned();
        // The component's allocator refuses allocations past its budget; Rust's handler then
        // prints this line and aborts. The store limiter records refusals of its own.
        if state.limits.refused || stderr.contains("memory allocation of") {
            return TrapKind::OutOfMemory;
        }
        TrapKind::Other(format!("{error:?}").lines().next().unwrap_or("trap").to_string())
    }
}
