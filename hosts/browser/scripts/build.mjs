// Builds dist/: the transpiled component (jco), the bundled worker and page (esbuild), the
// page, the witness schema, and the INSECURE dev SRS files (written by the `hum` CLI).
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import * as esbuild from "esbuild";
import { componentPath, humPath } from "./paths.mjs";

const here = new URL("..", import.meta.url).pathname;
const dist = join(here, "dist");
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

execFileSync(join(here, "node_modules/.bin/jco"),
  ["transpile", componentPath(), "-o", join(dist, "component"), "--instantiation", "async", "--no-nodejs-compat", "--quiet"], { stdio: "inherit" });

await esbuild.build({
  entryPoints: { worker: join(here, "src/worker.ts"), demo: join(here, "src/demo.ts") },
  outdir: dist, bundle: true, format: "esm", target: "es2022", platform: "browser",
  external: ["../dist/component/hum_component.js"], logLevel: "warning",
  plugins: [{
    // The worker imports the transpiled component beside it at run time, not bundled.
    name: "component-beside",
    setup(build) {
      build.onResolve({ filter: /dist\/component\/hum_component\.js$/ }, () => ({ path: "./component/hum_component.js", external: true }));
    },
  }],
});
copyFileSync(join(here, "public/index.html"), join(dist, "index.html"));
for (const depth of [4, 8, 20]) {
  execFileSync(humPath(), ["params", "dev", "--depth", String(depth), "--out", join(dist, `srs-insecure-dev-d${depth}.params`)], { stdio: "inherit" });
}
console.log("built hosts/browser/dist");
