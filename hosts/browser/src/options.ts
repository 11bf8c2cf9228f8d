// What an app chooses when it makes a Hum or asks for a proof: the orchestrator's options (the
// setup among them: which scheme, which SRS, checked by `chosenScheme` before any work) and a
// proof's flavour.
import { FLAVOURS, type Flavour, type Scheme } from "./protocol.js";
import { HumError } from "./witness.js";

/** Options of a proof. */
export interface ProveOptions {
  /** `"standard"` (the default: the smallest proof, for verifiers off chain) or `"evm"` (the
   * transcript a Solidity verifier from `hum verifier solidity` checks; a contract verifies KZG
   * proofs, so this needs a KZG prover: on IPA, the default, it is `invalid-argument`). */
  flavour?: Flavour;
}

/** The flavour of `options`, checked (a wrong one is `invalid-argument`). */
export function checkFlavour(options: ProveOptions = {}): Flavour {
  const flavour = options.flavour ?? "standard";
  if (!FLAVOURS.includes(flavour)) {
    throw new HumError("invalid-argument", `\`flavour\` must be one of ${FLAVOURS.map((f) => `"${f}"`).join(", ")}`);
  }
  return flavour;
}

export interface OrchestratorOptions {
  /** The worker script, for an app that hosts the package's `worker.js` elsewhere (by default the
   * package's own, which bundlers emit beside the app's code). */
  workerUrl?: string | URL;
  /** The folder of the component's files (`hum_component.core.wasm`, …), for an app that hosts
   * them elsewhere (by default the package's own, beside the worker). */
  componentUrl?: string | URL;
  /** Tree depth (default 20). */
  depth?: number;
  /** The commitment scheme: `"ipa"` (hum's transparent generators: no ceremony, no SRS file,
   * secure; embedded for every depth) or `"kzg"` (a ceremony's SRS from `srsUrl`, what a contract
   * verifies). Default: `"ipa"`, or `"kzg"` when `srsUrl` or `insecureDevSrs` is given. */
  scheme?: Scheme;
  /** URL of a ceremony's KZG params file (pin it with `srsHash`). */
  srsUrl?: string | URL;
  /** KZG on the INSECURE dev SRS, whose secret is public (anyone can forge its proofs): tests
   * only. Its circuit id ends in `-insecure-dev-srs`; verifiers refuse it unless they allow it. */
  insecureDevSrs?: boolean;
  /** Pinned SHA-256 of the SRS (`sha256:…`). */
  srsHash?: string;
  /** The worker's first heap budget in bytes (default 64 MiB). */
  memoryBudget?: number;
  /** The most an out-of-memory restart may raise it to (default 1 GiB). */
  maxMemoryBudget?: number;
  /** Cache keys in IndexedDB (default true where IndexedDB exists, so not in Node). */
  cache?: boolean;
  /**
   * How long the worker may stay silent while a command is outstanding before it is presumed
   * dead and replaced (default 60 s). A proof reports progress at least every few hundred
   * milliseconds; INIT's key generation is the longest silent stretch.
   */
  stallTimeoutMs?: number;
}

/** The scheme the options choose, or an `invalid-argument` naming the options that do not fit:
 * by default IPA; `srsUrl` (a ceremony's SRS) or `insecureDevSrs` (tests only) is KZG. */
export function chosenScheme(options: OrchestratorOptions): Scheme {
  const { scheme, srsUrl, insecureDevSrs } = options;
  const refuse = (message: string): never => {
    throw new HumError("invalid-argument", message);
  };
  if (scheme !== undefined && scheme !== "ipa" && scheme !== "kzg") refuse(`\`scheme\` must be "ipa" or "kzg", not ${JSON.stringify(scheme)}`);
  // The messages share their words with the hum CLI's `srs_choice` (tests/vectors/setup-choices.json
  // is the table both replay).
  if (srsUrl !== undefined && insecureDevSrs) refuse("`srsUrl` and `insecureDevSrs` are two SRSs: choose one");
  if (scheme === "ipa" && srsUrl !== undefined) refuse("`srsUrl` is a KZG SRS: the ipa scheme needs none (drop srsUrl, or use scheme \"kzg\")");
  if (scheme === "ipa" && insecureDevSrs) refuse("`insecureDevSrs` is a KZG SRS: the ipa scheme needs none (drop one of the two)");
  if (scheme === "kzg" && srsUrl === undefined && !insecureDevSrs) {
    refuse("the kzg scheme needs an SRS: `srsUrl` and `srsHash` (a ceremony's), or `insecureDevSrs: true` for tests; or omit `scheme` for ipa, which needs none");
  }
  return srsUrl !== undefined || insecureDevSrs ? "kzg" : "ipa";
}
