// Compiles Solidity files with solc-js (standard JSON) and writes, for every contract, its ABI,
// creation bytecode and runtime bytecode as JSON; a compiler error fails with solc's own message.
// Imports are source unit names relative to the current folder.
//
//   node compile.mjs [--no-optimizer] OUT.json FILE.sol...
//
// The optimizer is on (200 runs) unless --no-optimizer: a generated verifier (`hum verifier
// solidity`) is hand-scheduled inline assembly that the legacy optimizer cannot fit in 16 stack
// slots ("stack too deep"), and it must never go through viaIR, whose different memory layout
// fails its free-memory-pointer check on every call.
import { readFileSync, writeFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import solc from "solc";

const args = process.argv.slice(2);
const optimize = args[0] !== "--no-optimizer";
const [out, ...files] = optimize ? args : args.slice(1);
if (!out || files.length === 0) {
  console.error("usage: node compile.mjs [--no-optimizer] OUT.json FILE.sol...");
  process.exit(2);
}
const root = process.cwd();
const sources = Object.fromEntries(files.map((f) => [relative(root, resolve(f)), { content: readFileSync(f, "utf8") }]));
const input = {
  language: "Solidity",
  sources,
  settings: {
    optimizer: { enabled: optimize, runs: 200 },
    outputSelection: { "*": { "*": ["abi", "evm.bytecode.object", "evm.deployedBytecode.object"] } },
  },
};
const findImports = (path) => {
  try {
    return { contents: readFileSync(resolve(root, path), "utf8") };
  } catch {
    return { error: `not found: ${path}` };
  }
};
const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
const errors = (output.errors ?? []).filter((e) => e.severity === "error");
for (const e of output.errors ?? []) console.error(e.formattedMessage);
if (errors.length > 0) process.exit(1);
const contracts = {};
for (const [file, byName] of Object.entries(output.contracts ?? {})) {
  for (const [name, c] of Object.entries(byName)) {
    contracts[name] = {
      source: file,
      abi: c.abi,
      bytecode: `0x${c.evm.bytecode.object}`,
      deployedBytecode: `0x${c.evm.deployedBytecode.object}`,
    };
  }
}
writeFileSync(out, `${JSON.stringify({ compiler: solc.version(), contracts }, null, 2)}\n`);
