import { aggregateFor, type MergeableKpi } from "../../core/aggregate/index.js";
import { dateToSerial } from "../../core/dates.js";
import { isKpiError } from "../../core/errors.js";
import { kpiById } from "../../core/registry.js";
import type { AnyKpi } from "../../core/spec.js";
import { evaluateSql, trimTrailingBlanks } from "../evaluate.js";
import { errorMessage, spillRows, spillShape, sqlName, type SqlCell } from "../spill.js";

/**
 * The BigQuery library (bundled to dist/bigquery/kpi-core.js as the global `kpiCore`): what the generated
 * JavaScript UDFs and UDAFs call. BigQuery passes FLOAT64 as a number, INT64 as a BigInt (aggregates only),
 * STRING as a string, DATE and TIMESTAMP as a Date, ARRAY as an Array, STRUCT as an object, NULL as null.
 */

const MS_PER_DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

/** A BigQuery value as a spreadsheet host passes it: dates as serials, a matrix row's `cells` as its array. */
export function fromBigQuery(value: unknown): unknown {
  // Compared by tag, not instanceof: a Date from another realm (a sandbox) is a Date too.
  if (Object.prototype.toString.call(value) === "[object Date]") return dateToSerial(value as Date);
  if (typeof value === "bigint") return Number(value);
  if (Array.isArray(value)) return value.map(fromBigQuery);
  if (value && typeof value === "object" && "cells" in value) return fromBigQuery(value.cells);
  return value;
}

/** A result cell as BigQuery takes it: a DATE as a Date at UTC midnight; arrays cannot hold NULL, so NaN. */
function toBigQuery(cell: SqlCell, inArray = false): unknown {
  if (cell === null) return inArray ? Number.NaN : null;
  if (Array.isArray(cell)) return cell.map((c) => toBigQuery(c, true));
  if (typeof cell === "object") return new Date(EPOCH + Math.floor(cell.serial) * MS_PER_DAY);
  return cell;
}

const known = (id: string): AnyKpi => {
  const kpi = kpiById(id);
  if (!kpi) throw new Error(`unknown KPI ${id}`);
  return kpi;
};

/** A KpiError as the SQL error BigQuery shows: `#DIV/0! kpi_cac: newCustomers sums to 0`. */
const sqlError = (kpi: AnyKpi, error: unknown, name = sqlName(kpi)): unknown =>
  isKpiError(error) ? new Error(error.format(name)) : error;

/** The body of the UDF `kpi_<id>`: the KPI over arrays and scalars. */
export function udf(id: string, args: readonly unknown[]): unknown {
  const kpi = known(id);
  const result = evaluateSql(kpi, trimTrailingBlanks(args.map(fromBigQuery), kpi));
  if (isKpiError(result)) throw new Error(errorMessage(kpi, result));
  if (!Array.isArray(result)) return result;
  const rows = spillRows(kpi, result);
  if (spillShape(kpi).kind === "list") return (rows as SqlCell[]).map((c) => toBigQuery(c, true));
  return (rows as Record<string, SqlCell>[]).map((row) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) out[key] = toBigQuery(value);
    return out;
  });
}

/** The name of a KPI's UDAF: BigQuery has no overloads, so the aggregate form gets its own name. */
export const aggregateName = (kpi: AnyKpi): string => `${sqlName(kpi)}_agg`;

/**
 * The functions of the UDAF `kpi_<id>_agg`, for its NOT AGGREGATE arguments; errors become SQL errors (`raise`:
 * the core's own functions, called straight, with no wrapper per row).
 */
export function aggregate(id: string, options: readonly unknown[] = []): MergeableKpi {
  const kpi = known(id);
  const name = aggregateName(kpi);
  const raise = (error: unknown): unknown => sqlError(kpi, error, name);
  try {
    return aggregateFor(kpi.id, options.map(fromBigQuery), raise);
  } catch (error) {
    throw raise(error);
  }
}
