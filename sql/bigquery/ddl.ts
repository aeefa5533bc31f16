import { AGGREGATE_IDS, aggregateFor } from "../../core/aggregate/index.js";
import { KPIS, kpiById } from "../../core/registry.js";
import type { AnyKpi, ParamSpec } from "../../core/spec.js";
import { paramType, resultType } from "../catalogue.js";
import { sqlName } from "../spill.js";
import { aggregateName } from "./library.js";

/**
 * The BigQuery DDL: one JavaScript UDF per catalogue function (`kpi_<id>`, the same arrays-in signature as
 * DuckDB) and one JavaScript UDAF per mergeable KPI (`kpi_<id>_agg`, one row at a time, GROUP BY-able).
 * Each body is a one-line call into the library (`OPTIONS(library=…)`), far below the 32 KB inline limit.
 */

/** BigQuery's reserved keywords that are also parameter names here get a trailing underscore. */
const RESERVED = new Set(
  `all and any array as asc assert_rows_modified at between by case cast collate contains create cross cube current
  default define desc distinct else end enum escape except exclude exists extract false fetch following for from full
  group grouping groups hash having if ignore in inner intersect interval into is join lateral left like limit lookup
  merge natural new no not null nulls of on or order outer over partition preceding proto qualify range recursive
  respect right rollup rows select set some struct tablesample then to treat true unbounded union unnest using when
  where window with within`.split(/\s+/),
);

export const paramName = (p: ParamSpec): string => (RESERVED.has(p.name.toLowerCase()) ? `${p.name}_` : p.name);

export interface DdlOptions {
  /** `project.dataset` or `dataset`. */
  readonly dataset: string;
  /** The library's Cloud Storage URI, e.g. gs://my-bucket/kpi-core.js. */
  readonly library: string;
}

export interface Routine {
  readonly name: string;
  readonly kind: "udf" | "udaf";
  readonly id: string;
  readonly params: readonly { readonly name: string; readonly type: string }[];
  readonly returns: string;
  /** The JavaScript between r""" and """. */
  readonly body: string;
}

export function udfRoutine(kpi: AnyKpi): Routine {
  const params = kpi.params.map((p) => ({ name: paramName(p), type: paramType(p.kind, "bigquery") }));
  const body = `return kpiCore.udf(${JSON.stringify(kpi.id)}, [${params.map((p) => p.name).join(", ")}]);`;
  return { name: sqlName(kpi), kind: "udf", id: kpi.id, params, returns: resultType(kpi, "bigquery"), body };
}

/**
 * Row columns: numbers FLOAT64, dates DATE, labels STRING. Whole-number columns too are FLOAT64: BigQuery coerces
 * INT64 and NUMERIC columns to FLOAT64 in the call, so they arrive as numbers, where an INT64 parameter would take
 * each row as a BigInt to convert in JavaScript (about twice the cost of the whole aggregate) and refuse NUMERIC.
 * The core still checks that they are whole numbers.
 */
const columnType = (p: ParamSpec): string => (p.kind === "keys" ? "STRING" : p.kind === "dates" ? "DATE" : "FLOAT64");

export function udafRoutine(id: string): Routine {
  const kpi = kpiById(id) as AnyKpi;
  const shape = aggregateFor(id);
  const spec = (name: string): ParamSpec => kpi.params.find((p) => p.name === name) as ParamSpec;
  const columns = shape.columns.map((c) => ({ name: paramName(spec(c)), type: columnType(spec(c)) }));
  const options = shape.options.map((o) => ({
    name: paramName(spec(o)),
    type: `${paramType(spec(o).kind, "bigquery")} NOT AGGREGATE`,
  }));
  const rowArgs = columns.map((c) => c.name).join(", ");
  const optionArgs = options.map((o) => o.name).join(", ");
  const withOptions = (first: string): string => [first, optionArgs].filter(Boolean).join(", ");
  // `kpi || …`: the options array is built on the first call only, not once per row.
  const fns = `(kpi || (kpi = kpiCore.aggregate(${JSON.stringify(id)}, [${optionArgs}])))`;
  const body = [
    `let kpi = null;`,
    `export function initialState(${optionArgs}) { return ${fns}.init(); }`,
    `export function aggregate(${withOptions(`state, ${rowArgs}`)}) { ${fns}.add(state, ${rowArgs}); }`,
    `export function merge(${withOptions("state, partialState")}) { ${fns}.merge(state, partialState); }`,
    `export function finalize(${withOptions("state")}) { return ${fns}.finish(state); }`,
  ].join("\n");
  return { name: aggregateName(kpi), kind: "udaf", id, params: [...columns, ...options], returns: "FLOAT64", body };
}

export const routines = (): Routine[] => [...KPIS.map(udfRoutine), ...AGGREGATE_IDS.map(udafRoutine)];

export function routineDdl(routine: Routine, options: DdlOptions): string {
  const params = routine.params.map((p) => `${p.name} ${p.type}`).join(", ");
  const what = routine.kind === "udf" ? "FUNCTION" : "AGGREGATE FUNCTION";
  return [
    `CREATE OR REPLACE ${what} \`${options.dataset}.${routine.name}\`(${params})`,
    `RETURNS ${routine.returns}`,
    `LANGUAGE js`,
    `OPTIONS (library = [${JSON.stringify(options.library)}])`,
    `AS r"""`,
    routine.body,
    `""";`,
  ].join("\n");
}

export function ddlScript(options: DdlOptions): string {
  const header = [
    "-- Generated by `npm run build:bigquery` from the KPI registry: do not edit.",
    `-- ${KPIS.length} UDFs (kpi_<id>, arrays in) and ${AGGREGATE_IDS.length} UDAFs (kpi_<id>_agg, rows in).`,
    `-- Library: ${options.library}`,
  ];
  return `${[...header, "", ...routines().map((r) => routineDdl(r, options))].join("\n\n")}\n`;
}
