// Compiles circuit/ with noir_wasm (no nargo binary needed) into OUT/circuit.json, as noir_js and
// `bb -b` read it, and prints the compile time as one metric line.
import { compile, createFileManager } from "@noir-lang/noir_wasm";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { metric } from "./common.mjs";

const out = process.argv[2];
const started = performance.now();
const { program } = await compile(createFileManager(fileURLToPath(new URL("circuit", import.meta.url))), undefined, () => {}, () => {});
metric("noir.compile_ms(noir_wasm)", [performance.now() - started]);
writeFileSync(out, JSON.stringify(program));
