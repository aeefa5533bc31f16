/**
 * PERIODS at scale: `tsx bench/periods.ts [rows]` times the KPI through the core (coercion and all) against the
 * floor, a plain loop that buckets the same host-shaped dates and values with no checks, and prints JSON.
 */
import { pathToFileURL } from "node:url";
import { monthIndex } from "../core/dates.js";
import { PERIODS } from "../core/kpis/periods.js";
import { evaluate } from "../core/run.js";
import { column, type Column } from "./data.js";
import { timeBoth } from "./timing.js";

export interface PeriodsBenchResult {
  readonly period: "month" | "week";
  readonly rows: number;
  readonly periods: number;
  readonly kpiMs: number;
  readonly loopMs: number;
  /** kpiMs / loopMs: the target is at most 2. */
  readonly ratio: number;
}

/** A transaction log: about three years of dates with a time of day, amounts in cents, 2% blank cells. */
export function periodsData(rows: number): { dates: Column; values: Column } {
  return {
    dates: column(rows, 21, (rnd) => 45_292 + rnd() * 1_100),
    values: column(rows, 22, (rnd) => Math.round(rnd() * 50_000) / 100),
  };
}

/** The floor: two plain walks over the host arrays (earliest date, then per-period sums and counts). */
export function bucketLoop(dates: Column, values: Column, period: "month" | "week"): number {
  const index = period === "month" ? monthIndex : (day: number): number => Math.floor((day - 2) / 7);
  let earliest = Infinity;
  let latest = -Infinity;
  for (let r = 0; r < dates.length; r++) {
    const d = (dates[r] as unknown[])[0];
    const v = (values[r] as unknown[])[0];
    if (typeof d === "number" && typeof v === "number") {
      if (d < earliest) earliest = d;
      if (d > latest) latest = d;
    }
  }
  const first = index(Math.floor(earliest));
  const periods = index(Math.floor(latest)) - first + 1;
  const sums = new Float64Array(periods);
  const counts = new Float64Array(periods);
  for (let r = 0; r < dates.length; r++) {
    const d = (dates[r] as unknown[])[0];
    const v = (values[r] as unknown[])[0];
    if (typeof d === "number" && typeof v === "number") {
      const p = index(Math.floor(d)) - first;
      sums[p]! += v;
      counts[p]!++;
    }
  }
  return periods;
}

function runPeriods(dates: Column, values: Column, period: string): number {
  const result = evaluate(PERIODS, [dates, values, period]);
  if (!Array.isArray(result)) throw new Error(`PERIODS failed: ${String(result)}`);
  return result.length;
}

/** Times PERIODS against the floor at `rows` rows, for month and week periods. */
export function benchPeriods(rows = 1_000_000, repeats = 7): PeriodsBenchResult[] {
  const { dates, values } = periodsData(rows);
  return (["month", "week"] as const).map((period) => {
    const periods = runPeriods(dates, values, period);
    if (periods !== bucketLoop(dates, values, period)) throw new Error(`${period}: the KPI and the floor disagree`);
    const [kpiMs, loopMs] = timeBoth(
      () => runPeriods(dates, values, period),
      () => bucketLoop(dates, values, period),
      repeats,
    );
    return { period, rows, periods, kpiMs, loopMs, ratio: kpiMs / loopMs };
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = Number(process.argv[2] ?? 1_000_000);
  console.log(JSON.stringify(benchPeriods(rows), null, 2));
}
