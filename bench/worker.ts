/**
 * One benchmark measurement in its own process (so one workload's garbage and JIT state cannot colour the
 * next): `tsx bench/worker.ts NAME SIZE core|peer` prints one JSON line.
 */
import { HyperFormula } from "hyperformula";
import { WORKLOADS } from "./workloads.js";

const [name, sizeText, mode] = process.argv.slice(2);
const workload = WORKLOADS.find((w) => w.name === name);
const size = Number(sizeText);
if (!workload || !Number.isInteger(size) || (mode !== "core" && mode !== "peer")) {
  console.error("usage: worker.ts WORKLOAD SIZE core|peer");
  process.exit(2);
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

/**
 * Times two functions in alternation and returns their medians. Both are warmed up together and each repeat
 * swaps which runs first: run one after the other, two copies of the same loop measured 10% apart (whichever
 * was warmed first was slower), and a GC left over from building the data or another process meanwhile falls
 * on both alike.
 */
function timeBoth(first: () => unknown, second: () => unknown, repeats: number): [number, number] {
  // Warm-up by time, not by count: small inputs need many runs before the optimising compiler takes over.
  const warmUntil = performance.now() + 600;
  for (let i = 0; i < 3 || performance.now() < warmUntil; i++) {
    first();
    second();
  }
  const a: number[] = [];
  const b: number[] = [];
  const time = (run: () => unknown, times: number[]): void => {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  };
  for (let i = 0; i < repeats; i++) {
    if (i % 2 === 0) {
      time(first, a);
      time(second, b);
    } else {
      time(second, b);
      time(first, a);
    }
  }
  return [median(a), median(b)];
}

const data = workload.make(size);
if (mode === "core") {
  const repeats = size >= 1_000_000 ? 7 : 15;
  const [kpiMs, loopMs] = timeBoth(
    () => workload.kpi(data),
    () => workload.loop(data),
    repeats,
  );
  console.log(JSON.stringify({ kpiMs, loopMs }));
} else {
  const { columns, helpers, result } = workload.peer(data);
  const rows = columns[0]?.length ?? 0;
  const sheet = Array.from({ length: rows }, (_, r) => columns.map((col) => (col[r] as unknown[])[0] ?? null));
  const hf = HyperFormula.buildFromArray(sheet as never, { licenseKey: "gpl-v3", maxRows: Math.max(rows + 1, 40_000) });
  const helperBlock = Array.from({ length: rows }, (_, r) => helpers.map((f) => f.replaceAll("{r}", String(r + 1))));
  // Timed: entering the native formulas, which HyperFormula evaluates at once (one run: it is the slow side).
  const start = performance.now();
  if (helpers.length) hf.setCellContents({ sheet: 0, col: columns.length, row: 0 }, helperBlock);
  hf.setCellContents({ sheet: 0, col: columns.length + helpers.length, row: 0 }, [[result]]);
  const value = hf.getCellValue({ sheet: 0, col: columns.length + helpers.length, row: 0 });
  const peerMs = performance.now() - start;
  console.log(JSON.stringify({ peerMs, peerValue: typeof value === "number" ? value : String(value) }));
}
