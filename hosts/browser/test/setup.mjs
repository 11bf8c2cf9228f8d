// Which setup the npm package's options choose, in Chromium: tests/vectors/setup-choices.json, the
// table the hum CLI's flags replay too. Each case is a new Hum whose init reports the scheme, or
// is refused with `invalid-argument` before any work.
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Runs the check with run.mjs's harness: `check`, `assert`, its first `page` and the package folder `here`. */
export async function setupChecks({ check, assert, page, here }) {
  await check("the setup options (scheme, srsUrl, insecureDevSrs): every case of tests/vectors/setup-choices.json", async () => {
    const table = JSON.parse(readFileSync(join(here, "../../tests/vectors/setup-choices.json"), "utf8"));
    const seen = await page.evaluate(async (cases) => {
      const out = [];
      for (const c of cases) {
        const options = { workerUrl: new URL("./worker.js", location.href), depth: 20, cache: false };
        if (c.scheme_option !== null) options.scheme = c.scheme_option;
        if (c.srs) options.srsUrl = new URL("./srs-insecure-dev-d20.params", location.href);
        if (c.insecure_dev_srs) options.insecureDevSrs = true;
        const hum = new Hum(options);
        try {
          const init = await hum.init();
          out.push({ scheme: init.circuit.scheme, insecure: init.circuit.insecureDevSrs });
        } catch (e) {
          out.push({ code: e.code, message: e.message });
        } finally {
          hum.terminate();
        }
      }
      return out;
    }, table.cases);
    const wrong = table.cases.map((c, i) => ({ c, got: seen[i] })).filter(({ c, got }) => c.refused
      ? !(got.code === "invalid-argument" && got.message.includes(c.refused))
      : !(got.scheme === c.scheme && got.insecure === c.insecure));
    assert(wrong.length === 0, JSON.stringify(wrong));
  });
}
