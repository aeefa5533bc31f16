import { evaluate } from "../run.js";
import { kpiById } from "../registry.js";
import { KpiDate } from "../spec.js";
import { dateToSerial, serialToDate } from "../dates.js";
import { isKpiError, type KpiError } from "../errors.js";
import { cellName, parseAddress, type Rect } from "../plan/a1.js";
import { KPI_CALL } from "../plan/formula.js";
import type { DashboardPlan, PlanValue, SheetPlan, TileSpec } from "../plan/plan.js";

/** A cell as the evaluator sees it: a value, or the KPI error a formula produced. */
export type EvaluatedCell = PlanValue | KpiError;

/** A sheet as a sparse grid keyed "row,col" (0-based). */
export type Grid = Map<string, EvaluatedCell>;

/** The workbook a plan is evaluated against: a grid per sheet name (compared case-insensitively). */
export class Workbook {
  private readonly sheets = new Map<string, Grid>();

  grid(sheet: string): Grid {
    const key = sheet.toLowerCase();
    let grid = this.sheets.get(key);
    if (!grid) this.sheets.set(key, (grid = new Map<string, EvaluatedCell>()));
    return grid;
  }

  /** Places `values` with its top-left cell at `address` ("Orders!A1:F267" or "Orders!A1"). */
  put(sheet: string, address: string, values: readonly (readonly EvaluatedCell[])[]): void {
    const { rect } = parseAddress(address);
    const grid = this.grid(sheet);
    values.forEach((row, r) => row.forEach((cell, c) => grid.set(`${rect.row + r},${rect.col + c}`, cell)));
  }

  get(sheet: string, row: number, col: number): EvaluatedCell {
    return this.grid(sheet).get(`${row},${col}`) ?? null;
  }

  /** A rectangle as the 2-D array a host passes to a custom function. */
  read(sheet: string, rect: Rect): EvaluatedCell[][] {
    return Array.from({ length: rect.rows }, (_, r) =>
      Array.from({ length: rect.cols }, (_, c) => this.get(sheet, rect.row + r, rect.col + c)),
    );
  }
}

/** Splits "a,b,"x,y"" at top-level commas: quotes and parentheses protect their commas. */
export function splitArgs(text: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = "";
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === "(") depth++;
    if (!quoted && ch === ")") depth--;
    if (!quoted && depth === 0 && ch === ",") {
      args.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current.trim() !== "" || args.length > 0) args.push(current.trim());
  return args;
}

export interface KpiCall {
  readonly id: string;
  readonly args: string[];
}

/** `=KPI.AOV(a,b)` / `=KPI_AOV(a,b)` → its id and argument texts; null for any other formula. */
export function parseKpiCall(formula: string): KpiCall | null {
  const match = KPI_CALL.exec(formula);
  if (!match || !formula.trimEnd().endsWith(")")) return null;
  const inner = formula.slice(match[0].length, formula.trimEnd().length - 1);
  return { id: (match[1] as string).toUpperCase(), args: splitArgs(inner) };
}

/** The host value of an argument text: a quoted string, TRUE/FALSE, a number, or a range read from the workbook. */
function argValue(text: string, sheet: string, book: Workbook): unknown {
  if (text === "") return null;
  if (text.startsWith('"')) return text.slice(1, -1).replace(/""/g, '"');
  if (/^(TRUE|FALSE)$/i.test(text)) return text.toUpperCase() === "TRUE";
  if (/^-?\d+(\.\d+)?(e-?\d+)?$/i.test(text)) return Number(text);
  const { sheet: refSheet, rect } = parseAddress(text);
  const values = book.read(refSheet ?? sheet, rect);
  return rect.rows === 1 && rect.cols === 1 ? values[0]?.[0] : values;
}

const toCell = (value: unknown): EvaluatedCell =>
  value instanceof KpiDate ? value.serial : isKpiError(value) ? value : (value as PlanValue);

/**
 * Evaluates one KPI formula through the core exactly as a host would: each argument resolved to the values
 * of its range, then `evaluate`. Returns undefined for a formula that is not a KPI call.
 */
export function evaluateFormula(formula: string, sheet: string, book: Workbook): EvaluatedCell[][] | undefined {
  const call = parseKpiCall(formula);
  const kpi = call && kpiById(call.id);
  if (!call || !kpi) return undefined;
  const result = evaluate(
    kpi,
    call.args.map((arg) => argValue(arg, sheet, book)),
  );
  if (Array.isArray(result)) return result.map((row) => row.map(toCell));
  return [[toCell(result)]];
}

const cellsOf = (ref: string, sheet: string, book: Workbook): EvaluatedCell[] => {
  const { sheet: refSheet, rect } = parseAddress(ref);
  return book.read(refSheet ?? sheet, rect).flat();
};

/** An error cell of a spill (a KpiError, or its code as text in Sheets) poisons a SUM, as in a spreadsheet. */
const firstError = (cells: readonly EvaluatedCell[]): KpiError | undefined =>
  cells.find((c): c is KpiError => isKpiError(c));

