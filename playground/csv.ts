/**
 * Reading a CSV export or pasted cells as a spreadsheet would: the separator (comma, semicolon or tab) and the
 * conventions (French `03/01/2025`, `1 250,50`, `12,5 %`, or English `01/03/2025`, `1,250.50`, `12.5%`) are detected
 * from the text itself, the language of the page deciding only what the text leaves open. Pure: no DOM, no Univer.
 */

export type Lang = "en" | "fr";
export type Separator = "," | ";" | "\t";
/** What a cell holds once read: numbers (dates as serials, percentages as fractions), text, booleans, blanks. */
export type CsvValue = string | number | boolean | null;
/** The kind of a number, which decides the number format its column gets. */
export type ValueKind = "date" | "percent" | "decimal" | "integer";

export interface Conventions {
  /** The decimal mark: "," in French exports, "." in English ones. */
  readonly decimal: "," | ".";
  /** Day before month (`03/01/2025` is 3 January) or month before day (it is 1 March). */
  readonly dayFirst: boolean;
}

export const CONVENTIONS: Readonly<Record<Lang, Conventions>> = {
  en: { decimal: ".", dayFirst: false },
  fr: { decimal: ",", dayFirst: true },
};

export interface ReadCell {
  readonly value: CsvValue;
  readonly kind?: ValueKind;
}

export interface CsvTable {
  readonly separator: Separator;
  readonly conventions: Conventions;
  readonly rows: CsvValue[][];
  /** Whether the first row names the columns: no number in it, and numbers below it. */
  readonly header: boolean;
  /** The kind of each column's numbers when they all agree (the header row aside), else undefined. */
  readonly columnKinds: (ValueKind | undefined)[];
}

const SEPARATORS: readonly Separator[] = ["\t", ";", ","];

