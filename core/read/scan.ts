import { dateToSerial } from "../dates.js";
import { dateIn, fail, inBoth, numIn } from "../errors.js";
import type { ParamSpec } from "../spec.js";
import { forEachCell, plainBlank, shapeOf } from "./cells.js";
import { expectedDomain, hasBounds, outOfBounds, type Limits, limitsOf } from "./bounds.js";
import { cellAt, readDate, readNumber, where } from "./where.js";

/**
 * The speed-tuned scanners: a numeric range walked once, validating as it goes, in blocks so that V8 optimises
 * the loops as ordinary hot functions (see BLOCK_ROWS). The careful readers take over for any odd cell.
 */

/** Any other cell: read it carefully, returning its number, undefined for a blank, or throwing the precise error. */
export function numberAt(
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
    // A date out of its domain is shown as a date, a number as the number.
    const shown = (lang: "en" | "fr"): string => (param.kind === "dates" ? dateIn(value, lang) : numIn(value, lang));
    throw fail.num(
      inBoth(
        (lang) =>
          `${where(at, lang)} ${lang === "fr" ? "est" : "is"} ${shown(lang)}${expectedDomain(param, value, lang)}`,
      ),
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
export function scanNumbers(
  arg: unknown,
  param: ParamSpec,
  visit?: (value: number, position: number) => void,
  blank?: () => void,
): { sum: number; count: number } {
  if (Array.isArray(arg) && arg.length === 1 && isNumberView(arg[0])) return scanView(arg[0], param, visit);
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

/**
 * A typed array of numbers, read as a one-row range (`[view]`): how a SQL engine holds a column (DuckDB's list of
 * INTEGER or DOUBLE), handed over without copying it into a JS array. It holds no blanks. Only the kinds read by
 * scanNumbers alone take one (see takesNumberView in args.ts).
 */
export type NumberView =
  Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float32Array | Float64Array;

export const isNumberView = (v: unknown): v is NumberView =>
  ArrayBuffer.isView(v) && !(v instanceof DataView) && !(v instanceof BigInt64Array) && !(v instanceof BigUint64Array);

/** scanNumbers over a view, in blocks as scanBlock (see BLOCK_ROWS): an element per row of a one-row range. */
function scanView(
  values: NumberView,
  param: ParamSpec,
  visit?: (value: number, position: number) => void,
): { sum: number; count: number } {
  const limits = limitsOf(param);
  const state = new Float64Array(2);
  for (let from = 0; from < values.length; from += BLOCK_ROWS * 16) {
    scanViewBlock(values, from, Math.min(from + BLOCK_ROWS * 16, values.length), limits, param, state, visit);
  }
  return { sum: state[0] as number, count: state[1] as number };
}

function scanViewBlock(
  values: NumberView,
  from: number,
  to: number,
  limits: Limits,
  param: ParamSpec,
  state: Float64Array,
  visit?: (value: number, position: number) => void,
): void {
  const { lo, hi, above, integer } = limits;
  let sum = state[0] as number;
  let count = state[1] as number;
  for (let i = from; i < to; i++) {
    const raw = values[i] as number;
    // NaN and ±Infinity (a DOUBLE column can hold them) fail raw - raw === 0 and take the careful reader.
    const value =
      raw - raw === 0 && raw >= lo && raw <= hi && raw > above && (!integer || Math.floor(raw) === raw)
        ? raw
        : oddInView(values, i, param);
    sum += value;
    count++;
    if (visit) visit(value, i + 1);
  }
  state[0] = sum;
  state[1] = count;
}

/** Element i of a view off the plain path: the careful reader's value (a number is never blank) or its error. */
function oddInView(values: NumberView, i: number, param: ParamSpec): number {
  const value = numberAt(values[i], param, i + 1, 0, i, values.length > 1);
  if (value === undefined) throw new TypeError("a number read as a blank");
  return value;
}

/** A cell that is not a blank or a plain in-domain number: its value, undefined for a blank, or a KpiError. */
export type OddNumber = (v: unknown, row: unknown, position: number, r: number, c: number) => number | undefined;

/** Rows from..to of scanNumbers. */
export function scanBlock(
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
export function scanCarefully(
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

/** A cell of a paired numeric range that is not a blank or a plain in-domain number: NaN means skip the row. */
export type OddCell = (x: unknown, y: unknown, position: number, r: number, c: number) => number;

/**
 * Σ x × y over two ranges of rows walked row against row; undefined as soon as two rows differ in length.
 * This loop is the whole cost of WEIGHTEDPIPELINE.
 */
export function pairedRows(
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
