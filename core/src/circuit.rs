//! `MembershipCircuit`: "`secret`'s leaf is in the tree with root R, and N = H(secret, action_id)".
//!
//! Public inputs, in this order in the one instance column: `root`, `action_id`, `message_hash`,
//! `nullifier`. `message_hash` is not used by any gate: it is bound because every public input is
//! absorbed into the proof's transcript, so the proof does not verify for any other message.
//!
//! Layout: `depth + 2` Poseidon2 permutations of [`ROWS_PER_PERMUTATION`] rows each, one after the
//! other in one region — the leaf H(secret), one node per level, and the nullifier. The output
//! row of the leaf and of every node but the root carries the `swap` gate: it holds the level's
//! sibling and index bit in two helper cells and constrains the next row (the next permutation's
//! input) to `(left, right, 0, 2·2⁶⁴)`.

use halo2_proofs::{
    circuit::{Layouter, Region, SimpleFloorPlanner, Value},
    halo2curves::bn256::Fr,
    plonk::{Circuit, Column, ConstraintSystem, Error, Expression, Instance, Selector},
    poly::Rotation,
};

use crate::poseidon2::{
    capacity_iv,
    chip::{PermutationCells, Poseidon2Chip, Poseidon2Config, Poseidon2Instructions, HELPERS, ROWS_PER_PERMUTATION},
    hash1, hash2, State,
};

/// The smallest supported tree depth.
pub const MIN_DEPTH: usize = 1;
/// The largest supported tree depth.
pub const MAX_DEPTH: usize = 32;
/// The default tree depth.
pub const DEFAULT_DEPTH: usize = 20;

/// Rows of the instance column.
pub const ROOT_ROW: usize = 0;
/// Row of `action_id` in the instance column.
pub const ACTION_ID_ROW: usize = 1;
/// Row of `message_hash` in the instance column.
pub const MESSAGE_HASH_ROW: usize = 2;
/// Row of `nullifier` in the instance column.
pub const NULLIFIER_ROW: usize = 3;

/// Rows the circuit uses for a depth.
pub fn rows_for_depth(depth: usize) -> usize {
    (depth + 2) * ROWS_PER_PERMUTATION
}

/// halo2 keeps `blinding_factors + 1` rows at the end of the domain; this circuit's advice
/// columns are queried at two rotations, so that is 3 + 2 + 1.
const RESERVED_ROWS: usize = 6;

/// The smallest k with room for the circuit at `depth`.
pub fn k_for_depth(depth: usize) -> u32 {
    let needed = rows_for_depth(depth) + RESERVED_ROWS;
    needed.next_power_of_two().trailing_zeros()
}

/// The private witness values of one proof, already validated. Overwritten on drop.
#[derive(Clone)]
pub struct MembershipValues {
    /// The identity secret.
    pub secret: Fr,
    /// Index bits, leaf level first (`true`: the node at that level is the right child).
    pub index_bits: Vec<bool>,
    /// Siblings, leaf level first.
    pub siblings: Vec<Fr>,
    /// The action the nullifier is for.
    pub action_id: Fr,
    /// The message bound to the proof.
    pub message_hash: Fr,
}

impl MembershipValues {
    /// The public inputs this witness proves: `[root, action_id, message_hash, nullifier]`.
    pub fn public_inputs(&self) -> [Fr; 4] {
        let mut node = hash1(self.secret);
        for (sibling, right) in self.siblings.iter().zip(&self.index_bits) {
            node = if *right { hash2(*sibling, node) } else { hash2(node, *sibling) };
        }
        [node, self.action_id, self.message_hash, hash2(self.secret, self.action_id)]
    }
}

impl std::fmt::Debug for MembershipValues {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MembershipValues").field("depth", &self.siblings.len()).finish_non_exhaustive()
    }
}

impl Drop for MembershipValues {
    fn drop(&mut self) {
        // Fr has no Zeroize impl: its words are wiped through zeroize (volatile writes).
        halo2_proofs::wipe::wipe(std::slice::from_mut(&mut self.secret));
        halo2_proofs::wipe::wipe(&mut self.siblings);
        zeroize::Zeroize::zeroize(&mut self.index_bits);
    }
}

