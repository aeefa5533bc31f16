import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { aggregateFor } from "../core/aggregate/index.js";
import { kpiById } from "../core/registry.js";
import { evaluate } from "../core/run.js";
import type { AnyKpi } from "../core/spec.js";
import { openKpiDatabase } from "../sql/duckdb/register.js";

/**
 * `npx tsx bench/sql.ts [rows…]`: the KPI functions in DuckDB over a generated Parquet file (in a temp
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
      results.push(...(await mergePath(rows)));
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

/** The UDAF path (8 partitions, each state JSON-serialised, then merged) against one pass of the core. */
async function mergePath(rows: number): Promise<SqlBenchRow[]> {
  const scores = Array.from({ length: rows }, (_, i) => (i * 2_654_435_761) % 11);
  const customers = Array.from({ length: rows }, (_, i) => `C${(i * 40_503) % Math.max(10, rows / 10)}`);
  const orders = Array.from({ length: rows }, (_, i) => `O${i >> 1}`);
  const cases: [string, unknown[][]][] = [
    ["NPS", [scores]],
    ["REPEATRATE", [customers, orders]],
  ];
  const out: SqlBenchRow[] = [];
  for (const [id, columns] of cases) {
    const kpi = kpiById(id) as AnyKpi;
    const single = await best(() =>
      evaluate(
        kpi,
        columns.map((c) => [c]),
      ),
    );
    const merged = await best(() => {
      const agg = aggregateFor(id);
      const parts = 8;
      const size = Math.ceil(rows / parts);
      const states = [];
      for (let p = 0; p < parts; p++) {
        const state = agg.init();
        const end = Math.min(rows, (p + 1) * size);
        if (columns.length === 1) {
          const [a] = columns as [unknown[]];
          for (let r = p * size; r < end; r++) agg.add(state, a[r]);
        } else {
          const [a, b] = columns as [unknown[], unknown[]];
          for (let r = p * size; r < end; r++) agg.add(state, a[r], b[r]);
        }
        states.push(JSON.parse(JSON.stringify(state)) as typeof state);
      }
      const total = states.reduce((into, s) => agg.merge(into, s));
      return agg.finish(total);
    });
    out.push({
      rows,
      case: `Node ${id}: merge path (8 partitions) vs single pass`,
      kpiMs: merged.ms,
      nativeMs: single.ms,
      ratio: Math.round((merged.ms / single.ms) * 100) / 100,
      equal: close(merged.value, single.value),
    });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1] ?? ""}`) {
  const sizes = process.argv.slice(2).map(Number).filter(Number.isFinite);
  console.table(await benchSql(sizes.length > 0 ? sizes : undefined));
}
