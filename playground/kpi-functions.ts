import {
  aliasesOf,
  callKpi,
  NAMESPACE,
  isKpiError,
  KPIS,
  publicName,
  toValueOrCells,
  type AnyKpi,
  type CellOrigin,
  type KpiError,
  type KpiResult,
} from "../core/index.js";
import { UNIT_DEPENDS_ON_CALL, unitOfCall } from "../core/format/kpi-formats.js";
import { GENERAL_FORMAT, numberFormatGrid } from "../core/format/units.js";
import { localPattern } from "./csv.js";

/**
 * The playground's side of every `=KPI.NAME(...)`: what Univer does differently from the other hosts. Univer's
 * facade hands a custom function each empty cell as 0 (its null value object reads as 0), which made blanks
 * count as scores; so each KPI runs as a formula-engine executor that receives Univer's value objects, reads
 * empty cells as blanks and references with their position, and goes through the core's host boundary like
 * Excel and Sheets.
 */

/** What the playground shows in a result cell: errors as their code (Univer turns it into a real error value). */
export type UniverCell = string | number | boolean | null;
export type UniverResult = UniverCell | UniverCell[][];

/** The name users type: the same dotted name as in Excel. */
export const formulaName = (kpi: AnyKpi): string => publicName("playground", kpi.id);

/** A core result as Univer cells: dates as serials (Univer stores dates so), errors as their code. */
export function toUniverResult(result: KpiResult | KpiError): UniverResult {
  if (isKpiError(result)) return result.code;
  return toValueOrCells<UniverCell>(result, { date: (serial) => serial, error: (error) => error.code });
}

/** The parts of Univer's value objects the adapter reads (engine-formula's BaseValueObject and references). */
export interface UniverValue {
  isNull(): boolean;
  isError(): boolean;
  isArray(): boolean;
  isReferenceObject?(): boolean;
  getValue(): unknown;
  getErrorType?(): string;
  getArrayValue?(): (UniverValue | null)[][];
  toArrayValueObject?(): UniverValue;
  getRangeData?(): { startRow: number; startColumn: number };
  getUnitId?(): string;
  getSheetId?(): string;
}

/** One cell as the core reads it: an empty cell is a blank, never 0. */
function cellValue(value: UniverValue | null | undefined): unknown {
  if (value == null || value.isNull()) return null;
  if (value.isError()) return value.getErrorType?.() ?? "#VALUE!";
  return value.getValue();
}

/** An argument as the core reads it: references and arrays as rows of cells, scalars as themselves. */
export function hostArgument(variant: UniverValue): unknown {
  const values = variant.isReferenceObject?.() ? variant.toArrayValueObject?.() : variant;
  if (!values) return null;
  if (!values.isArray()) return cellValue(values);
  return (values.getArrayValue?.() ?? []).map((row) => row.map(cellValue));
}

/** Names a sheet from its ids, so that a cell problem can be named by its address. */
export type SheetNamer = (unitId: string, sheetId: string) => string | undefined;

function originOfVariant(variant: UniverValue, sheetName: SheetNamer): CellOrigin | undefined {
  if (!variant.isReferenceObject?.()) return undefined;
  const range = variant.getRangeData?.();
  const sheet = sheetName(variant.getUnitId?.() ?? "", variant.getSheetId?.() ?? "");
  if (!range || sheet === undefined) return undefined;
  return { sheet, row: Math.max(0, range.startRow), col: Math.max(0, range.startColumn) };
}

/** Where a formula is being computed, as Univer tells its executors. */
export interface FormulaCell {
  readonly unitId: string;
  readonly sheetId: string;
  readonly row: number;
  readonly col: number;
}

/** The causes of the error results on screen, by cell: the status line shows the selected cell's. */
export class ErrorCauses {
  private readonly causes = new Map<string, string>();

  private static key(cell: FormulaCell): string {
    return `${cell.unitId}\u0000${cell.sheetId}\u0000${cell.row}\u0000${cell.col}`;
  }

  record(cell: FormulaCell, message: string | undefined): void {
    if (message === undefined) this.causes.delete(ErrorCauses.key(cell));
    else this.causes.set(ErrorCauses.key(cell), message);
  }

  at(cell: FormulaCell): string | undefined {
    return this.causes.get(ErrorCauses.key(cell));
  }
}

/**
 * Computes one KPI call from Univer's value objects; records the cause of an error at the calling cell, in the
 * playground's language (`?lang=fr` gives French causes).
 */
export function computeForUniver(
  kpi: AnyKpi,
  variants: readonly UniverValue[],
  context: { cell?: FormulaCell; sheetName: SheetNamer; causes?: ErrorCauses; lang?: "en" | "fr" },
): UniverResult {
  const result = callKpi(kpi, variants.map(hostArgument), {
    origins: variants.map((v) => originOfVariant(v, context.sheetName)),
  });
  if (context.cell && context.causes) {
    const failed = isKpiError(result) ? result : firstSpilledError(result);
    context.causes.record(context.cell, failed?.format(formulaName(kpi), context.lang));
  }
  return toUniverResult(result);
}