/// A malicious prover's deviation, for the soundness tests only (compiled into test builds).
#[cfg(test)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tamper {
    /// `delta` added to one advice cell at (`column`, `row`); columns 0..4 are the state and
    /// 4..12 the helpers.
    Cell {
        /// Advice column index.
        column: usize,
        /// The row in the region (absolute: the leaf permutation starts at row 0).
        row: usize,
        /// Added to the honest value.
        delta: Fr,
    },
    /// The nullifier permutation computed honestly, but on another secret: every gate holds,
    /// only the copy constraint between the two secrets can catch it.
    NullifierSecret(Fr),
}

#[cfg(test)]
impl Tamper {
    /// The value a tampering prover assigns at (`column`, `row`) instead of `value`.
    fn adjust(self, column: usize, row: usize, value: Fr) -> Fr {
        match self {
            Tamper::Cell { column: c, row: r, delta } if c == column && r == row => value + delta,
            _ => value,
        }
    }
}

/// The membership-with-nullifier circuit at one depth.
#[derive(Clone, Debug)]
pub struct MembershipCircuit {
    depth: usize,
    values: Option<MembershipValues>,
    #[cfg(test)]
    tamper: Option<Tamper>,
}

impl MembershipCircuit {
    /// A circuit without witness values, for key generation.
    pub fn shape(depth: usize) -> Self {
        Self {
            depth,
            values: None,
            #[cfg(test)]
            tamper: None,
        }
    }

    /// A circuit with witness values; `values.siblings.len()` is the depth.
    pub fn new(values: MembershipValues) -> Self {
        Self {
            depth: values.siblings.len(),
            values: Some(values),
            #[cfg(test)]
            tamper: None,
        }
    }

    /// A malicious prover's circuit: honest values with one advice cell changed. For soundness
    /// tests (SECURITY.md): MockProver must reject every such assignment.
    #[cfg(test)]
    pub(crate) fn tampered(values: MembershipValues, tamper: Tamper) -> Self {
        Self { depth: values.siblings.len(), values: Some(values), tamper: Some(tamper) }
    }

    /// One permutation: honest, or (in the soundness tests) through the tamper.
    fn permute(
        &self,
        chip: &Poseidon2Chip,
        region: &mut Region<'_, Fr>,
        offset: usize,
        input: Value<State>,
    ) -> Result<PermutationCells, Error> {
        #[cfg(test)]
        if let Some(tamper) = self.tamper {
            return chip.permute_adjusted(region, offset, input, &move |c, r, v| tamper.adjust(c, r, v));
        }
        chip.permute(region, offset, input)
    }

    /// The value assigned at (`column`, `row`): `value`, except under a test's tamper.
    fn cell_value(&self, column: usize, row: usize, value: Fr) -> Fr {
        #[cfg(test)]
        if let Some(tamper) = self.tamper {
            return tamper.adjust(column, row, value);
        }
        let _ = (column, row);
        value
    }

    /// The secret the nullifier is computed from: the witness's, except under a test's tamper.
    fn nullifier_secret(&self, secret: Value<Fr>) -> Value<Fr> {
        #[cfg(test)]
        if let Some(Tamper::NullifierSecret(other)) = self.tamper {
            return Value::known(other);
        }
        secret
    }

    /// The tree depth.
    pub fn depth(&self) -> usize {
        self.depth
    }
}

/// Columns and gates of [`MembershipCircuit`].
#[derive(Clone, Debug)]
pub struct MembershipConfig {
    poseidon2: Poseidon2Config,
    instance: Column<Instance>,
    swap: Selector,
    leaf_input: Selector,
    nullifier_input: Selector,
}

impl Circuit<Fr> for MembershipCircuit {
    type Config = MembershipConfig;
    type FloorPlanner = SimpleFloorPlanner;
    type Params = ();

    fn without_witnesses(&self) -> Self {
        Self::shape(self.depth)
    }

