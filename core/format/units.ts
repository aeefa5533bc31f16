import { serialToDate } from "../dates.js";

/**
 * What a KPI's result (or one column of a spilled result) measures. The registry declares it once per KPI
 * (`unit` in core/spec.ts); the pane's preview, the formulas the pane inserts, the dashboard and Excel's
 * formatted results all take their number format from it.
 */
export type Unit =
  /** a fraction shown as a percentage: 0.25 → 25.0 % (rates, shares, growth, margins) */
  | "rate"
  /** an amount in the data's own currency (the data never says which: no symbol is shown) */
  | "money"
  /** the unit of the values the user gave (a forecast of revenue is revenue, of units is units) */
  | "value"
  | "days"
  | "months"
  /** NPS points, −100 to 100 */
  | "points"
  /** a mean: on a survey scale (CES 1–7), a weighted lead score, a customer's expected transactions */
  | "score"
  /** a multiple: LTV:CAC 3.2×, pipeline coverage 2.5× */
  | "ratio"
  /** a relative level around 1 (price index, seasonal index) */
  | "index"
  /** a whole number of things: customers, responses, RFM's 1–5 scores */
  | "count"
  /** a day (serial number) */
  | "date"
  /** a calendar month, shown by its month start (cohorts) */
  | "month"
  /** a number without a fixed unit (model parameters, error measures): left to the host's General format */
  | "number"
  /** text (labels, ids, segments, STATUS codes): never given a number format */
  | "text";

/**
 * The unit of a result: one for every cell, or one per column of a spill. A spill wider than the list repeats
 * the last unit (COHORT's month columns); a narrower one takes the last units (FUNNEL without stage names has no
 * name column).
 */
export type ResultUnit = Unit | readonly Unit[];

export type FormatLang = "en" | "fr";

/** How a numeric unit is written: decimals, thousands grouping, percent, a literal suffix. */
interface NumberStyle {
  readonly decimals: number;
  readonly grouping: boolean;
  readonly percent?: boolean;
  readonly suffix?: string;
}

const STYLES: Readonly<Record<Exclude<Unit, "date" | "month" | "number" | "text">, NumberStyle>> = {
  rate: { decimals: 1, grouping: false, percent: true },
  money: { decimals: 2, grouping: true },
  value: { decimals: 2, grouping: true },
  days: { decimals: 1, grouping: true },
  months: { decimals: 1, grouping: true },
  points: { decimals: 0, grouping: false },
  score: { decimals: 2, grouping: false },
  ratio: { decimals: 1, grouping: false, suffix: "×" },
  index: { decimals: 2, grouping: false },
  count: { decimals: 0, grouping: true },
};

export const UNITS: readonly Unit[] = [...(Object.keys(STYLES) as Unit[]), "date", "month", "number", "text"];

/** The unit's name in each language, for the docs. */
export const UNIT_NAMES: Readonly<Record<Unit, Readonly<Record<FormatLang, string>>>> = {
  rate: { en: "rate", fr: "taux" },
  money: { en: "amount", fr: "montant" },
  value: { en: "unit of the values", fr: "unité des valeurs" },
  days: { en: "days", fr: "jours" },
  months: { en: "months", fr: "mois" },
  points: { en: "points", fr: "points" },
  score: { en: "score", fr: "score" },
  ratio: { en: "multiple", fr: "multiple" },
  index: { en: "index", fr: "indice" },
  count: { en: "count", fr: "effectif" },
  date: { en: "date", fr: "date" },
  month: { en: "month", fr: "mois" },
  number: { en: "number", fr: "nombre" },
  text: { en: "text", fr: "texte" },
};

export const isUnit = (value: unknown): value is Unit => typeof value === "string" && UNITS.includes(value as Unit);

/** Excel's and Sheets' name for "no particular format". */
export const GENERAL_FORMAT = "General";