/** Splits CSV text into rows of fields: quoted fields may hold separators, doubled quotes and line breaks. */
export function splitCsv(text: string, separator: Separator): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === separator) {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && body[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * The separator that splits the first lines into the same number (more than one) of fields on every line; among
 * those, the one giving the most fields. Tab, then semicolon, win ties: a French decimal comma must not split cells.
 */
export function detectSeparator(text: string): Separator {
  const sample = text.split(/\r?\n/).slice(0, 20).join("\n");
  let best: { separator: Separator; fields: number } | undefined;
  for (const separator of SEPARATORS) {
    const counts = splitCsv(sample, separator)
      .filter((r) => r.some((f) => f.trim() !== ""))
      .map((r) => r.length);
    const fields = counts[0] ?? 1;
    if (fields < 2 || counts.some((n) => n !== fields)) continue;
    if (!best || fields > best.fields) best = { separator, fields };
  }
  return best?.separator ?? (sample.includes(";") ? ";" : sample.includes("\t") ? "\t" : ",");
}

// Spaces that group thousands in French: plain, no-break and narrow no-break (what Excel and numfmt write).
const GROUP_SPACE = "[ \u00a0\u202f]";
const DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The conventions of a column of texts: a date whose first part exceeds 12 settles day-first, one whose second
 * part does settles month-first; a number with a comma and no dot (`1250,5`, `1 250,50`) settles the decimal comma,
 * one with a dot and no comma the decimal dot (a lone `1,250` could be either and settles nothing). What the
 * texts leave open follows the page's language.
 */
export function detectConventions(texts: Iterable<string>, lang: Lang): Conventions {
  let dayFirst: boolean | undefined;
  let decimal: "," | "." | undefined;
  for (const raw of texts) {
    const text = raw.trim();
    const date = DATE.exec(text);
    if (date) {
      if (dayFirst === undefined && Number(date[1]) > 12) dayFirst = true;
      else if (dayFirst === undefined && Number(date[2]) > 12) dayFirst = false;
      continue;
    }
    if (decimal !== undefined) continue;
    const number = text.replace(/%$/, "").trim().replace(/^[-+]/, "");
    if (new RegExp(`^\\d{1,3}(${GROUP_SPACE}\\d{3})*,\\d+$`).test(number) && !/^\d{1,3},\d{3}$/.test(number))
      decimal = ",";
    else if (/^\d+,\d+$/.test(number) && !/^\d{1,3},\d{3}$/.test(number)) decimal = ",";
    else if (/^\d{1,3}(,\d{3})*\.\d+$/.test(number) || /^\d+\.\d+$/.test(number)) decimal = ".";
  }
  const fallback = CONVENTIONS[lang];
  return { decimal: decimal ?? fallback.decimal, dayFirst: dayFirst ?? fallback.dayFirst };
}

/** Days from 1899-12-30, the spreadsheet serial of a calendar date (no time zone involved). */
export function dateSerial(year: number, month: number, day: number): number | undefined {
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    return undefined;
  return Math.round((time - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** A number written with the given decimal mark, grouped or not (`1 250,50`, `1,250.50`, `-3`), else undefined. */
function parseNumber(text: string, decimal: "," | "."): number | undefined {
  const group = decimal === "," ? `(?:${GROUP_SPACE}|\\.)` : `(?:,|${GROUP_SPACE})`;
  const mark = decimal === "," ? "," : "\\.";
  const pattern = new RegExp(`^([-+]?)(\\d{1,3}(?:${group}\\d{3})+|\\d+)(?:${mark}(\\d+))?$|^([-+]?)${mark}(\\d+)$`);
  const match = pattern.exec(text);
  if (!match) return undefined;
  const sign = (match[1] ?? match[4]) === "-" ? -1 : 1;
  const whole = (match[2] ?? "0").replace(/[^\d]/g, "");
  const fraction = match[3] ?? match[5] ?? "";
  return sign * Number(`${whole}.${fraction || "0"}`);
}

/** One cell's text read with the given conventions: a date, a percentage, a number, a boolean or text. */
export function readCell(raw: string, conventions: Conventions): ReadCell {
  const text = raw.trim();
  if (text === "") return { value: null };
  const iso = ISO_DATE.exec(text);
  const date = DATE.exec(text);
  if (iso || date) {
    const [a, b, year] = iso
      ? [Number(iso[3]), Number(iso[2]), Number(iso[1])]
      : [Number(date?.[1]), Number(date?.[2]), Number(date?.[3])];
    const [day, month] = iso || conventions.dayFirst ? [a, b] : [b, a];
    const serial = dateSerial(year, month, day);
    return serial === undefined ? { value: text } : { value: serial, kind: "date" };
  }
  const percent = /^(.*?)[ \u00a0\u202f]?%$/.exec(text);
  if (percent) {
    const number = parseNumber(percent[1] ?? "", conventions.decimal);
    if (number !== undefined) return { value: round(number / 100), kind: "percent" };
  }
  const number = parseNumber(text, conventions.decimal);
  if (number !== undefined) return { value: number, kind: Number.isInteger(number) ? "integer" : "decimal" };
  const lower = text.toLowerCase();
  if (lower === "true" || lower === "vrai") return { value: true };
  if (lower === "false" || lower === "faux") return { value: false };
  return { value: text };
}

/** 12.5 / 100 is 0.12500000000000003 in floating point: keep the digits the text had. */
const round = (value: number): number => Number(value.toPrecision(15));

/** Reads a whole export: separator and conventions detected, every cell read, each column's kind of number. */
export function readCsv(text: string, lang: Lang, separator: Separator = detectSeparator(text)): CsvTable {
  const fields = splitCsv(text, separator).filter((row) => row.some((f) => f.trim() !== ""));
  const conventions = detectConventions(
    fields.flatMap((row) => row),
    lang,
  );
  const cells = fields.map((row) => row.map((field) => readCell(field, conventions)));
  const numbers = (row: readonly ReadCell[] | undefined): boolean =>
    row?.some((c) => typeof c.value === "number") ?? false;
  const header = cells.length > 1 && !numbers(cells[0]) && cells.slice(1).some(numbers);
  const body = header ? cells.slice(1) : cells;
  const width = Math.max(0, ...cells.map((row) => row.length));
  const columnKinds = Array.from({ length: width }, (_, col) => columnKind(body.map((row) => row[col])));
  return { separator, conventions, rows: cells.map((row) => row.map((cell) => cell.value)), header, columnKinds };
}

/** A column's kind when its numbers agree: integers alongside decimals make a decimal column. */
function columnKind(cells: readonly (ReadCell | undefined)[]): ValueKind | undefined {
  const kinds = new Set(cells.flatMap((cell) => (cell?.kind ? [cell.kind] : [])));
  if (kinds.size === 1) return [...kinds][0];
  if (kinds.size === 2 && kinds.has("integer") && kinds.has("decimal")) return "decimal";
  return undefined;
}

/** The number format a kind of value gets in the page's language (Univer's numfmt locale does the separators). */
export function formatOf(kind: ValueKind, lang: Lang): string | undefined {
  switch (kind) {
    case "date":
      return lang === "fr" ? "dd/mm/yyyy" : "yyyy-mm-dd";
    case "percent":
      return lang === "fr" ? "0.0\u00a0%" : "0.0%";
    case "decimal":
      return "#,##0.00";
    default:
      return undefined;
  }
}

/**
 * A number format as French users expect it: day-first dates and a no-break space before `%`. The digits' group and
 * decimal marks need no change: Univer's numfmt locale draws them.
 */
export function localPattern(pattern: string, lang: Lang): string {
  if (lang === "en") return pattern;
  if (/^y{2,4}-m{1,2}-d{1,2}$/i.test(pattern)) return "dd/mm/yyyy";
  return pattern.replace(/(?<![\u00a0 "\\])%/g, "\u00a0%");
}

/**
 * Rewrites a formula's argument separators and decimal marks outside string literals and quoted sheet names:
 * `separator` becomes `,` (or `,` becomes it) and a decimal mark between two digits is swapped likewise.
 */
function rewriteFormula(formula: string, from: { separator: string; decimal: string }, to: typeof from): string {
  let out = "";
  let quote: string | undefined;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i] as string;
    if (quote) {
      out += ch;
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      out += ch;
    } else if (ch === from.separator) out += to.separator;
    else if (ch === from.decimal && /\d/.test(formula[i - 1] ?? "") && /\d/.test(formula[i + 1] ?? ""))
      out += to.decimal;
    else out += ch;
  }
  return out;
}

const ENGLISH = { separator: ",", decimal: "." };
const FRENCH = { separator: ";", decimal: "," };

/**
 * A French formula as Univer reads it: outside string literals and quoted sheet names, `;` separates arguments and
 * `,` between digits is a decimal mark. A formula without `;` is left alone: English syntax is accepted too.
 */
export function formulaFromFrench(formula: string): string {
  return formula.includes(";") ? rewriteFormula(formula, FRENCH, ENGLISH) : formula;
}

/** The other way: an English-syntax formula as French users type it (`,` → `;`, decimal `.` → `,`). */
export function formulaToFrench(formula: string): string {
  return rewriteFormula(formula, ENGLISH, FRENCH);
}
