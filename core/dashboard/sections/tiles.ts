import { cellName, rangeName } from "../../plan/a1.js";
import type { MappedTable, Role, TableKind } from "../detect.js";
import { kpiFormula, type FormulaArg } from "../../plan/formula.js";
import { fragment, MAIN_COL, TILE_COLS, type Fragment, type TileDraft } from "../layout.js";
import type { ConditionalFormatSpec, NumberFormatSpec, PlanValue, StyleSpec, TileSpec } from "../../plan/plan.js";
import { kpiNumberFormat } from "../../format/kpi-formats.js";
import { hasRoles, LOST, outcomeLabel, roleArg, WON } from "../tables.js";
import { kpiTitle } from "../../registry.js";
import { targetFor, type SectionContext } from "./context.js";

export type TileKpi =
  "AOV" | "REPEATRATE" | "CROSSSELL" | "WINRATE" | "SALESCYCLE" | "WEIGHTEDPIPELINE" | "NPS" | "CSAT" | "CAC";

/** How each tile is computed, targeted and formatted. Targets are starting points the user edits in the sheet. */
export interface TileRecipe {
  readonly kpi: TileKpi;
  readonly table: TableKind;
  readonly needs: readonly Role[];
  readonly args: (col: (role: Role) => FormulaArg, table: MappedTable) => FormulaArg[];
  readonly higherIsBetter: boolean;
  readonly format: string;
  /** A fixed target for rates and scores; money and durations get a round figure near the data. */
  readonly target?: number;
}

export const RECIPES: readonly TileRecipe[] = [
  {
    kpi: "AOV",
    table: "orders",
    needs: ["amount"],
    args: (col) => [col("amount"), col("order")],
    higherIsBetter: true,
    format: kpiNumberFormat("AOV"),
  },
  {
    kpi: "REPEATRATE",
    table: "orders",
    needs: ["customer"],
    args: (col) => [col("customer"), col("order")],
    higherIsBetter: true,
    format: kpiNumberFormat("REPEATRATE"),
    target: 0.5,
  },
  {
    kpi: "CROSSSELL",
    table: "orders",
    needs: ["customer", "product"],
    args: (col) => [col("customer"), col("product")],
    higherIsBetter: true,
    format: kpiNumberFormat("CROSSSELL"),
    target: 0.4,
  },
  {
    kpi: "WINRATE",
    table: "opportunities",
    needs: ["outcome"],
    args: (col, t) => [col("outcome"), outcomeLabel(t, WON, "Won"), outcomeLabel(t, LOST, "Lost")],
    higherIsBetter: true,
    format: kpiNumberFormat("WINRATE"),
    target: 0.3,
  },
  {
    kpi: "SALESCYCLE",
    table: "opportunities",
    needs: ["created", "closed"],
    args: (col, t) =>
      t.mapping.outcome === undefined
        ? [col("created"), col("closed")]
        : [col("created"), col("closed"), col("outcome"), outcomeLabel(t, WON, "Won")],
    higherIsBetter: false,
    format: kpiNumberFormat("SALESCYCLE"),
    target: 60,
  },
  {
    kpi: "WEIGHTEDPIPELINE",
    table: "opportunities",
    needs: ["amount", "probability"],
    args: (col) => [col("amount"), col("probability")],
    higherIsBetter: true,
    format: kpiNumberFormat("WEIGHTEDPIPELINE"),
  },
  {
    kpi: "NPS",
    table: "survey",
    needs: ["score"],
    args: (col) => [col("score")],
    higherIsBetter: true,
    format: kpiNumberFormat("NPS"),
    target: 30,
  },
  {
    kpi: "CSAT",
    table: "survey",
    needs: ["csat"],
    args: (col) => [col("csat")],
    higherIsBetter: true,
    format: kpiNumberFormat("CSAT"),
    target: 0.8,
  },
  {
    kpi: "CAC",
    table: "costs",
    needs: ["marketing", "sales", "newCustomers"],
    args: (col) => [col("marketing"), col("sales"), col("newCustomers")],
    higherIsBetter: false,
    format: kpiNumberFormat("CAC"),
  },
];

/** The recipes a table supports, in catalogue order. */
export const recipesFor = (table: MappedTable): TileRecipe[] =>
  RECIPES.filter((r) => r.table === table.kind && hasRoles(table, r.needs));

