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

    /// Loads (or generates) the keys for a tree depth; `srs` nil means the INSECURE dev SRS.
    public func initialize(depth: UInt32, srs: Data? = nil, cachedKeys: Data? = nil) throws {
        let srsBytes = [UInt8](srs ?? Data())
        let keyBytes = [UInt8](cachedKeys ?? Data())
        try srsBytes.withUnsafeBufferPointer { s in
            try keyBytes.withUnsafeBufferPointer { k in
                try check(hum_prover_init(handle, depth, s.baseAddress, s.count, k.baseAddress, k.count))
            }
        }
    }

    /// Proves a witness (SPEC §7 JSON) and returns the proof JSON. Blocks: call it off the main thread.
    public func prove(witnessJSON: Data) throws -> Data {
        let witness = [UInt8](witnessJSON)
        var out = HumBuffer(data: nil, len: 0)
        try witness.withUnsafeBufferPointer { w in
            try check(hum_prover_prove(handle, w.baseAddress, w.count, &out))
        }
        defer { hum_buffer_free(out) }
        return Data(bytes: out.data, count: out.len)
    }

    /// True when the proof JSON verifies against this prover's keys.
    public func verify(proofJSON: Data) throws -> Bool {
        let proof = [UInt8](proofJSON)
        let r = proof.withUnsafeBufferPointer { hum_prover_verify(handle, $0.baseAddress, $0.count) }
        if r == HUM_RESULT_PROOF_REJECTED { return false }
        try check(r)
        return true
    }

    /// Stops a running proof (from any thread).
    public func cancel() { _ = hum_prover_cancel(handle) }
}
