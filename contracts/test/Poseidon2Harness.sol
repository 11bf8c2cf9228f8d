// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Poseidon2} from "../src/Poseidon2.sol";

/// Poseidon2's library functions as external calls, for the tests.
contract Poseidon2Harness {
    function hash1(uint256 a) external pure returns (uint256) {
        return Poseidon2.hash1(a);
    }

    function hash2(uint256 a, uint256 b) external pure returns (uint256) {
        return Poseidon2.hash2(a, b);
    }

    function zero(uint256 height) external pure returns (uint256) {
        return Poseidon2.zero(height);
    }
}
