/**
 * `npm run bench [-- NAME…]`: runs every benchmark in tests/bench (or the named ones), each in its own process so
 * memory figures do not mix, and prints what each one prints.
 */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

const dir = import.meta.dirname;
const wanted = process.argv.slice(2);
const all = readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .sort();
if (wanted.includes("--help") || wanted.includes("-h")) {
  console.log(
    `npm run bench [-- NAME…]: runs every benchmark in tests/bench, or those whose names start with NAME.\nAvailable: ${all
      .map((f) => f.replace(".bench.ts", ""))
      .join(", ")}. Options: see the header comment of tests/bench/NAME.bench.ts.`,
  );
  process.exit(0);
}
const chosen = wanted.length > 0 ? all.filter((f) => wanted.some((w) => f.startsWith(w))) : all;
if (chosen.length === 0) {
  console.error(
    `No benchmark matches ${wanted.join(", ")}. Available: ${all.map((f) => f.replace(".bench.ts", "")).join(", ")}`,
  );
  process.exit(2);
}
let failed = 0;
const durations: [string, number][] = [];
const started = performance.now();
for (const file of chosen) {
  const name = file.replace(".bench.ts", "");
  console.log(`\n## ${name}  (reproduce: npx tsx tests/bench/${file})\n`);
  const t0 = performance.now();
  const result = spawnSync(process.execPath, ["--import", "tsx", "--expose-gc", join(dir, file)], { stdio: "inherit" });
  durations.push([name, (performance.now() - t0) / 1000]);
  if (result.status !== 0) failed++;
}
const minutes = (performance.now() - started) / 60_000;
console.log(
  `\nBenchmarks took ${minutes.toFixed(1)} min in all (${durations.map(([n, s]) => `${n} ${s.toFixed(0)} s`).join(", ")}).`,
);
process.exit(failed > 0 ? 1 : 0);
