import { AGGREGATE_IDS, aggregateFor } from "../../core/aggregate/index.js";
import { kpiById } from "../../core/registry.js";
import { udafRoutine } from "../../sql/bigquery/ddl.js";
import type { AnyKpi, ParamSpec } from "../../core/spec.js";

export { seededRandom } from "../../core/numeric/random.js";

/**
 * Random rows for the mergeable aggregates: values inside each parameter's domain, in quarter steps so that
 * every total is exact (the merge order then cannot change a sum), with blanks; plus the cases whose totals
 * hit the KPI's error rules (a zero denominator).
 */

export interface AggregateCase {
  readonly id: string;
  readonly label: string;
  readonly options: readonly unknown[];
  /** Rows as BigQuery passes them to `aggregate`, by the types the DDL declares (an INT64 column as BigInt). */
  readonly bigQueryRows: unknown[][];
  /** The same data as a sheet passes it to the KPI: each column as a column range, then the options. */
  readonly hostArgs: unknown[];
}

const LABELS: Record<string, readonly string[]> = {
  WINRATE: ["Won", "Lost", "open", " won ", "LOST"],
  REPEATRATE: ["Ann", "bob", " ann", "Cid", "Dee", "Eve", "BOB"],
  CROSSSELL: ["Ann", "bob", " ann", "Cid", "Dee"],
};
const ORDERS = ["O1", "O2", "o1", "O3", "O4", "O5", " o2 "];

const OPTIONS: Record<string, readonly unknown[]> = {
  ROMI: [0.75],
  VARIANCE: [true],
  CSAT: [5, 4],
  CES: [7],
  WINRATE: ["Won", "Lost"],
};

function value(kpi: AnyKpi, param: ParamSpec, random: () => number, zero: boolean): unknown {
  if (random() < 0.1) return null;
  if (param.kind === "keys") {
    const pool = param.name === "customerIds" || param.name === "outcomes" ? (LABELS[kpi.id] ?? ORDERS) : ORDERS;
    return pool[Math.floor(random() * pool.length)];
  }
  if (zero) return 0;
  if (kpi.id === "NPS") return Math.floor(random() * 11);
  if (kpi.id === "CSAT") return 1 + Math.floor(random() * 5);
  if (kpi.id === "CES") return 1 + Math.floor(random() * 7);
  if (param.max === 1) return Math.floor(random() * 5) / 4;
  const big = param.name.match(/prospects|customersAtStart|startingRevenue|marketSize|revenue|customersAtEnd/i);
  return Math.floor(random() * (big ? 400 : 100) * 4) / 4 + (big ? 400 : 0);
}

export function aggregateCases(random: () => number): AggregateCase[] {
  const cases: AggregateCase[] = [];
  for (const id of AGGREGATE_IDS) {
    const kpi = kpiById(id) as AnyKpi;
    const options = OPTIONS[id] ?? [];
    const shape = aggregateFor(id, options);
    const params = shape.columns.map((c) => kpi.params.find((p) => p.name === c) as ParamSpec);
    const variants: [string, (p: ParamSpec, i: number) => boolean][] = [
      ["random rows", () => false],
      // Scores are on a scale that excludes 0: their empty case is tested with blanks only.
      [
        "a zero denominator",
        (p, i) => i === params.length - 1 && p.kind !== "keys" && !p.integer && id !== "CSAT" && id !== "CES",
      ],
    ];
    for (const [label, zeroed] of variants) {
      if (label !== "random rows" && params.every((p, i) => !zeroed(p, i))) continue;
      const rows: unknown[][] = [];
      for (let r = 0; r < 200; r++) rows.push(params.map((p, i) => value(kpi, p, random, zeroed(p, i))));
      const columns = params.map((_, i) => rows.map((row) => [row[i]]));
      const order = kpi.params.map((p) => {
        const column = shape.columns.indexOf(p.name);
        return column >= 0 ? columns[column] : options[shape.options.indexOf(p.name)];
      });
      // As the generated DDL declares each column: an INT64 one would arrive as a BigInt (none is declared so).
      const types = udafRoutine(id).params.map((p) => p.type);
      const bigQueryRows = rows.map((row) =>
        row.map((v, i) => (types[i] === "INT64" && typeof v === "number" ? BigInt(v) : v)),
      );
      cases.push({ id, label, options, bigQueryRows, hostArgs: order });
    }
  }
  return cases;
}

/** Splits rows into `parts` random partitions (some may be empty). */
export function randomSplit<T>(rows: readonly T[], parts: number, random: () => number): T[][] {
  const out: T[][] = Array.from({ length: parts }, () => []);
  for (const row of rows) (out[Math.floor(random() * parts)] as T[]).push(row);
  return out;
}
