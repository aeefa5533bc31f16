import { isKpiError, type KpiError } from "../core/errors.js";
import { isRangeKind } from "../core/host/boundary.js";
import { KpiDate, type AnyKpi, type SpillCell } from "../core/spec.js";

/**
 * How a KPI's result looks in a SQL engine. The registry says a result is a number, a text or a spill
 * (rows of cells); SQL needs column names and types, which the spreadsheet never did, so the one table
 * below gives them for each spill. Both engines (DuckDB, BigQuery) read it.
 */

/** A SQL function name: `kpi_nps` for the Excel id `NPS`. */
export const sqlName = (kpi: AnyKpi): string => `kpi_${kpi.id.toLowerCase()}`;

export type ColumnType = "number" | "text" | "date" | "numbers" | "texts";

export interface Column {
  readonly name: string;
  readonly type: ColumnType;
}

/** A result cell as the engines write it: dates as serials to convert, empty cells as null. */
export type SqlCell = number | string | { readonly serial: number } | null | SqlCell[];

export interface SpillShape {
  /** `list`: one number per input cell (a series), returned as a plain list; `rows`: a list of structs. */
  readonly kind: "list" | "rows";
  readonly columns: readonly Column[];
  /** Spreads a spilled row over the columns; by default cell i goes to column i. */
  readonly row?: (cells: readonly SpillCell[]) => readonly (SpillCell | readonly SpillCell[])[];
}

const n = (name: string): Column => ({ name, type: "number" });
const t = (name: string): Column => ({ name, type: "text" });
const d = (name: string): Column => ({ name, type: "date" });

/** A label and a value that is a number or a text: the number goes to `value`, the text to `text`. */
const labelled = (cells: readonly SpillCell[]): SpillCell[] => {
  const value = cells[1];
  return [cells[0] ?? "", typeof value === "string" ? "" : (value ?? ""), typeof value === "string" ? value : ""];
};

const SERIES: SpillShape = { kind: "list", columns: [n("value")] };

export const SPILL_SHAPES: Readonly<Record<string, SpillShape>> = {
  FUNNEL: {
    kind: "rows",
    columns: [t("stage"), n("count"), n("step"), n("cumulative"), n("dropoff")],
    row: (cells) => (cells.length >= 5 ? cells : ["", ...cells]),
  },
  GROWTHSERIES: SERIES,
  SEASONALITY: SERIES,
  TREND: SERIES,
  SCORE: SERIES,
  BREAKDOWN: { kind: "rows", columns: [t("key"), n("value"), n("share")] },
  NPSBREAKDOWN: { kind: "rows", columns: [n("promoters"), n("passives"), n("detractors"), n("responses")] },
  COHORT: {
    kind: "rows",
    columns: [d("cohort"), n("size"), { name: "retention", type: "numbers" }],
    row: (cells) => [cells[0] ?? "", cells[1] ?? "", cells.slice(2)],
  },
  PERIODS: { kind: "rows", columns: [d("period"), n("value"), n("change"), n("change_year")] },
  FORECAST: { kind: "rows", columns: [n("forecast"), n("lower"), n("upper")] },
  FORECASTSTAT: { kind: "rows", columns: [t("label"), n("value"), t("text")], row: labelled },
  CLV: {
    kind: "rows",
    columns: [
      t("customer"),
      n("transactions"),
      n("p_alive"),
      n("expected_transactions"),
      n("expected_value"),
      n("clv"),
    ],
  },
  CLVMODEL: { kind: "rows", columns: [t("label"), n("value")] },
  RFM: {
    kind: "rows",
    columns: [t("customer"), n("recency"), n("frequency"), n("monetary"), n("r"), n("f"), n("m"), t("segment")],
  },
  BY: { kind: "rows", columns: [t("group"), n("value"), t("text")], row: labelled },
};

/** A spill the table does not know yet (a KPI added since) still works: every cell as text. */
const FALLBACK: SpillShape = { kind: "rows", columns: [{ name: "cells", type: "texts" }], row: (cells) => [cells] };

export const spillShape = (kpi: AnyKpi): SpillShape => SPILL_SHAPES[kpi.id] ?? FALLBACK;

/** Every row-shaped spill carries the first error of its row here (a FUNNEL step after a zero stage). */
export const ERROR_COLUMN: Column = { name: "error", type: "text" };

/** The message an engine raises or stores for a core error: `#DIV/0! kpi_cac: newCustomers sums to 0`. */
export const errorMessage = (kpi: AnyKpi, error: KpiError): string => error.format(sqlName(kpi));

function cellAs(type: ColumnType, cell: SpillCell | readonly SpillCell[] | undefined): SqlCell {
  if (Array.isArray(cell)) {
    const item: ColumnType = type === "texts" ? "text" : "number";
    return cell.map((c: SpillCell) => cellAs(item, c));
  }
  const one = cell as SpillCell | undefined;
  if (one === undefined || one === "" || isKpiError(one)) return type === "numbers" || type === "texts" ? [] : null;
  if (one instanceof KpiDate) return type === "text" ? String(one.serial) : { serial: one.serial };
  switch (type) {
    case "number":
      return typeof one === "number" ? one : null;
    case "date":
      return typeof one === "number" ? { serial: one } : null;
    default:
      return String(one);
  }
}

/** A spill as the engine returns it: numbers for a `list` shape, else one record per row. */
export function spillRows(
  kpi: AnyKpi,
  cells: readonly (readonly SpillCell[])[],
): SqlCell[] | Record<string, SqlCell>[] {
  const shape = spillShape(kpi);
  if (shape.kind === "list") return cells.flat().map((c) => cellAs("number", c));
  return cells.map((row) => {
    const spread = shape.row ? shape.row(row) : row;
    const record: Record<string, SqlCell> = {};
    shape.columns.forEach((column, i) => (record[column.name] = cellAs(column.type, spread[i])));
    const error = row.find(isKpiError);
    record[ERROR_COLUMN.name] = error ? errorMessage(kpi, error) : null;
    return record;
  });
}

/** Whether a parameter takes a list (a range in the sheet) or one value. */
export const takesList = (kind: string): boolean => isRangeKind(kind as Parameters<typeof isRangeKind>[0]);
