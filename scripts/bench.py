#!/usr/bin/env python3
"""hum's benchmark: one run that measures hum and the peer (Noir + bb.js) on this machine.

    python3 scripts/bench.py [--runs N] [--skip-peer] [--out bench-results.json]

Measures at depth 20, per commitment scheme where a surface has both (KZG's metrics keep the
names they always had, on the dev SRS, whose arithmetic is a ceremony's; IPA's are `*.ipa_*`;
the table ends with IPA / KZG per metric):
  the native C ABI (`hum_prover_*`, ffi/examples/c_abi_bench.rs): first INIT, INIT from cached keys,
    prove, verify, peak RSS, proof size, with 1 thread and all threads, portable and with the
    `asm` feature (x86_64 BMI2/ADX field arithmetic);
  hum-core directly (keygen and key load alone, prove, verify and proof size in the standard and
    the EVM flavour; 1 thread and all);
  on Ethereum (evm/examples/gas.rs, revm with the dev-SRS verifier and HumGroups from solc-js):
    verifyProof and validateProof gas, addMember gas, deploy gas and runtime bytecode sizes;
  wasmtime host (`hum demo --json`, through the component): first INIT (keygen), INIT from
    cached keys, prove, peak heap inside the component, proof size;
  node through jco (hosts/browser/scripts/bench-node.mjs, the browser's transpiled component):
    first INIT, cached INIT, prove, verify, peak heap in the component, peak RSS;
  the Chromium worker (hosts/browser test run: first INIT and INIT from cached keys on a new page,
  each as the page sees it and inside the component, the first prove and
  `--runs` - 1 more on the same page, rAF p99);
  the peer (bench/peer/run.sh: hum's statement in Noir, bb.js 5.0.0 wasm and native bb), with its
  output in a temporary folder.
Prints a table (median, min, max, ratio to the peer's 1-thread prove) and writes it as JSON.
"""
import argparse, json, os, statistics, subprocess, sys, tempfile, pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
TARGET = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", pathlib.Path.home() / ".cache/hum-target"))
# Every cargo command below builds where the binaries are read from (scripts/env.sh's default).
os.environ["CARGO_TARGET_DIR"] = str(TARGET)
PEER = ROOT / "bench" / "peer"


def sh(cmd, **kw):
    print("+", " ".join(map(str, cmd)), file=sys.stderr)
    return subprocess.run(cmd, check=True, text=True, stdout=subprocess.PIPE, **kw).stdout


def stats(values):
    return {"median": statistics.median(values), "min": min(values), "max": max(values), "n": len(values)}


def peer(runs):
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="hum-peer-"))
    env = dict(os.environ, RUNS=str(runs))
    subprocess.run([str(PEER / "run.sh"), str(tmp)], check=True, env=env, stdout=sys.stderr)
    out = {}
    for line in (tmp / "results.jsonl").read_text().splitlines():
        row = json.loads(line)
        out[row["metric"]] = stats(row["values"])
    return out


def native(runs, features=None):
    cmd = ["cargo", "run", "--release", "--locked", "-q", "-p", "hum-core"]
    if features:
        cmd += ["--features", features]
    text = sh(cmd + ["--example", "bench", "--", "20", str(runs), "--json"], cwd=ROOT)
    out = {}
    for line in text.splitlines():
        if line.startswith("{"):
            row = json.loads(line)
            name = row["metric"].replace("native.", f"native_{features}.") if features else row["metric"]
            out[name] = stats(row["values"]) if "values" in row else row["value"]
    return out


def c_abi(runs, threads, features=None):
    cmd = ["cargo", "run", "--release", "--locked", "-q", "-p", "hum-ffi"]
    if features:
        cmd += ["--features", features]
    env = dict(os.environ, RAYON_NUM_THREADS=str(threads))
    text = sh(cmd + ["--example", "c_abi_bench", "--", "20", str(runs)], cwd=ROOT, env=env)
    return {row["metric"]: stats(row["values"]) for row in map(json.loads, filter(None, text.splitlines()))}


def evm(runs):
    text = sh(["cargo", "run", "--release", "--locked", "-q", "-p", "hum-evm", "--example", "gas", "--", str(runs)], cwd=ROOT)
    return {row["metric"]: stats(row["values"]) for row in map(json.loads, filter(None, text.splitlines()))}


def node(runs):
    here = ROOT / "hosts/browser"
    text = sh(["node", "scripts/bench-node.mjs", "20", str(runs)], cwd=here)
    return {row["metric"]: stats(row["values"]) for row in map(json.loads, filter(None, text.splitlines()))}


