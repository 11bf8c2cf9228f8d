// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Poseidon2} from "./Poseidon2.sol";

/// A hum verifier contract, as `hum verifier solidity` writes it.
interface IHumVerifier {
    /// True when `proof` (EVM flavour) verifies for [root, actionId, messageHash, nullifier].
    function verifyProof(bytes calldata proof, uint256[4] calldata publicInputs) external view returns (bool);
    /// The tree depth of the circuit it verifies.
    function DEPTH() external view returns (uint256);
}

/// Groups of hum identities, and one-time proofs of membership, as Semaphore's contract does them.
///
/// A group is a Poseidon2 Merkle tree of the verifier's depth, the same tree as hum-core's
/// `Group` for the same members: leaves are identity commitments filled left to right, an empty
/// or removed leaf is 0, members are non-zero, below p and distinct. Its admin adds, updates and
/// removes members. `validateProof` accepts a proof for the group's current root or one of the
/// last ROOT_HISTORY roots (so that a proof made just before a change still lands), checks that
/// the nullifier is new in the group, verifies, stores the nullifier and emits ProofValidated.
/// A nullifier is H(secret, actionId), so "new in the group" means one proof per member and
/// action.
contract HumGroups {
    /// Roots a proof may be made against: the current one and the ones before it.
    uint256 public constant ROOT_HISTORY = 30;

    struct Group {
        address admin;
        /// Leaves filled so far, removed members included.
        uint256 size;
        /// filled[h]: the latest left node at height h on the path of the last leaf added.
        uint256[32] filled;
        uint256 currentRoot;
        /// How many roots the group has had; rootNumber[r]: when r last became current (1-based).
        uint256 rootCount;
        mapping(uint256 => uint256) rootNumber;
        /// commitment → its index + 1 (0: not a member).
        mapping(uint256 => uint256) indexPlusOne;
        mapping(uint256 => bool) nullifiers;
    }

    /// The verifier every proof is checked with; it fixes the circuit and the depth.
    IHumVerifier public immutable verifier;
    /// The depth of every group's tree: the verifier's.
    uint256 public immutable depth;
    /// Groups are numbered 0, 1, … in creation order.
    uint256 public groupCount;
    mapping(uint256 => Group) internal groups;

    event GroupCreated(uint256 indexed groupId, address indexed admin);
    event GroupAdminChanged(uint256 indexed groupId, address indexed oldAdmin, address indexed newAdmin);
    event MemberAdded(uint256 indexed groupId, uint256 index, uint256 commitment, uint256 root);
    event MemberUpdated(uint256 indexed groupId, uint256 index, uint256 oldCommitment, uint256 newCommitment, uint256 root);
    event MemberRemoved(uint256 indexed groupId, uint256 index, uint256 commitment, uint256 root);
    event ProofValidated(uint256 indexed groupId, uint256 root, uint256 actionId, uint256 messageHash, uint256 nullifier);

    error NoSuchGroup(uint256 groupId);
    error NotGroupAdmin(uint256 groupId, address caller);
    /// A commitment or a public input is not in the field (commitments must also be non-zero).
    error NotAFieldElement(string name, uint256 value);
    error AlreadyAMember(uint256 commitment, uint256 index);
    error NotAMember(uint256 commitment);
    error GroupFull(uint256 groupId);
    error WrongSiblings(uint256 expected, uint256 given);
    /// The siblings do not lead from the member's leaf to the group's current root.
    error NotTheCurrentTree();
    error UnknownRoot(uint256 groupId, uint256 root);
    error NullifierUsed(uint256 groupId, uint256 nullifier);
    error InvalidProof();

    constructor(IHumVerifier verifier_) {
        uint256 d = verifier_.DEPTH();
        require(d >= 1 && d <= 32, "verifier depth out of range");
        verifier = verifier_;
        depth = d;
    }

    modifier onlyAdmin(uint256 groupId) {
        if (groupId >= groupCount) revert NoSuchGroup(groupId);
        if (groups[groupId].admin != msg.sender) revert NotGroupAdmin(groupId, msg.sender);
        _;
    }

    /// Creates an empty group administered by `admin`; returns its id.
    function createGroup(address admin) external returns (uint256 groupId) {
        groupId = groupCount++;
        Group storage g = groups[groupId];
        g.admin = admin;
        _pushRoot(g, Poseidon2.zero(depth));
        emit GroupCreated(groupId, admin);
    }

    /// Hands the group to another admin.
    function setAdmin(uint256 groupId, address newAdmin) external onlyAdmin(groupId) {
        emit GroupAdminChanged(groupId, msg.sender, newAdmin);
        groups[groupId].admin = newAdmin;
    }

    /// Adds a member; returns the new root.
    function addMember(uint256 groupId, uint256 commitment) external onlyAdmin(groupId) returns (uint256) {
        return _add(groupId, groups[groupId], commitment);
    }

    /// Adds members in order; returns the new root.
    function addMembers(uint256 groupId, uint256[] calldata commitments) external onlyAdmin(groupId) returns (uint256 newRoot) {
        Group storage g = groups[groupId];
        newRoot = g.currentRoot;
        for (uint256 i = 0; i < commitments.length; i++) {
            newRoot = _add(groupId, g, commitments[i]);
        }
    }

    /// Replaces a member's commitment; `siblings` is its Merkle path in the current tree.
    function updateMember(uint256 groupId, uint256 oldCommitment, uint256 newCommitment, uint256[] calldata siblings)
        external
        onlyAdmin(groupId)
        returns (uint256 newRoot)
    {
        Group storage g = groups[groupId];
        _checkCommitment(g, newCommitment);
        uint256 index = _indexOf(g, oldCommitment);
        newRoot = _replace(g, index, oldCommitment, newCommitment, siblings);
        delete g.indexPlusOne[oldCommitment];
        g.indexPlusOne[newCommitment] = index + 1;
        emit MemberUpdated(groupId, index, oldCommitment, newCommitment, newRoot);
    }

    /// Removes a member (its leaf becomes 0; its index is not reused); `siblings` as for update.
    function removeMember(uint256 groupId, uint256 commitment, uint256[] calldata siblings)
        external
        onlyAdmin(groupId)
        returns (uint256 newRoot)
    {
        Group storage g = groups[groupId];
        uint256 index = _indexOf(g, commitment);
        newRoot = _replace(g, index, commitment, 0, siblings);
        delete g.indexPlusOne[commitment];
        emit MemberRemoved(groupId, index, commitment, newRoot);
    }

    /// The group's current root.
    function root(uint256 groupId) public view returns (uint256) {
        if (groupId >= groupCount) revert NoSuchGroup(groupId);
        return groups[groupId].currentRoot;
    }

    /// Whether `r` is the group's current root or one of the ROOT_HISTORY - 1 before it.
    function isRoot(uint256 groupId, uint256 r) public view returns (bool) {
        if (groupId >= groupCount) revert NoSuchGroup(groupId);
        Group storage g = groups[groupId];
        uint256 n = g.rootNumber[r];
        return n != 0 && n + ROOT_HISTORY > g.rootCount;
    }

    /// The group's admin and its number of filled leaves (removed members included).
    function groupInfo(uint256 groupId) external view returns (address admin, uint256 size) {
        if (groupId >= groupCount) revert NoSuchGroup(groupId);
        return (groups[groupId].admin, groups[groupId].size);
    }

    /// Whether `commitment` is a member, and its index.
    function indexOf(uint256 groupId, uint256 commitment) external view returns (bool member, uint256 index) {
        uint256 i = groups[groupId].indexPlusOne[commitment];
        return (i != 0, i == 0 ? 0 : i - 1);
    }

    /// Whether a proof with this nullifier was validated in the group.
    function isNullifierUsed(uint256 groupId, uint256 nullifier) external view returns (bool) {
        return groups[groupId].nullifiers[nullifier];
    }

    /// keccak256(data) >> 8: how an app turns an action name or a message into a field element,
    /// the same as hum's `hash_to_field`.
    function hashToField(bytes calldata data) external pure returns (uint256) {
        return uint256(keccak256(data)) >> 8;
    }

    /// Checks a proof for the group without storing anything: the root is one of the group's,
    /// the nullifier is new, the proof verifies. Reverts with the reason otherwise.
    function verifyProof(
        uint256 groupId,
        uint256 merkleRoot,
        uint256 actionId,
        uint256 messageHash,
        uint256 nullifier,
        bytes calldata proof
    ) public view {
        if (!isRoot(groupId, merkleRoot)) revert UnknownRoot(groupId, merkleRoot);
        if (groups[groupId].nullifiers[nullifier]) revert NullifierUsed(groupId, nullifier);
        // The verifier refuses inputs ≥ p itself (NotAFieldElement is for the tree's inputs).
        if (!verifier.verifyProof(proof, [merkleRoot, actionId, messageHash, nullifier])) revert InvalidProof();
    }

    /// Verifies a member's proof for an action and spends its nullifier: the second proof of a
    /// member for the same action in this group reverts with NullifierUsed.
    function validateProof(
        uint256 groupId,
        uint256 merkleRoot,
        uint256 actionId,
        uint256 messageHash,
        uint256 nullifier,
        bytes calldata proof
    ) external {
        verifyProof(groupId, merkleRoot, actionId, messageHash, nullifier, proof);
        groups[groupId].nullifiers[nullifier] = true;
        emit ProofValidated(groupId, merkleRoot, actionId, messageHash, nullifier);
    }

    function _checkCommitment(Group storage g, uint256 commitment) private view {
        if (commitment == 0 || commitment >= Poseidon2.P) revert NotAFieldElement("commitment", commitment);
        uint256 existing = g.indexPlusOne[commitment];
        if (existing != 0) revert AlreadyAMember(commitment, existing - 1);
    }

    function _indexOf(Group storage g, uint256 commitment) private view returns (uint256) {
        uint256 i = g.indexPlusOne[commitment];
        if (i == 0) revert NotAMember(commitment);
        return i - 1;
    }

    function _pushRoot(Group storage g, uint256 r) private {
        uint256 n = g.rootCount + 1;
        g.rootCount = n;
        g.rootNumber[r] = n;
        g.currentRoot = r;
    }

    /// Appends a leaf (the incremental Merkle tree of Tornado and Semaphore v3).
    function _add(uint256 groupId, Group storage g, uint256 commitment) private returns (uint256 node) {
        _checkCommitment(g, commitment);
        uint256 index = g.size;
        uint256 d = depth;
        if (index >> d != 0) revert GroupFull(groupId);
        node = commitment;
        for (uint256 h = 0; h < d; h++) {
            if ((index >> h) & 1 == 0) {
                g.filled[h] = node;
                node = Poseidon2.hash2(node, Poseidon2.zero(h));
            } else {
                node = Poseidon2.hash2(g.filled[h], node);
            }
        }
        g.size = index + 1;
        g.indexPlusOne[commitment] = index + 1;
        _pushRoot(g, node);
        emit MemberAdded(groupId, index, commitment, node);
    }

    /// Replaces the leaf at `index` (which holds `oldLeaf`) by `newLeaf`, given its Merkle path
    /// in the current tree; keeps `filled` right for the leaves added later.
    function _replace(Group storage g, uint256 index, uint256 oldLeaf, uint256 newLeaf, uint256[] calldata siblings)
        private
        returns (uint256 newNode)
    {
        uint256 d = depth;
        if (siblings.length != d) revert WrongSiblings(d, siblings.length);
        uint256 last = g.size - 1;
        uint256 oldNode = oldLeaf;
        newNode = newLeaf;
        for (uint256 h = 0; h < d; h++) {
            // filled[h] is the node at height h, position (last >> h) with its low bit cleared.
            if ((index >> h) == ((last >> h) & ~uint256(1))) g.filled[h] = newNode;
            uint256 sibling = siblings[h];
            if (sibling >= Poseidon2.P) revert NotAFieldElement("sibling", sibling);
            if ((index >> h) & 1 == 0) {
                oldNode = Poseidon2.hash2(oldNode, sibling);
                newNode = Poseidon2.hash2(newNode, sibling);
            } else {
                oldNode = Poseidon2.hash2(sibling, oldNode);
                newNode = Poseidon2.hash2(sibling, newNode);
            }
        }
        if (oldNode != g.currentRoot) revert NotTheCurrentTree();
        _pushRoot(g, newNode);
    }
}
