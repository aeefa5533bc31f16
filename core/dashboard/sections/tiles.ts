import { cellName, rangeName } from "../a1.js";
import type { MappedTable, Role, TableKind } from "../detect.js";
import { kpiFormula, type FormulaArg } from "../formula.js";
import { fragment, MAIN_COL, TILE_COLS, type Fragment, type TileDraft } from "../layout.js";
import type { ConditionalFormatSpec, NumberFormatSpec, PlanValue, StyleSpec, TileSpec } from "../plan.js";
import { MONEY_FORMAT } from "../sample-data.js";
import { hasRoles, LOST, outcomeLabel, roleArg, WON } from "../tables.js";
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
    format: MONEY_FORMAT,
  },
  {
    kpi: "REPEATRATE",
    table: "orders",
    needs: ["customer"],
    args: (col) => [col("customer"), col("order")],
    higherIsBetter: true,
    format: "0.0%",
    target: 0.5,
  },
  {
    kpi: "CROSSSELL",
    table: "orders",
    needs: ["customer", "product"],
    args: (col) => [col("customer"), col("product")],
    higherIsBetter: true,
    format: "0.0%",
    target: 0.4,
  },
  {
    kpi: "WINRATE",
    table: "opportunities",
    needs: ["outcome"],
    args: (col, t) => [col("outcome"), outcomeLabel(t, WON, "Won"), outcomeLabel(t, LOST, "Lost")],
    higherIsBetter: true,
    format: "0.0%",
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
    format: "0.0",
    target: 60,
  },
  {
    kpi: "WEIGHTEDPIPELINE",
    table: "opportunities",
    needs: ["amount", "probability"],
    args: (col) => [col("amount"), col("probability")],
    higherIsBetter: true,
    format: MONEY_FORMAT,
  },
  {
    kpi: "NPS",
    table: "survey",
    needs: ["score"],
    args: (col) => [col("score")],
    higherIsBetter: true,
    format: "0.0",
    target: 30,
  },
  {
    kpi: "CSAT",
    table: "survey",
    needs: ["csat"],
    args: (col) => [col("csat")],
    higherIsBetter: true,
    format: "0.0%",
    target: 0.8,
  },
  {
    kpi: "CAC",
    table: "costs",
    needs: ["marketing", "sales", "newCustomers"],
    args: (col) => [col("marketing"), col("sales"), col("newCustomers")],
    higherIsBetter: false,
    format: MONEY_FORMAT,
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

/** Tile rows from `top`: label, live value, editable target and STATUS, with traffic lights over the statuses. */
export function tileRows(
  ctx: SectionContext,
  drafts: readonly TileDraft[],
  top: number,
): Omit<Fragment, "rows" | "charts" | "tileDrafts"> {
  const cells: PlanValue[][] = [];
  const numberFormats: NumberFormatSpec[] = [];
  const tiles: TileSpec[] = drafts.map((draft, i) => {
    const row = top + i;
    const [valueCell, targetCell, statusCell] = [1, 2, 3].map((c) => cellName(row, MAIN_COL + c)) as [
      string,
      string,
      string,
    ];
    cells.push([
      draft.label,
      draft.formula,
      draft.target,
      kpiFormula(ctx.syntax, "STATUS", [{ ref: valueCell }, { ref: targetCell }, draft.higherIsBetter]),
    ]);
    numberFormats.push({ range: `${valueCell}:${targetCell}`, format: draft.format });
    const { kpi, label, target, higherIsBetter, format } = draft;
    return { kpi, label, valueCell, targetCell, statusCell, target, higherIsBetter, format };
  });
  if (drafts.length === 0) return { blocks: [], numberFormats, styles: [], conditionalFormats: [], tiles };
  const statuses = rangeName(top, MAIN_COL + 3, drafts.length, 1);
  const styles: StyleSpec[] = [
    { range: rangeName(top, MAIN_COL + 2, drafts.length, 1), fill: TARGET_FILL },
    { range: statuses, bold: true, horizontalAlignment: "center" },
  ];
  const conditionalFormats: ConditionalFormatSpec[] = TRAFFIC.map((light) => ({
    type: "textEquals",
    range: statuses,
    ...light,
  }));
  const blocks = [{ range: rangeName(top, MAIN_COL, drafts.length, TILE_COLS), kind: "formulas" as const, cells }];
  return { blocks, numberFormats, styles, conditionalFormats, tiles };
}

/** The tiles the tables support, as drafts for the tile block. */
export function recipeTiles(ctx: SectionContext): TileDraft[] {
  return RECIPES.flatMap((recipe) => {
    const table = ctx.tableOf(recipe.table);
    if (!table || !hasRoles(table, recipe.needs)) return [];
    return [
      {
        kpi: recipe.kpi,
        label: ctx.L[recipe.kpi],
        formula: kpiFormula(ctx.syntax, recipe.kpi, recipeArgs(recipe, table)),
        target: targetFor(ctx, recipe.kpi, recipe.higherIsBetter, recipe.target),
        higherIsBetter: recipe.higherIsBetter,
        format: recipe.format,
      },
    ];
  });
}

/** The tile block: a header row, then one row per tile. */
export function tilesSection(ctx: SectionContext, drafts: readonly TileDraft[], top: number): Fragment {
  const header = {
    range: rangeName(top, MAIN_COL, 1, TILE_COLS),
    kind: "formulas" as const,
    cells: [[...ctx.L.header]],
  };
  const rows = tileRows(ctx, drafts, top + 1);
  const cells = [...header.cells, ...(rows.blocks[0]?.cells ?? [])];
  return fragment({
    ...rows,
    rows: 1 + drafts.length,
    blocks: [{ range: rangeName(top, MAIN_COL, cells.length, TILE_COLS), kind: "formulas", cells }],
    styles: [{ range: header.range, ...HEADER_STYLE }, ...rows.styles],
  });
}
