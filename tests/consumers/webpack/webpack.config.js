// webpack 5 and @hum-prover/hum need no setting: webpack recognises the package's
// `new Worker(new URL("./worker.js", import.meta.url), { type: "module" })` and its
// `new URL("./component/….wasm", import.meta.url)` assets. The prover's core module is 3.3 MiB,
// over webpack's default size hint, so the hint is off.
export default {
  mode: "production",
  entry: "./src/index.js",
  output: { path: new URL("./dist", import.meta.url).pathname, clean: true },
  performance: { hints: false },
};
