import { coerceArgs } from "./read/args.js";
import type { ReadAs } from "./coerce.js";
import { fail, KpiError } from "./errors.js";
import type { AnyKpi, KpiResult } from "./spec.js";

export { coerceArgs } from "./read/args.js";

/**
 * Evaluates a KPI on host values. Returns the result or the KpiError explaining the failure (errors are
 * values from here on). Anything else thrown is a bug in the core and is deliberately not swallowed.
 */
export function evaluate(
  kpi: AnyKpi,
  rawArgs: readonly unknown[],
  readAs?: readonly (ReadAs | undefined)[],
): KpiResult | KpiError {
  try {
    const most = kpi.params.length;
    if (rawArgs.length > most) {
      throw fail.value({
        en: `takes at most ${most} argument${most === 1 ? "" : "s"}, got ${rawArgs.length}`,
        fr: `prend au plus ${most} argument${most === 1 ? "" : "s"}, reçu ${rawArgs.length}`,
      });
    }
    const { args, call } = coerceArgs(kpi, rawArgs, readAs);
    const result = kpi.compute(args, call);
    // Errors inside a spill (a FUNNEL ratio after a zero stage) must name the function like a thrown one.
    if (Array.isArray(result)) {
      for (const row of result) for (const cell of row) if (cell instanceof KpiError) cell.fn = kpi.id;
    }
    return result;
  } catch (error) {
    if (error instanceof KpiError) {
      error.fn = kpi.id;
      return error;
    }
    throw error;
  }
}
