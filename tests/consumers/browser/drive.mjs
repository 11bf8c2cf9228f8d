// Drives one built consumer app in headless Chromium: serves DIR (or uses URL), waits for the
// page's `globalThis.result` (the five steps on @hum-prover/hum), asserts the proof verified in
// the page, that no WebAssembly was compiled on the main thread, and that `hum verify` accepts
// the proof for the page's group.
//   node drive.mjs DIR|URL HUM_CLI
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createRequire } from "node:module";
import { join } from "node:path";
import { serve } from "../../../hosts/browser/scripts/serve.mjs";

// The browser host's own playwright-core (from its lockfile), not a consumer's dependency.
const { chromium } = createRequire(new URL("../../../hosts/browser/package.json", import.meta.url))("playwright-core");
const [target, hum] = process.argv.slice(2);
const server = target.startsWith("http") ? undefined : await serve(target);
const url = server ? `http://127.0.0.1:${server.address().port}/` : target;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"],
});
try {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    globalThis.mainThreadWasm = 0;
    for (const name of ["compile", "compileStreaming", "instantiate", "instantiateStreaming"]) {
      const original = WebAssembly[name];
      WebAssembly[name] = function (...args) { globalThis.mainThreadWasm++; return original.apply(this, args); };
    }
  });
  const page = await context.newPage();
  page.on("console", (m) => { if (m.type() === "error") console.log(`  [page] ${m.text()}`); });
  page.on("pageerror", (e) => console.log(`  [page error] ${e}`));
  await page.goto(url);
  await page.waitForFunction(() => globalThis.result !== undefined, null, { timeout: 60000 });
  const r = await page.evaluate(async () => ({ ...(await globalThis.result), mainThreadWasm: globalThis.mainThreadWasm }));
  if (r.error) throw new Error(`the page failed: ${r.error}`);
  if (r.valid !== true) throw new Error(`the proof did not verify in the page: ${JSON.stringify(r)}`);
  if (r.mainThreadWasm !== 0) throw new Error(`${r.mainThreadWasm} WebAssembly compilation(s) on the main thread`);
  const dir = mkdtempSync(join(tmpdir(), "hum-consumer-"));
  writeFileSync(join(dir, "proof.json"), r.json);
  writeFileSync(join(dir, "group.json"), r.group);
  const verdict = JSON.parse(execFileSync(hum, ["--cache-dir", join(dir, "cache"), "verify", join(dir, "proof.json"), "--group", join(dir, "group.json"), "--allow-insecure-dev-srs", "--json"]).toString());
  if (!verdict.valid) throw new Error(`hum verify: ${JSON.stringify(verdict)}`);
  console.log(`${url}: proved and verified in Chromium, hum verify agrees, no WebAssembly on the main thread`);
} finally {
  await browser.close();
  server?.close();
}
