import { forEachCell, isBlank } from "../../core/coerce.js";
import { isRangeKind } from "../../core/host/boundary.js";
import { KpiDate, type AnyKpi, type KpiResult, type ParamSpec } from "../../core/spec.js";
import { spillRows } from "../../sql/spill.js";
import type { KpiError } from "../../core/errors.js";

/**
 * Registry examples as SQL: each argument becomes a SQL literal holding the same data (a range is a list,
 * read row by row), and the same data as a sheet would pass it (a list as a column).
 */

export type DateStyle = "serial" | "date" | "timestamp";

const EPOCH = Date.UTC(1899, 11, 30);
export const isoDate = (serial: number): string =>
  new Date(EPOCH + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);

const quote = (text: string): string => `'${text.replace(/'/g, "''")}'`;

const cells = (arg: unknown): unknown[] => {
  const out: unknown[] = [];
  forEachCell(arg, (cell) => out.push(isBlank(cell) && typeof cell === "string" && cell === "" ? null : cell));
  return out.map((c) => (c === undefined ? null : c));
};

const isDateKind = (p: ParamSpec): boolean => p.kind === "date" || p.kind === "dates";

function scalar(cell: unknown, param: ParamSpec, dates: DateStyle): string | undefined {
  if (cell === null) return "NULL";
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (typeof cell === "string") return quote(cell);
  if (typeof cell !== "number") return undefined;
  if (isDateKind(param) && dates !== "serial" && Number.isInteger(cell) && cell >= 0)
    return `${dates === "date" ? "DATE" : "TIMESTAMP"} ${quote(isoDate(cell))}`;
  return `CAST(${quote(String(cell))} AS DOUBLE)`;
}

/** A list literal, or undefined when its cells mix types (no SQL list holds them). */
function list(values: readonly unknown[], param: ParamSpec, dates: DateStyle): string | undefined {
  const types = new Set(values.filter((v) => v !== null).map((v) => typeof v));
  if (types.size > 1) return undefined;
  const items = values.map((v) => scalar(v, param, dates));
  if (items.some((i) => i === undefined)) return undefined;
  const type =
    types.has("string") || (types.size === 0 && param.kind === "keys")
      ? "VARCHAR[]"
      : types.has("boolean")
        ? "BOOLEAN[]"
        : isDateKind(param) && dates !== "serial"
          ? `${dates === "date" ? "DATE" : "TIMESTAMP"}[]`
          : "DOUBLE[]";
  return `CAST([${items.join(", ")}] AS ${type})`;
}

export interface SqlCase {
  readonly sql: string;
  /** The same data as a sheet passes it: each list as a column. */
  readonly hostArgs: unknown[];
}

/** The SQL call of a KPI on host arguments, or undefined when some argument has no SQL literal. */
export function sqlCall(kpi: AnyKpi, args: readonly unknown[], name: string, dates: DateStyle): SqlCase | undefined {
  const literals: string[] = [];
  const hostArgs: unknown[] = [];
  for (let i = 0; i < args.length; i++) {
    const param = kpi.params[i];
    if (!param) return undefined;
    const arg = args[i];
    if (param.kind === "matrix" && Array.isArray(arg) && arg.every(Array.isArray)) {
      const rows = (arg as unknown[][]).map((row) => list(cells([row]), param, dates));
      if (rows.some((r) => r === undefined)) return undefined;
      literals.push(`[${rows.join(", ")}]`);
      hostArgs.push((arg as unknown[][]).map((row) => cells([row])));
      continue;
    }
    const flat = cells(arg);
    if (!isRangeKind(param.kind) && flat.length === 1) {
      const literal = scalar(flat[0], param, dates);
      if (literal === undefined) return undefined;
      literals.push(literal);
      hostArgs.push(flat[0]);
      continue;
    }
    const literal = list(flat, param, dates);
    if (literal === undefined) return undefined;
    literals.push(literal);
    hostArgs.push(flat.map((cell) => [cell]));
  }
  return { sql: `SELECT ${name}(${literals.join(", ")}) AS r`, hostArgs };
}

/** The core's result as DuckDB's JSON rows show it: dates as ISO days, -0 as 0. */
export function expectedJson(kpi: AnyKpi, result: KpiResult | KpiError): unknown {
  if (!Array.isArray(result)) return JSON.parse(JSON.stringify(result)) as unknown;
  const rows = spillRows(kpi, result);
  const dated = JSON.stringify(rows, (_key, value: unknown) =>
    value instanceof KpiDate || (value && typeof value === "object" && "serial" in value)
      ? isoDate((value as { serial: number }).serial)
      : value,
  );
  return JSON.parse(dated) as unknown;
}
