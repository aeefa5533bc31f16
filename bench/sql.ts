import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { kpiById } from "../core/registry.js";
import { evaluate } from "../core/run.js";
import type { AnyKpi } from "../core/spec.js";
import { aggregate } from "../sql/bigquery/library.js";
import { openKpiDatabase } from "../sql/duckdb/register.js";

/**
 * `npm run bench:sql -- [rows…]` (a table; `npm run bench` records them): the KPI functions in DuckDB over a generated Parquet file (in a temp
 * directory, removed afterwards) next to DuckDB's native SQL for the same figure, and the mergeable
 * aggregate path (8 partial states, merged) next to the single-pass core in Node.
 */

export interface SqlBenchRow {
  readonly rows: number;
  readonly case: string;
  readonly kpiMs: number;
  readonly nativeMs: number;
  readonly ratio: number;
  readonly equal: boolean;
  /**
   * Merge-path rows: of kpiMs, the time the 8 partitions took to add their rows, before any state was serialised
   * or merged (where every partition meets every customer, this alone does the single pass's work 8 times over
   * the customers).
   */
  readonly partsMs?: number;
}

const best = async <T>(run: () => Promise<T> | T, times = 3): Promise<{ ms: number; value: T }> => {
  let ms = Infinity;
  let value: T | undefined;
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    value = await run();
    ms = Math.min(ms, performance.now() - start);
  }
  return { ms: Math.round(ms * 10) / 10, value: value as T };
};

const close = (a: unknown, b: unknown): boolean =>
  typeof a === "number" && typeof b === "number" && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

