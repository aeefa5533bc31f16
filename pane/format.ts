import {
  evaluate,
  isKpiError,
  kpiById,
  KpiDate,
  serialToDate,
  type AnyKpi,
  type KpiError,
  type KpiResult,
} from "../core/index.js";
import { resultNumberFormats, unitOfCall } from "../core/format/kpi-formats.js";
import { BY_GROUP, previewArgs, type ArgInputs } from "./arguments.js";
import { columnUnit, displayDate, displayInUnit, isUnit, type ResultUnit } from "../core/format/units.js";
import type { Lang } from "./host.js";

/**
 * A value as the pane shows it: numbers in the UI language, dates as days, errors with their explanation.
 * `format` is a KPI unit (a Unit, what the registry declares) or a sheet format code (a dashboard tile's).
 */
export function displayValue(value: unknown, lang: Lang, format?: string, qualifiedName = ""): string {
  const locale = lang === "fr" ? "fr-FR" : "en-US";
  if (isKpiError(value)) return value.format(qualifiedName, lang);
  if (value instanceof KpiDate && (format === "date" || format === "month"))
    return displayDate(value.serial, format, lang);
  if (typeof value === "number" && isUnit(format)) return displayInUnit(value, format, lang);
  if (value instanceof KpiDate) return serialToDate(value.serial).toISOString().slice(0, 10);
  if (typeof value === "number") {
    if (format?.includes("%")) {
      const digits = /\.(0+)%/.exec(format)?.[1]?.length ?? 0;
      return new Intl.NumberFormat(locale, {
        style: "percent",
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }).format(value);
    }
    if (format) {
      const digits = /\.(0+)/.exec(format)?.[1]?.length ?? 0;
      return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
        value,
      );
    }
    return new Intl.NumberFormat(locale, { maximumSignificantDigits: 8 }).format(value);
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value === null || value === undefined) return "";
  // Anything else (text, mostly) shows as String() writes it: the pane never receives plain objects here.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  return String(value);
}

/** A KPI result as rows of display strings (a scalar is one cell), each cell in its column's unit. */
export function resultRows(
  result: KpiResult | KpiError,
  lang: Lang,
  qualifiedName: string,
  unit?: ResultUnit,
): string[][] {
  if (Array.isArray(result))
    return result.map((row) =>
      row.map((cell, col) =>
        displayValue(cell, lang, unit === undefined ? undefined : columnUnit(unit, col, row.length), qualifiedName),
      ),
    );
  return [[displayValue(result, lang, unit === undefined ? undefined : columnUnit(unit, 0, 1), qualifiedName)]];
}

/** The unit of the call the arguments spell: the KPI's own, or its value column per group through BY. */
export function callUnit(kpi: AnyKpi, args: ArgInputs): ResultUnit {
  const own = unitOfCall(kpi, previewArgs(kpi, args) ?? []);
  if (!args.get(BY_GROUP)?.text.trim()) return own;
  return ["text", typeof own === "string" ? own : "number"];
}

/**
 * What the arguments compute, as the preview shows it: the KPI, or the KPI per group through BY; undefined while an
 * argument the pane cannot read is missing (a required one empty, a typed reference, a group column without values).
 */
export function previewResult(kpi: AnyKpi, args: ArgInputs): KpiResult | KpiError | undefined {
  const raw = previewArgs(kpi, args);
  const groups = args.get(BY_GROUP);
  if (raw === null) return undefined;
  if (!groups?.text.trim()) return evaluate(kpi, raw);
  const by = kpiById("BY");
  return groups.values && by ? evaluate(by, [groups.values, kpi.id, ...raw]) : undefined;
}

/** The number formats an inserted formula's cells get, over as many cells as the preview's result fills. */
export function insertionFormats(kpi: AnyKpi, args: ArgInputs, lang: Lang): string[][] {
  return resultNumberFormats(callUnit(kpi, args), previewResult(kpi, args), lang);
}
