import { parseAddress } from "../../core/plan/a1.js";
import { Day } from "./cases.js";
import { CASES_SHEET, addressOf, cellsOf, type PlacedCase } from "./layout.js";

/**
 * Excel desktop as the add-in meets it: an empty cell of a range argument arrives as 0, and the add-in reads the
 * referenced cells back (Excel.run) to tell those zeros from real ones. This fake answers those reads from the
 * laid-out case table, so the desktop path of the BUILT functions.js runs on the same cases as every other host.
 */

type Value = number | string | boolean;

/** A fake `Excel` global whose sheet "Cases" holds the layout's cells. */
export function fakeExcelDesktop(placed: readonly PlacedCase[]): { Excel: unknown; runs: () => number } {
  const cells = new Map<string, Value>();
  for (const { row, col, value } of cellsOf(placed)) cells.set(`${row},${col}`, value);
  let runs = 0;
  const rangeAt = (cellsRef: string) => {
    const { rect } = parseAddress(cellsRef);
    const filled: { r: number; c: number }[] = [];
    for (let r = 0; r < rect.rows; r++)
      for (let c = 0; c < rect.cols; c++) if (cells.has(`${rect.row + r},${rect.col + c}`)) filled.push({ r, c });
    const top = Math.min(...filled.map((f) => f.r));
    const bottom = Math.max(...filled.map((f) => f.r));
    const left = Math.min(...filled.map((f) => f.c));
    const right = Math.max(...filled.map((f) => f.c));
    const used = {
      isNullObject: filled.length === 0,
      rowIndex: rect.row + top,
      columnIndex: rect.col + left,
      rowCount: bottom - top + 1,
      columnCount: right - left + 1,
      valueTypes: Array.from({ length: bottom - top + 1 }, (_, r) =>
        Array.from({ length: right - left + 1 }, (_, c) =>
          cells.has(`${rect.row + top + r},${rect.col + left + c}`) ? "Double" : "Empty",
        ),
      ),
      load: () => undefined,
    };
    return {
      rowIndex: rect.row,
      columnIndex: rect.col,
      load: () => undefined,
      getUsedRangeOrNullObject: () => used,
    };
  };
  const Excel = {
    RangeValueType: { empty: "Empty" },
    run: async <T>(batch: (context: unknown) => Promise<T>): Promise<T> => {
      runs++;
      const context = {
        workbook: {
          worksheets: {
            getItem: (name: string) => {
              if (name !== CASES_SHEET) throw new Error(`no sheet ${name}`);
              return { getRange: rangeAt };
            },
          },
        },
        sync: async () => undefined,
      };
      return batch(context);
    },
  };
  return { Excel, runs: () => runs };
}

/** The arguments and invocation Excel desktop passes for a placed case: blanks as 0, with every address. */
export function desktopCall(placed: PlacedCase, arity: number): unknown[] {
  const args = Array.from({ length: Math.max(arity, placed.args.length) }, (_, i): unknown => {
    const arg = placed.args[i];
    if (!arg || arg.kind === "omitted") return null;
    if (arg.kind === "empty-cell") return 0;
    if (arg.kind === "literal") return arg.value instanceof Day ? arg.value.serial : arg.value;
    return arg.cells.map((row) => row.map((cell) => (cell === null ? 0 : cell instanceof Day ? cell.serial : cell)));
  });
  const parameterAddresses = Array.from({ length: args.length }, (_, i) => {
    const arg = placed.args[i];
    return arg ? addressOf(arg) : "";
  });
  return [...args, { parameterAddresses }];
}
