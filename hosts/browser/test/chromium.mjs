// Headless Chromium for the browser tests and the consumer projects: Debian's /usr/bin/chromium
// (or $CHROMIUM) driven by playwright-core, with the flags this machine's closed network needs,
// and a context that counts every WebAssembly compilation on a page's main thread (init scripts
// do not run in workers: the prover must only ever be compiled inside its Worker).
import { chromium } from "playwright-core";

export async function launchChromium() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--no-first-run", "--disable-quic", "--disable-sync"],
  });
  const context = await browser.newContext();
  await context.addInitScript(() => {
    globalThis.mainThreadWasm = 0;
    for (const name of ["compile", "compileStreaming", "instantiate", "instantiateStreaming"]) {
      const original = WebAssembly[name];
      WebAssembly[name] = function (...args) { globalThis.mainThreadWasm++; return original.apply(this, args); };
    }
  });
  return { browser, context };
}
