/**
 * The core registered as a HyperFormula function plugin under the Excel names (`=KPI.NPS(A1:A20)`), so tests
 * can evaluate real formula strings next to native formulas in one sheet. HyperFormula is GPL: this file is
 * test-only and must never be imported by anything that ships.
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ImplementedFunctions,
} from "hyperformula";
import { evaluate, isKpiError, KpiDate, kpiById, KPIS, type ErrorCode, type KpiError } from "../../core/index.js";

const ERROR_TYPES: Record<ErrorCode, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NUM!": ErrorType.NUM,
  "#N/A": ErrorType.NA,
};

const toCellError = (error: KpiError): CellError =>
  new CellError(ERROR_TYPES[error.code], error.format(`KPI.${error.fn}`));

type HostCell = number | string | boolean | null;

/** HyperFormula's internal cell value as Excel would pass it: blanks null, dates and currencies as plain numbers. */
function toHostCell(value: unknown): HostCell | CellError {
  if (value === EmptyValue || value === undefined || value === null) return null;
  if (value instanceof CellError) return value;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  // RichNumber subclasses (dates, currency, percent) carry their number in `val`.
  if (typeof value === "object" && "val" in value && typeof value.val === "number") return value.val;
  return String(value);
}

/** A range arrives as a SimpleRangeValue; Excel passes it to a custom function as a 2-D array. */
function toHostArg(value: unknown): unknown {
  if (value instanceof SimpleRangeValue) return value.rawData().map((row) => row.map(toHostCell));
  return toHostCell(value);
}

/** The first error found in the arguments: a spreadsheet function propagates an input error. */
function firstError(args: unknown[]): CellError | undefined {
  for (const arg of args) {
    if (arg instanceof CellError) return arg;
    if (Array.isArray(arg)) {
      for (const row of arg as unknown[][]) for (const cell of row) if (cell instanceof CellError) return cell;
    }
  }
  return undefined;
}

const PREFIX = "KPI.";

const implementedFunctions: ImplementedFunctions = Object.fromEntries(
  KPIS.map((kpi) => [
    `${PREFIX}${kpi.id}`,
    {
      method: "runKpi",
      ...(kpi.result === "spill" ? { sizeOfResultArrayMethod: "kpiSize" } : {}),
      parameters: kpi.params.map((p) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: p.optional === true })),
      vectorizationForbidden: true,
    },
  ]),
);

export class KpiPlugin extends FunctionPlugin {
  static override implementedFunctions = implementedFunctions;

  /** Evaluates a KPI formula: the arguments are converted to host values, the result back to HyperFormula's. */
  runKpi(ast: { procedureName: string; args: unknown[] }, state: unknown): unknown {
    const kpi = kpiById(ast.procedureName.slice(PREFIX.length));
    if (!kpi) return new CellError(ErrorType.NAME);
    const run = this.runFunction as (
      args: unknown,
      state: unknown,
      metadata: unknown,
      fn: (...values: unknown[]) => unknown,
    ) => unknown;
    return run(ast.args, state, this.metadata(ast.procedureName), (...values: unknown[]) => {
      const args = values.map(toHostArg);
      const error = firstError(args);
      if (error) return error;
      // Trailing omitted optional arguments arrive as undefined; Excel passes null for them.
      while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
      const result = evaluate(kpi, args);
      if (isKpiError(result)) return toCellError(result);
      if (!Array.isArray(result)) return result;
      return SimpleRangeValue.onlyValues(
        result.map((row) =>
          row.map((cell) => (isKpiError(cell) ? toCellError(cell) : cell instanceof KpiDate ? cell.serial : cell)),
        ),
      );
    });
  }

  /**
   * HyperFormula sizes an array formula before evaluating anything, so a spill's size is found by evaluating the
   * KPI on its arguments here. That needs the arguments' cells to hold values: when they are formulas not yet
   * computed, the size is unknown and the formula falls back to one cell (HyperFormula then shows #VALUE! for a
   * larger result rather than a wrong one). The tests keep spill arguments on data cells.
   */
  kpiSize(ast: { procedureName: string; args: unknown[] }, state: unknown): ArraySize {
    const kpi = kpiById(ast.procedureName.slice(PREFIX.length));
    if (!kpi) return ArraySize.error();
    const evaluateAst = this.evaluateAst.bind(this) as (ast: unknown, state: unknown) => unknown;
    let args: unknown[];
    try {
      args = ast.args.map((arg) => toHostArg(evaluateAst(arg, state)));
    } catch {
      return ArraySize.scalar();
    }
    if (firstError(args)) return ArraySize.scalar();
    const result = evaluate(kpi, args);
    if (!Array.isArray(result)) return ArraySize.scalar();
    return new ArraySize(result[0]?.length ?? 1, result.length);
  }
}

