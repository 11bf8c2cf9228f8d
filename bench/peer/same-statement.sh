#!/usr/bin/env bash
# Checks that the peer proves hum's statement, so that a ratio compares like with like: for one
# witness file (docs/formats.md), the Noir circuit's public inputs are hum's proof's public inputs,
# a wrong root or a non-member's secret is refused by both, and the harness runs end to end
# (RUNS=1; its timings are not looked at).
#
#   bench/peer/same-statement.sh HUM_BINARY
set -euo pipefail
hum=$(realpath "${1:?usage: same-statement.sh HUM_BINARY}")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$here"
fail() { echo "same-statement: $*" >&2; exit 1; }

npm ci --no-audit --no-fund --loglevel=error >&2
node execute.mjs --demo-witness > "$work/witness.json"
RUNS=1 WITNESS="$work/witness.json" ./run.sh "$work/peer" > "$work/table.tsv"
grep -q '^noir.t1.prove_ms' "$work/table.tsv" || fail "the harness measured no bb.js proof"
grep -q '^noir.native.t1.prove_ms' "$work/table.tsv" || fail "the harness measured no native bb proof"

"$hum" --json prove --witness "$work/witness.json" --out "$work/proof.json" > /dev/null
WITNESS="$work/witness.json" node execute.mjs "$work/peer" > "$work/noir.json"
node -e '
  const fs = require("node:fs");
  const hum = JSON.parse(fs.readFileSync(process.argv[1], "utf8")).public_inputs;
  const noir = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
  const bb = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
  const mine = [hum.root, hum.action_id, hum.message_hash, hum.nullifier];
  for (const [who, theirs] of [["noir_js", noir], ["bb.js proof", bb]])
    if (JSON.stringify(theirs) !== JSON.stringify(mine))
      throw new Error(`${who} public inputs ${theirs} differ from those of hum: ${mine}`);
' "$work/proof.json" "$work/noir.json" "$work/peer/public_inputs.json"

# Both refuse a witness whose root is not the tree's, and one whose secret is not the leaf's.
for change in 'w.root = "0x" + (BigInt(w.root) ^ 1n).toString(16)' 'w.secret = "0x" + (BigInt(w.secret) + 1n).toString(16)'; do
  node -e "const w = JSON.parse(require('node:fs').readFileSync(process.argv[1], 'utf8')); $change; console.log(JSON.stringify(w))" \
    "$work/witness.json" > "$work/bad.json"
  if WITNESS="$work/bad.json" node execute.mjs "$work/peer" 2> /dev/null; then fail "the peer circuit accepts a bad witness ($change)"; fi
  if "$hum" --json prove --witness "$work/bad.json" --out "$work/bad-proof.json" > /dev/null 2>&1; then fail "hum proves a bad witness ($change)"; fi
done
echo "same statement: hum and the peer agree on the public inputs and refuse the same bad witnesses"
