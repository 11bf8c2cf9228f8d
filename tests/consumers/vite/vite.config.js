// Vite and @hum-prover/hum: `optimizeDeps.exclude` keeps the dev server from pre-bundling the
// package, which would move its code away from the worker and component files that its
// `new URL(…, import.meta.url)` calls name (the production build needs no such setting);
// `worker.format: "es"` because the package's worker is an ES module.
export default { worker: { format: "es" }, optimizeDeps: { exclude: ["@hum-prover/hum"] } };