def wasmtime(runs):
    """`hum demo` per scheme: KZG (`--insecure-dev-srs`, a ceremony's arithmetic) keeps the
    metric names it always had, IPA (the default) is `wasmtime.ipa_*`. The runs alternate."""
    hum = TARGET / "release" / "hum"
    cache = pathlib.Path(tempfile.mkdtemp(prefix="hum-bench-cache-"))
    env = dict(os.environ, HUM_CACHE_DIR=str(cache))
    schemes = {"": ["--insecure-dev-srs"], "ipa_": []}
    demo = lambda flags: json.loads(sh([str(hum), "demo", "--json", *flags], env=env))
    first = {p: demo(flags) for p, flags in schemes.items()}  # keygen (and component compile)
    rows = {p: [] for p in schemes}
    for _ in range(runs):
        for p, flags in schemes.items():
            rows[p].append(demo(flags))
    out = {}
    for p in schemes:
        out.update({
            f"wasmtime.{p}first_init_ms": stats([first[p]["init_ms"]]),
            f"wasmtime.{p}cached_init_ms": stats([r["init_ms"] for r in rows[p]]),
            f"wasmtime.{p}prove_ms": stats([r["prove_ms"] for r in rows[p]]),
            f"wasmtime.{p}peak_heap_mib": stats([r["peak_memory_bytes"] / 1048576 for r in rows[p]]),
            f"wasmtime.{p}proof_bytes": stats([r["proof_bytes"] for r in rows[p]]),
        })
    return out


def browser(runs):
    """The Chromium worker, measured by the browser test run: its first proof at depth 20, then
    `runs - 1` more proofs on the same page (HUM_BENCH_PROOFS)."""
    here = ROOT / "hosts/browser"
    sh(["bash", "-c", "source scripts/env.sh && ensure_chromium"], cwd=ROOT)
    subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=here, check=True, stdout=sys.stderr)
    subprocess.run(["npm", "run", "build"], cwd=here, check=True, stdout=sys.stderr)
    env = dict(os.environ, HUM_BENCH_PROOFS=str(max(0, runs - 1)))
    subprocess.run(["node", "test/run.mjs"], cwd=here, check=True, stdout=sys.stderr, env=env)
    r = json.loads((here / "test-output/results.json").read_text())
    # The page's default is IPA; KZG's repeated proofs run in a second worker on the same page.
    out = {
        "browser.ipa_first_init_ms": stats([r["first_init_ms"]]),
        "browser.ipa_first_init_in_component_ms": stats([r["first_init_in_component_ms"]]),
        "browser.ipa_cached_init_ms": stats([r["cached_init_ms"]]),
        "browser.ipa_cached_init_in_component_ms": stats([r["cached_init_in_component_ms"]]),
        "browser.ipa_first_prove_ms": stats([r["prove_ms"]]),
        # The page's later proofs, like KZG's (its first runs while V8 still optimises; it is
        # `ipa_first_prove_ms`).
        "browser.ipa_prove_ms": stats(r.get("prove_ms_repeated") or [r["prove_ms"]]),
        "browser.ipa_proof_bytes": stats([r["proof_bytes"]]),
        "browser.raf_p99_ms": stats([r["raf_p99_ms"]]),
    }
    if r.get("kzg_prove_ms_repeated"):
        out["browser.prove_ms"] = stats(r["kzg_prove_ms_repeated"])
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--skip-peer", action="store_true")
    ap.add_argument("--skip-browser", action="store_true")
    ap.add_argument("--out", default=str(ROOT / "bench-results.json"))
    args = ap.parse_args()
    sh(["bash", "-c", "source scripts/env.sh && build_component && cargo build --release --locked -p hum-host"], cwd=ROOT)
    sh(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=ROOT / "contracts")
    results = {"machine": {"nproc": os.cpu_count(), "loadavg_start": os.getloadavg()[0]}}
    for features in (None, "asm"):
        for threads in (1, os.cpu_count()):
            results.update(c_abi(args.runs, threads, features))
    results.update(native(args.runs))
    results.update(evm(args.runs))
    results.update(wasmtime(args.runs))
    if not args.skip_browser:
        results.update(browser(args.runs))
        results.update(node(args.runs))
    if not args.skip_peer:
        for k, v in peer(args.runs).items():
            results["peer." + k] = v
    results["machine"]["loadavg_end"] = os.getloadavg()[0]
    base = results.get("peer.noir.t1.prove_ms", {}).get("median")
    print(f"{'metric':<40} {'median':>10} {'min':>10} {'max':>10} {'n':>3}  ratio to peer 1-thread prove")
    for k, v in results.items():
        if isinstance(v, dict) and "median" in v:
            ratio = f"{v['median'] / base:.2f}x" if base and k.endswith("prove_ms") else ""
            print(f"{k:<40} {v['median']:>10.2f} {v['min']:>10.2f} {v['max']:>10.2f} {v['n']:>3}  {ratio}")
    print(f"\n{'IPA / KZG, same surface, same run':<40} {'ratio':>10}")
    for k, v in results.items():
        kzg = results.get(k.replace("ipa_", "", 1)) if ".ipa_" in k else None
        if isinstance(v, dict) and isinstance(kzg, dict) and kzg.get("median"):
            print(f"{k.replace('ipa_', '', 1):<40} {v['median'] / kzg['median']:>9.2f}x")
    pathlib.Path(args.out).write_text(json.dumps(results, indent=2) + "\n")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