export async function benchSql(sizes: readonly number[] = [1_000_000, 10_000_000]): Promise<SqlBenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), "kpi-sql-bench-"));
  const { instance, connection } = await openKpiDatabase();
  const results: SqlBenchRow[] = [];
  const one = async (sql: string): Promise<unknown> => {
    const value = (await connection.runAndReadAll(sql)).getRows()[0]?.[0];
    return typeof value === "bigint" ? Number(value) : value;
  };
  try {
    for (const rows of sizes) {
      const file = join(dir, `orders-${rows}.parquet`);
      await connection.run(`COPY (SELECT (hash(i) % 11)::INTEGER AS score,
          'C' || (hash(i * 7) % ${Math.max(10, Math.floor(rows / 10))}) AS customer, 'O' || (i // 2) AS order_id
        FROM range(${rows}) t(i)) TO '${file}' (FORMAT parquet)`);
      const pairs: [string, string, string][] = [
        [
          "NPS",
          `SELECT kpi_nps(list(score)) FROM '${file}'`,
          `SELECT 100 * (avg((score >= 9)::INT) - avg((score <= 6)::INT)) FROM '${file}'`,
        ],
        [
          "REPEATRATE",
          `SELECT kpi_repeatrate(list(customer), list(order_id)) FROM '${file}'`,
          `SELECT count(*) FILTER (WHERE n >= 2) / count(*) FROM
             (SELECT lower(trim(customer)) AS c, count(DISTINCT lower(trim(order_id))) AS n FROM '${file}' GROUP BY c)`,
        ],
      ];
      for (const [name, kpiSql, nativeSql] of pairs) {
        const kpi = await best(() => one(kpiSql), 2);
        const native = await best(() => one(nativeSql), 2);
        results.push({
          rows,
          case: `DuckDB kpi_${name.toLowerCase()} vs native SQL`,
          kpiMs: kpi.ms,
          nativeMs: native.ms,
          ratio: Math.round((kpi.ms / native.ms) * 100) / 100,
          equal: close(kpi.value, native.value),
        });
      }
      results.push(...mergePath(rows));
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

/**
 * The merge-path cases: each KPI's columns as the sheet holds them, and as BigQuery passes them to the UDAF.
 * REPEATRATE twice: customers spread over the whole table (each of the 8 partitions meets nearly every customer, so
 * the partial states hold 8× the distinct customers: the worst case for merging), and rows clustered by customer
 * (a table clustered on customer_id, where a customer's orders share a partition).
 */
const MERGE_CASES: Readonly<
  Record<string, (rows: number) => { id: string; sheet: unknown[][]; bigQuery: unknown[][] }>
> = {
  NPS: (rows) => ({ id: "NPS", sheet: [scoresOf(rows)], bigQuery: [scoresOf(rows)] }),
  REPEATRATE: (rows) => repeatRows(rows, (i) => (i * 40_503) % Math.max(10, rows / 10)),
  "REPEATRATE (rows clustered by customer)": (rows) => repeatRows(rows, (i) => Math.floor(i / 10)),
};

/** Ten rows per customer on average, two rows per order. */
function repeatRows(rows: number, customerOf: (row: number) => number) {
  const customers = Array.from({ length: rows }, (_, i) => `C${customerOf(i)}`);
  const orders = Array.from({ length: rows }, (_, i) => `O${i >> 1}`);
  return { id: "REPEATRATE", sheet: [customers, orders], bigQuery: [customers, orders] };
}

const scoresOf = (rows: number): number[] => Array.from({ length: rows }, (_, i) => (i * 2_654_435_761) % 11);

/**
 * The UDAF path against one pass of the core: 8 partitions, each fed row by row through the functions the
 * generated UDAF calls (sql/bigquery/library.ts `aggregate`, with its error naming), each state JSON-serialised,
 * then merged (numbers arrive as numbers: the DDL declares FLOAT64, see sql/bigquery/ddl.ts). Each case runs in
 * its own process,
 * as bench/worker.ts does, so that one case's JIT feedback and garbage cannot slow the next.
 */
export function mergePath(rows: number): SqlBenchRow[] {
  return Object.keys(MERGE_CASES).map((name) => {
    const child = spawnSync(
      process.execPath,
      ["--import", "tsx", fileURLToPath(import.meta.url), MERGE, name, `${rows}`],
      {
        encoding: "utf8",
        maxBuffer: 1 << 20,
      },
    );
    if (child.status !== 0) throw new Error(`merge path ${name} ${rows}: ${child.stderr}`);
    return JSON.parse(child.stdout.trim().split("\n").pop() ?? "") as SqlBenchRow;
  });
}

const MERGE = "--merge-case";

/** One merge-path case, measured in this process: single pass and merge path alternate, best of 3 each. */
function measureMerge(name: string, rows: number): SqlBenchRow {
  const make = MERGE_CASES[name];
  if (!make) throw new Error(`no merge case ${name}`);
  const { id, sheet, bigQuery } = make(rows);
  const kpi = kpiById(id) as AnyKpi;
  const single = () =>
    evaluate(
      kpi,
      sheet.map((c) => [c]),
    );
  let partsMs = 0;
  const merged = () => {
    const start = performance.now();
    const agg = aggregate(id);
    const parts = 8;
    const size = Math.ceil(rows / parts);
    const states = [];
    for (let p = 0; p < parts; p++) {
      const state = agg.init();
      const end = Math.min(rows, (p + 1) * size);
      if (bigQuery.length === 1) {
        const [a] = bigQuery as [unknown[]];
        for (let r = p * size; r < end; r++) agg.add(state, a[r]);
      } else {
        const [a, b] = bigQuery as [unknown[], unknown[]];
        for (let r = p * size; r < end; r++) agg.add(state, a[r], b[r]);
      }
      states.push(state);
    }
    partsMs = performance.now() - start;
    const total = states
      .map((state) => JSON.parse(JSON.stringify(state)) as typeof state)
      .reduce((into, s) => agg.merge(into, s));
    return agg.finish(total);
  };
  const times = { single: Infinity, merged: Infinity, parts: Infinity };
  const values: [unknown, unknown] = [undefined, undefined];
  for (let i = 0; i < 3; i++) {
    let start = performance.now();
    values[0] = single();
    times.single = Math.min(times.single, performance.now() - start);
    start = performance.now();
    values[1] = merged();
    const took = performance.now() - start;
    if (took < times.merged) {
      times.merged = took;
      times.parts = partsMs;
    }
  }
  const ms = (t: number): number => Math.round(t * 10) / 10;
  return {
    rows,
    case: `Node ${name}: merge path (8 partitions) vs single pass`,
    kpiMs: ms(times.merged),
    nativeMs: ms(times.single),
    ratio: Math.round((times.merged / times.single) * 100) / 100,
    equal: close(values[1], values[0]),
    partsMs: ms(times.parts),
  };
}

if (process.argv[2] === MERGE) {
  console.log(JSON.stringify(measureMerge(process.argv[3] ?? "", Number(process.argv[4]))));
} else if (import.meta.url === `file://${process.argv[1] ?? ""}`) {
  const sizes = process.argv.slice(2).map(Number).filter(Number.isFinite);
  console.table(await benchSql(sizes.length > 0 ? sizes : undefined));
}
