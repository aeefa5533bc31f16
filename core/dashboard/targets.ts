import { planDashboard, type DashboardInput } from "./build.js";
import { LABELS } from "./labels.js";
import type { Lang, PlanValue } from "../plan/plan.js";

/** Where the tile target sits in a tile row, counted from its label. */
const TARGET_OFFSET = 2;

/**
 * A label as a key: trimmed, lower case, without a trailing "(...)", so that "Revenue (Mar 2025)" still finds
 * the revenue tile once the data reach April, and "Sales cycle (days)" its tile.
 */
const labelKey = (label: string): string =>
  label
    .replace(/\s*\([^)]*\)\s*$/, "")
    .trim()
    .toLowerCase();

const isBlank = (cell: PlanValue | undefined): boolean => cell === null || cell === undefined || cell === "";

/**
 * The targets the user left in the dashboard a rebuild replaces, by tile id, read from that sheet's cells
 * (`values`, from any top-left cell: the table is searched, not indexed). The tile table is found by its header row, in
 * either language (the old board may have been built in the other one), and each of its rows by its label, as the
 * same tables would label it now. Rows whose target is not a number (cleared, typed as text) are left to the
 * defaults; so is any tile the new plan does not have.
 */
export function previousTargets(
  values: readonly (readonly PlanValue[])[],
  input: Omit<DashboardInput, "previousTargets" | "currentValues">,
): Record<string, number> {
  const kpiOf = new Map<string, string>();
  for (const lang of ["en", "fr"] as const satisfies readonly Lang[]) {
    for (const tile of planDashboard({ ...input, lang }).tiles) kpiOf.set(labelKey(tile.label), tile.kpi);
  }
  const headers = (["en", "fr"] as const).map((lang) => LABELS[lang].header.map((h) => h.toLowerCase()));
  const text = (cell: PlanValue | undefined): string => (typeof cell === "string" ? cell.trim().toLowerCase() : "");
  const found: Record<string, number> = {};
  // Only the first tile table counts: the Alerts box beside it repeats labels, never targets.
  for (let r = 0; r < values.length; r++) {
    const row = values[r] ?? [];
    const c = row.findIndex((_, i) =>
      headers.some((h) => text(row[i]) === h[0] && text(row[i + TARGET_OFFSET]) === h[TARGET_OFFSET]),
    );
    if (c < 0) continue;
    for (let t = r + 1; t < values.length && !isBlank(values[t]?.[c]); t++) {
      const kpi = kpiOf.get(labelKey(String(values[t]?.[c])));
      const target = values[t]?.[c + TARGET_OFFSET];
      if (kpi !== undefined && typeof target === "number" && Number.isFinite(target) && !(kpi in found))
        found[kpi] = target;
    }
    break;
  }
  return found;
}
