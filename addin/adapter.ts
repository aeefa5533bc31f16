/// <reference types="custom-functions-runtime" />
/// <reference types="office-js" />
import {
  callKpi,
  causeLangOf,
  isKpiError,
  isRangeKind,
  originOf,
  publicName,
  toCells,
  type AnyKpi,
  type CauseLang,
  type ErrorCode,
  type KpiError,
  type KpiResult,
} from "../core/index.js";
import { splitSheet } from "../core/plan/a1.js";
import { unitOfCall } from "../core/format/kpi-formats.js";
import { plainValues, withNumberFormats, type FormattedNumber } from "./formatted.js";

/**
 * The Excel side of every `=KPI.NAME(...)`: what Excel does differently from the other hosts (its error
 * objects, the matrix every function returns, desktop's zeros for empty cells). Naming, arity, blanks, result
 * cells and internal errors are the core's host boundary (core/host/boundary.ts), shared by every host.
 */

/** Read at call time: the CustomFunctions global only exists once Office has loaded the runtime. */
function excelCode(code: ErrorCode): CustomFunctions.ErrorCode {
  const codes = CustomFunctions.ErrorCode;
  switch (code) {
    case "#VALUE!":
      return codes.invalidValue;
    case "#N/A":
      return codes.notAvailable;
    case "#DIV/0!":
      return codes.divisionByZero;
    case "#NUM!":
      return codes.invalidNumber;
  }
}

/** Excel only displays a custom message with these two codes; the others show the bare code. */
const CODES_WITH_MESSAGE: ReadonlySet<ErrorCode> = new Set<ErrorCode>(["#VALUE!", "#N/A"]);

/**
 * The language of error causes: Office's display language ("fr-FR" → French), which the shared runtime knows once
 * Office has loaded; English where Office is not there (tests, a runtime without Office.js).
 */
export function excelCauseLang(): CauseLang {
  try {
    return typeof Office === "undefined" ? "en" : causeLangOf(Office.context?.displayLanguage);
  } catch {
    // Office.context may throw before Office.onReady in some runtimes: English is the safe choice.
    return "en";
  }
}

export function toExcelError(error: KpiError): CustomFunctions.Error {
  const message = error.format(publicName("excel", error.fn), excelCauseLang()).slice(error.code.length + 1);
  return CODES_WITH_MESSAGE.has(error.code)
    ? new CustomFunctions.Error(excelCode(error.code), message)
    : new CustomFunctions.Error(excelCode(error.code));
}

type ExcelCell = number | string | boolean | CustomFunctions.Error;

/** Every function is declared with a matrix result (see excel-metadata.ts): one value is a 1×1 matrix. */
export function toExcelResult(result: KpiResult): ExcelCell[][] {
  return toCells<ExcelCell>(result, { date: (serial) => serial, error: toExcelError });
}

/**
 * Evaluates synchronously; errors are thrown as CustomFunctions.Error, the way Excel expects them. With the
 * parameter addresses, a cell problem names the cell by its address ("Survey!B7").
 */
export function computeForExcel(
  kpi: AnyKpi,
  rawArgs: readonly unknown[],
  addresses?: readonly string[],
): (ExcelCell | FormattedNumber)[][] {
  const result = callKpi(kpi, rawArgs, { origins: addresses?.map(originOf) });
  // Excel reads the error code from a thrown CustomFunctions.Error, which is not an Error subclass.
  // eslint-disable-next-line @typescript-eslint/only-throw-error
  if (isKpiError(result)) throw toExcelError(result);
  // Numbers carry their unit's format where Excel takes formatted values (addin/formatted.ts).
  return withNumberFormats(toExcelResult(result), unitOfCall(kpi, rawArgs), excelCauseLang());
}

/*
 * Excel desktop passes 0 for an empty cell of an `any` range argument (Excel on the web passes null), so
 * =KPI.NPS(A2:A100) over 40 answers would count 59 phantom detractors. Each function therefore asks for its
 * parameter addresses; when range arguments hold zeros, the referenced cells are read through the shared
 * runtime's Excel API (all of a call's suspect arguments in one round trip) and the zeros that sit on empty
 * cells become blanks again. Without an address (a literal array or a computed argument) there is nothing to
 * read and the values are used as given.
 */

/** The sheet and cells of a parameter address this workbook can read (not another workbook's). */
export function splitAddress(address: string): { sheet: string; cells: string } | undefined {
  const { sheet, ref } = splitSheet(address);
  if (!sheet || sheet.startsWith("[")) return undefined;
  return { sheet, cells: ref };
}

