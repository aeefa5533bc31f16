import type { Rect } from "../core/plan/a1.js";
import type { PlanValue } from "../core/plan/plan.js";

const filled = (value: PlanValue | undefined): boolean => value !== null && value !== undefined && value !== "";

/**
 * Excel's "current region": the rectangle around `start` grown until it is bordered by empty rows and columns
 * (or the edge of `values`). `values` is the sheet from A1, row by row.
 */
export function currentRegion(values: readonly (readonly PlanValue[])[], start: Rect): Rect {
  let { row, col } = start;
  let bottom = start.row + start.rows - 1;
  let right = start.col + start.cols - 1;
  const rowCount = values.length;
  const colCount = Math.max(0, ...values.map((r) => r.length));
  const anyFilled = (r0: number, r1: number, c0: number, c1: number): boolean => {
    for (let r = Math.max(0, r0); r <= Math.min(rowCount - 1, r1); r++)
      for (let c = Math.max(0, c0); c <= Math.min(colCount - 1, c1); c++) if (filled(values[r]?.[c])) return true;
    return false;
  };
  for (let grown = true; grown;) {
    grown = false;
    // Diagonal neighbours count too, as in Excel, hence the ±1 on the perpendicular span.
    if (row > 0 && anyFilled(row - 1, row - 1, col - 1, right + 1)) {
      row--;
      grown = true;
    }
    if (bottom < rowCount - 1 && anyFilled(bottom + 1, bottom + 1, col - 1, right + 1)) {
      bottom++;
      grown = true;
    }
    if (col > 0 && anyFilled(row - 1, bottom + 1, col - 1, col - 1)) {
      col--;
      grown = true;
    }
    if (right < colCount - 1 && anyFilled(row - 1, bottom + 1, right + 1, right + 1)) {
      right++;
      grown = true;
    }
  }
  return { row, col, rows: bottom - row + 1, cols: right - col + 1 };
}
