// The prover's browser worker (a module Web Worker): the component runs here and never on the
// page's main thread. The orchestrator posts LOAD first (with `componentUrl` when the app hosts
// the component's files elsewhere), then commands; see worker-host.ts.
import * as cli from "@bytecodealliance/preview2-shim/cli";
import * as clocks from "@bytecodealliance/preview2-shim/clocks";
import * as io from "@bytecodealliance/preview2-shim/io";
import * as random from "@bytecodealliance/preview2-shim/random";
import type { WorkerCommand, WorkerEvent, WorkerSetup } from "./protocol.js";
import { hostComponent, wasiImports } from "./worker-host.js";

const post = (event: WorkerEvent) => (self as unknown as Worker).postMessage(event);

// The component's stderr, kept to tell an allocation failure (the budget allocator's refusal
// makes Rust print "memory allocation of N bytes failed" before it traps) from other traps.
let stderrText = "";
const stderrLines = {
  write(contents: Uint8Array) {
    stderrText = (stderrText + new TextDecoder().decode(contents)).slice(-4096);
  },
  blockingFlush() {},
  flush() {},
  drop() {},
};
const isolatedCli = (cli as unknown as { createCli: (c: object) => Record<string, unknown> }).createCli({ stderr: stderrLines });

// The component's core modules, each a literal `new URL(…, import.meta.url)`, which bundlers
// (Vite, webpack, esbuild, Parcel) recognise and emit as assets. scripts/build.mjs checks that
// these are the files jco wrote.
const cores: Record<string, URL> = {
  "hum_component.core.wasm": new URL("./component/hum_component.core.wasm", import.meta.url),
  "hum_component.core2.wasm": new URL("./component/hum_component.core2.wasm", import.meta.url),
  "hum_component.core3.wasm": new URL("./component/hum_component.core3.wasm", import.meta.url),
  "hum_component.core4.wasm": new URL("./component/hum_component.core4.wasm", import.meta.url),
};

function compiler(componentUrl?: string) {
  return (name: string) => {
    const url = componentUrl ? new URL(name, new URL(componentUrl, self.location.href)) : cores[name];
    if (!url) throw new Error(`the component asked for an unknown core module ${name}`);
    return WebAssembly.compileStreaming(fetch(url));
  };
}

let handle: ((command: WorkerCommand) => void) | undefined;
const pending: WorkerCommand[] = [];

self.onmessage = async (message: MessageEvent<WorkerSetup | WorkerCommand>) => {
  const data = message.data;
  if (data.type === "LOAD") {
    try {
      handle = await hostComponent({
        post,
        compile: compiler(data.componentUrl),
        stderr: () => stderrText,
        testHooks: new URL(import.meta.url).searchParams.has("test-hooks"),
        wasi: wasiImports({ cli, clocks, io, random }, isolatedCli.stderr),
      });
      post({ type: "LOADED" });
    } catch (error) {
      post({ type: "LOAD_FAILED", message: String(error) });
    }
    for (const command of pending.splice(0)) run(command);
    return;
  }
  if (handle) run(data);
  else pending.push(data);
};

function run(command: WorkerCommand) {
  stderrText = "";
  handle?.(command);
}
