import { cellName } from "../plan/a1.js";
import { pickTable, ROLES_OF, type MappedTable, type TableKind } from "./detect.js";
import { evaluateTiles } from "./evaluate.js";
import { LABELS } from "./labels.js";
import {
  CHART_COL,
  CHART_ROWS,
  COLUMN_WIDTHS,
  fragment,
  HELPER_CAPTION_OFFSET,
  HELPER_COL,
  LANE_TOP,
  MAIN_COL,
  placeCharts,
  stack,
  TITLE_ROW,
  type Fragment,
} from "./layout.js";
import type { DashboardPlan, FormulaSyntax, Lang } from "../plan/plan.js";
import { uniqueSheetName } from "./sample-data.js";
import { groupSections } from "./sections/by-group.js";
import { cohortDataSection, cohortSection, type CohortData } from "./sections/cohort.js";
import type { SectionContext } from "./sections/context.js";
import { channelSection, funnelSection } from "./sections/breakdown.js";
import { customerValueSection, rfmSection } from "./sections/customer-value.js";
import { npsSection } from "./sections/nps.js";
import { revenueSection } from "./sections/revenue.js";
import { recipeTiles, tilesSection } from "./sections/tiles.js";

export { roundFigure } from "./sections/context.js";
export { RECIPES, type TileKpi } from "./sections/tiles.js";
export { roleRange } from "./tables.js";

export interface DashboardInput {
  readonly tables: readonly MappedTable[];
  readonly syntax: FormulaSyntax;
  readonly lang: Lang;
  /** Every sheet of the workbook, with the add-in's previous dashboard flagged (its name may be reused). */
  readonly existingSheets: readonly { name: string; dashboard: boolean }[];
  /** Months followed in the cohort table. */
  readonly cohortPeriods?: number;
  /**
   * Tile values computed beforehand (the pane evaluates the tiles with the core on the same data) so that
   * money targets can start near the data (10 % better than today). Without them those targets start at 0.
   * Keyed by tile id (`TileSpec.kpi`).
   */
  readonly currentValues?: Readonly<Partial<Record<string, number>>>;
  /**
   * Targets of the dashboard being replaced, by tile id (`TileSpec.kpi`), as the user left them in its sheet
   * (see `previousTargets` in targets.ts): a rebuild keeps them instead of going back to the defaults.
   */
  readonly previousTargets?: Readonly<Partial<Record<string, number>>>;
  /**
   * The table that feeds the tiles and sections of each kind, by its address (`MappedTable.address`), when several
   * tables of a kind were detected; without a choice, the first table of the kind.
   */
  readonly chosenTables?: Readonly<Partial<Record<TableKind, string>>>;
}

const DEFAULT_COHORT_PERIODS = 6;

/** The sheet's title and the list of its sources, above everything else. */
function titleSection(ctx: SectionContext, sources: readonly string[]): Fragment {
  const { L } = ctx;
  return fragment({
    rows: 2,
    blocks: [
      {
        range: `${cellName(TITLE_ROW, MAIN_COL)}:${cellName(TITLE_ROW + 1, MAIN_COL)}`,
        kind: "values",
        cells: [[L.title], [`${L.sources} ${sources.join(", ")}`]],
      },
    ],
    styles: [
      { range: cellName(TITLE_ROW, MAIN_COL), bold: true, fontSize: 16, fontColor: "#0F6CBD" },
      { range: cellName(TITLE_ROW + 1, MAIN_COL), italic: true, fontColor: "#605E5C" },
    ],
  });
}

/** The caption over the chart-data lane. */
function helperCaption(ctx: SectionContext): Fragment {
  const cell = cellName(LANE_TOP - HELPER_CAPTION_OFFSET, HELPER_COL);
  return fragment({
    rows: 1,
    blocks: [{ range: cell, kind: "values", cells: [[ctx.L.helpers]] }],
    styles: [{ range: cell, bold: true }],
  });
}

/**
 * The dashboard for the mapped tables, laid out in three lanes (see layout.ts). The chart-data lane comes first
 * (revenue by month with its forecast, revenue by channel, the funnel, NPS, RFM segments, customer value), so
 * that the tile block can show tiles read from it; then the main lane: tiles, cohort retention, per-salesperson
 * and per-channel tables. Charts follow in the chart lane in the same order.
 */
export function planDashboard(input: DashboardInput): DashboardPlan {
  const L = LABELS[input.lang];
  const ctx: SectionContext = {
    syntax: input.syntax,
    lang: input.lang,
    L,
    tableOf: (kind: TableKind) => pickTable(input.tables, kind, input.chosenTables?.[kind]),
    cohortPeriods: input.cohortPeriods ?? DEFAULT_COHORT_PERIODS,
    currentValues: input.currentValues ?? {},
    previousTargets: input.previousTargets ?? {},
  };
  const name =
    input.existingSheets.find((s) => s.dashboard)?.name ??
    uniqueSheetName(
      L.sheet,
      input.existingSheets.map((s) => s.name),
    );

  let cohortData: CohortData | undefined;
  const helpers = stack(LANE_TOP, [
    (top) => revenueSection(ctx, top),
    (top) => channelSection(ctx, top),
    (top) => funnelSection(ctx, top),
    (top) => npsSection(ctx, top),
    (top) => rfmSection(ctx, top),
    (top) => customerValueSection(ctx, top),
    // Last, so that the lane above keeps its rows; the cohort table under the tiles reads it cell by cell.
    (top) => {
      const made = cohortDataSection(ctx, top);
      if (made) cohortData = { body: top + 1, cohorts: made.rows - 1 };
      return made;
    },
  ]);
  const drafts = [...recipeTiles(ctx), ...helpers.flatMap((f) => f.tileDrafts)];
  const main = stack(LANE_TOP, [
    (top) => tilesSection(ctx, drafts, top),
    (top) => cohortSection(ctx, top, cohortData),
    ...groupSections(ctx),
  ]);

  const fragments = [
    // Only the tables the dashboard reads are its sources: a second orders table the user did not choose is not one.
    titleSection(ctx, [
      ...new Set(
        (Object.keys(ROLES_OF) as TableKind[]).flatMap((kind) => {
          const table = ctx.tableOf(kind);
          return table ? [table.sheet] : [];
        }),
      ),
    ]),
    helperCaption(ctx),
    ...helpers,
    ...main,
  ];
  const charts = placeCharts([...helpers, ...main], (i) => cellName(LANE_TOP + i * CHART_ROWS, CHART_COL));
  return {
    kind: "dashboard",
    syntax: input.syntax,
    lang: input.lang,
    dashboardSheet: name,
    tiles: main.flatMap((f) => f.tiles),
    sheets: [
      {
        name,
        mode: "dashboard",
        blocks: fragments.flatMap((f) => f.blocks),
        numberFormats: fragments.flatMap((f) => f.numberFormats),
        styles: fragments.flatMap((f) => f.styles),
        conditionalFormats: fragments.flatMap((f) => f.conditionalFormats),
        charts,
        columnWidths: COLUMN_WIDTHS,
        activate: true,
      },
    ],
  };
}

/**
 * Plans the dashboard twice: once to get the tile formulas, then again with their current values (computed
 * with the core on the same tables) so that money targets start near the data.
 */
export function buildDashboard(input: DashboardInput): DashboardPlan {
  const draft = planDashboard(input);
  const currentValues: Record<string, number> = {};
  for (const { tile, value } of evaluateTiles(draft, input.tables)) {
    if (typeof value === "number") currentValues[tile.kpi] = value;
  }
  return planDashboard({ ...input, currentValues });
}
