import { isKpiError, KpiDate, serialToDate, type KpiError, type KpiResult } from "../core/index.js";
import type { Lang } from "./host.js";

/** A value as the pane shows it: numbers in the UI language, dates as days, errors with their explanation. */
export function displayValue(value: unknown, lang: Lang, format?: string, qualifiedName = ""): string {
  const locale = lang === "fr" ? "fr-FR" : "en-US";
  if (isKpiError(value)) return value.format(qualifiedName);
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

/** A KPI result as rows of display strings (a scalar is one cell). */
export function resultRows(result: KpiResult | KpiError, lang: Lang, qualifiedName: string): string[][] {
  if (Array.isArray(result))
    return result.map((row) => row.map((cell) => displayValue(cell, lang, undefined, qualifiedName)));
  return [[displayValue(result, lang, undefined, qualifiedName)]];
}
