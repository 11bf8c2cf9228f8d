// Benchmark only (scripts/bench.py sets HUM_BENCH_PROOFS): more proofs on the first page, with its
// worker and keys warm, so that the browser's prove time has a median and a spread like the others'.

/** Runs `n` more proofs on `page` for each scheme with run.mjs's `check`, into `results`. */
export async function benchmarkProofs({ check, page, results, n }) {
  await check(`benchmark: ${n} more proofs at depth 20 on the first page`, async () => {
    results.prove_ms_repeated = await page.evaluate(async (n) => {
      const times = [];
      for (let i = 0; i < n; i++) {
        const witness = await demoWitness(20, 100n + BigInt(i));
        const started = performance.now();
        await hum.prove(witness);
        times.push(performance.now() - started);
      }
      return times;
    }, n);
  });
  // The same proofs under KZG (the dev SRS: a ceremony's arithmetic), in a second worker on the
  // same page, for the schemes' ratio; its first proof (key generation) is not counted.
  await check(`benchmark: ${n} KZG proofs at depth 20 on the first page`, async () => {
    results.kzg_prove_ms_repeated = await page.evaluate(async (n) => {
      const kzg = new Hum({ workerUrl: new URL("./worker.js", location.href), depth: 20, insecureDevSrs: true, cache: false });
      await kzg.prove(await demoWitness(20, 99n));
      const times = [];
      for (let i = 0; i < n; i++) {
        const witness = await demoWitness(20, 200n + BigInt(i));
        const started = performance.now();
        await kzg.prove(witness);
        times.push(performance.now() - started);
      }
      kzg.terminate();
      return times;
    }, n);
  });
}
