import { dateIn, fail, numIn, quoteIn } from "../errors.js";
import type { ParamSpec, Series } from "../spec.js";
import { BLANK_KEY, BLANK_NUMBER, forEachCell, isBlank, keyOf, plainBlank, rowsOf, shapeOf } from "./cells.js";
import { domainOf, hasBounds, outOfBounds } from "./bounds.js";
import { scanNumbers } from "./scan.js";
import { cellAt, describe, readDate, readKey, readNumber, type CellAt, type ReadSpec } from "./where.js";

/** The readers by kind: each turns a host argument into the clean values a KPI receives. */

/**
 * Reads a numeric or date range into an array: blanks dropped or, with `keepBlanks`, kept as NaN so that
 * paired ranges can be aligned row by row.
 */
export function readNumbers(arg: unknown, param: ParamSpec, keepBlanks = false): number[] {
  const out: number[] = [];
  scanNumbers(arg, param, (v) => out.push(v), keepBlanks ? () => out.push(BLANK_NUMBER) : undefined);
  return out;
}

/**
 * A first or last character that trimming keeps: printable ASCII, or any other character that is not white
 * space. No-break and other Unicode spaces (U+00A0, U+2009, U+3000 …) send the label to the careful reader,
 * which trims them, so "C1" and "C1\u00a0" are one key in a range as they are in a single cell.
 */
const plainEdge = (code: number): boolean =>
  (code > 32 && code < 127) || (code > 160 && String.fromCharCode(code).trim() !== "");

/** Reads a label range, trimmed: blanks dropped or, with `keepBlanks`, kept as "". */
export function readKeys(arg: unknown, param: ParamSpec, keepBlanks = false): string[] {
  const out: string[] = [];
  const wide = shapeOf(arg).cols > 1;
  let position = 0;
  const careful = (cell: unknown, row: number, col: number): void => {
    const text = readKey(cell, cellAt(param, position, row, col, wide));
    if (text !== undefined) out.push(text);
    else if (keepBlanks) out.push(BLANK_KEY);
  };
  const rows = rowsOf(arg);
  if (!rows) {
    forEachCell(arg, (cell, row, col) => {
      position++;
      careful(cell, row, col);
    });
    return out;
  }
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as unknown[];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      position++;
      if (typeof v === "string" && v !== "" && plainEdge(v.charCodeAt(0)) && plainEdge(v.charCodeAt(v.length - 1)))
        out.push(v);
      else if (plainBlank(v)) {
        if (keepBlanks) out.push(BLANK_KEY);
      } else careful(v, r, c);
    }
  }
  return out;
}

export function readSeries(arg: unknown, param: ParamSpec): Series {
  const { rows, cols } = shapeOf(arg);
  const numbers = readNumbers(arg, { ...param, kind: "numberRange" }, true);
  const values: (number | null)[] = new Array<number | null>(numbers.length);
  for (let i = 0; i < numbers.length; i++) {
    const v = numbers[i] as number;
    values[i] = v === v ? v : null;
  }
  return { values, rows, cols };
}

export function readMatrix(arg: unknown, param: ParamSpec): (number | null)[][] {
  const rows: (number | null)[][] = [];
  const wide = shapeOf(arg).cols > 1;
  let position = 0;
  forEachCell(arg, (cell, row, col) => {
    position++;
    const value = readNumber(cell, cellAt(param, position, row, col, wide));
    (rows[row] ??= [])[col] = value ?? null;
  });
  // Ragged rows are padded with blanks so every row has the same width.
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  return Array.from(rows, (r = []) => Array.from({ length: width }, (_, c) => r[c] ?? null));
}

/** The single non-blank value of a scalar argument, or undefined when it is blank or omitted. */
function singleCell(arg: unknown, param: ReadSpec): { cell: unknown; at: CellAt } | undefined {
  const name = param.name;
  let found: { cell: unknown; at: CellAt } | undefined;
  let count = 0;
  let position = 0;
  forEachCell(arg, (cell, row, col) => {
    position++;
    if (isBlank(cell)) return;
    count++;
    found ??= { cell, at: cellAt(param, position, row, col, false) };
  });
  if (count > 1)
    throw fail.value({
      en: `${name} expects a single value, got a range with ${count} values`,
      fr: `${name} attend une seule valeur, reçu une plage de ${count} valeurs`,
    });
  return found;
}

const scalarWhere = (name: string): CellAt => ({ arg: name, position: 1, row: 0, col: 0, wide: false });

export function readScalar(arg: unknown, param: ReadSpec): number | string | boolean | undefined {
  const found = singleCell(arg, param);
  if (found === undefined) return undefined;
  const { cell } = found;
  // A scalar is named by its address when the host gave one, else as the argument's only cell.
  const at = param.origin || param.rows ? found.at : scalarWhere(param.name);
  switch (param.kind) {
    case "number":
    case "date": {
      const value = param.kind === "number" ? readNumber(cell, at) : readDate(cell, at);
      if (value === undefined) return undefined;
      if (hasBounds(param) && outOfBounds(value, param)) {
        // A date is shown as a date, in each language's order.
        const shown = (lang: "en" | "fr"): string => (param.kind === "date" ? dateIn(value, lang) : numIn(value, lang));
        throw fail.num({
          en: `${param.name} is ${shown("en")}, expected ${domainOf(param) ?? "a valid value"}`,
          fr: `${param.name} est ${shown("fr")} ; attendu : ${domainOf(param, "fr") ?? "une valeur valide"}`,
        });
      }
      return value;
    }
    case "boolean":
      return readBoolean(cell, param.name);
    case "text": {
      const text = readKey(cell, at);
      if (text === undefined || !param.choices) return text;
      const choice = param.choices.find((c) => keyOf(c) === keyOf(text));
      if (choice === undefined) {
        throw fail.value({
          en: `${param.name} "${text}" is not one of ${param.choices.join(", ")}`,
          fr: `${param.name} ${quoteIn(text, "fr")} n'est pas l'une des valeurs ${param.choices.join(", ")}`,
        });
      }
      return choice;
    }
    default:
      throw new TypeError(`readScalar: ${param.kind} is a range kind`);
  }
}

const TRUE_WORDS = new Set(["true", "vrai", "yes", "oui", "1"]);
const FALSE_WORDS = new Set(["false", "faux", "no", "non", "0"]);

function readBoolean(cell: unknown, name: string): boolean {
  if (typeof cell === "boolean") return cell;
  if (typeof cell === "number" && Number.isFinite(cell)) return cell !== 0;
  if (typeof cell === "string") {
    const word = cell.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
  }
  throw fail.value({
    en: `${name} is ${describe(cell)}, expected TRUE or FALSE`,
    fr: `${name} est ${describe(cell, "fr")} ; VRAI ou FAUX est attendu`,
  });
}