/** A recipe's KPI call over a table's exact ranges, without the `=`-prefixed formula around it. */
export const recipeArgs = (recipe: TileRecipe, table: MappedTable): FormulaArg[] =>
  recipe.args((role) => roleArg(table, role), table);

const TRAFFIC: readonly { text: string; fill: string; fontColor: string }[] = [
  { text: "OK", fill: "#DFF6DD", fontColor: "#107C10" },
  { text: "WARN", fill: "#FFF4CE", fontColor: "#8A6100" },
  { text: "ALERT", fill: "#FDE7E9", fontColor: "#A4262C" },
];
const HEADER_STYLE = { bold: true, fill: "#0F6CBD", fontColor: "#FFFFFF" } as const;
const TARGET_FILL = "#FFF8E1";
const CODE_STYLE = { italic: true, fontColor: "#8A8886" } as const;

/** STATUS's default warn ratio, written out where a tolerance follows it. */
const WARN_RATIO = 0.9;

/**
 * The smallest WARN band of the tiles whose target may sit at or below zero, in the KPI's own unit (NPS points,
 * growth as a fraction): there a share of |target| is no band at all (STATUS's tolerance argument).
 */
const TOLERANCE: Readonly<Partial<Record<string, number>>> = { NPS: 5, REVENUEMOM: 0.02, REVENUEYOY: 0.02 };

/**
 * What the sheet shows for each STATUS code. The STATUS cells keep the codes, which formulas compare; in French a
 * display column translates them and the codes sit in a "Code" column beside it.
 */
const STATUS_WORDS = {
  en: { WARN: "WARN", ALERT: "ALERT", code: "Code", alerts: "Alerts", none: "No KPI in WARN or ALERT" },
  fr: { WARN: "Attention", ALERT: "Alerte", code: "Code", alerts: "Alertes", none: "Aucun indicateur en alerte" },
} as const;

/** The Alerts box sits right of the tile table, one empty column apart: its status, then its label. */
const ALERT_COL = MAIN_COL + TILE_COLS + 2;

/** Whether the sheet's language shows other words than the codes (then a code column follows the status). */
const translated = (ctx: SectionContext): boolean =>
  STATUS_WORDS[ctx.lang].WARN !== "WARN" || STATUS_WORDS[ctx.lang].ALERT !== "ALERT";

/** Tile rows from `top`: label, live value, editable target and STATUS, with traffic lights over the statuses. */
export function tileRows(
  ctx: SectionContext,
  drafts: readonly TileDraft[],
  top: number,
): Omit<Fragment, "rows" | "charts" | "tileDrafts"> {
  const words = STATUS_WORDS[ctx.lang];
  const withCode = translated(ctx);
  const width = TILE_COLS + (withCode ? 1 : 0);
  const cells: PlanValue[][] = [];
  const numberFormats: NumberFormatSpec[] = [];
  const tiles: TileSpec[] = drafts.map((draft, i) => {
    const row = top + i;
    const [valueCell, targetCell, displayCell, codeCell] = [1, 2, 3, 4].map((c) => cellName(row, MAIN_COL + c)) as [
      string,
      string,
      string,
      string,
    ];
    const statusCell = withCode ? codeCell : displayCell;
    // A rebuild keeps the target the user left in the sheet it replaces.
    const previous = ctx.previousTargets[draft.kpi];
    const target = previous !== undefined && Number.isFinite(previous) ? previous : draft.target;
    const tolerance = TOLERANCE[draft.kpi];
    const status = kpiFormula(ctx.syntax, "STATUS", [
      { ref: valueCell },
      { ref: targetCell },
      draft.higherIsBetter,
      ...(tolerance === undefined ? [] : [WARN_RATIO, tolerance]),
    ]);
    const display = `=IF(${codeCell}="WARN","${words.WARN}",IF(${codeCell}="ALERT","${words.ALERT}",${codeCell}))`;
    cells.push(
      withCode ? [draft.label, draft.formula, target, display, status] : [draft.label, draft.formula, target, status],
    );
    numberFormats.push({ range: `${valueCell}:${targetCell}`, format: draft.format });
    const { kpi, label, higherIsBetter, format } = draft;
    return { kpi, label, valueCell, targetCell, statusCell, target, higherIsBetter, format };
  });
  if (drafts.length === 0) return { blocks: [], numberFormats, styles: [], conditionalFormats: [], tiles };
  const shown = rangeName(top, MAIN_COL + 3, drafts.length, 1);
  const styles: StyleSpec[] = [
    { range: rangeName(top, MAIN_COL + 2, drafts.length, 1), fill: TARGET_FILL },
    { range: shown, bold: true, horizontalAlignment: "center" },
    ...(withCode ? [{ range: rangeName(top, MAIN_COL + 4, drafts.length, 1), ...CODE_STYLE }] : []),
  ];
  // The traffic lights colour what the reader sees: the codes, or their translation.
  const conditionalFormats: ConditionalFormatSpec[] = TRAFFIC.map((light) => ({
    type: "textEquals",
    range: shown,
    ...light,
    text: light.text === "WARN" ? words.WARN : light.text === "ALERT" ? words.ALERT : light.text,
  }));
  const blocks = [{ range: rangeName(top, MAIN_COL, drafts.length, width), kind: "formulas" as const, cells }];
  return { blocks, numberFormats, styles, conditionalFormats, tiles };
}

