import { vi } from "vitest";
import { cellName, parseAddress } from "../../core/plan/a1.js";
import type { PlanValue } from "../../core/plan/plan.js";

/**
 * One Sheets grid behind SpreadsheetApp, as much of it as the pane's insert server function asks for: cells by A1
 * name, formulas read as their computed value 0 by getValues (Apps Script returns values, not formulas), and the
 * number formats written, by A1 name.
 */
export function fakeAppsSheet(
  name: string,
  cells: Map<string, PlanValue>,
  options: { readonly selection: string; readonly locale: string; readonly activeRange?: boolean },
): Map<string, string> {
  const numberFormats = new Map<string, string>();
  const sheet = {
    getName: () => name,
    getMaxRows: () => 1000,
    getMaxColumns: () => 26,
    getRange(row: number, col: number, rows = 1, cols = 1) {
      const grid = <T>(read: (a1: string) => T) =>
        Array.from({ length: rows }, (_, r) =>
          Array.from({ length: cols }, (_, c) => read(cellName(row - 1 + r, col - 1 + c))),
        );
      const formula = (v: PlanValue | undefined): v is string => typeof v === "string" && v.startsWith("=");
      return {
        getSheet: () => sheet,
        getRow: () => row,
        getColumn: () => col,
        getNumRows: () => rows,
        getNumColumns: () => cols,
        getA1Notation: () => cellName(row - 1, col - 1),
        getFormulas: () => grid((a1) => (formula(cells.get(a1)) ? cells.get(a1) : "")),
        getValues: () => grid((a1) => (formula(cells.get(a1)) ? 0 : (cells.get(a1) ?? ""))),
        setFormula: (text: string) => cells.set(cellName(row - 1, col - 1), text),
        setNumberFormat: (code: string) => grid((a1) => numberFormats.set(a1, code)),
        setNumberFormats: (codes: string[][]) =>
          codes.forEach((line, r) =>
            line.forEach((code, c) => numberFormats.set(cellName(row - 1 + r, col - 1 + c), code)),
          ),
      };
    },
  };
  const { rect } = parseAddress(options.selection);
  const selected = () => sheet.getRange(rect.row + 1, rect.col + 1, rect.rows, rect.cols);
  vi.stubGlobal("SpreadsheetApp", {
    getActive: () => (options.activeRange ? { getActiveRange: selected } : { getRange: selected }),
  });
  vi.stubGlobal("Session", { getActiveUserLocale: () => options.locale });
  return numberFormats;
}
