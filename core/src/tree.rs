//! A Poseidon2 Merkle tree padded with empty leaves, for building witnesses (demos, tests).
//!
//! Empty leaves are 0; an empty subtree of height h hashes to `Z_h` with `Z_0 = 0` and
//! `Z_{h+1} = H(Z_h, Z_h)`. Only the filled prefix of each level is stored, so a tree of a few
//! members padded to depth 32 is cheap.

use crate::{poseidon2::hash2, Fr};

/// A Merkle tree over `leaves`, padded to `depth`.
#[derive(Clone, Debug)]
pub struct MerkleTree {
    levels: Vec<Vec<Fr>>,
    zeros: Vec<Fr>,
}

impl MerkleTree {
    /// Builds the tree; `leaves.len()` must be at most 2^depth.
    pub fn new(depth: usize, leaves: &[Fr]) -> Self {
        assert!(depth >= 64 || leaves.len() as u128 <= 1u128 << depth, "too many leaves for the depth");
        let mut zeros = vec![Fr::zero()];
        for h in 0..depth {
            zeros.push(hash2(zeros[h], zeros[h]));
        }
        let mut levels = vec![leaves.to_vec()];
        for h in 0..depth {
            let below = &levels[h];
            let above = below.chunks(2).map(|pair| hash2(pair[0], pair.get(1).copied().unwrap_or(zeros[h]))).collect();
            levels.push(above);
        }
        Self { levels, zeros }
    }

    /// The number of levels between a leaf and the root.
    pub fn depth(&self) -> usize {
        self.levels.len() - 1
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
}