const hasZero = (arg: unknown): boolean =>
  Array.isArray(arg) && arg.some((row) => Array.isArray(row) && row.includes(0));

interface EmptyCells {
  readonly isEmpty: (row: number, col: number) => boolean;
}

/** Which cells of a range are empty, from the range's position and its used range's value types. */
function emptyCellsOf(range: Excel.Range, used: Excel.Range): EmptyCells {
  if (used.isNullObject) return { isEmpty: () => true };
  const top = used.rowIndex - range.rowIndex;
  const left = used.columnIndex - range.columnIndex;
  return {
    isEmpty: (row: number, col: number) => {
      const r = row - top;
      const c = col - left;
      if (r < 0 || c < 0 || r >= used.rowCount || c >= used.columnCount) return true;
      return used.valueTypes[r]?.[c] === Excel.RangeValueType.empty;
    },
  };
}

/** Reads which cells of each address are empty: all of them in one Excel.run and one round trip. */
async function readEmptyCells(addresses: readonly string[]): Promise<(EmptyCells | undefined)[]> {
  if (typeof Excel === "undefined") return addresses.map(() => undefined);
  return Excel.run(async (context) => {
    const reads = addresses.map((address) => {
      const at = splitAddress(address);
      if (!at) return undefined;
      const range = context.workbook.worksheets.getItem(at.sheet).getRange(at.cells);
      // Only the cells that hold values: a whole-column reference stays cheap.
      const used = range.getUsedRangeOrNullObject(true);
      range.load("rowIndex,columnIndex");
      used.load("rowIndex,columnIndex,rowCount,columnCount,valueTypes");
      return { range, used };
    });
    await context.sync();
    return reads.map((read) => read && emptyCellsOf(read.range, read.used));
  });
}

/**
 * The empty cells of every address, or undefined for one that cannot be read. One bad address (a deleted sheet)
 * fails the whole batch, so then each is read on its own and the others are still repaired.
 */
async function readEmptyCellsOrEach(addresses: readonly string[]): Promise<(EmptyCells | undefined)[]> {
  try {
    return await readEmptyCells(addresses);
  } catch (error) {
    if (addresses.length === 1) throw error;
    return Promise.all(
      addresses.map((a) =>
        readEmptyCells([a]).then(
          ([cells]) => cells,
          () => undefined,
        ),
      ),
    );
  }
}

function restoreBlanks(arg: unknown, empty: EmptyCells | undefined): unknown {
  if (!empty) return arg;
  if (!Array.isArray(arg)) return arg === 0 && empty.isEmpty(0, 0) ? null : arg;
  return (arg as unknown[]).map((row: unknown, r: number) =>
    Array.isArray(row) ? (row as unknown[]).map((cell, c) => (cell === 0 && empty.isEmpty(r, c) ? null : cell)) : row,
  );
}

/**
 * Arguments whose zeros Excel desktop may have invented: range arguments holding a 0, and scalar arguments that are
 * 0 (an empty cell given for an optional scalar such as a threshold would otherwise become 0, not the default).
 */
function suspectArguments(kpi: AnyKpi, rawArgs: readonly unknown[], addresses: readonly string[] | undefined) {
  const suspects: number[] = [];
  kpi.params.forEach((param, i) => {
    if (!addresses?.[i]) return;
    if (isRangeKind(param.kind) ? hasZero(rawArgs[i]) : rawArgs[i] === 0) suspects.push(i);
  });
  return suspects;
}

/**
 * The function Excel calls for one KPI. It receives the declared parameters then the invocation object; it
 * answers synchronously unless zeros need checking against the sheet, and always settles (a never-settled
 * promise would leave the cell on #BUSY!).
 */
export function excelFunction(kpi: AnyKpi): (...args: unknown[]) => unknown {
  const arity = kpi.params.length;
  return (...args: unknown[]) => {
    const rawArgs = args.slice(0, arity).map(plainValues);
    const invocation = args[arity] as CustomFunctions.Invocation | undefined;
    const addresses = invocation?.parameterAddresses;
    const suspects = suspectArguments(kpi, rawArgs, addresses);
    if (suspects.length === 0) return computeForExcel(kpi, rawArgs, addresses);
    return (async () => {
      const repaired = [...rawArgs];
      try {
        const empties = await readEmptyCellsOrEach(suspects.map((i) => addresses?.[i] ?? ""));
        suspects.forEach((i, n) => (repaired[i] = restoreBlanks(rawArgs[i], empties[n])));
      } catch {
        // Reading the sheet can fail (a busy workbook): the values as given are still valid input.
      }
      return computeForExcel(kpi, repaired, addresses);
    })();
  };
}
