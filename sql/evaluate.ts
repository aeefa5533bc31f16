import { isKpiError, type KpiError } from "../core/errors.js";
import { evaluate } from "../core/run.js";
import type { AnyKpi, KpiResult } from "../core/spec.js";

/**
 * A SQL list as a sheet range. One row is the core's fast path (one array, no copy per element); a column
 * is how a sheet holds a list, so an error is re-evaluated on the column to name "cell 3", not "cell 3
 * (row 1, column 3)". Errors are rare, so the second pass costs nothing on the hot path.
 */
const asRange = (arg: unknown, layout: "row" | "column"): unknown =>
  !Array.isArray(arg) || arg.some(Array.isArray)
    ? arg
    : layout === "row"
      ? [arg]
      : (arg as unknown[]).map((cell) => [cell]);

/** The core's result on SQL arguments, with errors worded as for a list held in a column. */
export function evaluateSql(kpi: AnyKpi, args: readonly unknown[]): KpiResult | KpiError {
  const result = evaluate(
    kpi,
    args.map((arg) => asRange(arg, "row")),
  );
  return isKpiError(result)
    ? evaluate(
        kpi,
        args.map((arg) => asRange(arg, "column")),
      )
    : result;
}

/** Trailing NULLs are omitted optional arguments, as a spreadsheet leaves them out. */
export function trimTrailingBlanks(args: readonly unknown[]): unknown[] {
  let end = args.length;
  while (end > 0 && (args[end - 1] === null || args[end - 1] === undefined)) end--;
  return args.slice(0, end);
}
