import type { AnyKpi, Kind, ParamSpec } from "../core/spec.js";
import { ERROR_COLUMN, spillShape, sqlName, type ColumnType } from "./spill.js";

/** The SQL signature of every catalogue function, for `kpi-sql --functions` and the BigQuery DDL. */

export type Engine = "duckdb" | "bigquery";

const SCALAR: Readonly<Record<string, Readonly<Record<Engine, string>>>> = {
  number: { duckdb: "DOUBLE", bigquery: "FLOAT64" },
  date: { duckdb: "DATE", bigquery: "DATE" },
  text: { duckdb: "VARCHAR", bigquery: "STRING" },
  boolean: { duckdb: "BOOLEAN", bigquery: "BOOL" },
};

const LIST_OF: Readonly<Record<string, Readonly<Record<Engine, string>>>> = {
  dates: { duckdb: "DATE[]", bigquery: "ARRAY<DATE>" },
  keys: { duckdb: "VARCHAR[]", bigquery: "ARRAY<STRING>" },
  // BigQuery has no array of arrays: a matrix is an array of rows, each a struct holding one array.
  matrix: { duckdb: "DOUBLE[][]", bigquery: "ARRAY<STRUCT<cells ARRAY<FLOAT64>>>" },
  // Values of any type (BY's arguments): DuckDB takes any list, BigQuery a list of texts.
  any: { duckdb: "ANY[]", bigquery: "ARRAY<STRING>" },
};

const NUMBERS = { duckdb: "DOUBLE[]", bigquery: "ARRAY<FLOAT64>" } as const;

// `Kind | string` is `string`: Kind only documents the kinds this table knows.
// eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents
export function paramType(kind: Kind | string, engine: Engine): string {
  const scalar = SCALAR[kind];
  if (scalar) return scalar[engine];
  return (LIST_OF[kind] ?? NUMBERS)[engine];
}

const COLUMN: Readonly<Record<ColumnType, Readonly<Record<Engine, string>>>> = {
  number: SCALAR.number as Record<Engine, string>,
  text: SCALAR.text as Record<Engine, string>,
  date: SCALAR.date as Record<Engine, string>,
  numbers: NUMBERS,
  texts: { duckdb: "VARCHAR[]", bigquery: "ARRAY<STRING>" },
};

export function resultType(kpi: AnyKpi, engine: Engine): string {
  if (kpi.result !== "spill") return paramType(kpi.result, engine);
  const shape = spillShape(kpi);
  if (shape.kind === "list") return NUMBERS[engine];
  const fields = [...shape.columns, ERROR_COLUMN].map((c) => `${c.name} ${COLUMN[c.type][engine]}`).join(", ");
  return engine === "duckdb" ? `STRUCT(${fields})[]` : `ARRAY<STRUCT<${fields}>>`;
}

const paramText = (p: ParamSpec, engine: Engine): string => {
  const text = `${p.name} ${paramType(p.kind, engine)}`;
  return p.optional ? `[${text}${p.default === undefined ? "" : ` = ${JSON.stringify(p.default)}`}]` : text;
};

/** `kpi_cac(marketingCosts DOUBLE[], salesCosts DOUBLE[], newCustomers DOUBLE[]) → DOUBLE` */
export const signature = (kpi: AnyKpi, engine: Engine): string =>
  `${sqlName(kpi)}(${kpi.params.map((p) => paramText(p, engine)).join(", ")}) → ${resultType(kpi, engine)}`;
