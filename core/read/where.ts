import { cellName, quoteSheet } from "../plan/a1.js";
import { dateToSerial } from "../dates.js";
import { fail, inBoth, numIn, quoteIn, type CauseLang, type KpiError } from "../errors.js";
import type { ParamSpec } from "../spec.js";
import { isBlank } from "./cells.js";

/**
 * One cell read with care, and the words that say where it is and what is wrong with it: by address when the
 * host told where the range is, else by position, with a hint for numbers and dates stored as text.
 */

export const describe = (cell: unknown, lang: CauseLang = "en"): string => {
  const fr = lang === "fr";
  if (typeof cell === "string") {
    const shown = cell.length > 40 ? `${cell.slice(0, 37)}...` : cell;
    return fr ? `le texte ${quoteIn(shown, lang)}` : `text "${shown}"`;
  }
  // French Excel and Sheets write the booleans VRAI and FAUX.
  if (typeof cell === "boolean")
    return fr ? `le booléen ${cell ? "VRAI" : "FAUX"}` : `the boolean ${cell ? "TRUE" : "FALSE"}`;
  if (cell instanceof Date) return fr ? "une date" : "a date";
  if (typeof cell === "number") return numIn(cell, lang);
  const type = Array.isArray(cell) ? "array" : typeof cell;
  return fr ? `une valeur de type ${type}` : `a value of type ${type}`;
};

/** Longer text is never a number stored as text; the check also stays cheap on long strings. */
const MAX_NUMERIC_TEXT = 64;

/**
 * Text that a person would read as a number: "1 234,5", "1,234.50", "12%", "€ 30". Trailing white space is cut
 * first so that no two neighbouring parts of the pattern can match the same characters: the test is linear
 * (an earlier pattern backtracked quadratically on a digit followed by thousands of spaces).
 */
