import { fail, type KpiError } from "../errors.js";

/** A host argument's cells: blanks, shapes and sizes, whatever the host and the nesting. */

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
  const a = countCells(firstArg);
  const b = countCells(otherArg);
  return fail.value({
    en: `${first} and ${other} must be the same size: ${first} has ${a} cells, ${other} has ${b}`,
    fr: `${first} et ${other} doivent avoir la même taille : ${first} a ${a} cellules, ${other} en a ${b}`,
  });
}

/** Rows and columns of a host argument (a scalar is 1×1, a 1-D literal array is one row). */
export function shapeOf(arg: unknown): { rows: number; cols: number } {
  if (!Array.isArray(arg)) return { rows: 1, cols: 1 };
  if (!arg.some((row) => Array.isArray(row))) return { rows: 1, cols: arg.length };
  let cols = 0;
  for (const row of arg) cols = Math.max(cols, Array.isArray(row) ? row.length : 1);
  return { rows: arg.length, cols };
}

/** Blank marker of a column read with `keepBlanks`: NaN in numeric columns, "" in label columns. */
export const BLANK_NUMBER = Number.NaN;
export const BLANK_KEY = "";

/** A range as rows of cells, when it is the shape hosts pass (an array of row arrays). */
export const rowsOf = (arg: unknown): unknown[][] | undefined => {
  if (!Array.isArray(arg)) return undefined;
  for (let r = 0; r < arg.length; r++) if (!Array.isArray(arg[r])) return undefined;
  return arg as unknown[][];
};

/** A blank as hosts pass one in a range: the cheap test of the hot loops. */
export const plainBlank = (v: unknown): boolean => v === null || v === undefined || v === "";
