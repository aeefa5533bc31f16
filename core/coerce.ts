import { cellName, quoteSheet } from "./dashboard/a1.js";
import { dateToSerial } from "./dates.js";
import { fail, type KpiError } from "./errors.js";
import type { NumberRange, ParamSpec, Series } from "./spec.js";

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
        // A literal array one level deeper is read in place; anything deeper is a cell holding an array, which
        // the readers reject with a typed #VALUE! (recursing would let a deeply nested input overflow the stack).
        if (Array.isArray(cell)) for (const inner of cell as unknown[]) visit(inner, r, c);
        else visit(cell, r, c);
      }
    } else {
      // A 1-D literal array is one row.
      visit(row, 0, r);
    }
  }
}

/** Cells of a host argument, however nested its rows. */
export function countCells(arg: unknown): number {
  if (!Array.isArray(arg)) return 1;
  let n = 0;
  for (let r = 0; r < arg.length; r++) {
    const row: unknown = arg[r];
    n += Array.isArray(row) ? row.length : 1;
  }
  return n;
}

/** Paired ranges must hold the same number of cells; the message names both and both sizes. */
export function sizeMismatch(first: string, firstArg: unknown, other: string, otherArg: unknown): KpiError {
  return fail.value(
    `${first} and ${other} must be the same size: ${first} has ${countCells(firstArg)} cells, ${other} has ${countCells(otherArg)}`,
  );
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
const where = (at: CellAt): string =>
  at.origin
    ? `${at.arg}: ${quoteSheet(at.origin.sheet)}!${cellName(at.origin.row + at.row, at.origin.col + at.col)}`
    : `${at.arg}: cell ${at.position}${at.wide ? ` (row ${at.row + 1}, column ${at.col + 1})` : ""}`;

function cellAt(param: ReadSpec, position: number, row: number, col: number, wide: boolean): CellAt {
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

/** Blank marker of a column read with `keepBlanks`: NaN in numeric columns, "" in label columns. */
export const BLANK_NUMBER = Number.NaN;
export const BLANK_KEY = "";

/** Probabilities typed as percentages (40 for 40%) are the commonest out-of-range value. */
const percentHint = (value: number, p: ParamSpec): string =>
  p.max === 1 && value > 1 && value <= 100 ? " (a percentage is a fraction: 40% is 0.4)" : "";

/** A range as rows of cells, when it is the shape hosts pass (an array of row arrays). */
const rowsOf = (arg: unknown): unknown[][] | undefined => {
  if (!Array.isArray(arg)) return undefined;
  for (let r = 0; r < arg.length; r++) if (!Array.isArray(arg[r])) return undefined;
  return arg as unknown[][];
};

/** The domain checks of a numeric parameter, flattened for the hot loop. */
interface Limits {
  readonly lo: number;
  readonly hi: number;
  readonly above: number;
  readonly integer: boolean;
}

const limitsOf = (param: ParamSpec): Limits => ({
  lo: param.min ?? (param.kind === "dates" ? 0 : -Infinity),
  hi: param.max ?? Infinity,
  above: param.above ?? -Infinity,
  integer: param.integer === true,
});

const plainBlank = (v: unknown): boolean => v === null || v === undefined || v === "";

/** Any other cell: read it carefully, returning its number, undefined for a blank, or throwing the precise error. */
function numberAt(
  cell: unknown,
  param: ParamSpec,
  position: number,
  row: number,
  col: number,
  wide: boolean,
): number | undefined {
  const at = cellAt(param, position, row, col, wide);
  const value = param.kind === "dates" ? readDate(cell, at) : readNumber(cell, at);
  if (value !== undefined && hasBounds(param) && outOfBounds(value, param)) {
    throw fail.num(
      `${where(at)} is ${fmt(value)}, expected ${domainOf(param) ?? "a valid value"}${percentHint(value, param)}`,
    );
  }
  return value;
}

/**
 * Rows per call of the hot loops. A host passes a whole range in one call, so a single loop over it would be
 * optimised by V8 mid-way (on-stack replacement), before its entry had any type feedback; one deoptimisation
 * later it could stay in that code for good, at twice the cost (seen with --trace-opt --trace-deopt). Called
 * once per block instead, the loop is optimised as an ordinary hot function with complete feedback.
 */
export const BLOCK_ROWS = 1024;

/**
 * Walks a numeric range once, validating as it goes, and returns the sum and count of its values; `visit` (when
 * given) sees each value and `blank` each empty cell. The plain case costs a few comparisons and a local add, so
 * a Σ KPI costs about one plain loop over the host's array; anything else takes the careful path for that cell.
 */
function scanNumbers(
  arg: unknown,
  param: ParamSpec,
  visit?: (value: number, position: number) => void,
  blank?: () => void,
): { sum: number; count: number } {
  if (!Array.isArray(arg) || !Array.isArray(arg[0])) return scanCarefully(arg, param, visit, blank);
  const limits = limitsOf(param);
  const dates = param.kind === "dates";
  const wide = (): boolean => shapeOf(arg).cols > 1;
  const odd: OddNumber = (v, row, position, r, c) => {
    if (dates && v instanceof Date && v.getTime() - v.getTime() === 0 && dateToSerial(v) >= limits.lo) {
      return dateToSerial(v);
    }
    // A ragged argument's lone cell sits at (0, r), as forEachCell reads it.
    return Array.isArray(row) ? numberAt(v, param, position, r, c, wide()) : numberAt(v, param, position, 0, r, wide());
  };
  // [sum, count, cells walked], carried from block to block (see BLOCK_ROWS).
  const state = new Float64Array(3);
  for (let from = 0; from < arg.length; from += BLOCK_ROWS) {
    scanBlock(arg, from, Math.min(from + BLOCK_ROWS, arg.length), limits, state, odd, visit, blank);
  }
  return { sum: state[0] as number, count: state[1] as number };
}

/** A cell that is not a blank or a plain in-domain number: its value, undefined for a blank, or a KpiError. */
type OddNumber = (v: unknown, row: unknown, position: number, r: number, c: number) => number | undefined;

/** Rows from..to of scanNumbers. */
function scanBlock(
  rows: unknown[],
  from: number,
  to: number,
  limits: Limits,
  state: Float64Array,
  odd: OddNumber,
  visit?: (value: number, position: number) => void,
  blank?: () => void,
): void {
  // Unpacked once, before the loop; sum and count are plain locals, so the loop keeps them in registers.
  const { lo, hi, above, integer } = limits;
  let sum = state[0] as number;
  let count = state[1] as number;
  let position = state[2] as number;
  for (let r = from; r < to; r++) {
    const row: unknown = rows[r];
    const cells: unknown[] = Array.isArray(row) ? row : [row];
    for (let c = 0; c < cells.length; c++) {
      const v: unknown = cells[c];
      position++;
      let value: number | undefined;
      if (
        typeof v === "number" &&
        v - v === 0 &&
        v >= lo &&
        v <= hi &&
        v > above &&
        (!integer || Math.floor(v) === v)
      ) {
        value = v;
      } else if (plainBlank(v)) {
        value = undefined;
      } else {
        value = odd(v, row, position, r, c);
      }
      if (value === undefined) {
        if (blank) blank();
      } else {
        sum += value;
        count++;
        if (visit) visit(value, position);
      }
    }
  }
  state[0] = sum;
  state[1] = count;
  state[2] = position;
}

/** A scalar or a 1-D literal array: rare and small, read cell by cell with the careful reader. */
function scanCarefully(
  arg: unknown,
  param: ParamSpec,
  visit?: (value: number, position: number) => void,
  blank?: () => void,
): { sum: number; count: number } {
  const totals = { sum: 0, count: 0 };
  const wide = shapeOf(arg).cols > 1;
  let position = 0;
  forEachCell(arg, (cell, row, col) => {
    const value = numberAt(cell, param, ++position, row, col, wide);
    if (value === undefined) return blank?.();
    totals.sum += value;
    totals.count++;
    visit?.(value, position);
  });
  return totals;
}

/** The lazily read `numbers` kind. */
export class RangeOfNumbers implements NumberRange {
  private total: number | undefined;
  private n = 0;

  constructor(
    private readonly arg: unknown,
    private readonly param: ParamSpec,
  ) {}

  forEach(visit: (value: number, position: number) => void): void {
    scanNumbers(this.arg, this.param, visit);
  }

  sum(): number {
    if (this.total === undefined) {
      const { sum, count } = scanNumbers(this.arg, this.param);
      this.total = sum;
      this.n = count;
    }
    return this.total;
  }

  count(): number {
    this.sum();
    return this.n;
  }

  toArray(): number[] {
    return readNumbers(this.arg, this.param);
  }

  /** Σ value × otherValue over the rows where both ranges hold a value, walking them row-aligned. */
  sumProduct(other: NumberRange): number {
    const that = other as RangeOfNumbers;
    const rowsA = this.arg;
    const rowsB = that.arg;
    // The row lengths are compared during the walk; a mismatch found on the way restarts in reading order.
    if (Array.isArray(rowsA) && Array.isArray(rowsB) && rowsA.length === rowsB.length) {
      const wide = (rowsA[0]?.length ?? 0) > 1;
      const odd: OddCell = (x, y, position, r, c) => {
        // Each side read carefully, throwing the precise error; NaN (skip the row) when either is blank.
        const a = plainBlank(x) ? undefined : numberAt(x, this.param, position, r, c, wide);
        const b = plainBlank(y) ? undefined : numberAt(y, that.param, position, r, c, wide);
        return a === undefined || b === undefined ? Number.NaN : a * b;
      };
      const total = pairedRows(
        rowsA as unknown[][],
        rowsB as unknown[][],
        limitsOf(this.param),
        limitsOf(that.param),
        odd,
      );
      if (total !== undefined) return total;
    }
    return this.productInReadingOrder(that);
  }

  /** Different layouts with the same cell count (a row against a column): aligned by reading order. */
  private productInReadingOrder(that: RangeOfNumbers): number {
    if (countCells(this.arg) !== countCells(that.arg)) {
      throw sizeMismatch(this.param.name, this.arg, that.param.name, that.arg);
    }
    const a = readNumbers(this.arg, this.param, true);
    const b = readNumbers(that.arg, that.param, true);
    let total = 0;
    for (let i = 0; i < a.length; i++) {
      const x = a[i] as number;
      const y = b[i] as number;
      if (x === x && y === y) total += x * y;
    }
    return total;
  }
}

/** A cell of a paired numeric range that is not a blank or a plain in-domain number: NaN means skip the row. */
type OddCell = (x: unknown, y: unknown, position: number, r: number, c: number) => number;

/**
 * Σ x × y over two ranges of rows walked row against row; undefined as soon as two rows differ in length.
 * This loop is the whole cost of WEIGHTEDPIPELINE.
 */
function pairedRows(
  rowsA: unknown[][],
  rowsB: unknown[][],
  limitsA: Limits,
  limitsB: Limits,
  odd: OddCell,
): number | undefined {
  // [running total, cells walked], carried from block to block.
  const state = new Float64Array(2);
  for (let from = 0; from < rowsA.length; from += BLOCK_ROWS) {
    const to = Math.min(from + BLOCK_ROWS, rowsA.length);
    if (!pairedBlock(rowsA, rowsB, from, to, limitsA, limitsB, state, odd)) return undefined;
  }
  return state[0];
}

/** Rows from..to of pairedRows; false when two rows differ in length. */
function pairedBlock(
  rowsA: unknown[][],
  rowsB: unknown[][],
  from: number,
  to: number,
  limitsA: Limits,
  limitsB: Limits,
  state: Float64Array,
  odd: OddCell,
): boolean {
  // Unpacked once, before the loop: the loop then compares plain doubles.
  const { lo: loA, hi: hiA, above: aboveA, integer: integerA } = limitsA;
  const { lo: loB, hi: hiB, above: aboveB, integer: integerB } = limitsB;
  let total = state[0] as number;
  let position = state[1] as number;
  for (let r = from; r < to; r++) {
    const rowA: unknown = rowsA[r];
    const rowB: unknown = rowsB[r];
    if (!Array.isArray(rowA) || !Array.isArray(rowB) || rowA.length !== rowB.length) return false;
    for (let c = 0; c < rowA.length; c++) {
      position++;
      const x: unknown = rowA[c];
      const y: unknown = rowB[c];
      // NaN and ±Infinity fail x - x === 0; the bounds are ±Infinity when the parameter has none.
      if (
        typeof x === "number" &&
        typeof y === "number" &&
        x - x === 0 &&
        y - y === 0 &&
        x >= loA &&
        x <= hiA &&
        x > aboveA &&
        y >= loB &&
        y <= hiB &&
        y > aboveB &&
        (!integerA || Math.floor(x) === x) &&
        (!integerB || Math.floor(y) === y)
      ) {
        total += x * y;
      } else if (!(plainBlank(x) && plainBlank(y))) {
        const product = odd(x, y, position, r, c);
        if (product === product) total += product;
      }
    }
  }
  state[0] = total;
  state[1] = position;
  return true;
}

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
  const numbers = readNumbers(arg, { ...param, kind: "numbers" }, true);
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
  if (count > 1) throw fail.value(`${name} expects a single value, got a range with ${count} values`);
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