function firstSpilledError(result: KpiResult): KpiError | undefined {
  if (!Array.isArray(result)) return undefined;
  for (const row of result) for (const cell of row) if (isKpiError(cell)) return cell;
  return undefined;
}

/** Univer's function-help record, generated from the registry like every other host's metadata. */
export interface UniverFunctionInfo {
  functionName: string;
  functionType: number;
  description: string;
  abstract: string;
  functionParameter: { name: string; detail: string; example: string; require: 0 | 1; repeat: 0 | 1 }[];
}

/** Univer's FunctionType.User: the category its function list shows custom functions under. */
const USER_FUNCTION_TYPE = 15;

export function functionInfo(kpi: AnyKpi, lang: "en" | "fr"): UniverFunctionInfo {
  return {
    functionName: formulaName(kpi),
    functionType: USER_FUNCTION_TYPE,
    description: kpi.description[lang],
    abstract: kpi.description[lang],
    functionParameter: kpi.params.map((p) => ({
      name: p.name,
      detail: p.description[lang],
      example: p.default === undefined ? "A2:A13" : String(p.default),
      require: p.optional ? 0 : 1,
      repeat: 0,
    })),
  };
}

/** The part of Univer's formula facade this adapter needs, so the adapter stays testable without Univer. */
export interface FormulaRegistrar {
  registerFunction(
    name: string,
    func: (...args: never[]) => UniverResult,
    options: { description: UniverFunctionInfo },
  ): unknown;
}

/**
 * The engine's executor of a registered function: the facade registers a "custom" executor that receives plain
 * values; switched to a regular one, it receives value objects and references, and answers with value objects.
 */
export interface UniverExecutor {
  needsReferenceObject: boolean;
  isCustom(): boolean;
  calculate(...variants: UniverValue[]): unknown;
  /** Set by the engine before each call (BaseFunction's fields). */
  readonly _unitId?: string;
  readonly _subUnitId?: string;
  readonly _row?: number;
  readonly _column?: number;
}

/**
 * Makes Univer value objects from result cells (engine-formula's factories, passed in by the page), numbers with
 * the number format of their unit: Univer shows a formula's own pattern in a cell that has none, as Excel shows the
 * formatted values its custom functions return.
 */
export type ResultObjects = (result: UniverResult, formats?: readonly (readonly string[])[]) => unknown;

/** The number format of each result cell, from the unit of this call, as the page's language writes it. */
export function resultFormats(kpi: AnyKpi, variants: readonly UniverValue[], result: UniverResult, lang: "en" | "fr") {
  const rows = Array.isArray(result) ? result.length : 1;
  const cols = Array.isArray(result) ? Math.max(1, ...result.map((row) => row.length)) : 1;
  // Only the few KPIs whose arguments change their unit read them again (a range argument is not copied twice).
  const unit = UNIT_DEPENDS_ON_CALL.has(kpi.id) ? unitOfCall(kpi, variants.map(hostArgument)) : kpi.unit;
  return numberFormatGrid(unit, rows, cols, lang).map((row) =>
    row.map((format) => (format === GENERAL_FORMAT ? "" : localPattern(format, lang))),
  );
}

export interface RegisterOptions {
  readonly lang: "en" | "fr";
  /** The executor the engine registered under a name, to be switched to value objects. */
  readonly executor: (name: string) => UniverExecutor | undefined;
  readonly toObjects: ResultObjects;
  readonly sheetName: SheetNamer;
  readonly causes: ErrorCauses;
}

/** Registers every KPI of the registry as `KPI.NAME`, reading Univer's cells rather than its plain values. */
export function registerKpis(formula: FormulaRegistrar, options: RegisterOptions): void {
  const names = KPIS.flatMap((kpi) =>
    [kpi.id, ...aliasesOf(kpi.id)].map((id) => ({ kpi, name: `${NAMESPACE}.${id}` })),
  );
  for (const { kpi, name } of names) {
    // The plain-value function is what the facade needs to register the name and its help; the executor it
    // creates is then switched to value objects, so the plain path never runs.
    formula.registerFunction(name, (...args: never[]) => toUniverResult(callKpi(kpi, args)), {
      description: { ...functionInfo(kpi, options.lang), functionName: name },
    });
    const executor = options.executor(name);
    if (!executor) throw new Error(`Univer registered no executor for ${name}`);
    executor.needsReferenceObject = true;
    executor.isCustom = () => false;
    executor.calculate = function (this: UniverExecutor, ...variants: UniverValue[]) {
      const cell =
        this._unitId !== undefined && this._subUnitId !== undefined
          ? { unitId: this._unitId, sheetId: this._subUnitId, row: this._row ?? 0, col: this._column ?? 0 }
          : undefined;
      const result = computeForUniver(kpi, variants, {
        cell,
        sheetName: options.sheetName,
        causes: options.causes,
        lang: options.lang,
      });
      return options.toObjects(result, resultFormats(kpi, variants, result, options.lang));
    };
  }
}