const looksNumeric = (text: string): boolean =>
  text.length <= MAX_NUMERIC_TEXT && /^[\s€$£+-]*\d[\d\s.,']*%?[€$£]*$/u.test(text.trimEnd());

/** Where an argument's range starts in the workbook, when the host knows it (0-based row and column). */
export interface CellOrigin {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

/**
 * Where the cells a reader sees came from, when they are a selection of a larger range (BY hands each group its
 * rows): the 1-based position of each cell in the original range, and that range's width, so that a problem is
 * named by its place in what the user selected.
 */
export interface RowMap {
  /** The 1-based position in the original range of the cell at 1-based `position` of what was read. */
  readonly original: (position: number) => number;
  readonly cols: number;
}

/** A parameter as read for one call: with its range's origin and row map when the host or BY gave them. */
export type ReadSpec = ParamSpec & { readonly origin?: CellOrigin; readonly rows?: RowMap };

/** How one argument of a call is to be read: where its range starts, and which of the original cells it holds. */
export interface ReadAs {
  readonly origin?: CellOrigin;
  readonly rows?: RowMap;
}

/** Where a problem is, in words a spreadsheet user can act on. */
export interface CellAt {
  readonly arg: string;
  readonly origin?: CellOrigin;
  /** 1-based position in row-by-row reading order. */
  readonly position: number;
  readonly row: number;
  readonly col: number;
  readonly wide: boolean;
}

/** The cell by its address where the host told where the range is ("Survey!B7"), else by its position. */
export const where = (at: CellAt, lang: CauseLang = "en"): string => {
  const colon = lang === "fr" ? " :" : ":";
  if (at.origin)
    return `${at.arg}${colon} ${quoteSheet(at.origin.sheet)}!${cellName(at.origin.row + at.row, at.origin.col + at.col)}`;
  if (lang === "fr")
    return `${at.arg} : cellule ${at.position}${at.wide ? ` (ligne ${at.row + 1}, colonne ${at.col + 1})` : ""}`;
  return `${at.arg}: cell ${at.position}${at.wide ? ` (row ${at.row + 1}, column ${at.col + 1})` : ""}`;
};

/** What a cell was expected to hold, in both languages ("a number", "a date"…). */
export const EXPECTED = {
  number: { en: "a number", fr: "un nombre est attendu" },
  date: { en: "a date", fr: "une date est attendue" },
  label: { en: "a label", fr: "un libellé est attendu" },
} as const;

export function cellAt(param: ReadSpec, position: number, row: number, col: number, wide: boolean): CellAt {
  const map = param.rows;
  if (map) {
    // The cell's place in the range the user gave, not in the selection of it that was read.
    const original = map.original(position);
    return cellAt(
      { ...param, rows: undefined },
      original,
      Math.floor((original - 1) / map.cols),
      (original - 1) % map.cols,
      map.cols > 1,
    );
  }
  return param.origin
    ? { arg: param.name, origin: param.origin, position, row, col, wide }
    : { arg: param.name, position, row, col, wide };
}

export function notANumber(cell: unknown, at: CellAt, expected: { en: string; fr: string }): KpiError {
  const numeric = typeof cell === "string" && looksNumeric(cell);
  // French Excel and Sheets name VALUE and NUMBERVALUE CNUM and VALEURNOMBRE.
  return fail.value({
    en: `${where(at)} is ${describe(cell)}, expected ${expected.en}${
      numeric
        ? "; it looks like a number stored as text: convert it with VALUE() or NUMBERVALUE(), or fix the column format"
        : ""
    }`,
    fr: `${where(at, "fr")} est ${describe(cell, "fr")} ; ${expected.fr}${
      numeric
        ? " ; on dirait un nombre stocké comme texte : convertissez-le avec CNUM() ou VALEURNOMBRE(), ou corrigez le format de la colonne"
        : ""
    }`,
  });
}

const invalidDate = (at: CellAt): KpiError =>
  fail.value({ en: `${where(at)} is an invalid date`, fr: `${where(at, "fr")} est une date invalide` });

/** Reads one numeric cell; `undefined` means blank. */
export function readNumber(cell: unknown, at: CellAt): number | undefined {
  if (typeof cell === "number") {
    if (Number.isFinite(cell)) return cell;
    throw fail.num({
      en: `${where(at)} is ${String(cell)}, not a finite number`,
      fr: `${where(at, "fr")} est ${String(cell)}, pas un nombre fini`,
    });
  }
  if (isBlank(cell)) return undefined;
  throw notANumber(cell, at, EXPECTED.number);
}

/** Reads one date cell as a serial number; `undefined` means blank. */
export function readDate(cell: unknown, at: CellAt): number | undefined {
  if (cell instanceof Date) {
    const time = cell.getTime();
    if (Number.isNaN(time)) throw invalidDate(at);
    return dateToSerial(cell);
  }
  if (typeof cell === "number") {
    if (!Number.isFinite(cell))
      throw fail.num({
        en: `${where(at)} is ${String(cell)}, not a date`,
        fr: `${where(at, "fr")} est ${String(cell)}, pas une date`,
      });
    // A negative serial has no calendar day to show: the number is what the cell holds.
    if (cell < 0)
      throw fail.num(
        inBoth((lang) =>
          lang === "fr"
            ? `${where(at, lang)} est ${numIn(cell, lang)}, avant la première date d'un tableur (30/12/1899)`
            : `${where(at)} is ${cell}, before the first spreadsheet date`,
        ),
      );
    return cell;
  }
  if (isBlank(cell)) return undefined;
  const text = typeof cell === "string";
  // French Excel and Sheets name DATEVALUE DATEVAL.
  throw fail.value({
    en: `${where(at)} is ${describe(cell)}, expected a date${
      text ? "; it looks like a date stored as text: convert it with DATEVALUE()" : ""
    }`,
    fr: `${where(at, "fr")} est ${describe(cell, "fr")} ; ${EXPECTED.date.fr}${
      text ? " ; on dirait une date stockée comme texte : convertissez-la avec DATEVAL()" : ""
    }`,
  });
}

/** Reads one label cell, trimmed; `undefined` means blank. Numbers and dates become their text. */
export function readKey(cell: unknown, at: CellAt): string | undefined {
  if (typeof cell === "string") {
    const text = cell.trim();
    return text === "" ? undefined : text;
  }
  if (typeof cell === "number") {
    if (Number.isFinite(cell)) return String(cell);
    throw fail.value({
      en: `${where(at)} is ${String(cell)}, not a label`,
      fr: `${where(at, "fr")} est ${String(cell)}, pas un libellé`,
    });
  }
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) throw invalidDate(at);
    return String(dateToSerial(cell));
  }
  if (isBlank(cell)) return undefined;
  throw fail.value({
    en: `${where(at)} is ${describe(cell)}, expected a label`,
    fr: `${where(at, "fr")} est ${describe(cell, "fr")} ; ${EXPECTED.label.fr}`,
  });
}
