// Where the build finds what cargo built.
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

export const targetDir = () => process.env.CARGO_TARGET_DIR || join(homedir(), ".cache/hum-target");

/** The portable component (browsers cannot run the wide-arithmetic build). */
export function componentPath() {
  const path = process.env.HUM_BROWSER_COMPONENT || join(targetDir(), "wasm32-wasip2/release/hum_component.wasm");
  if (!existsSync(path)) throw new Error(`${path} is missing: build it with scripts/test.sh or scripts/demo.sh`);
  return path;
}

/** The `hum` CLI (used to write the dev SRS file and, in tests, to verify proofs). */
export function humPath() {
  const path = join(targetDir(), "release/hum");
  if (!existsSync(path)) throw new Error(`${path} is missing: cargo build --release -p hum-host`);
  return path;
}