/**
 * Number format codes, one per language. The codes are always written in Excel's en-US syntax ("." decimal,
 * "," thousands, English date letters), whatever the language:
 * - Excel: `Range.numberFormat` takes en-US codes and Excel shows them in the user's locale (a French Excel shows
 *   "#,##0.00" as 1 014 655,00); `numberFormatLocal` is the property that would want local codes ("# ##0,00").
 * - Sheets: `Range.setNumberFormat` patterns use the same en-US syntax, rendered by the spreadsheet's locale
 *   (Google's "Date & number formats" guide writes every pattern for en_US and says the rendering follows the locale).
 * - Univer: `FRange.setNumberFormat` takes the same pattern; the workbook's numfmt locale renders it.
 * Only the order of a date's parts is a choice of language: French readers expect day/month/year. The "/" is
 * Excel's date separator placeholder, shown as the locale's separator.
 */
export function numberFormatOf(unit: Unit, lang: FormatLang = "en"): string {
  if (unit === "date") return lang === "fr" ? "dd/mm/yyyy" : "yyyy-mm-dd";
  if (unit === "month") return "mmm yyyy";
  // A text format ("@") would turn a formula written afterwards into text: text results keep General.
  if (unit === "number" || unit === "text") return GENERAL_FORMAT;
  const style = STYLES[unit];
  const digits = style.decimals > 0 ? `.${"0".repeat(style.decimals)}` : "";
  return `${style.grouping ? "#,##0" : "0"}${digits}${style.percent ? "%" : ""}${style.suffix ? `"${style.suffix}"` : ""}`;
}

/** The unit of column `col` of a spill `width` columns wide (see ResultUnit). */
export function columnUnit(unit: ResultUnit, col: number, width: number): Unit {
  if (typeof unit === "string") return unit;
  const skipped = Math.max(0, unit.length - width);
  return unit[Math.min(col + skipped, unit.length - 1)] ?? "number";
}

/** One format code per cell of a rows × cols result, for hosts that format a whole range in one call. */
export function numberFormatGrid(unit: ResultUnit, rows: number, cols: number, lang: FormatLang = "en"): string[][] {
  const row = Array.from({ length: cols }, (_, c) => numberFormatOf(columnUnit(unit, c, cols), lang));
  return Array.from({ length: rows }, () => [...row]);
}

const LOCALES: Readonly<Record<FormatLang, string>> = { en: "en-US", fr: "fr-FR" };

/**
 * A number as the pane shows it in the user's language, with the same decimals as the sheet's format: French
 * "12,5 %" and "1 014 655,00" (Intl's narrow no-break spaces), English "12.5%" and "1,014,655.00".
 */
export function displayInUnit(value: number, unit: Unit, lang: FormatLang = "en"): string {
  const locale = LOCALES[lang];
  if (unit === "date" || unit === "month") return displayDate(value, unit, lang);
  if (unit === "number" || unit === "text")
    return new Intl.NumberFormat(locale, { maximumSignificantDigits: 8 }).format(value);
  const style = STYLES[unit];
  const text = new Intl.NumberFormat(locale, {
    style: style.percent ? "percent" : "decimal",
    minimumFractionDigits: style.decimals,
    maximumFractionDigits: style.decimals,
    useGrouping: style.grouping,
  }).format(value);
  return style.suffix ? `${text}${style.suffix}` : text;
}

/** A date serial as the sheet's date format shows it: ISO in English, dd/mm/yyyy in French, "Jan 2025" for months. */
export function displayDate(serial: number, unit: "date" | "month", lang: FormatLang = "en"): string {
  const date = serialToDate(serial);
  if (unit === "month")
    return new Intl.DateTimeFormat(LOCALES[lang], { month: "short", year: "numeric", timeZone: "UTC" }).format(date);
  const iso = date.toISOString().slice(0, 10);
  if (lang === "en") return iso;
  const [year, month, day] = iso.split("-");
  return `${day}/${month}/${year}`;
}
