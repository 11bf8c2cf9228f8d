//! A group: the members' commitments as the leaves of a Poseidon2 Merkle tree of fixed depth,
//! updated in place (an add, update or remove rehashes one path: `depth` hashes), and the Merkle
//! proof of a member.
//!
//! Leaves are filled left to right; an empty leaf, and a removed member's, is 0 (as in Semaphore),
//! so indices never move. The tree is [`MerkleTree`]; the group adds the members' rules: non-zero,
//! canonical, distinct, at most 2^depth, and an index of where each member is.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::{
    circuit::{DEFAULT_DEPTH, MAX_DEPTH, MIN_DEPTH},
    error::{Error, Result},
    field::{fr_from_be_bytes, fr_to_be_bytes, fr_to_hex, parse_fr},
    identity::Identity,
    poseidon2::hash2,
    tree::MerkleTree,
    Fr,
};

/// The version of the group JSON this hum reads and writes.
pub const GROUP_FILE_VERSION: u32 = 1;

/// A group of members at a fixed depth.
#[derive(Clone, Debug)]
pub struct Group {
    /// The leaves are the members (0 where removed).
    tree: MerkleTree,
    /// Where each member is, by its 32 big-endian bytes.
    positions: HashMap<[u8; 32], u64>,
}

/// The path from a member to the root: what a witness needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MerkleProof {
    /// The tree depth.
    pub depth: usize,
    /// The member's leaf position; bit i = 1 means the node at level i is the right child.
    pub index: u64,
    /// The member's commitment (the leaf), 0x-hex.
    pub leaf: String,
    /// The root the path leads to, 0x-hex.
    pub root: String,
    /// The siblings, leaf level first, 0x-hex.
    pub siblings: Vec<String>,
}

/// The group JSON: `{ "version": 1, "depth": 20, "members": ["0x…", …] }`.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct GroupFile {
    version: u32,
    depth: usize,
    members: Vec<String>,
}

fn invalid(message: impl Into<String>) -> Error {
    Error::InvalidGroup(message.into())
}

impl Default for Group {
    fn default() -> Self {
        Self::new(DEFAULT_DEPTH).expect("the default depth is supported")
    }
}

impl Group {
    /// An empty group of `depth` (1..=32).
    pub fn new(depth: usize) -> Result<Self> {
        if !(MIN_DEPTH..=MAX_DEPTH).contains(&depth) {
            return Err(Error::UnsupportedDepth(depth));
        }
        Ok(Self { tree: MerkleTree::empty(depth), positions: HashMap::new() })
    }

    /// A group of `depth` with these members, in order.
    pub fn with_members(depth: usize, members: &[Fr]) -> Result<Self> {
        let mut group = Self::new(depth)?;
        group.add_many(members)?;
        Ok(group)
    }

    /// About how many heap bytes building a group of `members` takes (the tree's levels, the
    /// index of members and the parsed leaves), for hosts with a memory budget.
    pub fn build_memory(members: u64) -> u64 {
        (1 << 20) + members * 256
    }

    /// The tree depth.
    pub fn depth(&self) -> usize {
        self.tree.depth()
    }

    /// The most leaves the group can hold: 2^depth.
    pub fn capacity(&self) -> u64 {
        1u64 << self.depth()
    }

    /// How many leaves are filled (removed members included: their slots stay).
    pub fn len(&self) -> u64 {
        self.tree.leaves().len() as u64
    }

    /// True when no member was ever added.
    pub fn is_empty(&self) -> bool {
        self.tree.leaves().is_empty()
    }

    /// The leaves in order (0 where a member was removed).
    pub fn members(&self) -> &[Fr] {
        self.tree.leaves()
    }

    /// The root of the tree.
    pub fn root(&self) -> Fr {
        self.tree.root()
    }

    /// The position of a member, if it is one.
    pub fn index_of(&self, member: &Fr) -> Option<u64> {
        self.positions.get(&fr_to_be_bytes(member)).copied()
    }