/**
 * The few plain spreadsheet formulas a dashboard writes around its KPI calls, evaluated the way both hosts do:
 * `=B5` (a tile reading a spill cell), `=SUM(range)`, `=COUNTIF(range,"text")` (exact text, case-insensitive),
 * `=EDATE(cell,n)` on a month start, and `=INDEX(<KPI call>,0,k)` (column k of a spill). Undefined for others.
 */
export function evaluatePlainFormula(formula: string, sheet: string, book: Workbook): EvaluatedCell[][] | undefined {
  const body = formula.trim().replace(/^=\s*/, "");
  const call = /^([A-Z]+)\((.*)\)$/i.exec(body);
  if (!call) {
    if (!/^('[^']+'|[A-Za-z0-9_]+!)?\$?[A-Z]{1,3}\$?\d+$/i.test(body)) return undefined;
    const [cell = null] = cellsOf(body, sheet, book);
    return [[cell]];
  }
  const [, fn = "", inner = ""] = call;
  const args = splitArgs(inner);
  switch (fn.toUpperCase()) {
    case "SUM": {
      const cells = cellsOf(args[0] ?? "", sheet, book);
      const error = firstError(cells);
      return [[error ?? cells.reduce<number>((s, c) => s + (typeof c === "number" ? c : 0), 0)]];
    }
    case "COUNTIF": {
      const wanted = String(argValue(args[1] ?? "", sheet, book)).toLowerCase();
      return [[cellsOf(args[0] ?? "", sheet, book).filter((c) => String(c).toLowerCase() === wanted).length]];
    }
    case "EDATE": {
      const start = argValue(args[0] ?? "", sheet, book);
      if (typeof start !== "number") return [[null]];
      const d = serialToDate(start);
      return [
        [dateToSerial(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + Number(args[1]), d.getUTCDate())))],
      ];
    }
    case "SORT": {
      // SORT(spill, column, order) as Excel (-1) and Sheets (FALSE) spell a descending order; stable.
      const spill = evaluateFormula(`=${args[0] ?? ""}`, sheet, book);
      const col = Number(args[1]) - 1;
      if (!spill) return undefined;
      const descending = ["-1", "FALSE"].includes((args[2] ?? "1").trim().toUpperCase());
      const key = (row: EvaluatedCell[]): number => (typeof row[col] === "number" ? row[col] : NaN);
      return [...spill].sort((a, b) => {
        const x = key(a);
        const y = key(b);
        if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : -1;
        return descending ? y - x : x - y;
      });
    }
    case "INDEX": {
      const spill = evaluateFormula(`=${args[0] ?? ""}`, sheet, book);
      const col = Number(args[2]) - 1;
      if (!spill || args[1] !== "0") return undefined;
      return spill.map((row) => [row[col] ?? null]);
    }
    default:
      return undefined;
  }
}

/**
 * Evaluates every KPI formula of a sheet plan in reading order (a STATUS after the value it grades), spilling
 * results into the grid, and the plain formulas `evaluatePlainFormula` knows. Other formulas (and KPIs the
 * registry does not hold yet) are left to the host and listed in `skipped`.
 */
export function evaluateSheet(plan: SheetPlan, book: Workbook): { skipped: string[] } {
  const skipped: string[] = [];
  for (const block of plan.blocks) {
    const { rect } = parseAddress(block.range);
    block.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (block.kind === "formulas" && typeof cell === "string" && cell.startsWith("=")) {
          const result = evaluateFormula(cell, plan.name, book) ?? evaluatePlainFormula(cell, plan.name, book);
          if (result === undefined) skipped.push(cell);
          else book.put(plan.name, cellName(rect.row + r, rect.col + c), result);
        } else if (!(block.kind === "formulas" && cell === "")) {
          book.grid(plan.name).set(`${rect.row + r},${rect.col + c}`, cell);
        }
      }),
    );
  }
  return { skipped };
}

export interface TileResult {
  readonly tile: TileSpec;
  readonly value: EvaluatedCell;
  readonly status: EvaluatedCell;
}

/** Tile values and statuses of a dashboard plan, computed with the core on the tables it reads. */
export function evaluateTiles(
  plan: DashboardPlan,
  tables: readonly { sheet: string; address: string; values: PlanValue[][] }[],
): TileResult[] {
  const book = new Workbook();
  for (const table of tables) book.put(table.sheet, table.address, table.values);
  const sheet = plan.sheets.find((s) => s.name === plan.dashboardSheet);
  if (!sheet) return [];
  evaluateSheet(sheet, book);
  const at = (cell: string): EvaluatedCell => {
    const { rect } = parseAddress(cell);
    return book.get(sheet.name, rect.row, rect.col);
  };
  return plan.tiles.map((tile) => ({ tile, value: at(tile.valueCell), status: at(tile.statusCell) }));
}
