import { dateToSerial } from "./dates.js";
import { fail, type KpiError } from "./errors.js";
import type { ParamSpec, Series } from "./spec.js";

/**
 * The single coercion path: every host value that reaches a KPI passes through here once, so the
 * implementations only ever see finite numbers, serial dates, trimmed labels and well-formed options.
 */

/** Empty cells arrive as null (Excel on the web), undefined (omitted) or "" (Sheets). */
export const isBlank = (cell: unknown): boolean =>
  cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");

/** Labels compare trimmed and case-insensitively; this is the one place that decides what "same" means. */
export const keyOf = (label: string): string => label.toLowerCase();

/** A host argument's cells, row by row, whatever its nesting (scalar, 1-D literal, 2-D range, ragged). */
export function forEachCell(arg: unknown, visit: (cell: unknown, row: number, col: number) => void): void {
  if (!Array.isArray(arg)) {
    visit(arg, 0, 0);
    return;
  }
  for (let r = 0; r < arg.length; r++) {
    const row: unknown = arg[r];
    if (Array.isArray(row)) {
      for (let c = 0; c < row.length; c++) {
        const cell: unknown = row[c];
        if (Array.isArray(cell)) forEachCell(cell, (inner) => visit(inner, r, c));
        else visit(cell, r, c);
      }
    } else {
      // A 1-D literal array is one row.
      visit(row, 0, r);
    }
  }
}

/** Rows and columns of a host argument (a scalar is 1×1, a 1-D literal array is one row). */
export function shapeOf(arg: unknown): { rows: number; cols: number } {
  if (!Array.isArray(arg)) return { rows: 1, cols: 1 };
  if (!arg.some((row) => Array.isArray(row))) return { rows: 1, cols: arg.length };
  let cols = 0;
  for (const row of arg) cols = Math.max(cols, Array.isArray(row) ? row.length : 1);
  return { rows: arg.length, cols };
}

const describe = (cell: unknown): string => {
  if (typeof cell === "string") return `text "${cell.length > 40 ? `${cell.slice(0, 37)}...` : cell}"`;
  if (typeof cell === "boolean") return `the boolean ${cell ? "TRUE" : "FALSE"}`;
  if (cell instanceof Date) return "a date";
  if (typeof cell === "number") return String(cell);
  return `a value of type ${Array.isArray(cell) ? "array" : typeof cell}`;
};

/** Text that a person would read as a number: "1 234,5", "1,234.50", "12%", "€ 30". */
const looksNumeric = (text: string): boolean => /^[\s€$£+-]*\d[\d\s\u00a0\u202f.,']*%?[\s€$£]*$/u.test(text);

/** Where a problem is, in words a spreadsheet user can act on. */
export interface CellAt {
  readonly arg: string;
  /** 1-based position in row-by-row reading order. */
  readonly position: number;
  readonly row: number;
  readonly col: number;
  readonly wide: boolean;
}

const where = (at: CellAt): string =>
  `${at.arg}: cell ${at.position}${at.wide ? ` (row ${at.row + 1}, column ${at.col + 1})` : ""}`;

function notANumber(cell: unknown, at: CellAt, expected: string): KpiError {
  const hint =
    typeof cell === "string" && looksNumeric(cell)
      ? "; it looks like a number stored as text: convert it with VALUE() or NUMBERVALUE(), or fix the column format"
      : "";
  return fail.value(`${where(at)} is ${describe(cell)}, expected ${expected}${hint}`);
}

/** Reads one numeric cell; `undefined` means blank. */
function readNumber(cell: unknown, at: CellAt): number | undefined {
  if (typeof cell === "number") {
    if (Number.isFinite(cell)) return cell;
    throw fail.num(`${where(at)} is ${String(cell)}, not a finite number`);
  }
  if (isBlank(cell)) return undefined;
  throw notANumber(cell, at, "a number");
}

/** Reads one date cell as a serial number; `undefined` means blank. */
function readDate(cell: unknown, at: CellAt): number | undefined {
  if (cell instanceof Date) {
    const time = cell.getTime();
    if (Number.isNaN(time)) throw fail.value(`${where(at)} is an invalid date`);
    return dateToSerial(cell);
  }
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) throw fail.num(`${where(at)} is ${String(cell)}, not a date`);
    if (cell < 0) throw fail.num(`${where(at)} is ${cell}, before the first spreadsheet date`);
    return cell;
  }
  if (isBlank(cell)) return undefined;
  const hint = typeof cell === "string" ? "; it looks like a date stored as text: convert it with DATEVALUE()" : "";
  throw fail.value(`${where(at)} is ${describe(cell)}, expected a date${hint}`);
}

/** Reads one label cell, trimmed; `undefined` means blank. Numbers and dates become their text. */
function readKey(cell: unknown, at: CellAt): string | undefined {
  if (typeof cell === "string") {
    const text = cell.trim();
    return text === "" ? undefined : text;
  }
  if (typeof cell === "number") {
    if (Number.isFinite(cell)) return String(cell);
    throw fail.value(`${where(at)} is ${String(cell)}, not a label`);
  }
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) throw fail.value(`${where(at)} is an invalid date`);
    return String(dateToSerial(cell));
  }
  if (isBlank(cell)) return undefined;
  throw fail.value(`${where(at)} is ${describe(cell)}, expected a label`);
}

const fmt = (n: number): string => String(n);