/**
 * The Alerts box: the tiles not OK, as formulas over the tile cells (FILTER on their STATUS codes), so that it
 * follows an edited target or new data in every host. Each column spills at most one row per tile.
 */
function alertsBox(ctx: SectionContext, top: number, count: number): Omit<Fragment, "rows"> | null {
  if (count === 0) return null;
  const words = STATUS_WORDS[ctx.lang];
  const first = top + 1;
  const codes = rangeName(first, MAIN_COL + (translated(ctx) ? 4 : 3), count, 1);
  const shown = rangeName(first, MAIN_COL + 3, count, 1);
  const labels = rangeName(first, MAIN_COL, count, 1);
  // One spelling for every host: an error in a STATUS cell counts as not OK rather than breaking the FILTER, and
  // "no match" (Excel's #CALC!, Sheets' #N/A) becomes the empty text.
  const filter = (range: string, empty: string): string =>
    `=IFERROR(FILTER(${range},IFERROR(${codes}<>"OK",TRUE)),"${empty}")`;
  const header = rangeName(top, ALERT_COL, 1, 2);
  return fragment({
    rows: 1 + count,
    blocks: [
      { range: header, kind: "values", cells: [[words.alerts, ""]] },
      {
        range: rangeName(first, ALERT_COL, 1, 2),
        kind: "formulas",
        cells: [[filter(shown, ""), filter(labels, words.none)]],
      },
    ],
    styles: [
      { range: header, ...HEADER_STYLE },
      { range: rangeName(first, ALERT_COL, count, 1), bold: true, horizontalAlignment: "center" },
    ],
  });
}

/** The tile block: a header row, then one row per tile; the Alerts box beside it. */
export function tilesSection(ctx: SectionContext, drafts: readonly TileDraft[], top: number): Fragment {
  const withCode = translated(ctx);
  const width = TILE_COLS + (withCode ? 1 : 0);
  const header = {
    range: rangeName(top, MAIN_COL, 1, width),
    kind: "formulas" as const,
    cells: [[...ctx.L.header, ...(withCode ? [STATUS_WORDS[ctx.lang].code] : [])]],
  };
  const rows = tileRows(ctx, drafts, top + 1);
  const cells = [...header.cells, ...(rows.blocks[0]?.cells ?? [])];
  const alerts = alertsBox(ctx, top, drafts.length);
  return fragment({
    ...rows,
    rows: 1 + drafts.length,
    blocks: [
      { range: rangeName(top, MAIN_COL, cells.length, width), kind: "formulas", cells },
      ...(alerts?.blocks ?? []),
    ],
    styles: [{ range: header.range, ...HEADER_STYLE }, ...rows.styles, ...(alerts?.styles ?? [])],
  });
}

/** The tiles the tables support, as drafts for the tile block. */
export function recipeTiles(ctx: SectionContext): TileDraft[] {
  return RECIPES.flatMap((recipe) => {
    const table = ctx.tableOf(recipe.table);
    if (!table || !hasRoles(table, recipe.needs)) return [];
    return [
      {
        kpi: recipe.kpi,
        label: kpiTitle(recipe.kpi, ctx.lang),
        formula: kpiFormula(ctx.syntax, recipe.kpi, recipeArgs(recipe, table)),
        target: targetFor(ctx, recipe.kpi, recipe.higherIsBetter, recipe.target),
        higherIsBetter: recipe.higherIsBetter,
        format: recipe.format,
      },
    ];
  });
}
