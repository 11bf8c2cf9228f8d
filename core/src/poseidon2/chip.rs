//! The Poseidon2 chip: proves one permutation in [`ROWS_PER_PERMUTATION`] rows of twelve advice
//! columns.
//!
//! Columns: the state `s0..s3` and eight helpers `h0..h7`, plus four fixed columns with the round
//! constants. Every gate has degree ≤ 4 including its selector, so the quotient lives on a 4×
//! extended domain (halo2-axiom caps gates at degree 5). The S-box x⁵ would be degree 6 with its
//! selector, so each S-box input's square is kept in a helper cell and x⁵ = (x²)²·x is degree 3.
//!
//! | row      | gate             | helpers                                        | round constants   |
//! |----------|------------------|------------------------------------------------|-------------------|
//! | 0        | `first_full`     | h_i = (M4·s + c)_i² (i < 4)                     | round 0           |
//! | 1..=3    | `full`           | h_i = (s_i + c_i)² (i < 4)                      | rounds 1..=3      |
//! | 4..=17   | `partial_rounds` | h_2j = a_j², h_2j+1 = h_2j²·a_j (j < 4)          | rounds 4+4r..7+4r |
//! | 18..=21  | `full`           | as above                                       | rounds 60..=63    |
//! | 22       | (caller's)       | free for the caller (the output row)           | —                 |
//!
//! where `a_0 = s0 + c0` and `a_j` is the first state element after the row's partial round j−1
//! plus `c_j`; the state between the four rounds is a linear function of the row's cells (the
//! internal matrix applied to the S-box output in `h_2j+1` and the other three elements), so it
//! needs no cells of its own. Each gate constrains the next row's state to the state after its
//! round(s), so row 22 holds the permutation's output. Four partial rounds a row make the
//! permutation 23 rows instead of 65: depth 20 (22 permutations, 506 rows) fits k = 9.

use halo2_proofs::{
    circuit::{Cell, Region, Value},
    halo2curves::bn256::Fr,
    plonk::{Advice, Column, ConstraintSystem, Error, Expression, Fixed, Selector},
    poly::Rotation,
};

use super::{
    external_matrix, internal_matrix, sbox, State, HALF_FULL_ROUNDS, INTERNAL_DIAGONAL, PARTIAL_ROUNDS, ROUND_CONSTANTS,
};

/// Rows one permutation occupies, its output row included.
pub const ROWS_PER_PERMUTATION: usize = 1 + 2 * HALF_FULL_ROUNDS + PARTIAL_ROUNDS / PARTIAL_ROUNDS_PER_ROW;

/// Partial rounds proved in one row (each needs two helper cells: the S-box input's square and
/// the S-box output).
pub const PARTIAL_ROUNDS_PER_ROW: usize = 4;
/// Helper columns: two a partial round of a row.
pub const HELPERS: usize = 2 * PARTIAL_ROUNDS_PER_ROW;

/// The partial-round rows start after the first half of the full rounds.
const PARTIAL_START: usize = HALF_FULL_ROUNDS;
/// The second half of the full rounds starts after the partial-round rows.
const SECOND_FULL_START: usize = PARTIAL_START + PARTIAL_ROUNDS / PARTIAL_ROUNDS_PER_ROW;

const _: () = assert!(PARTIAL_ROUNDS.is_multiple_of(PARTIAL_ROUNDS_PER_ROW) && PARTIAL_ROUNDS_PER_ROW <= 4);

/// The columns and selectors of the chip.
#[derive(Clone, Debug)]
pub struct Poseidon2Config {
    /// The state, one element a column. `state[0]` and `state[1]` allow copy constraints.
    pub state: [Column<Advice>; 4],
    /// Helper cells (S-box squares and partial-round S-box outputs); free on the output row.
    pub helper: [Column<Advice>; HELPERS],
    round_constants: [Column<Fixed>; 4],
    first_full: Selector,
    full: Selector,
    partial_rounds: Selector,
}