HyperFormula.registerFunctionPlugin(KpiPlugin, {
  enGB: Object.fromEntries(KPIS.map((kpi) => [`${PREFIX}${kpi.id}`, `${PREFIX}${kpi.id}`])),
});

/** A HyperFormula engine with the KPI plugin, one sheet filled with `rows`. */
export function buildSheet(rows: (number | string | boolean | null)[][]): HyperFormula {
  return HyperFormula.buildFromArray(rows, HF_CONFIG);
}

export type DataCell = number | string | boolean | null;

/** A whole data column as a range argument. */
export interface ColumnRef {
  readonly col: string;
}
/** One data cell (0-based row) as a scalar argument. */
export interface CellRef {
  readonly col: string;
  readonly row: number;
}
/** A block of columns first..last over 0-based rows from..to (all data rows when omitted). */
export interface BlockRef {
  readonly first: string;
  readonly last: string;
  readonly from?: number;
  readonly to?: number;
}
export type OracleArg = ColumnRef | CellRef | BlockRef | number | string | boolean;

export const col = (letter: string): ColumnRef => ({ col: letter });
export const cell = (letter: string, row: number): CellRef => ({ col: letter, row });
export const block = (first: string, last: string, from?: number, to?: number): BlockRef => ({ first, last, from, to });

const isRef = (arg: OracleArg): arg is ColumnRef | CellRef | BlockRef => typeof arg === "object";

export interface OracleCase {
  /** Data columns by letter; missing trailing cells are blank. */
  readonly data: Readonly<Record<string, readonly DataCell[]>>;
  /** Helper columns by letter: a formula for each data row, `{r}` is the 1-based row, `{A}` a whole column. */
  readonly helpers?: Readonly<Record<string, string>>;
  readonly id: string;
  readonly args: readonly OracleArg[];
  /** The native equivalent: one formula, or a grid of formulas for a spilled result. */
  readonly native: string | readonly (readonly string[])[];
}

export interface OracleOutcome {
  /** `evaluate` on the values as Excel passes them (columns as 2-D arrays). */
  readonly core: unknown;
  /** The `=KPI.ID(...)` formula evaluated by HyperFormula through the plugin. */
  readonly plugin: unknown;
  /** The native formulas evaluated by HyperFormula. */
  readonly native: unknown;
  readonly formula: string;
}

const HF_CONFIG = { licenseKey: "gpl-v3", smartRounding: false, useArrayArithmetic: true } as const;

const literal = (value: number | string | boolean): string =>
  typeof value === "string"
    ? `"${value.replace(/"/g, '""')}"`
    : typeof value === "boolean"
      ? `${String(value).toUpperCase()}()`
      : String(value);

/** A value in a comparable form: errors become their code, dates their serial. */
export function comparable(value: unknown): unknown {
  if (isKpiError(value)) return value.code;
  if (value instanceof KpiDate) return value.serial;
  if (Array.isArray(value)) return value.map(comparable);
  if (value !== null && typeof value === "object" && "value" in value && "type" in value) return value.value;
  return value;
}

