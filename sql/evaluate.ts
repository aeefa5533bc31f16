import { isKpiError, type KpiError } from "../core/errors.js";
import { isNumberView } from "../core/read/scan.js";
import { evaluate } from "../core/run.js";
import type { AnyKpi, KpiResult } from "../core/spec.js";

/**
 * A SQL list as a sheet range. One row is the core's fast path (one array, no copy per element); a column
 * is how a sheet holds a list, so an error is re-evaluated on the column to name "cell 3", not "cell 3
 * (row 1, column 3)". Errors are rare, so the second pass costs nothing on the hot path.
 */
const asRange = (arg: unknown, layout: "row" | "column"): unknown =>
  // A typed array (DuckDB's numeric list, uncopied) is a list of numbers like any other.
  isNumberView(arg)
    ? layout === "row"
      ? [arg]
      : Array.from(arg, (cell) => [cell])
    : // A SQL list's elements share one type: its first non-NULL element tells whether it is a list of lists.
      !Array.isArray(arg) || Array.isArray(arg.find((cell) => cell !== null && cell !== undefined))
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

/**
 * Trailing NULLs are omitted optional arguments, as a spreadsheet leaves them out. A NULL where a range is required
 * is a list over no rows (`list(x)` of an empty group is NULL), so it is an empty range, not a missing argument.
 */
export function trimTrailingBlanks(args: readonly unknown[], kpi?: AnyKpi): unknown[] {
  const required = kpi ? kpi.params.filter((p) => !p.optional).length : 0;
  let end = args.length;
  while (end > required && (args[end - 1] === null || args[end - 1] === undefined)) end--;
  return args.slice(0, end).map((arg, i) => (i < required && (arg === null || arg === undefined) ? [] : arg));
}