/// The cells a permutation exposes to its caller.
#[derive(Clone, Copy, Debug)]
pub struct PermutationCells {
    /// The four input cells (row 0).
    pub input: [Cell; 4],
    /// The first output element (the output row's `state[0]`): the hash value.
    pub output: Cell,
    /// The row of the output, relative to the region.
    pub output_row: usize,
}

fn m4(s: [Expression<Fr>; 4]) -> [Expression<Fr>; 4] {
    let [a, b, c, d] = s;
    let k = |v: u64| Expression::Constant(Fr::from(v));
    [
        a.clone() * k(5) + b.clone() * k(7) + c.clone() + d.clone() * k(3),
        a.clone() * k(4) + b.clone() * k(6) + c.clone() + d.clone(),
        a.clone() + b.clone() * k(3) + c.clone() * k(5) + d.clone() * k(7),
        a + b + c * k(4) + d * k(6),
    ]
}

fn internal(s: [Expression<Fr>; 4]) -> [Expression<Fr>; 4] {
    let sum = s[0].clone() + s[1].clone() + s[2].clone() + s[3].clone();
    std::array::from_fn(|i| s[i].clone() * Expression::Constant(INTERNAL_DIAGONAL[i]) + sum.clone())
}

impl Poseidon2Config {
    /// The chip's gates over the caller's columns: four state columns, [`HELPERS`] helper
    /// columns (which the caller may use on rows the chip leaves free, e.g. a permutation's
    /// output row) and four fixed columns for the round constants. Enables equality on
    /// `state[0]` and `state[1]`, the cells callers copy in and out.
    pub fn configure(
        meta: &mut ConstraintSystem<Fr>,
        state: [Column<Advice>; 4],
        helper: [Column<Advice>; HELPERS],
        round_constants: [Column<Fixed>; 4],
    ) -> Self {
        meta.enable_equality(state[0]);
        meta.enable_equality(state[1]);
        let config = Self {
            state,
            helper,
            round_constants,
            first_full: meta.selector(),
            full: meta.selector(),
            partial_rounds: meta.selector(),
        };

        for (name, selector, first) in [("first_full", config.first_full, true), ("full", config.full, false)] {
            meta.create_gate(name, |meta| {
                let q = meta.query_selector(selector);
                let s = state.map(|c| meta.query_advice(c, Rotation::cur()));
                let next = state.map(|c| meta.query_advice(c, Rotation::next()));
                let h = helper.map(|c| meta.query_advice(c, Rotation::cur()));
                let c = round_constants.map(|c| meta.query_fixed(c, Rotation::cur()));
                let s = if first { m4(s) } else { s };
                let a: [Expression<Fr>; 4] = std::array::from_fn(|i| s[i].clone() + c[i].clone());
                let after = m4(std::array::from_fn(|i| h[i].clone() * h[i].clone() * a[i].clone()));
                let squares = (0..4).map(|i| h[i].clone() - a[i].clone() * a[i].clone());
                let outputs = (0..4).map(|i| next[i].clone() - after[i].clone());
                squares.chain(outputs).map(|e| q.clone() * e).collect::<Vec<_>>()
            });
        }

        meta.create_gate("partial_rounds", |meta| {
            let q = meta.query_selector(config.partial_rounds);
            let next = state.map(|c| meta.query_advice(c, Rotation::next()));
            let h = helper.map(|c| meta.query_advice(c, Rotation::cur()));
            let mut current = state.map(|c| meta.query_advice(c, Rotation::cur()));
            let mut constraints = Vec::with_capacity(2 * PARTIAL_ROUNDS_PER_ROW + 4);
            for j in 0..PARTIAL_ROUNDS_PER_ROW {
                let a = current[0].clone() + meta.query_fixed(round_constants[j], Rotation::cur());
                let (square, output) = (h[2 * j].clone(), h[2 * j + 1].clone());
                constraints.push(square.clone() - a.clone() * a.clone());
                constraints.push(output.clone() - square.clone() * square * a);
                let [_, s1, s2, s3] = current;
                current = internal([output, s1, s2, s3]);
            }
            constraints.extend((0..4).map(|i| next[i].clone() - current[i].clone()));
            constraints.into_iter().map(|e| q.clone() * e).collect::<Vec<_>>()
        });

        config
    }
}

