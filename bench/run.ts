/**
 * `npm run bench`: every workload in its own process, then host round trips and bundle figures.
 * Prints a table and writes bench/results.json. Not part of `npm test`: timings belong here, not in tests.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import { bundleFigures } from "./bundles.js";
import { renderReport, writeReport } from "./report.js";
import { excelSyncs, sheetsCalls } from "./roundtrips.js";
import { WORKLOADS } from "./workloads.js";
import { benchPeriods } from "./periods.js";
import { runForecastBench } from "./forecast.js";
import { runClvBench } from "./clv.js";
import { zoneLookups } from "./zones.js";
import { benchByApart } from "./by.js";
import { benchSql } from "./sql.js";

/** HyperFormula gets this long per evaluation; the process also builds the sheet first. */
const PEER_LIMIT_MS = 30_000;
const only = process.argv.slice(2);

interface Row {
  workload: string;
  cells: number;
  kpiMs: number | null;
  loopMs: number | null;
  peerMs: number | null;
  note?: string;
}

function measure(name: string, size: number, mode: "core" | "peer", timeoutMs: number): Record<string, number> | null {
  const child = spawnSync(process.execPath, ["--import", "tsx", "bench/worker.ts", name, String(size), mode], {
    encoding: "utf8",
    timeout: timeoutMs,
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) return null;
  const line = child.stdout.trim().split("\n").pop() ?? "";
  return JSON.parse(line) as Record<string, number>;
}

const rows: Row[] = [];
const fmt = (ms: number | null): string => (ms === null ? "—" : ms < 10 ? ms.toFixed(2) : ms.toFixed(0));

if (!process.env.SKIP_BUILD) execFileSync("npm", ["run", "build", "--silent"], { stdio: "inherit" });

console.log("workload            cells/rows    kpi ms   loop ms   kpi/loop   peer ms   peer/kpi");
for (const workload of WORKLOADS.filter((w) => only.length === 0 || only.includes(w.name))) {
  for (const size of workload.sizes) {
    const core = measure(workload.name, size, "core", 300_000);
    let peer: Record<string, number> | null = null;
    let note: string | undefined;
    if (size <= workload.peerMaxSize) {
      peer = measure(workload.name, size, "peer", PEER_LIMIT_MS + 120_000);
      if (!peer || (peer.peerMs ?? Infinity) > PEER_LIMIT_MS) {
        note = "HyperFormula did not finish within 30 s";
        peer = null;
      }
    } else note = workload.group === "grouping" ? "peer not run: quadratic" : undefined;
    const row: Row = {
      workload: workload.name,
      cells: size,
      kpiMs: core?.kpiMs ?? null,
      loopMs: core?.loopMs ?? null,
      peerMs: peer?.peerMs ?? null,
      ...(note ? { note } : {}),
    };
    rows.push(row);
    const ratio = row.kpiMs !== null && row.loopMs ? (row.kpiMs / row.loopMs).toFixed(2) : "—";
    const peerRatio = row.kpiMs && row.peerMs !== null ? `${(row.peerMs / row.kpiMs).toFixed(0)}×` : "—";
    console.log(
      `${workload.name.padEnd(18)} ${String(size).padStart(10)} ${fmt(row.kpiMs).padStart(9)} ${fmt(row.loopMs).padStart(9)} ${ratio.padStart(10)} ${fmt(row.peerMs).padStart(9)} ${peerRatio.padStart(10)}`,
    );
  }
}

const roundTrips = [];
for (const size of [1_000, 100_000]) {
  roundTrips.push({ workload: "dashboard:excel-syncs", cells: size, syncs: await excelSyncs(size) });
  roundTrips.push({ workload: "dashboard:sheets-calls", cells: size, calls: sheetsCalls(size) });
}
console.log("\nround trips (dashboard build)");
for (const r of roundTrips)
  console.log(
    `${r.workload.padEnd(24)} ${String(r.cells).padStart(8)} rows: ${"syncs" in r ? `${r.syncs} syncs` : `${r.calls} calls`}`,
  );

const bundles = bundleFigures();
console.log("\nbundles");
for (const b of bundles) {
  console.log(
    `${b.file.padEnd(26)} ${(b.rawBytes / 1024).toFixed(1).padStart(8)} KB raw ${(b.gzipBytes / 1024).toFixed(1).padStart(7)} KB gzip   cold eval ${fmt(b.coldEvalMs)} ms`,
  );
}

// The function families and host costs that are not a single KPI over a range: each with its own target.
const wants = (name: string): boolean => only.length === 0 || only.includes(name);
const families: Record<string, unknown>[] = [];
if (wants("zones")) families.push({ workload: "family:zones", ...zoneLookups() });
if (wants("PERIODS")) families.push({ workload: "family:periods", results: benchPeriods() });
if (wants("FORECAST")) families.push({ workload: "family:forecast", ...runForecastBench() });
if (wants("CLV")) families.push({ workload: "family:clv", ...runClvBench() });
if (wants("BY")) families.push({ workload: "family:by", results: benchByApart() });
if (wants("SQL")) families.push({ workload: "family:sql", results: await benchSql() });
for (const family of families)
  console.log(`\n${String(family.workload)}\n${JSON.stringify(family, null, 1).slice(0, 2_000)}`);

const machine = {
  cpus: os.cpus().length,
  cpu: os.cpus()[0]?.model ?? "unknown",
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  date: new Date().toISOString().slice(0, 10),
};
const entries = [...rows, ...roundTrips, ...bundles, ...families, { workload: "machine", ...machine }];
writeFileSync("bench/results.json", `${JSON.stringify(entries, null, 2)}\n`);
await writeReport(entries as Parameters<typeof renderReport>[0]);
console.log(
  `\nwrote bench/results.json and docs/benchmarks.md (${machine.cpus} cores, ${machine.cpu}, node ${machine.node})`,
);
