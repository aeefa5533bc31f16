/// <reference types="office-js" />
import { columnUnit, GENERAL_FORMAT, numberFormatOf, type FormatLang, type ResultUnit } from "../core/format/units.js";

/**
 * Formatted results of `=KPI.NAME(...)` typed by the user. A custom function can return a number that carries its
 * own number format (a data type) once Excel supports custom functions with data types, requirement set
 * CustomFunctionsRuntime 1.4, with `allowCustomDataForDataTypeAny` in functions.json. The value stays a double:
 * `=KPI.CONVERSION(...)*100` computes with its basicValue, and the format travels with the value, not the cell.
 * Two spellings exist: `{ type: "Double", numberFormat }` (DoubleCellValue's numberFormat is ExcelApi 1.19) and
 * `{ type: "FormattedNumber" }` (ExcelApi 1.16, deprecated since 1.19 in favour of the former). Elsewhere
 * (perpetual Office, older builds) the function returns plain numbers, as before.
 */

export interface FormattedNumber {
  readonly type: "Double" | "FormattedNumber";
  readonly basicValue: number;
  readonly numberFormat: string;
}

/** Which formatted value this Excel accepts, or null for plain numbers; asked at call time (Office loads late). */
export function formattedNumberType(): FormattedNumber["type"] | null {
  try {
    const requirements = typeof Office === "undefined" ? undefined : Office.context?.requirements;
    if (!requirements?.isSetSupported("CustomFunctionsRuntime", "1.4")) return null;
    return requirements.isSetSupported("ExcelApi", "1.19") ? "Double" : "FormattedNumber";
  } catch {
    // Office.context can throw before Office.onReady: a plain number is always a valid answer.
    return null;
  }
}

/** The cells of a result with their numbers formatted by column unit, where the host supports formatted values. */
export function withNumberFormats<Cell>(
  cells: Cell[][],
  unit: ResultUnit,
  lang: FormatLang,
  type: FormattedNumber["type"] | null = formattedNumberType(),
): (Cell | FormattedNumber)[][] {
  if (type === null) return cells;
  return cells.map((row) =>
    row.map((cell, col) => {
      if (typeof cell !== "number") return cell;
      const numberFormat = numberFormatOf(columnUnit(unit, col, row.length), lang);
      return numberFormat === GENERAL_FORMAT ? cell : { type, basicValue: cell, numberFormat };
    }),
  );
}

const isDataType = (cell: unknown): cell is { basicValue: unknown } =>
  typeof cell === "object" && cell !== null && !Array.isArray(cell) && "basicValue" in cell && "type" in cell;

const unwrap = (arg: unknown): unknown =>
  Array.isArray(arg) ? arg.map(unwrap) : isDataType(arg) ? arg.basicValue : arg;

const holdsDataType = (arg: unknown): boolean => (Array.isArray(arg) ? arg.some(holdsDataType) : isDataType(arg));

/**
 * An argument with every data-type value replaced by its basic value. With `allowCustomDataForDataTypeAny`,
 * Excel passes a cell that holds a formatted number (one of these functions' own results, say) to an `any`
 * parameter as the data-type object rather than the number. Ranges without one are passed on as they are (no
 * copy of a large range), and an argument that cannot be read is left for the core to report.
 */
export function plainValues(arg: unknown): unknown {
  try {
    return holdsDataType(arg) ? unwrap(arg) : arg;
  } catch {
    return arg;
  }
}