    fn check_new(&self, member: &Fr, at: &str) -> Result<()> {
        if *member == Fr::zero() {
            return Err(invalid(format!("{at} is zero, which marks an empty leaf")));
        }
        if let Some(index) = self.index_of(member) {
            return Err(invalid(format!("{at} is already the member at index {index}")));
        }
        Ok(())
    }

    /// Adds a member at the next leaf; returns its index.
    pub fn add(&mut self, member: Fr) -> Result<u64> {
        let index = self.add_many(std::slice::from_ref(&member))?;
        Ok(index)
    }

    /// Adds members in order; returns the index of the first. Checked first, so a refused list
    /// changes nothing; the tree is rehashed once, level by level.
    pub fn add_many(&mut self, members: &[Fr]) -> Result<u64> {
        let first = self.len();
        if first + members.len() as u64 > self.capacity() {
            return Err(invalid(format!(
                "{} members do not fit a group of depth {} (at most 2^{} = {})",
                first + members.len() as u64,
                self.depth(),
                self.depth(),
                self.capacity()
            )));
        }
        let mut fresh = HashMap::with_capacity(members.len());
        for (i, member) in members.iter().enumerate() {
            let at = format!("member {i} of the list");
            self.check_new(member, &at)?;
            if let Some(j) = fresh.insert(fr_to_be_bytes(member), i) {
                return Err(invalid(format!("{at} repeats member {j} of the list")));
            }
        }
        for (member, i) in fresh {
            self.positions.insert(member, first + i as u64);
        }
        self.tree.extend(members);
        Ok(first)
    }

    /// Replaces the member at `index` with `member`.
    pub fn update(&mut self, index: u64, member: Fr) -> Result<()> {
        let old = self.leaf(index)?;
        if old == Fr::zero() {
            return Err(invalid(format!("the member at index {index} was removed; add a new member instead")));
        }
        self.check_new(&member, "the new member")?;
        self.set(index, member);
        Ok(())
    }

    /// Removes the member at `index`: its leaf becomes 0 and the index is not reused.
    pub fn remove(&mut self, index: u64) -> Result<()> {
        let old = self.leaf(index)?;
        if old == Fr::zero() {
            return Err(invalid(format!("the member at index {index} was already removed")));
        }
        self.set(index, Fr::zero());
        Ok(())
    }

    fn leaf(&self, index: u64) -> Result<Fr> {
        self.tree
            .leaves()
            .get(index as usize)
            .copied()
            .ok_or_else(|| invalid(format!("index {index} is not a member: the group has {} leaves", self.len())))
    }

    fn set(&mut self, index: u64, member: Fr) {
        let old = self.tree.set(index as usize, member);
        self.positions.remove(&fr_to_be_bytes(&old));
        if member != Fr::zero() {
            self.positions.insert(fr_to_be_bytes(&member), index);
        }
    }

    /// The Merkle proof of the member at `index`.
    pub fn merkle_proof(&self, index: u64) -> Result<MerkleProof> {
        let leaf = self.leaf(index)?;
        if leaf == Fr::zero() {
            return Err(invalid(format!("the member at index {index} was removed")));
        }
        let siblings = self.tree.siblings(index).iter().map(fr_to_hex).collect();
        Ok(MerkleProof { depth: self.depth(), index, leaf: fr_to_hex(&leaf), root: fr_to_hex(&self.root()), siblings })
    }

    /// The group JSON.
    pub fn to_json(&self) -> String {
        let file = GroupFile {
            version: GROUP_FILE_VERSION,
            depth: self.depth(),
            members: self.members().iter().map(fr_to_hex).collect(),
        };
        serde_json::to_string_pretty(&file).expect("a group serialises") + "\n"
    }

