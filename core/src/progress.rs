//! Real progress: a transcript wrapper that sees every commitment, evaluation and challenge the
//! prover writes or squeezes, and turns the prover's position into a stage and a percentage.
//!
//! The halo2 prover's transcript order is fixed: advice commitments, θ, β, γ, permutation
//! products and the vanishing argument's random commitment, y, the quotient pieces, x, the
//! evaluations, then the multi-opening. Each event moves the percentage forward by the share of
//! proving time measured for its phase; reports are monotonic, and 100 is sent only by the caller
//! after the proof is complete. Cancellation is honoured
//! before proving and at the quotient commitments (see `check`).

use std::{io, marker::PhantomData};

use halo2_proofs::{
    halo2curves::bn256::{Fr, G1Affine},
    transcript::{EncodedChallenge, Transcript, TranscriptWrite, TranscriptWriterBuffer},
};

/// A phase of proving.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// Checking the witness and laying out the circuit's cells.
    Synthesis,
    /// Committing to the advice columns.
    AdviceCommitments,
    /// The permutation (copy-constraint) argument.
    Permutation,
    /// Computing and committing to the quotient polynomial.
    Quotient,
    /// Evaluating every polynomial at the challenge point.
    Evaluations,
    /// The KZG multi-opening proof.
    Openings,
    /// The proof is complete.
    Done,
}

impl Stage {
    /// The kebab-case name used in events and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Synthesis => "synthesis",
            Stage::AdviceCommitments => "advice-commitments",
            Stage::Permutation => "permutation",
            Stage::Quotient => "quotient",
            Stage::Evaluations => "evaluations",
            Stage::Openings => "openings",
            Stage::Done => "done",
        }
    }
}

/// One progress report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// The phase the prover is in.
    pub stage: Stage,
    /// 0..=100, never decreasing within a proof.
    pub percent: u8,
}

/// Receives progress reports and answers whether to stop, on the thread that called `prove`
/// (natively the proof itself runs on rayon's pool and its reports are relayed back).
pub trait ProgressSink {
    /// Called on every change of stage or percentage.
    fn report(&mut self, progress: Progress);
    /// Polled at every transcript event; `true` stops the proof with `Error::Cancelled`.
    fn cancelled(&mut self) -> bool {
        false
    }
}

impl<F: FnMut(Progress)> ProgressSink for F {
    fn report(&mut self, progress: Progress) {
        self(progress)
    }
}

/// Tracks the percentage and never lets it go backwards.
pub(crate) struct Tracker<'a> {
    sink: &'a mut dyn ProgressSink,
    last: Option<Progress>,
}

impl<'a> Tracker<'a> {
    pub(crate) fn new(sink: &'a mut dyn ProgressSink) -> Self {
        Self { sink, last: None }
    }

    pub(crate) fn report(&mut self, stage: Stage, percent: u8) {
        let percent = percent.max(self.last.map_or(0, |p| p.percent));
        let next = Progress { stage, percent };
        if self.last != Some(next) {
            self.last = Some(next);
            self.sink.report(next);
        }
    }

    pub(crate) fn cancelled(&mut self) -> bool {
        self.sink.cancelled()
    }
}

/// The transcript `T` the prover writes (either flavour's), with progress and cancellation.
pub(crate) struct ProgressTranscript<'a, 'b, E, T> {
    inner: T,
    tracker: &'b mut Tracker<'a>,
    squeezes: usize,
    writes_in_stage: usize,
    advice_columns: usize,
    quotient_pieces: usize,
    challenge: PhantomData<E>,
}

impl<'a, 'b, E, T> ProgressTranscript<'a, 'b, E, T>
where
    E: EncodedChallenge<G1Affine>,
    T: TranscriptWrite<G1Affine, E> + TranscriptWriterBuffer<Vec<u8>, G1Affine, E>,
{
    pub(crate) fn new(tracker: &'b mut Tracker<'a>, advice_columns: usize, quotient_pieces: usize) -> Self {
        Self {
            inner: T::init(Vec::new()),
            tracker,
            squeezes: 0,
            writes_in_stage: 0,
            advice_columns: advice_columns.max(1),
            quotient_pieces: quotient_pieces.max(1),
            challenge: PhantomData,
        }
    }

    pub(crate) fn finalize(self) -> Vec<u8> {
        self.inner.finalize()
    }

    /// halo2-axiom unwraps transcript errors in most phases; the quotient commitments (after y,
    /// before x) are where it propagates them cleanly, so a cancellation is raised there. The
    /// other polls happen in `prove` before proving starts.
    fn check(&mut self) -> io::Result<()> {
        if self.squeezes == 4 && self.tracker.cancelled() {
            return Err(io::Error::new(io::ErrorKind::Interrupted, "cancelled"));
        }
        Ok(())
    }

    /// Where a write lands: (stage, percent) from the number of challenges squeezed so far.
    fn on_write(&mut self) -> io::Result<()> {
        self.writes_in_stage += 1;
        let w = self.writes_in_stage;
        // Percent budgets follow measured time shares at depth 20 (advice MSMs ~30 %, quotient
        // ~40 %, openings ~15 %).
        let (stage, percent) = match self.squeezes {
            0 => (Stage::AdviceCommitments, 5 + 30 * w.min(self.advice_columns) / self.advice_columns),
            1..=3 => (Stage::Permutation, 40 + 2 * w.min(5)),
            4 => (Stage::Quotient, 75 + 10 * w.min(self.quotient_pieces) / self.quotient_pieces),
            5 => (Stage::Evaluations, 86 + (w / 8).min(5)),
            _ => (Stage::Openings, 93 + 2 * w.min(3)),
        };
        self.tracker.report(stage, percent as u8);
        self.check()
    }
}

impl<E, T> Transcript<G1Affine, E> for ProgressTranscript<'_, '_, E, T>
where
    E: EncodedChallenge<G1Affine>,
    T: TranscriptWrite<G1Affine, E> + TranscriptWriterBuffer<Vec<u8>, G1Affine, E>,
{
    fn squeeze_challenge(&mut self) -> E {
        self.squeezes += 1;
        self.writes_in_stage = 0;
        let (stage, percent) = match self.squeezes {
            1..=3 => (Stage::Permutation, 36 + self.squeezes as u8),
            4 => (Stage::Quotient, 52),
            5 => (Stage::Evaluations, 86),
            _ => (Stage::Openings, 92),
        };
        self.tracker.report(stage, percent);
        self.inner.squeeze_challenge()
    }

    fn common_point(&mut self, point: G1Affine) -> io::Result<()> {
        self.inner.common_point(point)
    }

    fn common_scalar(&mut self, scalar: Fr) -> io::Result<()> {
        self.inner.common_scalar(scalar)
    }
}

impl<E, T> TranscriptWrite<G1Affine, E> for ProgressTranscript<'_, '_, E, T>
where
    E: EncodedChallenge<G1Affine>,
    T: TranscriptWrite<G1Affine, E> + TranscriptWriterBuffer<Vec<u8>, G1Affine, E>,
{
    fn write_point(&mut self, point: G1Affine) -> io::Result<()> {
        self.inner.write_point(point)?;
        self.on_write()
    }

    fn write_scalar(&mut self, scalar: Fr) -> io::Result<()> {
        self.inner.write_scalar(scalar)?;
        self.on_write()
    }
}
