// Builds the npm package into dist/ and the demo site into site/.
//   dist/index.js, worker.js        the browser entry and its module worker
//   dist/node.js, node-worker.js    the Node entry and its worker_threads worker
//   dist/component/                 the transpiled component (jco; the small core modules inlined)
//   dist/types/                     TypeScript declarations (tsc)
//   site/                           The Hum demo page on the package, with the dev SRS file
// Our own modules and ajv are bundled per entry (preview2-shim too in the browser's worker; Node
// resolves it for its worker), and the component's files stay beside the worker that loads them.
import { execFileSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import * as esbuild from "esbuild";
import { componentPath, humPath } from "./paths.mjs";

const here = new URL("..", import.meta.url).pathname;
const dist = join(here, "dist");
const site = join(here, "site");
for (const dir of [dist, site]) rmSync(dir, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

execFileSync(join(here, "node_modules/.bin/jco"), ["transpile", componentPath(), "-o", join(dist, "component"),
  "--instantiation", "async", "--no-nodejs-compat", "--quiet"], { stdio: "inherit" });
rmSync(join(dist, "component/interfaces"), { recursive: true, force: true });
const cores = readdirSync(join(dist, "component")).filter((f) => f.endsWith(".wasm")).sort();
const named = [...readFileSync(join(here, "src/worker.ts"), "utf8").matchAll(/new URL\("\.\/component\/([^"]+\.wasm)"/g)].map((m) => m[1]).sort();
if (JSON.stringify(cores) !== JSON.stringify(named)) throw new Error(`jco wrote ${cores}; src/worker.ts names ${named}`);

// The worker imports the transpiled component beside it at run time.
const componentBeside = {
  name: "component-beside",
  setup(build) {
    build.onResolve({ filter: /dist\/component\/hum_component\.js$/ }, () => ({ path: "./component/hum_component.js", external: true }));
  },
};
// ajv (CommonJS) is bundled: Vite's dev server serves an excluded package's dependencies raw,
// and a CommonJS one would not load there.
const external = ["@bytecodealliance/preview2-shim", "@bytecodealliance/preview2-shim/*"];
const common = { outdir: dist, bundle: true, format: "esm", logLevel: "warning", plugins: [componentBeside], external };
// The browser worker is self-contained (preview2-shim's browser build bundled in): a page's import
// map does not reach a worker, so a page without a bundler could not resolve it otherwise.
await esbuild.build({ ...common, entryPoints: { index: join(here, "src/index.ts"), worker: join(here, "src/worker.ts") }, target: "es2022", platform: "browser", external: [] });
await esbuild.build({ ...common, entryPoints: { node: join(here, "src/node.ts"), "node-worker": join(here, "src/node-worker.ts") }, target: "node20", platform: "node", external: [...external, "node:*"] });
execFileSync(join(here, "node_modules/.bin/tsc"), ["-p", join(here, "tsconfig.build.json")], { stdio: "inherit" });
// tsc roots its output at the common folder of every input (the witness schema is in core/);
// the declarations are src/'s, and the generated protocol types are declarations already.
renameSync(join(dist, "types/hosts/browser/src"), join(dist, "types/src"));
rmSync(join(dist, "types/hosts"), { recursive: true });
cpSync(join(here, "src/generated"), join(dist, "types/src/generated"), { recursive: true });

// The demo site: the package's files, the page bundled on the package's browser entry, and the
// INSECURE dev SRS file (for `?srs=`; by default the component derives the dev SRS itself).
mkdirSync(site, { recursive: true });
cpSync(join(dist, "component"), join(site, "component"), { recursive: true });
await esbuild.build({ ...common, outdir: site, external: [], entryPoints: { worker: join(here, "src/worker.ts"), demo: join(here, "src/demo.ts") }, target: "es2022", platform: "browser" });
copyFileSync(join(here, "public/index.html"), join(site, "index.html"));
execFileSync(humPath(), ["params", "dev", "--depth", "20", "--out", join(site, "srs-insecure-dev-d20.params")], { stdio: "inherit" });
console.log("built hosts/browser/dist (the package) and hosts/browser/site (the demo)");