/// What a Poseidon2 chip offers a circuit (as `halo2_gadgets`' `PoseidonInstructions`).
pub trait Poseidon2Instructions {
    /// Assigns one permutation of `input` starting at `offset`, and returns its cells.
    ///
    /// Writes rows `offset ..= offset + ROWS_PER_PERMUTATION - 1`; the output row's helper cells
    /// are left for the caller. With an unknown input (key generation) every advice cell is unknown.
    fn permute(
        &self,
        region: &mut Region<'_, Fr>,
        offset: usize,
        input: Value<State>,
    ) -> Result<PermutationCells, Error>;
}

/// The Poseidon2 chip over a [`Poseidon2Config`].
#[derive(Clone, Debug)]
pub struct Poseidon2Chip {
    config: Poseidon2Config,
}

impl Poseidon2Chip {
    /// The chip for `config`.
    pub fn construct(config: Poseidon2Config) -> Self {
        Self { config }
    }

    /// The chip's columns and selectors.
    pub fn config(&self) -> &Poseidon2Config {
        &self.config
    }

    /// [`Poseidon2Instructions::permute`], passing every advice value through
    /// `adjust(column, row, value)` (columns 0..4 the state, 4..12 the helpers; `row` absolute):
    /// the soundness tests break one cell at a time with it.
    #[cfg(test)]
    pub(crate) fn permute_adjusted(
        &self,
        region: &mut Region<'_, Fr>,
        offset: usize,
        input: Value<State>,
        adjust: &dyn Fn(usize, usize, Fr) -> Fr,
    ) -> Result<PermutationCells, Error> {
        self.assign(region, offset, input, adjust)
    }

    fn assign(
        &self,
        region: &mut Region<'_, Fr>,
        offset: usize,
        input: Value<State>,
        adjust: &dyn Fn(usize, usize, Fr) -> Fr,
    ) -> Result<PermutationCells, Error> {
        let config = &self.config;
        let trace = input.map(permutation_trace);
        let mut input_cells = Vec::with_capacity(4);
        let mut output = None;
        for row in 0..ROWS_PER_PERMUTATION {
            let values = trace.as_ref().map(|t| t[row]);
            for (i, column) in config.state.iter().enumerate() {
                let value = values.map(|v| adjust(i, offset + row, v.state[i]));
                let cell = region.assign_advice(*column, offset + row, value).cell();
                if row == 0 {
                    input_cells.push(cell);
                }
                if row == ROWS_PER_PERMUTATION - 1 && i == 0 {
                    output = Some(cell);
                }
            }
            if row == ROWS_PER_PERMUTATION - 1 {
                break;
            }
            for (i, column) in config.helper.iter().enumerate() {
                region.assign_advice(*column, offset + row, values.map(|v| adjust(4 + i, offset + row, v.helper[i])));
            }
            let (selector, constants) = row_gate(row);
            selector_of(config, selector).enable(region, offset + row)?;
            for (column, constant) in config.round_constants.iter().zip(constants) {
                region.assign_fixed(*column, offset + row, constant);
            }
        }
        Ok(PermutationCells {
            input: [input_cells[0], input_cells[1], input_cells[2], input_cells[3]],
            output: output.expect("the loop reaches the output row"),
            output_row: offset + ROWS_PER_PERMUTATION - 1,
        })
    }
}

impl Poseidon2Instructions for Poseidon2Chip {
    fn permute(
        &self,
        region: &mut Region<'_, Fr>,
        offset: usize,
        input: Value<State>,
    ) -> Result<PermutationCells, Error> {
        self.assign(region, offset, input, &|_, _, value| value)
    }
}

#[derive(Clone, Copy)]
enum RowGate {
    FirstFull,
    Full,
    Partial,
}

fn selector_of(config: &Poseidon2Config, gate: RowGate) -> &Selector {
    match gate {
        RowGate::FirstFull => &config.first_full,
        RowGate::Full => &config.full,
        RowGate::Partial => &config.partial_rounds,
    }
}

