/**
 * One benchmark measurement in its own process (so one workload's garbage and JIT state cannot colour the
 * next): `tsx bench/worker.ts NAME SIZE core|peer` prints one JSON line.
 */
import { HyperFormula } from "hyperformula";
import { timeBoth } from "./timing.js";
import { WORKLOADS } from "./workloads.js";

const [name, sizeText, mode] = process.argv.slice(2);
const workload = WORKLOADS.find((w) => w.name === name);
const size = Number(sizeText);
if (!workload || !Number.isInteger(size) || (mode !== "core" && mode !== "peer")) {
  console.error("usage: worker.ts WORKLOAD SIZE core|peer");
  process.exit(2);
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
