/**
 * BY over 10^6 rows in 1,000 groups next to the same KPI over all the rows (the target: within 2×). The KPI alone
 * is the floor: BY does the same reading per row plus one hash lookup of the row's group.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { evaluate, kpiById } from "../core/index.js";
import { seeded } from "../test/helpers/random.js";
import { median } from "./timing.js";

export interface ByBench {
  readonly kpi: string;
  readonly rows: number;
  readonly groups: number;
  readonly byMs: number;
  readonly kpiMs: number;
  readonly ratio: number;
  /** A plain loop that only assigns each row to its group, with the lookup BY uses: no KPI, no validation. */
  readonly groupLoopMs: number;
  /**
   * For a KPI over number columns: one plain loop that looks up each row's group and adds the row's numbers to
   * its group's sums, with no reading checks at all. No BY can cost less; its ratio to the KPI says whether the
   * target is within reach of any grouping.
   */
  readonly sumsFloorMs?: number;
  readonly sumsFloorRatio?: number;
}

/**
 * The floor of any grouping: one lookup per row, as BY does it (a text as a property key of a prototype-less
 * object, faster than a Map here; see core/kpis/by.ts).
 */
function groupLoop(groups: unknown[][]): number {
  const index = Object.create(null) as Record<string, number>;
  let size = 0;
  const groupOf = new Int32Array(groups.length);
  for (let row = 0; row < groups.length; row++) {
    const label = (groups[row] as unknown[])[0] as string;
    let g = index[label];
    if (g === undefined) index[label] = g = size++;
    groupOf[row] = g;
  }
  return size;
}

/** The least any BY over number columns can cost: groupLoop's lookup and the row's numbers added, one loop. */
function sumsFloor(groups: unknown[][], columns: readonly unknown[][][]): Float64Array {
  const index = Object.create(null) as Record<string, number>;
  let size = 0;
  const width = columns.length;
  let sums = new Float64Array(1024 * width);
  for (let row = 0; row < groups.length; row++) {
    const label = (groups[row] as unknown[])[0] as string;
    let g = index[label];
    if (g === undefined) {
      index[label] = g = size++;
      if (size * width > sums.length) {
        const more = new Float64Array(sums.length * 2);
        more.set(sums);
        sums = more;
      }
    }
    for (let j = 0; j < width; j++)
      sums[g * width + j]! += ((columns[j] as unknown[][])[row] as unknown[])[0] as number;
  }
  return sums;
}

function time(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

export function benchBy(rows = 1_000_000, groups = 1_000, repeats = 7): ByBench[] {
  const rng = seeded(5);
  const reps = Array.from({ length: rows }, () => [`Rep ${rng.int(1, groups)}`]);
  const outcomes = Array.from({ length: rows }, () => [rng.pick(["Won", "Lost", "Open"])]);
  const prospects = Array.from({ length: rows }, () => [rng.int(1, 100)]);
  const conversions = prospects.map(([p]) => [Math.floor((p as number) * rng.next() * 0.3)]);
  const by = kpiById("BY");
  const cases: [string, unknown[]][] = [
    ["WINRATE", [outcomes]],
    ["CONVERSION", [conversions, prospects]],
  ];
  return cases.map(([id, args]) => {
    const kpi = kpiById(id);
    if (!by || !kpi) throw new Error(`no ${id}`);
    const byRuns: number[] = [];
    const kpiRuns: number[] = [];
    // Warm both, then alternate which runs first.
    evaluate(by, [reps, id, ...args]);
    evaluate(kpi, args);
    for (let i = 0; i < repeats; i++) {
      if (i % 2 === 0) {
        byRuns.push(time(() => evaluate(by, [reps, id, ...args])));
        kpiRuns.push(time(() => evaluate(kpi, args)));
      } else {
        kpiRuns.push(time(() => evaluate(kpi, args)));
        byRuns.push(time(() => evaluate(by, [reps, id, ...args])));
      }
    }
    const byMs = median(byRuns);
    const kpiMs = median(kpiRuns);
    const groupLoopMs = median(Array.from({ length: repeats }, () => time(() => groupLoop(reps))));
    const numbers = args.every((arg) => typeof ((arg as unknown[][])[0] as unknown[])[0] === "number");
    const sumsFloorMs = numbers
      ? median(Array.from({ length: repeats }, () => time(() => sumsFloor(reps, args as unknown[][][]))))
      : undefined;
    return {
      kpi: id,
      rows,
      groups,
      byMs,
      kpiMs,
      ratio: byMs / kpiMs,
      groupLoopMs,
      ...(sumsFloorMs === undefined ? {} : { sumsFloorMs, sumsFloorRatio: sumsFloorMs / kpiMs }),
    };
  });
}

/**
 * benchBy in a process of its own, as the single-KPI workloads and the SQL merge cases run: in the process that has
 * just run the forecasting and customer-value benchmarks, CONVERSION alone measured 31 ms instead of 11–17, which
 * would flatter BY's ratio.
 */
export function benchByApart(): ByBench[] {
  const child = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url)], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`BY bench: ${child.stderr}`);
  return JSON.parse(child.stdout) as ByBench[];
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(benchBy()));