/// The gate and the round constants of a row (`row < ROWS_PER_PERMUTATION - 1`).
fn row_gate(row: usize) -> (RowGate, [Fr; 4]) {
    let zero = Fr::zero();
    match row {
        0 => (RowGate::FirstFull, ROUND_CONSTANTS[0]),
        r if r < PARTIAL_START => (RowGate::Full, ROUND_CONSTANTS[r]),
        r if r < SECOND_FULL_START => {
            let round = HALF_FULL_ROUNDS + PARTIAL_ROUNDS_PER_ROW * (r - PARTIAL_START);
            let mut constants = [zero; 4];
            for (j, c) in constants.iter_mut().take(PARTIAL_ROUNDS_PER_ROW).enumerate() {
                *c = ROUND_CONSTANTS[round + j][0];
            }
            (RowGate::Partial, constants)
        }
        r => (RowGate::Full, ROUND_CONSTANTS[r - SECOND_FULL_START + HALF_FULL_ROUNDS + PARTIAL_ROUNDS]),
    }
}

/// The values of one row of the chip.
#[derive(Clone, Copy, Debug, Default)]
pub struct TraceRow {
    /// The state at the start of the row.
    pub state: State,
    /// The helper cells.
    pub helper: [Fr; HELPERS],
}

/// The rows of one permutation. Wiped when dropped: a trace reveals its input (for the leaf, the
/// identity secret).
pub struct Trace(Vec<TraceRow>);

impl std::ops::Deref for Trace {
    type Target = [TraceRow];

    fn deref(&self) -> &[TraceRow] {
        &self.0
    }
}

impl Drop for Trace {
    fn drop(&mut self) {
        halo2_proofs::wipe::wipe(&mut self.0);
    }
}

/// Every row of one permutation of `input`; the last row's state is the output.
pub fn permutation_trace(input: State) -> Trace {
    let mut rows = Vec::with_capacity(ROWS_PER_PERMUTATION);
    let mut s = input;
    for row in 0..ROWS_PER_PERMUTATION - 1 {
        let start = s;
        let (gate, c) = row_gate(row);
        let mut helper = [Fr::zero(); HELPERS];
        match gate {
            RowGate::FirstFull | RowGate::Full => {
                if let RowGate::FirstFull = gate {
                    external_matrix(&mut s);
                }
                for i in 0..4 {
                    let a = s[i] + c[i];
                    helper[i] = a.square();
                    s[i] = sbox(a);
                }
                external_matrix(&mut s);
            }
            RowGate::Partial => {
                for (j, constant) in c.into_iter().take(PARTIAL_ROUNDS_PER_ROW).enumerate() {
                    let a = s[0] + constant;
                    helper[2 * j] = a.square();
                    s[0] = sbox(a);
                    helper[2 * j + 1] = s[0];
                    internal_matrix(&mut s);
                }
            }
        }
        rows.push(TraceRow { state: start, helper });
    }
    rows.push(TraceRow { state: s, helper: [Fr::zero(); HELPERS] });
    debug_assert_eq!(rows.len(), ROWS_PER_PERMUTATION, "allocated once, never grown");
    Trace(rows)
}

#[cfg(test)]
mod tests {
    use halo2_proofs::halo2curves::ff::Field;
    use rand::{rngs::StdRng, SeedableRng};

    use super::*;
    use crate::poseidon2::permute;

    #[test]
    fn trace_ends_in_the_native_permutation() {
        let mut rng = StdRng::seed_from_u64(7);
        for _ in 0..20 {
            let input: State = std::array::from_fn(|_| Fr::random(&mut rng));
            let mut expected = input;
            permute(&mut expected);
            let trace = permutation_trace(input);
            assert_eq!(trace.len(), ROWS_PER_PERMUTATION);
            assert_eq!(trace[0].state, input);
            assert_eq!(trace[ROWS_PER_PERMUTATION - 1].state, expected);
        }
    }

    #[test]
    fn layout_is_23_rows() {
        assert_eq!(ROWS_PER_PERMUTATION, 23);
    }
}