    /// Reads group JSON; `expected_depth`, when given, must be the file's.
    pub fn from_json(bytes: &[u8], expected_depth: Option<usize>) -> Result<Self> {
        let file: GroupFile = serde_json::from_slice(bytes).map_err(|e| {
            invalid(format!(
                "not a group file ({e}); expected {{ \"version\": 1, \"depth\": 20, \"members\": [\"0x…\", …] }}"
            ))
        })?;
        if file.version != GROUP_FILE_VERSION {
            return Err(invalid(format!(
                "group file version {}, this hum reads version {GROUP_FILE_VERSION}",
                file.version
            )));
        }
        if let Some(expected) = expected_depth.filter(|d| *d != file.depth) {
            return Err(invalid(format!("the group file has depth {}, {expected} was expected", file.depth)));
        }
        let members = file
            .members
            .iter()
            .enumerate()
            .map(|(i, text)| parse_fr(text).map_err(|reason| invalid(format!("`members[{i}]` {reason}"))))
            .collect::<Result<Vec<Fr>>>()?;
        Self::from_leaves(file.depth, &members)
    }

    /// The group of `depth` whose leaves are `members`: 32-byte big-endian commitments laid end
    /// to end, in leaf order, all-zero where a member was removed (the form the WIT protocol and
    /// the C ABI carry: compact, and no text to parse).
    pub fn from_bytes(depth: usize, members: &[u8]) -> Result<Self> {
        if !members.len().is_multiple_of(32) {
            return Err(invalid(format!(
                "`members` has {} bytes, not a whole number of 32-byte commitments",
                members.len()
            )));
        }
        let members = members
            .chunks_exact(32)
            .enumerate()
            .map(|(i, bytes)| {
                let bytes: &[u8; 32] = bytes.try_into().expect("chunks of 32");
                fr_from_be_bytes(bytes)
                    .ok_or_else(|| invalid(format!("`members[{i}]` is not below the field modulus p")))
            })
            .collect::<Result<Vec<Fr>>>()?;
        Self::from_leaves(depth, &members)
    }

    /// The group of `depth` with these leaves (0 keeps a removed member's slot).
    fn from_leaves(depth: usize, members: &[Fr]) -> Result<Self> {
        let mut group = Self::new(depth)?;
        if members.len() as u64 > group.capacity() {
            return Err(invalid(format!(
                "{} members do not fit a group of depth {depth} (at most 2^{depth} = {})",
                members.len(),
                group.capacity()
            )));
        }
        for (i, member) in members.iter().enumerate().filter(|(_, m)| **m != Fr::zero()) {
            if let Some(j) = group.positions.insert(fr_to_be_bytes(member), i as u64) {
                return Err(invalid(format!("`members[{i}]` repeats `members[{j}]`")));
            }
        }
        group.tree.extend(members);
        Ok(group)
    }

    /// The Merkle proof of `identity`'s commitment; an error when it is not a member.
    pub fn proof_for(&self, identity: &Identity) -> Result<MerkleProof> {
        let commitment = identity.commitment();
        let index = self.index_of(&commitment).ok_or_else(|| {
            Error::InvalidIdentity(format!(
                "the identity (commitment {}) is not a member of the group",
                fr_to_hex(&commitment)
            ))
        })?;
        self.merkle_proof(index)
    }
}

impl MerkleProof {
    /// True when the path leads from `leaf` to `root` (all members parsed as canonical).
    pub fn verify(&self) -> bool {
        let parse = |t: &str| parse_fr(t).ok();
        let (Some(mut node), Some(root)) = (parse(&self.leaf), parse(&self.root)) else { return false };
        if self.siblings.len() != self.depth {
            return false;
        }
        for (h, sibling) in self.siblings.iter().enumerate() {
            let Some(sibling) = parse(sibling) else { return false };
            node = if (self.index >> h) & 1 == 1 { hash2(sibling, node) } else { hash2(node, sibling) };
        }
        node == root
    }
}
