import { evaluate, isKpiError, KpiDate, KPIS, type AnyKpi, type KpiError, type KpiResult } from "../core/index.js";

/** What Univer hands a custom function for one cell, and accepts back from it. */
export type UniverCell = string | number | boolean | null;
export type UniverResult = UniverCell | UniverCell[][];

/** The name users type: the same dotted name as in Excel. */
export const formulaName = (kpi: AnyKpi): string => `KPI.${kpi.id}`;

/**
 * Converts a core result for Univer. Errors become their Excel code as text because Univer turns a returned
 * "#DIV/0!" into a real error value (ISERROR sees it, the cell shows the code); dates go back as serials,
 * which is how Univer stores dates too.
 */
export function toUniverResult(result: KpiResult | KpiError): UniverResult {
  if (isKpiError(result)) return result.code;
  if (!Array.isArray(result)) return result;
  return result.map((row) =>
    row.map((cell) => {
      if (isKpiError(cell)) return cell.code;
      if (cell instanceof KpiDate) return cell.serial;
      return cell;
    }),
  );
}

/** The detail Univer cannot show in a cell, handed to whoever wants to display it. */
export type ErrorListener = (message: string) => void;

/** The function body Univer runs for one KPI: host values in, the core's `evaluate`, Univer values out. */
export function univerFunction(kpi: AnyKpi, onError?: ErrorListener): (...args: unknown[]) => UniverResult {
  return (...args) => {
    const result = evaluate(kpi, args);
    if (isKpiError(result)) onError?.(result.format(formulaName(kpi)));
    return toUniverResult(result);
  };
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

/** Registers every KPI of the registry as `KPI.NAME`. */
export function registerKpis(formula: FormulaRegistrar, lang: "en" | "fr", onError?: ErrorListener): void {
  for (const kpi of KPIS) {
    formula.registerFunction(formulaName(kpi), univerFunction(kpi, onError), { description: functionInfo(kpi, lang) });
  }
}
