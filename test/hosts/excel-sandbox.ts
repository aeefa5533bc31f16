import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { DIST_ADDIN } from "./build.js";

/** A stand-in for Excel's CustomFunctions global: records associate calls, builds error values. */
export class FakeCustomFunctionsError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

export const ERROR_CODE = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
  nullReference: "#NULL!",
} as const;

export type ExcelFunction = (...args: unknown[]) => unknown;

/** Loads the BUILT functions.js in a fresh context whose only globals are the fakes given. */
export function loadExcelFunctions(globals: Record<string, unknown> = {}): Map<string, ExcelFunction> {
  const associated = new Map<string, ExcelFunction>();
  const CustomFunctions = {
    associate(id: string, fn: ExcelFunction) {
      if (associated.has(id)) throw new Error(`${id} associated twice`);
      associated.set(id, fn);
    },
    Error: FakeCustomFunctionsError,
    ErrorCode: ERROR_CODE,
  };
  const context = vm.createContext({ CustomFunctions, ...globals });
  vm.runInContext(readFileSync(path.join(DIST_ADDIN, "functions.js"), "utf8"), context, { filename: "functions.js" });
  return associated;
}

export type ExcelOutcome = { value: unknown } | { error: FakeCustomFunctionsError };

/** Calls a custom function the way Excel does and settles its result, thrown or returned. */
export async function callExcel(fn: ExcelFunction, args: unknown[]): Promise<ExcelOutcome> {
  try {
    const value: unknown = await fn(...args);
    if (value instanceof FakeCustomFunctionsError) return { error: value };
    return { value };
  } catch (error) {
    if (error instanceof FakeCustomFunctionsError) return { error };
    throw new Error(`a custom function threw something Excel would show as a bare #VALUE!: ${String(error)}`);
  }
}
