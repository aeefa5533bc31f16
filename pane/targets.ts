import { cellName, quoteSheet } from "../core/plan/a1.js";
import { LANE_TOP, MAIN_COL } from "../core/dashboard/layout.js";
import { buildDashboard, type DashboardInput } from "../core/dashboard/build.js";
import type { TileResult } from "../core/dashboard/evaluate.js";
import type { DashboardPlan } from "../core/plan/plan.js";
import { previousTargets } from "../core/dashboard/targets.js";
import type { PaneHost } from "./host.js";

/**
 * The part of the dashboard sheet read back before a rebuild: from the tile header (the top of the main lane) over
 * the tile table, 8 columns by 80 rows. It must start at the header: Excel's readTable answers the region around
 * the top-left cell of the address, which is then the tile table itself.
 */
const TILE_AREA = `${cellName(LANE_TOP, MAIN_COL)}:${cellName(LANE_TOP + 79, MAIN_COL + 7)}`;

/**
 * Builds the dashboard keeping the targets the user edited in the dashboard sheet it replaces (read through the
 * host, so it works the same in Excel, Sheets and the playground). Without an earlier dashboard, or when it cannot
 * be read, the targets start from their defaults.
 */
export async function buildKeepingTargets(
  host: Pick<PaneHost, "readTable">,
  input: Omit<DashboardInput, "previousTargets" | "currentValues">,
): Promise<DashboardPlan> {
  const old = input.existingSheets.find((s) => s.dashboard);
  let kept: Record<string, number> = {};
  if (old) {
    try {
      const read = await host.readTable(`${quoteSheet(old.name)}!${TILE_AREA}`);
      kept = previousTargets(read.values, input);
    } catch {
      // An unreadable old board loses nothing the rebuild would not: it starts from the defaults.
      kept = {};
    }
  }
  return buildDashboard({ ...input, previousTargets: kept });
}

/**
 * The tiles as the sheet holds them now (value, target the user may have edited, STATUS), for the pane's Alerts
 * list to follow the sheet rather than the build; null when the host cannot read cells.
 */
export async function readLiveTiles(
  host: Pick<PaneHost, "readCells">,
  plan: DashboardPlan,
): Promise<TileResult[] | null> {
  if (!host.readCells) return null;
  const sheet = quoteSheet(plan.dashboardSheet);
  const cells = plan.tiles.flatMap((t) => [t.valueCell, t.targetCell, t.statusCell].map((c) => `${sheet}!${c}`));
  const read = await host.readCells(cells);
  return plan.tiles.map((tile, i) => {
    const [value = null, target = null, status = null] = read.slice(3 * i, 3 * i + 3);
    return { tile: typeof target === "number" ? { ...tile, target } : tile, value, status };
  });
}
