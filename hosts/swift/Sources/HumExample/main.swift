import Foundation
import Hum

// hum-swift-example DEPTH WITNESS.json: initialise, prove, verify.
let args = CommandLine.arguments
guard args.count == 3, let depth = UInt32(args[1]) else {
    FileHandle.standardError.write("usage: hum-swift-example DEPTH WITNESS.json\n".data(using: .utf8)!)
    exit(2)
}
do {
    print("hum \(HumProver.version)")
    let prover = try HumProver()
    try prover.initialize(depth: depth)
    let witness = try Data(contentsOf: URL(fileURLWithPath: args[2]))
    let proof = try prover.prove(witnessJSON: witness)
    print("proof: \(proof.count) bytes of JSON")
    // A verifier pins what it accepts; the default setup (IPA) needs no opt-in.
    let policy = HumProver.VerifyPolicy(depth: depth)
    print(try prover.verify(proofJSON: proof, policy: policy) ? "verify: valid" : "verify: INVALID")
} catch {
    FileHandle.standardError.write("error: \(error)\n".data(using: .utf8)!)
    exit(1)
}
