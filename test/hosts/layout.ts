import { cellName, quoteSheet, rangeName } from "../../core/plan/a1.js";
import { evaluate } from "../../core/index.js";
import { kpiOf, Day, EMPTY_CELL, isRangeArg, OMITTED, toExcelArgs, type Cell, type HostCase } from "./cases.js";

/**
 * The case table laid out on a worksheet, for the hosts that read references: Excel desktop (which passes 0 for
 * an empty cell and gives the parameter addresses) and the playground (which computes real formulas). Each case
 * gets a block of rows on the sheet "Cases": its range arguments side by side from column A, its formula in
 * column AN of the block's first row, with room below and to the right for a spill.
 */

export const CASES_SHEET = "Cases";
const FORMULA_COL = 39;
/** Rows between blocks, so a spill never meets the next case's cells. */
const GAP = 2;

export type PlacedArg =
  | { readonly kind: "range"; readonly row: number; readonly col: number; readonly cells: Cell[][] }
  | { readonly kind: "empty-cell"; readonly row: number; readonly col: number }
  | { readonly kind: "literal"; readonly value: Cell }
  | { readonly kind: "omitted" };

export interface PlacedCase {
  readonly c: HostCase;
  readonly args: PlacedArg[];
  readonly formula: { row: number; col: number };
}

const asRows = (arg: Cell | Cell[] | Cell[][]): Cell[][] =>
  Array.isArray(arg) ? (arg.some(Array.isArray) ? (arg as Cell[][]) : [arg as Cell[]]) : [[arg]];

/** Rows a case's result may take: the core's own result for it (an error takes one). */
export const spillRows = (c: HostCase): number => {
  const result = evaluate(kpiOf(c), toExcelArgs(c));
  return Array.isArray(result) ? result.length : 1;
};

/** Where each case's arguments and formula go. */
export function layOut(cases: readonly HostCase[]): PlacedCase[] {
  let top = 0;
  return cases.map((c) => {
    const kpi = kpiOf(c);
    let col = 0;
    let height = 1;
    const args = c.args.map((arg, i): PlacedArg => {
      if (arg === OMITTED) return { kind: "omitted" };
      if (arg === EMPTY_CELL) return { kind: "empty-cell", row: top, col: col++ };
      if (!Array.isArray(arg) && !isRangeArg(kpi, i)) return { kind: "literal", value: arg };
      const cells = asRows(arg);
      const placed = { kind: "range" as const, row: top, col, cells };
      col += Math.max(1, ...cells.map((r) => r.length)) + 1;
      height = Math.max(height, cells.length);
      return placed;
    });
    const placed = { c, args, formula: { row: top, col: FORMULA_COL } };
    top += Math.max(height, spillRows(c)) + GAP;
    return placed;
  });
}

/** "Cases!$A$1:$A$5": the absolute reference of a placed range or cell. */
export function addressOf(arg: PlacedArg): string {
  if (arg.kind === "range") {
    const rows = arg.cells.length;
    const cols = Math.max(1, ...arg.cells.map((r) => r.length));
    return `${quoteSheet(CASES_SHEET)}!${rangeName(arg.row, arg.col, rows, cols, true)}`;
  }
  if (arg.kind === "empty-cell") return `${quoteSheet(CASES_SHEET)}!${cellName(arg.row, arg.col, true)}`;
  return "";
}

const literal = (value: Cell): string => {
  if (value === null) return "";
  if (value instanceof Day) return String(value.serial);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return String(value);
  return `"${value.replace(/"/g, '""')}"`;
};

/** The formula a user would type for a placed case, `=KPI.NAME(Cases!$A$1:$A$5,"Won")`. */
export function formulaOf(placed: PlacedCase): string {
  const args = placed.args.map((arg) =>
    arg.kind === "literal" ? literal(arg.value) : arg.kind === "omitted" ? "" : addressOf(arg),
  );
  while (args.length > 0 && args[args.length - 1] === "") args.pop();
  return `=KPI.${placed.c.fn}(${args.join(",")})`;
}

/** Every non-empty cell the layout writes, as (row, col, value) with dates as serials. */
export function cellsOf(
  placed: readonly PlacedCase[],
): { row: number; col: number; value: number | string | boolean }[] {
  const out: { row: number; col: number; value: number | string | boolean }[] = [];
  for (const { args } of placed) {
    for (const arg of args) {
      if (arg.kind !== "range") continue;
      arg.cells.forEach((cells, r) =>
        cells.forEach((cell, c) => {
          if (cell === null) return;
          out.push({ row: arg.row + r, col: arg.col + c, value: cell instanceof Day ? cell.serial : cell });
        }),
      );
    }
  }
  return out;
}
