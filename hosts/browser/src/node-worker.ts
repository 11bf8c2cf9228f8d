// The prover's Node worker (a worker_threads thread): the same host as the browser's worker
// (worker-host.ts) with preview2-shim's Node implementation, the component's files read from
// disk beside this file (or from `componentUrl`, a file: URL of a folder).
import { readFile } from "node:fs/promises";
import { parentPort } from "node:worker_threads";
import * as cli from "@bytecodealliance/preview2-shim/cli";
import * as clocks from "@bytecodealliance/preview2-shim/clocks";
import * as io from "@bytecodealliance/preview2-shim/io";
import * as random from "@bytecodealliance/preview2-shim/random";
import type { WorkerCommand, WorkerEvent, WorkerSetup } from "./protocol.js";
import { hostComponent, wasiImports } from "./worker-host.js";

const port = parentPort!;
const post = (event: WorkerEvent) => port.postMessage(event);
let handle: ((command: WorkerCommand) => void) | undefined;

port.on("message", async (data: WorkerSetup | WorkerCommand) => {
  if (data.type !== "LOAD") return handle?.(data);
  const base = data.componentUrl ? new URL(data.componentUrl.endsWith("/") ? data.componentUrl : `${data.componentUrl}/`) : new URL("./component/", import.meta.url);
  try {
    handle = await hostComponent({
      post,
      compile: async (name) => WebAssembly.compile(await readFile(new URL(name, base))),
      // Node's shim writes the component's stderr to the process's; traps are told apart by their message.
      stderr: () => "",
      testHooks: false,
      wasi: wasiImports({ cli, clocks, io, random }),
    });
    post({ type: "LOADED" });
  } catch (error) {
    post({ type: "LOAD_FAILED", message: String(error) });
  }
});
