import type { NumberRange, ParamSpec } from "../spec.js";
import { countCells, plainBlank, sizeMismatch } from "./cells.js";
import { limitsOf } from "./bounds.js";
import { readNumbers } from "./readers.js";
import { numberAt, pairedRows, scanNumbers, type OddCell } from "./scan.js";

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
      const first: unknown = rowsA[0];
      const wide = (Array.isArray(first) ? first.length : 0) > 1;
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