    fn configure(meta: &mut ConstraintSystem<Fr>) -> MembershipConfig {
        // The circuit owns its columns: the chip's state and helpers, and the round constants.
        // Its own gates use two helper columns on the rows the chip leaves free.
        let state = [(); 4].map(|_| meta.advice_column());
        let helper = [(); HELPERS].map(|_| meta.advice_column());
        let round_constants = [(); 4].map(|_| meta.fixed_column());
        let poseidon2 = Poseidon2Config::configure(meta, state, helper, round_constants);
        let instance = meta.instance_column();
        meta.enable_equality(instance);
        let config = MembershipConfig {
            poseidon2,
            instance,
            swap: meta.selector(),
            leaf_input: meta.selector(),
            nullifier_input: meta.selector(),
        };
        let [s0, s1, s2, s3] = config.poseidon2.state;
        let [sibling, bit, ..] = config.poseidon2.helper;
        let constant = |v: Fr| Expression::Constant(v);

        meta.create_gate("swap", |meta| {
            let q = meta.query_selector(config.swap);
            let node = meta.query_advice(s0, Rotation::cur());
            let sibling = meta.query_advice(sibling, Rotation::cur());
            let bit = meta.query_advice(bit, Rotation::cur());
            let next = [s0, s1, s2, s3].map(|c| meta.query_advice(c, Rotation::next()));
            let one = constant(Fr::one());
            let [left, right, zero, iv] = next;
            vec![
                q.clone() * bit.clone() * (one - bit.clone()),
                q.clone() * (left - node.clone() - bit.clone() * (sibling.clone() - node.clone())),
                q.clone() * (right - sibling.clone() - bit * (node - sibling)),
                q.clone() * zero,
                q * (iv - constant(capacity_iv(2))),
            ]
        });
        meta.create_gate("leaf_input", |meta| {
            let q = meta.query_selector(config.leaf_input);
            let [_, a, b, iv] = [s0, s1, s2, s3].map(|c| meta.query_advice(c, Rotation::cur()));
            vec![q.clone() * a, q.clone() * b, q * (iv - constant(capacity_iv(1)))]
        });
        meta.create_gate("nullifier_input", |meta| {
            let q = meta.query_selector(config.nullifier_input);
            let [_, _, b, iv] = [s0, s1, s2, s3].map(|c| meta.query_advice(c, Rotation::cur()));
            vec![q.clone() * b, q * (iv - constant(capacity_iv(2)))]
        });
        config
    }

    fn synthesize(&self, config: MembershipConfig, mut layouter: impl Layouter<Fr>) -> Result<(), Error> {
        let depth = self.depth;
        let values = self.values.as_ref();
        let known = |f: &dyn Fn(&MembershipValues) -> Fr| match values {
            Some(v) => Value::known(f(v)),
            None => Value::unknown(),
        };
        let secret = known(&|v| v.secret);
        let action_id = known(&|v| v.action_id);
        let nullifier_secret = self.nullifier_secret(secret);
        let chip = Poseidon2Chip::construct(config.poseidon2.clone());

        let (root, action_cell, nullifier) = layouter.assign_region(
            || "membership",
            |mut region| {
                let columns = chip.config();
                let leaf_input = secret.map(|s| [s, Fr::zero(), Fr::zero(), capacity_iv(1)]);
                config.leaf_input.enable(&mut region, 0)?;
                let leaf = self.permute(&chip, &mut region, 0, leaf_input)?;
                let secret_cell = leaf.input[0];

                let mut node = leaf;
                let mut node_value = secret.map(hash1);
                for level in 0..depth {
                    let sibling = known(&|v| v.siblings[level]);
                    let right = values.map(|v| v.index_bits[level]);
                    let row = node.output_row;
                    config.swap.enable(&mut region, row)?;
                    region.assign_advice(columns.helper[0], row, sibling.map(|s| self.cell_value(4, row, s)));
                    let bit = match right {
                        Some(b) => Value::known(Fr::from(b as u64)),
                        None => Value::unknown(),
                    };
                    region.assign_advice(columns.helper[1], row, bit.map(|b| self.cell_value(5, row, b)));
                    let input = node_value.zip(sibling).map(|(n, s)| match right {
                        Some(true) => [s, n, Fr::zero(), capacity_iv(2)],
                        _ => [n, s, Fr::zero(), capacity_iv(2)],
                    });
                    node_value = input.map(|i| hash2(i[0], i[1]));
                    node = self.permute(&chip, &mut region, row + 1, input)?;
                }

                let offset = node.output_row + 1;
                config.nullifier_input.enable(&mut region, offset)?;
                let input = nullifier_secret.zip(action_id).map(|(s, a)| [s, a, Fr::zero(), capacity_iv(2)]);
                let nullifier = self.permute(&chip, &mut region, offset, input)?;
                region.constrain_equal(secret_cell, nullifier.input[0]);
                Ok((node.output, nullifier.input[1], nullifier.output))
            },
        )?;
        layouter.constrain_instance(root, config.instance, ROOT_ROW);
        layouter.constrain_instance(action_cell, config.instance, ACTION_ID_ROW);
        layouter.constrain_instance(nullifier, config.instance, NULLIFIER_ROW);
        Ok(())
    }
}

#[cfg(test)]
mod tests;
