//! What the user sees while a command runs: a progress bar on a terminal, plain lines
//! otherwise, nothing with `--json`; restarts and cache repairs on stderr.

use std::io::IsTerminal;

use hum_host::{Notification, ProverOrchestrator};
use indicatif::{ProgressBar, ProgressStyle};

/// Shows the orchestrator's notifications until it is dropped.
pub fn watch(orchestrator: &ProverOrchestrator, json: bool) -> std::thread::JoinHandle<()> {
    let rx = orchestrator.subscribe();
    let bar = (!json && std::io::stderr().is_terminal()).then(|| {
        let bar = ProgressBar::new(100);
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg:<28} [{bar:40}] {pos:>3}%")
                .expect("valid template")
                .progress_chars("=> "),
        );
        bar
    });
    std::thread::spawn(move || {
        for n in rx {
            match (&bar, n) {
                (Some(bar), Notification::Progress { stage, percent }) => {
                    bar.set_message(stage.name());
                    bar.set_position(percent as u64);
                    if percent == 100 {
                        bar.finish_and_clear();
                    }
                }
                (Some(bar), Notification::State(s)) => bar.set_message(format!("{s:?}").to_lowercase()),
                (None, Notification::Progress { stage, percent }) if !json => {
                    eprintln!("progress: {:>3}% {}", percent, stage.name())
                }
                (_, Notification::Restarted { reason, memory_limit }) if !json => {
                    eprintln!("hum: prover restarted ({reason:?}), memory limit now {} MiB", memory_limit >> 20)
                }
                (_, Notification::CacheEntryDiscarded) if !json => {
                    eprintln!("hum: a cached key entry was rejected and discarded; keys regenerated")
                }
                _ => {}
            }
        }
    })
}

/// Warns on stderr when the circuit's SRS is the insecure dev one.
pub fn insecure_warning(circuit: &hum_core::CircuitInfo, json: bool) {
    if circuit.insecure_dev_srs && !json {
        eprintln!("hum: WARNING: INSECURE dev SRS (its toxic waste is public): proofs made with it prove nothing. Drop --insecure-dev-srs for IPA (no ceremony needed), or pass a ceremony SRS with --srs.");
    }
}