/** The Data sheet of an oracle workbook and the two readings of each argument: formula text and host value. */
function dataSheet(data: OracleCase["data"], helpers: OracleCase["helpers"]) {
  const letters = [...new Set([...Object.keys(data), ...Object.keys(helpers ?? {})])].sort();
  const height = Math.max(1, ...Object.values(data).map((column) => column.length));
  const width = Math.max(...letters.map((l) => l.charCodeAt(0) - 64));
  const range = (letter: string): string => `Data!$${letter}$1:$${letter}$${height}`;
  const expand = (formula: string, row?: number): string =>
    formula.replace(/\{([A-Z])\}/g, (_, l: string) => range(l)).replace(/\{r\}/g, String(row ?? 1));
  const rows: DataCell[][] = Array.from({ length: height }, (_, r) =>
    Array.from({ length: width }, (_, i) => {
      const letter = String.fromCharCode(65 + i);
      const helper = helpers?.[letter];
      if (helper !== undefined) return expand(helper, r + 1);
      return data[letter]?.[r] ?? null;
    }),
  );
  const formulaArg = (arg: OracleArg): string => {
    if (!isRef(arg)) return literal(arg);
    if ("first" in arg) return `Data!$${arg.first}$${(arg.from ?? 0) + 1}:$${arg.last}$${(arg.to ?? height - 1) + 1}`;
    return "row" in arg ? `Data!${arg.col}${arg.row + 1}` : range(arg.col);
  };
  const hostArg = (arg: OracleArg): unknown => {
    if (!isRef(arg)) return arg;
    if ("first" in arg) {
      const letters = Array.from({ length: arg.last.charCodeAt(0) - arg.first.charCodeAt(0) + 1 }, (_, i) =>
        String.fromCharCode(arg.first.charCodeAt(0) + i),
      );
      return Array.from({ length: (arg.to ?? height - 1) - (arg.from ?? 0) + 1 }, (_, i) =>
        letters.map((l) => data[l]?.[(arg.from ?? 0) + i] ?? null),
      );
    }
    const column = data[arg.col] ?? [];
    if ("row" in arg) return column[arg.row] ?? null;
    return Array.from({ length: height }, (_, r) => [column[r] ?? null]);
  };
  return { rows, expand, formulaArg, hostArg };
}

const coreOutcome = (id: string, args: unknown[]): unknown => {
  const kpi = kpiById(id);
  if (!kpi) throw new Error(`unknown KPI ${id}`);
  return comparable(evaluate(kpi, args));
};

/**
 * Builds a workbook with a Data sheet (data and helper columns), a Kpi sheet holding `=KPI.ID(...)` and a Native
 * sheet holding the native formulas, and returns the three outcomes side by side.
 */
export function runOracle(c: OracleCase): OracleOutcome {
  const sheet = dataSheet(c.data, c.helpers);
  const formula = `=KPI.${c.id}(${c.args.map(sheet.formulaArg).join(",")})`;
  const native = typeof c.native === "string" ? [[c.native]] : c.native;
  const hf = HyperFormula.buildFromSheets(
    { Data: sheet.rows, Kpi: [[formula]], Native: native.map((r) => r.map((f) => sheet.expand(f))) },
    HF_CONFIG,
  );
  const values = (name: string): unknown[][] => hf.getSheetValues(hf.getSheetId(name) as number);
  const scalar = typeof c.native === "string";
  const pluginValues = values("Kpi");
  const nativeValues = values("Native");
  hf.destroy();
  return {
    core: coreOutcome(c.id, c.args.map(sheet.hostArg)),
    plugin: comparable(scalar ? pluginValues[0]?.[0] : pluginValues),
    native: comparable(scalar ? nativeValues[0]?.[0] : nativeValues),
    formula,
  };
}

/** Many scalar calls over one Data sheet, evaluated in a single workbook (one KPI formula per Kpi row). */
export function runOracleCalls(
  data: OracleCase["data"],
  calls: readonly { readonly id: string; readonly args: readonly OracleArg[]; readonly native: string }[],
): OracleOutcome[] {
  const sheet = dataSheet(data, undefined);
  const formulas = calls.map((c) => `=KPI.${c.id}(${c.args.map(sheet.formulaArg).join(",")})`);
  const hf = HyperFormula.buildFromSheets(
    { Data: sheet.rows, Kpi: formulas.map((f) => [f]), Native: calls.map((c) => [sheet.expand(c.native)]) },
    HF_CONFIG,
  );
  const values = (name: string): unknown[][] => hf.getSheetValues(hf.getSheetId(name) as number);
  const pluginValues = values("Kpi");
  const nativeValues = values("Native");
  hf.destroy();
  return calls.map((c, i) => ({
    core: coreOutcome(c.id, c.args.map(sheet.hostArg)),
    plugin: comparable(pluginValues[i]?.[0]),
    native: comparable(nativeValues[i]?.[0]),
    formula: formulas[i] as string,
  }));
}
