//! A Poseidon2 Merkle tree padded with empty leaves: the one tree of hum (a [`Group`](crate::Group)
//! is this tree plus its members' rules).
//!
//! Empty leaves are 0; an empty subtree of height h hashes to `Z_h` with `Z_0 = 0` and
//! `Z_{h+1} = H(Z_h, Z_h)`. Only the filled prefix of each level is stored, so a tree of a few
//! members padded to depth 32 is cheap. Changing one leaf rehashes its path (`depth` hashes);
//! appending leaves rehashes their ancestors level by level (in parallel with `multicore`).

#[cfg(feature = "multicore")]
use rayon::prelude::*;

use crate::{poseidon2::hash2, Fr};

/// Below this many nodes a level is hashed on the calling thread (a path update is one node a
/// level: handing it to the thread pool would cost more than the hash).
#[cfg(feature = "multicore")]
const PARALLEL_NODES: usize = 256;

/// A Merkle tree over a list of leaves, padded to its depth.
#[derive(Clone, Debug)]
pub struct MerkleTree {
    /// `levels[0]` are the leaves; `levels[h]` the filled prefix of level h.
    levels: Vec<Vec<Fr>>,
    /// `zeros[h]`: the root of an empty subtree of height h.
    zeros: Vec<Fr>,
}

impl MerkleTree {
    /// Builds the tree; `leaves.len()` must be at most 2^depth.
    pub fn new(depth: usize, leaves: &[Fr]) -> Self {
        let mut tree = Self::empty(depth);
        tree.extend(leaves);
        tree
    }

    /// A tree of `depth` without leaves.
    pub fn empty(depth: usize) -> Self {
        let mut zeros = vec![Fr::zero()];
        for h in 0..depth {
            zeros.push(hash2(zeros[h], zeros[h]));
        }
        Self { levels: vec![Vec::new(); depth + 1], zeros }
    }

    /// The number of levels between a leaf and the root.
    pub fn depth(&self) -> usize {
        self.levels.len() - 1
    }

    /// The leaves, in order.
    pub fn leaves(&self) -> &[Fr] {
        &self.levels[0]
    }

    /// The root: the value a membership proof's public `root` must equal.
    pub fn root(&self) -> Fr {
        self.levels[self.depth()].first().copied().unwrap_or(self.zeros[self.depth()])
    }

    /// The siblings of leaf `index`, leaf level first.
    pub fn siblings(&self, index: u64) -> Vec<Fr> {
        (0..self.depth())
            .map(|h| {
                let i = ((index >> h) ^ 1) as usize;
                self.levels[h].get(i).copied().unwrap_or(self.zeros[h])
            })
            .collect()
    }

    /// Appends leaves (the caller keeps the total at most 2^depth).
    pub fn extend(&mut self, leaves: &[Fr]) {
        assert!(
            self.depth() >= 64 || (self.levels[0].len() + leaves.len()) as u128 <= 1u128 << self.depth(),
            "too many leaves for the depth"
        );
        let from = self.levels[0].len();
        self.levels[0].extend_from_slice(leaves);
        self.rehash(from, self.levels[0].len());
    }

    /// Replaces leaf `index` (which must exist) and rehashes its path; returns the old leaf.
    pub fn set(&mut self, index: usize, leaf: Fr) -> Fr {
        let old = std::mem::replace(&mut self.levels[0][index], leaf);
        self.rehash(index, index + 1);
        old
    }

    /// Recomputes the nodes above leaves `from..to`.
    fn rehash(&mut self, from: usize, to: usize) {
        let (mut lo, mut hi) = (from, to);
        for h in 0..self.depth() {
            let (below, above) = self.levels.split_at_mut(h + 1);
            let (below, above) = (&below[h], &mut above[0]);
            above.resize(below.len().div_ceil(2), Fr::zero());
            let zero = self.zeros[h];
            (lo, hi) = (lo / 2, hi.div_ceil(2));
            let parent = |(i, node): (usize, &mut Fr)| {
                let p = lo + i;
                *node = hash2(below[2 * p], below.get(2 * p + 1).copied().unwrap_or(zero));
            };
            #[cfg(feature = "multicore")]
            if hi - lo >= PARALLEL_NODES {
                above[lo..hi].par_iter_mut().enumerate().for_each(parent);
                continue;
            }
            above[lo..hi].iter_mut().enumerate().for_each(parent);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::poseidon2::hash1;

    #[test]
    fn siblings_lead_to_the_root() {
        let leaves: Vec<Fr> = (1..=5u64).map(|i| hash1(Fr::from(i))).collect();
        let tree = MerkleTree::new(20, &leaves);
        for (index, leaf) in leaves.iter().enumerate() {
            let mut node = *leaf;
            for (h, s) in tree.siblings(index as u64).iter().enumerate() {
                node = if (index >> h) & 1 == 1 { hash2(*s, node) } else { hash2(node, *s) };
            }
            assert_eq!(node, tree.root());
        }
        let full = MerkleTree::new(3, &(0..8u64).map(Fr::from).collect::<Vec<_>>());
        let l = |a, b| hash2(Fr::from(a), Fr::from(b));
        let expected = hash2(hash2(l(0, 1), l(2, 3)), hash2(l(4, 5), l(6, 7)));
        assert_eq!(full.root(), expected);
    }

    #[test]
    fn setting_a_leaf_is_the_same_as_building_with_it() {
        let leaves: Vec<Fr> = (1..=9u64).map(Fr::from).collect();
        let mut tree = MerkleTree::new(6, &leaves[..4]);
        tree.extend(&leaves[4..]);
        assert_eq!(tree.set(3, Fr::from(99)), Fr::from(4));
        let mut expected = leaves.clone();
        expected[3] = Fr::from(99);
        assert_eq!(tree.root(), MerkleTree::new(6, &expected).root());
    }
}