/** The domain of a numeric parameter in words, e.g. "an integer from 0 to 10" or "in (0, 1]". */
export function domainOf(param: ParamSpec): string | undefined {
  const low =
    param.above !== undefined ? `(${fmt(param.above)}` : param.min !== undefined ? `[${fmt(param.min)}` : undefined;
  const high = param.max !== undefined ? `${fmt(param.max)}]` : undefined;
  const whole = param.integer ? "a whole number" : "a number";
  if (low && high) return `${whole} in ${low}, ${high}`;
  if (param.above !== undefined) return `${whole} greater than ${fmt(param.above)}`;
  if (param.min !== undefined) return param.min === 0 ? `${whole} ≥ 0` : `${whole} ≥ ${fmt(param.min)}`;
  if (param.max !== undefined) return `${whole} ≤ ${fmt(param.max)}`;
  return param.integer ? whole : undefined;
}

const hasBounds = (p: ParamSpec): boolean =>
  p.min !== undefined || p.max !== undefined || p.above !== undefined || p.integer === true;

function outOfBounds(value: number, p: ParamSpec): boolean {
  return (
    (p.min !== undefined && value < p.min) ||
    (p.max !== undefined && value > p.max) ||
    (p.above !== undefined && value <= p.above) ||
    (p.integer === true && !Number.isInteger(value))
  );
}

type CellReader<T> = (cell: unknown, at: CellAt) => T | undefined;

const readers = { numbers: readNumber, dates: readDate, keys: readKey } as const;

/**
 * Reads a range argument. With `keepBlanks` the result keeps one entry per cell (`undefined` for a blank)
 * so that paired ranges can be aligned row by row; otherwise blanks are dropped in the same pass.
 */
export function readRange<K extends keyof typeof readers>(
  arg: unknown,
  param: ParamSpec & { kind: K },
  keepBlanks: boolean,
): (K extends "keys" ? string : number)[] | (K extends "keys" ? string : number | undefined)[] {
  const read = readers[param.kind] as CellReader<number | string>;
  const checkBounds = param.kind !== "keys" && hasBounds(param);
  const wide = shapeOf(arg).cols > 1;
  const out: (number | string | undefined)[] = [];
  let position = 0;
  forEachCell(arg, (cell, row, col) => {
    position++;
    const at = { arg: param.name, position, row, col, wide };
    const value = read(cell, at);
    if (value === undefined) {
      if (keepBlanks) out.push(undefined);
      return;
    }
    if (checkBounds && outOfBounds(value as number, param)) {
      throw fail.num(`${where(at)} is ${fmt(value as number)}, expected ${domainOf(param) ?? "a valid value"}`);
    }
    out.push(value);
  });
  return out as never;
}

/** A fast path for the most common argument: a 2-D range of numbers, blanks skipped, no bounds. */
export function readNumbersFast(arg: unknown, name: string): number[] {
  if (!Array.isArray(arg)) {
    const v = readNumber(arg, { arg: name, position: 1, row: 0, col: 0, wide: false });
    return v === undefined ? [] : [v];
  }
  const out: number[] = [];
  for (let r = 0; r < arg.length; r++) {
    const row: unknown = arg[r];
    if (!Array.isArray(row))
      return readRange(arg, { name, kind: "numbers", description: { en: "", fr: "" } }, false) as number[];
    for (let c = 0; c < row.length; c++) {
      const cell: unknown = row[c];
      if (typeof cell === "number" && cell - cell === 0) out.push(cell);
      else if (!isBlank(cell)) {
        // Rare path: let the general reader build the precise error message.
        return readRange(arg, { name, kind: "numbers", description: { en: "", fr: "" } }, false) as number[];
      }
    }
  }
  return out;
}

export function readSeries(arg: unknown, param: ParamSpec): Series {
  const { rows, cols } = shapeOf(arg);
  const values = readRange(arg, { ...param, kind: "numbers" }, true) as (number | undefined)[];
  return { values: values.map((v) => (v === undefined ? null : v)), rows, cols };
}

export function readMatrix(arg: unknown, param: ParamSpec): (number | null)[][] {
  const rows: (number | null)[][] = [];
  const wide = shapeOf(arg).cols > 1;
  let position = 0;
  forEachCell(arg, (cell, row, col) => {
    position++;
    const value = readNumber(cell, { arg: param.name, position, row, col, wide });
    (rows[row] ??= [])[col] = value ?? null;
  });
  // Ragged rows are padded with blanks so every row has the same width.
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  return Array.from(rows, (r = []) => Array.from({ length: width }, (_, c) => r[c] ?? null));
}

/** The single non-blank value of a scalar argument, or undefined when it is blank or omitted. */
function singleCell(arg: unknown, name: string): { cell: unknown; at: CellAt } | undefined {
  let found: { cell: unknown; at: CellAt } | undefined;
  let count = 0;
  let position = 0;
  forEachCell(arg, (cell, row, col) => {
    position++;
    if (isBlank(cell)) return;
    count++;
    found ??= { cell, at: { arg: name, position, row, col, wide: false } };
  });
  if (count > 1) throw fail.value(`${name} expects a single value, got a range with ${count} values`);
  return found;
}

const scalarWhere = (name: string): CellAt => ({ arg: name, position: 1, row: 0, col: 0, wide: false });

export function readScalar(arg: unknown, param: ParamSpec): number | string | boolean | undefined {
  const found = singleCell(arg, param.name);
  if (found === undefined) return undefined;
  const { cell } = found;
  const at = scalarWhere(param.name);
  switch (param.kind) {
    case "number":
    case "date": {
      const value = param.kind === "number" ? readNumber(cell, at) : readDate(cell, at);
      if (value === undefined) return undefined;
      if (hasBounds(param) && outOfBounds(value, param)) {
        throw fail.num(`${param.name} is ${fmt(value)}, expected ${domainOf(param) ?? "a valid value"}`);
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
        throw fail.value(`${param.name} "${text}" is not one of ${param.choices.join(", ")}`);
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
  throw fail.value(`${name} is ${describe(cell)}, expected TRUE or FALSE`);
}
