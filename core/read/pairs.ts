import { dateToSerial } from "../dates.js";
import { limitsOf, type Limits } from "./bounds.js";
import { plainBlank } from "./cells.js";
import { BLOCK_ROWS, numberAt } from "./scan.js";
import type { ReadSpec } from "./where.js";

/**
 * Two numeric columns read together (PERIODS's dates and values, and any pair of number or date lists): one pass
 * over the host's rows validates both cells of a row and keeps the row when both hold a value. The general reader
 * reads each column into its own list, marks the complete rows, then copies them: five passes where this is one.
 * It takes the common shape only, two one-column ranges of the same height, and gives way (undefined) to the
 * general reader for anything else, and whenever a cell is wrong, so that errors are found and worded by that one
 * reader, in its order.
 */
export interface NumericPair {
  readonly first: number[];
  readonly second: number[];
  /** 1-based rows of the values kept, by index (the row itself when every row was kept). */
  readonly positionOf: (index: number) => number;
}

/** Thrown inside the scan when the ranges turn out not to be two columns: caught, and the general reader runs. */
const NOT_A_PAIR = new Error("not two one-column ranges");

/** A cell's value, undefined for a blank; throws on anything wrong (the caller then hands over to the general reader). */
function cellValue(v: unknown, limits: Limits, param: ReadSpec, dates: boolean, position: number): number | undefined {
  if (
    typeof v === "number" &&
    v - v === 0 &&
    v >= limits.lo &&
    v <= limits.hi &&
    v > limits.above &&
    (!limits.integer || Math.floor(v) === v)
  )
    return v;
  if (plainBlank(v)) return undefined;
  if (dates && v instanceof Date && v.getTime() - v.getTime() === 0 && dateToSerial(v) >= limits.lo)
    return dateToSerial(v);
  return numberAt(v, param, position, position - 1, 0, false);
}

/** Rows from..to of readNumericPair (see BLOCK_ROWS: hot loops run as functions of their own); returns `kept`. */
function pairBlock(
  a: unknown[],
  b: unknown[],
  from: number,
  to: number,
  specs: readonly [ReadSpec, ReadSpec],
  limits: readonly [Limits, Limits],
  first: number[],
  second: number[],
  skipped: number[],
  kept: number,
): number {
  const [pa, pb] = specs;
  const [la, lb] = limits;
  // The plain case inline, with the bounds in locals; anything else through cellValue.
  const { lo: loA, hi: hiA, above: aboveA, integer: intA } = la;
  const { lo: loB, hi: hiB, above: aboveB, integer: intB } = lb;
  for (let r = from; r < to; r++) {
    const ra = a[r];
    const rb = b[r];
    // Not two one-column ranges after all: the general reader takes over.
    if (!Array.isArray(ra) || !Array.isArray(rb) || ra.length !== 1 || rb.length !== 1) throw NOT_A_PAIR;
    const u: unknown = ra[0];
    const w: unknown = rb[0];
    const x =
      typeof u === "number" && u - u === 0 && u >= loA && u <= hiA && u > aboveA && (!intA || Math.floor(u) === u)
        ? u
        : u === null || u === undefined || u === ""
          ? undefined
          : cellValue(u, la, pa, pa.kind === "dates", r + 1);
    const y =
      typeof w === "number" && w - w === 0 && w >= loB && w <= hiB && w > aboveB && (!intB || Math.floor(w) === w)
        ? w
        : w === null || w === undefined || w === ""
          ? undefined
          : cellValue(w, lb, pb, pb.kind === "dates", r + 1);
    if (x === undefined || y === undefined) skipped.push(r + 1);
    else {
      first[kept] = x;
      second[kept++] = y;
    }
  }
  return kept;
}

export function readNumericPair(
  specs: readonly [ReadSpec, ReadSpec],
  raw: readonly unknown[],
): NumericPair | undefined {
  const [a, b] = raw;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return undefined;
  const limits = [limitsOf(specs[0]), limitsOf(specs[1])] as const;
  // Sized for every row up front (no growing copies), cut to the rows kept at the end; filled with a non-integer so
  // that the arrays hold doubles from the start, with no conversion of the whole store at the first date.
  const first = new Array<number>(a.length).fill(NaN);
  const second = new Array<number>(a.length).fill(NaN);
  const skipped: number[] = [];
  let kept = 0;
  try {
    for (let from = 0; from < a.length; from += BLOCK_ROWS)
      kept = pairBlock(a, b, from, Math.min(from + BLOCK_ROWS, a.length), specs, limits, first, second, skipped, kept);
  } catch {
    return undefined;
  }
  first.length = kept;
  second.length = kept;
  if (skipped.length === 0) return { first, second, positionOf: (index) => index + 1 };
  // The kept rows, 1-based, listed from the skipped ones only when a position is asked for (an error names a cell).
  let positions: number[] | undefined;
  const positionOf = (index: number): number => {
    if (!positions) {
      positions = [];
      let next = 0;
      for (let row = 1; row <= a.length; row++) {
        if (skipped[next] === row) next++;
        else positions.push(row);
      }
    }
    return positions[index] ?? index + 1;
  };
  return { first, second, positionOf };
}
