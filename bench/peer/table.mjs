// Prints results.jsonl as a table: metric, unit, n, median, min, max.
import { readFileSync } from "node:fs";

const rows = readFileSync(process.argv[2], "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
const median = (s) => (s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2);
const show = (x) => (Number.isInteger(x) ? String(x) : x.toFixed(1));
console.log(["metric", "unit", "n", "median", "min", "max"].join("\t"));
for (const { metric, unit, values } of rows) {
  const s = [...values].sort((a, b) => a - b);
  console.log([metric, unit, s.length, show(median(s)), show(s[0]), show(s[s.length - 1])].join("\t"));
}
