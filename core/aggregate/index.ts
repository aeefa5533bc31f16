import { kpiById } from "../registry.js";
import { DistinctAggregate } from "./distinct.js";
import { hasTotals, nameError, TOTALS_IDS, totalsAggregate } from "./totals.js";
import type { MergeableKpi, Raise } from "./types.js";

/**
 * Mergeable aggregates: the KPIs whose state over rows merges, so a SQL engine can compute them in parallel
 * (a BigQuery JavaScript UDAF). `add` folds one row (the values of the range arguments, in order), `merge`
 * folds another partial state in, `finish` applies the KPI's own formula (core/aggregate/finish.ts, the
 * same code the KPI's compute calls). States are plain JSON: they survive serialisation between workers.
 */

export type { MergeableKpi, Raise, State } from "./types.js";
export { hasTotals } from "./totals.js";

/** KPIs counted over distinct keys: the state keeps, per customer (or order), what merging needs. */
const DISTINCT = new Set(["AOV", "REPEATRATE", "CROSSSELL"]);

/** Every KPI with a mergeable aggregate, in catalogue order. */
export const AGGREGATE_IDS: readonly string[] = [...TOTALS_IDS, ...DISTINCT];

export const hasAggregate = (id: string): boolean => AGGREGATE_IDS.includes(id.toUpperCase());

/**
 * The mergeable aggregate of a KPI, for the given scalar arguments (omitted ones take their defaults).
 * Throws the KPI's KpiError, named after it, when an option is invalid or a row or the finish fails; a host
 * that words errors its own way passes `raise` (it sees the named error), instead of wrapping `add`, which
 * would cost one more call per row.
 */
export function aggregateFor(
  id: string,
  rawOptions: readonly unknown[] = [],
  host: Raise = (error) => error,
): MergeableKpi {
  const kpi = kpiById(id);
  if (!kpi || !hasAggregate(kpi.id)) throw new Error(`${id} has no mergeable aggregate`);
  if (DISTINCT.has(kpi.id)) return new DistinctAggregate(kpi, (error) => host(nameError(error, kpi)));
  if (!hasTotals(kpi.id)) throw new Error(`${id} has no mergeable aggregate`);
  return totalsAggregate(kpi, rawOptions, host);
}
