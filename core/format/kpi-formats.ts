import { registryId } from "../host/boundary.js";
import { kpiById } from "../registry.js";
import type { AnyKpi } from "../spec.js";
import { columnUnit, numberFormatGrid, numberFormatOf, type FormatLang, type ResultUnit, type Unit } from "./units.js";

/** The KPIs whose arguments can change the unit of their result (see unitOfCall); the others always have theirs. */
export const UNIT_DEPENDS_ON_CALL: ReadonlySet<string> = new Set(["BY", "BREAKDOWN", "PERIODS", "VARIANCE"]);

/**
 * The unit of one call of a KPI. The registry's unit holds for every call but a few, whose arguments change what
 * the result measures: BY's value column is in the unit of the KPI it names, VARIANCE with asPercent TRUE is a
 * rate rather than a difference, BREAKDOWN and PERIODS counting rows give counts, and PERIODS by month starts its
 * rows with months. Arguments are the host's raw values (a text, a boolean or a 1×1 range).
 */
export function unitOfCall(kpi: AnyKpi, rawArgs: readonly unknown[] = []): ResultUnit {
  const scalar = (value: unknown): unknown =>
    Array.isArray(value) ? (Array.isArray(value[0]) ? (value[0] as unknown[])[0] : value[0]) : value;
  if (kpi.id === "BY") {
    const name = scalar(rawArgs[1]);
    const inner = typeof name === "string" ? kpiById(registryId(name.trim().replace(/^=?KPI[._]/i, ""))) : undefined;
    if (inner && inner.result !== "spill" && typeof inner.unit === "string") return ["text", inner.unit];
  }
  // A count is whole things, whatever the values counted; a monthly period is shown as its month.
  const word = (value: unknown): string => (typeof value === "string" ? value.trim().toLowerCase() : "");
  const counts = (value: unknown): boolean => ["count", "nombre"].includes(word(value));
  if (kpi.id === "BREAKDOWN" && counts(scalar(rawArgs[2]))) return ["text", "count", "rate"];
  if (kpi.id === "PERIODS") {
    const monthly = ["month", "mois", ""].includes(word(scalar(rawArgs[2])));
    return [monthly ? "month" : "date", counts(scalar(rawArgs[3])) ? "count" : "value", "rate", "rate"];
  }
  if (kpi.id === "VARIANCE") {
    const asPercent = scalar(rawArgs[2]);
    if (asPercent === true || asPercent === 1 || (typeof asPercent === "string" && /^(true|vrai)$/i.test(asPercent)))
      return "rate";
  }
  return kpi.unit;
}

/** The unit of a KPI's single value (or of one column of its spill), by registry id. */
export function kpiUnit(id: string, col = 0, width = 1): Unit {
  const kpi = kpiById(id);
  if (!kpi) throw new Error(`unknown KPI ${id}`);
  return columnUnit(kpi.unit, col, width);
}

/** The number format code of a KPI's value (or one column of its spill): what the dashboard writes. */
export const kpiNumberFormat = (id: string, lang: FormatLang = "en", col = 0, width = 1): string =>
  numberFormatOf(kpiUnit(id, col, width), lang);

/** Rows of a spill given a format on insert: past this, the host's own format stays (a request stays small). */
export const MAX_FORMATTED_ROWS = 10_000;

/**
 * The formats to give the cells a formula's result will fill, from the formula cell down and right: one code
 * for a single value, one per cell of a spill whose size the pane's preview knows. Without a known result (the
 * preview failed or was not computed) only the formula cell is formatted, with the first column's unit.
 */
export function resultNumberFormats(unit: ResultUnit, result: unknown, lang: FormatLang): string[][] {
  if (Array.isArray(result) && result.length > 0) {
    const rows = result as readonly unknown[][];
    const cols = Math.max(...rows.map((row) => (Array.isArray(row) ? row.length : 1)));
    return numberFormatGrid(unit, Math.min(rows.length, MAX_FORMATTED_ROWS), cols, lang);
  }
  const first = typeof unit === "string" ? unit : (unit[0] ?? "number");
  return [[numberFormatOf(first, lang)]];
}
