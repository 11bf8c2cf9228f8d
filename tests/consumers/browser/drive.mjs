// Drives one built consumer app in headless Chromium: serves DIR (or uses URL), waits for the
// page's `globalThis.result` (the five steps on @hum-prover/hum), asserts the proof verified in
// the page, that no WebAssembly was compiled on the main thread, and that `hum verify` accepts
// the proof for the page's group.
//   node drive.mjs DIR|URL HUM_CLI
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
// The browser host's server and Chromium (with its playwright-core, from its lockfile).
import { serve } from "../../../hosts/browser/scripts/serve.mjs";
import { launchChromium } from "../../../hosts/browser/test/chromium.mjs";

const [target, hum] = process.argv.slice(2);
const server = target.startsWith("http") ? undefined : await serve(target);
const url = server ? `http://127.0.0.1:${server.address().port}/` : target;
const { browser, context } = await launchChromium();
try {
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
  const verdict = JSON.parse(execFileSync(hum, ["--cache-dir", join(dir, "cache"), "verify", join(dir, "proof.json"), "--group", join(dir, "group.json"), "--json"]).toString());
  if (!verdict.valid) throw new Error(`hum verify: ${JSON.stringify(verdict)}`);
  console.log(`${url}: proved and verified in Chromium, hum verify agrees, no WebAssembly on the main thread`);
} finally {
  await browser.close();
  server?.close();
}
