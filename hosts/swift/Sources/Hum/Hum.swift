import CHum
import Foundation

/// An error from the hum C ABI: the result code, its message, and the prover's detail.
public struct HumError: Error, CustomStringConvertible {
    public let code: UInt32
    public let detail: String
    public var description: String {
        let message = String(cString: hum_result_message(code))
        return detail.isEmpty ? message : "\(message): \(detail)"
    }
}

/// A native hum prover (multi-threaded). One proof at a time per prover.
public final class HumProver {
    private var handle: OpaquePointer?

    public init() throws {
        var out: OpaquePointer?
        let r = hum_prover_new(&out)
        guard r == HUM_RESULT_OK, let out else { throw HumError(code: r, detail: "") }
        handle = out
    }

    deinit { hum_prover_free(handle) }

    /// The library version.
    public static var version: String { String(cString: hum_version()) }

    private func check(_ r: HumResult) throws {
        guard r == HUM_RESULT_OK else {
            var buffer = HumBuffer(data: nil, len: 0)
            hum_prover_last_error(handle, &buffer)
            defer { hum_buffer_free(buffer) }
            let detail = buffer.data.map { String(decoding: UnsafeBufferPointer(start: $0, count: buffer.len), as: UTF8.self) } ?? ""
            throw HumError(code: r, detail: detail)
        }
    }

    /// Loads (or generates) the keys for a tree depth. `srs` nil is the default: IPA on hum's
    /// transparent generators (no ceremony, nothing to pass); otherwise a ceremony's KZG params
    /// (an empty `srs` is an error).
    public func initialize(depth: UInt32, srs: Data? = nil, cachedKeys: Data? = nil) throws {
        let r = withOptionalBytes(srs) { s, sn in
            withOptionalBytes(cachedKeys) { k, kn in hum_prover_init(handle, depth, s, sn, k, kn) }
        }
        try check(r)
    }

    /// Loads (or generates) the keys for a tree depth with KZG on the INSECURE dev SRS, whose
    /// secret is public: anyone can forge its proofs. Tests only.
    public func initializeInsecureDevSrs(depth: UInt32, cachedKeys: Data? = nil) throws {
        let r = withOptionalBytes(cachedKeys) { k, kn in hum_prover_init_insecure_dev_srs(handle, depth, k, kn) }
        try check(r)
    }

    /// How a proof's transcript is encoded (`HumFlavour` in hum.h): `.standard` for verifiers off
    /// chain, `.evm` for the Solidity verifier of `hum verifier solidity`.
    public enum Flavour: UInt32 {
        case standard = 0
        case evm = 1
    }

    /// Proves a witness (docs/formats.md) and returns the proof JSON. Blocks: call it off the main thread.
    public func prove(witnessJSON: Data, flavour: Flavour = .standard) throws -> Data {
        let witness = [UInt8](witnessJSON)
        var out = HumBuffer(data: nil, len: 0)
        try witness.withUnsafeBufferPointer { w in
            try check(hum_prover_prove(handle, w.baseAddress, w.count, flavour.rawValue, &out))
        }
        defer { hum_buffer_free(out) }
        return Data(bytes: out.data, count: out.len)
    }

    /// What a verifier accepts (`HumVerifyPolicy` in hum.h), chosen by the verifier and never
    /// read from the proof: the depth of its group (the prover must be initialised for it), an
    /// explicit opt-in to the insecure dev SRS, and optionally the root and action id (0x-hex).
    public struct VerifyPolicy {
        public var depth: UInt32
        public var allowInsecureDevSrs: Bool
        public var root: String?
        public var actionId: String?

        public init(depth: UInt32 = 20, allowInsecureDevSrs: Bool = false, root: String? = nil, actionId: String? = nil) {
            self.depth = depth
            self.allowInsecureDevSrs = allowInsecureDevSrs
            self.root = root
            self.actionId = actionId
        }
    }

    /// True when the proof JSON verifies with this prover's keys under `policy`; false when it
    /// does not verify or its root or action id differs. Throws for a proof of another circuit
    /// (`HUM_RESULT_WRONG_CIRCUIT`), a refused dev SRS (`HUM_RESULT_INSECURE_SRS`) or bad input.
    public func verify(proofJSON: Data, policy: VerifyPolicy = VerifyPolicy()) throws -> Bool {
        let proof = [UInt8](proofJSON)
        let r = withOptionalCString(policy.root) { root in
            withOptionalCString(policy.actionId) { action in
                var p = hum_verify_policy_default()
                p.depth = policy.depth
                p.allow_insecure_dev_srs = policy.allowInsecureDevSrs
                p.root = root
                p.action_id = action
                return proof.withUnsafeBufferPointer { hum_prover_verify(handle, $0.baseAddress, $0.count, &p) }
            }
        }
        if r == HUM_RESULT_PROOF_REJECTED { return false }
        try check(r)
        return true
    }

    /// Stops a running proof (from any thread).
    public func cancel() { _ = hum_prover_cancel(handle) }
}

/// Calls `body` with NULL for nil, else with the bytes (a non-NULL pointer even when empty).
private func withOptionalBytes<R>(_ data: Data?, _ body: (UnsafePointer<UInt8>?, Int) -> R) -> R {
    guard let data else { return body(nil, 0) }
    let bytes = [UInt8](data)
    if bytes.isEmpty {
        var none: UInt8 = 0
        return withUnsafePointer(to: &none) { body($0, 0) }
    }
    return bytes.withUnsafeBufferPointer { body($0.baseAddress, $0.count) }
}

/// Calls `body` with NULL for nil, else with a NUL-terminated copy of the string.
private func withOptionalCString<R>(_ text: String?, _ body: (UnsafePointer<CChar>?) -> R) -> R {
    guard let text else { return body(nil) }
    return text.withCString { body($0) }
}
