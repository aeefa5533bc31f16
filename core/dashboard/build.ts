import { keyOf } from "../coerce.js";
import { monthIndex, monthStartSerial } from "../dates.js";
import { cellName, parseAddress, rangeName, sheetRange } from "./a1.js";
import type { MappedTable, Role, TableKind } from "./detect.js";
import { kpiFormula, type FormulaArg } from "./formula.js";
import type {
  CellBlock,
  ChartSpec,
  ConditionalFormatSpec,
  DashboardPlan,
  FormulaSyntax,
  Lang,
  NumberFormatSpec,
  PlanValue,
  StyleSpec,
  TileSpec,
} from "./plan.js";
import { MONEY_FORMAT, MONTH_FORMAT, uniqueSheetName } from "./sample-data.js";
import { evaluateTiles } from "./evaluate.js";

/** Words written on the dashboard sheet itself (the pane's own strings live in pane/strings.ts). */
const LABELS = {
  en: {
    sheet: "Dashboard",
    title: "KPI dashboard",
    sources: "Sources",
    header: ["KPI", "Value", "Target", "Status"],
    AOV: "Average order value",
    REPEATRATE: "Repeat purchase rate",
    CROSSSELL: "Cross-sell rate",
    WINRATE: "Win rate",
    SALESCYCLE: "Sales cycle (days)",
    WEIGHTEDPIPELINE: "Weighted pipeline",
    NPS: "Net Promoter Score",
    CSAT: "Customer satisfaction",
    CAC: "Customer acquisition cost",
    revenueByMonth: "Revenue by month",
    month: "Month",
    revenue: "Revenue",
    channel: "Channel",
    stage: "Stage",
    byChannel: "Revenue by channel",
    share: "Share",
    funnel: "Deals by stage",
    deals: "Deals",
    nps: "NPS breakdown",
    npsHeader: ["Promoters", "Passives", "Detractors", "Responses"],
    cohort: "Customer retention by cohort (share of the cohort ordering k months after its first order)",
    cohortHeader: ["Cohort", "Customers"],
    helpers: "Chart data (formulas)",
  },
  fr: {
    sheet: "Tableau de bord",
    title: "Tableau de bord KPI",
    sources: "Sources",
    header: ["Indicateur", "Valeur", "Objectif", "Statut"],
    AOV: "Panier moyen",
    REPEATRATE: "Taux de réachat",
    CROSSSELL: "Taux de vente croisée",
    WINRATE: "Taux de réussite",
    SALESCYCLE: "Cycle de vente (jours)",
    WEIGHTEDPIPELINE: "Pipeline pondéré",
    NPS: "Net Promoter Score",
    CSAT: "Satisfaction client",
    CAC: "Coût d'acquisition client",
    revenueByMonth: "Chiffre d'affaires par mois",
    month: "Mois",
    revenue: "Chiffre d'affaires",
    channel: "Canal",
    stage: "Étape",
    byChannel: "Chiffre d'affaires par canal",
    share: "Part",
    funnel: "Opportunités par étape",
    deals: "Opportunités",
    nps: "Répartition NPS",
    npsHeader: ["Promoteurs", "Passifs", "Détracteurs", "Réponses"],
    cohort: "Rétention client par cohorte (part de la cohorte qui commande k mois après sa première commande)",
    cohortHeader: ["Cohorte", "Clients"],
    helpers: "Données des graphiques (formules)",
  },
} as const;

export type TileKpi =
  "AOV" | "REPEATRATE" | "CROSSSELL" | "WINRATE" | "SALESCYCLE" | "WEIGHTEDPIPELINE" | "NPS" | "CSAT" | "CAC";

/** How each tile is computed, targeted and formatted. Targets are starting points the user edits in the sheet. */
interface TileRecipe {
  readonly kpi: TileKpi;
  readonly table: TableKind;
  readonly needs: readonly Role[];
  readonly args: (col: (role: Role) => FormulaArg, table: MappedTable) => FormulaArg[];
  readonly higherIsBetter: boolean;
  readonly format: string;
  /** A fixed target for rates and scores; money and durations get a round figure near the data (see `moneyTarget`). */
  readonly target?: number;
}

const WON = ["won", "gagne", "gagnee", "win", "closed won", "signed", "signe"];
const LOST = ["lost", "perdu", "perdue", "loss", "closed lost"];

/** The spelling of "won"/"lost" used in the outcome column, so WINRATE counts the right rows in any language. */
function outcomeLabel(table: MappedTable, words: readonly string[], fallback: string): string {
  const col = table.mapping.outcome;
  if (col === undefined) return fallback;
  for (const row of table.values.slice(1)) {
    const cell = row[col];
    if (
      typeof cell === "string" &&
      words.includes(
        keyOf(cell.trim())
          .normalize("NFD")
          .replace(/[\u0300-\u036f]/g, ""),
      )
    )
      return cell.trim();
  }
  return fallback;
}

const RECIPES: readonly TileRecipe[] = [
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

/** Two significant figures: 287.4 → 290, 1 014 655 → 1 000 000. */
export function roundFigure(x: number): number {
  if (!Number.isFinite(x) || x === 0) return 0;
  const step = 10 ** (Math.floor(Math.log10(Math.abs(x))) - 1);
  return Math.round(x / step) * step;
}

/**
 * The data range of a role: exact rows of the table below its header, absolute ("Orders!$F$2:$F$267").
 * Never a whole column: on desktop Excel empty cells can reach a function as 0 (see PLATFORM-NOTES).
 */
export function roleRange(table: MappedTable, role: Role): string | undefined {
  const col = table.mapping[role];
  if (col === undefined) return undefined;
  const { rect } = parseAddress(table.address);
  return sheetRange(table.sheet, { row: rect.row + 1, col: rect.col + col, rows: rect.rows - 1, cols: 1 });
}

const columnOf = (table: MappedTable, role: Role): PlanValue[] => {
  const col = table.mapping[role];
  return col === undefined ? [] : table.values.slice(1).map((row) => row[col] ?? null);
};

const distinctCount = (cells: readonly PlanValue[]): number =>
  new Set(cells.filter((c) => c !== null && c !== "").map((c) => keyOf(String(c).trim()))).size;

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
   */
  readonly currentValues?: Partial<Record<TileKpi, number>>;
}

/** Layout constants: tiles in A:D, cohort under them, charts from column J, chart data far right from column T. */
const TILE_TOP = 3;
const CHART_COL = 9;
const HELPER_COL = 19;
const CHART_ROWS = 16;

const TRAFFIC: readonly { text: string; fill: string; fontColor: string }[] = [
  { text: "OK", fill: "#DFF6DD", fontColor: "#107C10" },
  { text: "WARN", fill: "#FFF4CE", fontColor: "#8A6100" },
  { text: "ALERT", fill: "#FDE7E9", fontColor: "#A4262C" },
];

/**
 * The dashboard for the mapped tables: tiles (label, live KPI formula over exact ranges, target, STATUS with a
 * traffic light), chart data as formulas, native charts and the cohort retention table with a colour scale.
 */
export function planDashboard(input: DashboardInput): DashboardPlan {
  const L = LABELS[input.lang];
  const { syntax } = input;
  const tableOf = (kind: TableKind): MappedTable | undefined => input.tables.find((t) => t.kind === kind);
  const previous = input.existingSheets.find((s) => s.dashboard)?.name;
  const name =
    previous ??
    uniqueSheetName(
      L.sheet,
      input.existingSheets.map((s) => s.name),
    );

  const blocks: CellBlock[] = [];
  const numberFormats: NumberFormatSpec[] = [];
  const styles: StyleSpec[] = [];
  const conditionalFormats: ConditionalFormatSpec[] = [];
  const charts: ChartSpec[] = [];
  const tiles: TileSpec[] = [];

  blocks.push({
    range: "A1:A2",
    kind: "values",
    cells: [[L.title], [`${L.sources}: ${input.tables.map((t) => t.sheet).join(", ")}`]],
  });
  styles.push(
    { range: "A1", bold: true, fontSize: 16, fontColor: "#0F6CBD" },
    { range: "A2", italic: true, fontColor: "#605E5C" },
  );

  // Tiles: one row each, written as one block.
  const tileRows: PlanValue[][] = [[...L.header]];
  for (const recipe of RECIPES) {
    const table = tableOf(recipe.table);
    if (!table || !recipe.needs.every((role) => table.mapping[role] !== undefined)) continue;
    const col = (role: Role): FormulaArg => {
      const ref = roleRange(table, role);
      return ref === undefined ? null : { ref };
    };
    const row = TILE_TOP + tileRows.length;
    const valueCell = cellName(row, 1);
    const targetCell = cellName(row, 2);
    const statusCell = cellName(row, 3);
    const current = input.currentValues?.[recipe.kpi];
    const target =
      recipe.target ?? roundFigure(current === undefined ? 0 : recipe.higherIsBetter ? current * 1.1 : current * 0.9);
    tileRows.push([
      L[recipe.kpi],
      kpiFormula(syntax, recipe.kpi, recipe.args(col, table)),
      target,
      kpiFormula(syntax, "STATUS", [{ ref: valueCell }, { ref: targetCell }, recipe.higherIsBetter]),
    ]);
    numberFormats.push({ range: `${valueCell}:${targetCell}`, format: recipe.format });
    tiles.push({
      kpi: recipe.kpi,
      label: L[recipe.kpi],
      valueCell,
      targetCell,
      statusCell,
      target,
      higherIsBetter: recipe.higherIsBetter,
      format: recipe.format,
    });
  }
  const tileCount = tileRows.length - 1;
  blocks.push({ range: rangeName(TILE_TOP, 0, tileRows.length, 4), kind: "formulas", cells: tileRows });
  styles.push({ range: rangeName(TILE_TOP, 0, 1, 4), bold: true, fill: "#0F6CBD", fontColor: "#FFFFFF" });
  if (tileCount > 0) {
    const statuses = rangeName(TILE_TOP + 1, 3, tileCount, 1);
    styles.push(
      { range: rangeName(TILE_TOP + 1, 2, tileCount, 1), fill: "#FFF8E1" },
      { range: statuses, bold: true, horizontalAlignment: "center" },
    );
    for (const light of TRAFFIC) conditionalFormats.push({ type: "textEquals", range: statuses, ...light });
  }

  // Chart data lives far right, stacked; each helper table is header + rows, all formulas or values written at once.
  let helperRow = TILE_TOP;
  let chartRow = TILE_TOP;
  blocks.push({ range: cellName(helperRow - 2, HELPER_COL), kind: "values", cells: [[L.helpers]] });
  styles.push({ range: cellName(helperRow - 2, HELPER_COL), bold: true });
  const addChart = (spec: Omit<ChartSpec, "anchor" | "width" | "height">): void => {
    charts.push({ ...spec, anchor: cellName(chartRow, CHART_COL), width: 560, height: 300 });
    chartRow += CHART_ROWS;
  };

  const orders = tableOf("orders");
  const ordersDate = orders && roleRange(orders, "date");
  const ordersAmount = orders && roleRange(orders, "amount");
  if (orders && ordersDate && ordersAmount) {
    const serials = columnOf(orders, "date").filter((c): c is number => typeof c === "number");
    if (serials.length > 0) {
      const first = monthIndex(Math.min(...serials));
      const last = monthIndex(Math.max(...serials));
      const months = Array.from({ length: Math.min(last - first + 1, 36) }, (_, i) =>
        monthStartSerial(last - Math.min(last - first, 35) + i),
      );
      const top = helperRow;
      const rows: PlanValue[][] = [[L.month, L.revenue]];
      months.forEach((serial, i) => {
        const monthCell = cellName(top + 1 + i, HELPER_COL);
        rows.push([
          serial,
          `=SUMIFS(${ordersAmount},${ordersDate},">="&${monthCell},${ordersDate},"<"&EDATE(${monthCell},1))`,
        ]);
      });
      const range = rangeName(top, HELPER_COL, rows.length, 2);
      blocks.push({ range, kind: "formulas", cells: rows });
      numberFormats.push(
        { range: rangeName(top + 1, HELPER_COL, months.length, 1), format: MONTH_FORMAT },
        { range: rangeName(top + 1, HELPER_COL + 1, months.length, 1), format: MONEY_FORMAT },
      );
      styles.push({ range: rangeName(top, HELPER_COL, 1, 2), bold: true });
      addChart({
        id: "revenue-by-month",
        type: "column",
        title: L.revenueByMonth,
        source: { range },
        seriesIn: "columns",
        headerRow: true,
        labelColumn: true,
        axisFormat: "#,##0",
      });
      helperRow += rows.length + 2;
    }
  }

  const breakdown = (
    id: string,
    table: MappedTable,
    keyRole: Role,
    title: string,
    header: readonly string[],
    type: ChartSpec["type"],
    statistic?: string,
  ): void => {
    const keys = roleRange(table, keyRole);
    const values = roleRange(table, "amount");
    if (!keys || !values) return;
    const count = distinctCount(columnOf(table, keyRole));
    if (count === 0) return;
    const top = helperRow;
    const args: FormulaArg[] = [{ ref: keys }, { ref: values }];
    if (statistic) args.push(statistic);
    const cells: PlanValue[][] = [[...header], [kpiFormula(syntax, "BREAKDOWN", args), "", ""]];
    blocks.push({ range: rangeName(top, HELPER_COL, 2, 3), kind: "formulas", cells });
    numberFormats.push(
      { range: rangeName(top + 1, HELPER_COL + 1, count, 1), format: statistic === "count" ? "#,##0" : MONEY_FORMAT },
      { range: rangeName(top + 1, HELPER_COL + 2, count, 1), format: "0.0%" },
    );
    styles.push({ range: rangeName(top, HELPER_COL, 1, 3), bold: true });
    addChart({
      id,
      type,
      title,
      source: { range: rangeName(top, HELPER_COL, count + 1, 2) },
      seriesIn: "columns",
      headerRow: true,
      labelColumn: true,
      axisFormat: "#,##0",
    });
    helperRow += count + 3;
  };

  if (orders && orders.mapping.channel !== undefined) {
    breakdown("revenue-by-channel", orders, "channel", L.byChannel, [L.channel, L.revenue, L.share], "doughnut");
  }
  const opportunities = tableOf("opportunities");
  if (opportunities && opportunities.mapping.stage !== undefined) {
    // BREAKDOWN sorts largest first: exactly the order a funnel drawn as a bar chart needs.
    breakdown("funnel", opportunities, "stage", L.funnel, [L.stage, L.deals, L.share], "funnel", "count");
  }

  const survey = tableOf("survey");
  const scores = survey && roleRange(survey, "score");
  if (survey && scores) {
    const top = helperRow;
    blocks.push({
      range: rangeName(top, HELPER_COL, 2, 4),
      kind: "formulas",
      cells: [[...L.npsHeader], [kpiFormula(syntax, "NPSBREAKDOWN", [{ ref: scores }]), "", "", ""]],
    });
    numberFormats.push({ range: rangeName(top + 1, HELPER_COL, 1, 3), format: "0.0%" });
    styles.push({ range: rangeName(top, HELPER_COL, 1, 4), bold: true });
    addChart({
      id: "nps-breakdown",
      type: "stacked100",
      title: L.nps,
      source: { range: rangeName(top, HELPER_COL, 2, 3) },
      seriesIn: "columns",
      headerRow: true,
      labelColumn: false,
      axisFormat: "0%",
    });
    helperRow += 4;
  }

  // Cohort retention under the tiles, where it is read: a spill with a colour scale over the retention shares.
  const customers = orders && roleRange(orders, "customer");
  if (orders && customers && ordersDate) {
    const periods = input.cohortPeriods ?? 6;
    const firstMonths = new Map<string, number>();
    const ids = columnOf(orders, "customer");
    columnOf(orders, "date").forEach((d, i) => {
      const id = ids[i];
      if (typeof d !== "number" || id === null || id === undefined || id === "") return;
      const key = keyOf(String(id).trim());
      const m = monthIndex(d);
      firstMonths.set(key, Math.min(firstMonths.get(key) ?? m, m));
    });
    const cohorts = new Set(firstMonths.values()).size;
    if (cohorts > 0) {
      const top = TILE_TOP + tileCount + 3;
      const width = 2 + periods;
      blocks.push({ range: cellName(top, 0), kind: "values", cells: [[L.cohort]] });
      styles.push({ range: cellName(top, 0), bold: true });
      const header: PlanValue[] = [...L.cohortHeader, ...Array.from({ length: periods }, (_, k) => `M${k}`)];
      const spill: PlanValue[] = [kpiFormula(syntax, "COHORT", [{ ref: customers }, { ref: ordersDate }, periods])];
      while (spill.length < width) spill.push("");
      blocks.push({ range: rangeName(top + 1, 0, 2, width), kind: "formulas", cells: [header, spill] });
      styles.push({ range: rangeName(top + 1, 0, 1, width), bold: true, fill: "#EDEBE9" });
      numberFormats.push(
        { range: rangeName(top + 2, 0, cohorts, 1), format: MONTH_FORMAT },
        { range: rangeName(top + 2, 1, cohorts, 1), format: "#,##0" },
        { range: rangeName(top + 2, 2, cohorts, periods), format: "0%" },
      );
      conditionalFormats.push({
        type: "colorScale",
        range: rangeName(top + 2, 2, cohorts, periods),
        minColor: "#FDE7E9",
        midColor: "#FFF4CE",
        maxColor: "#9FD89F",
      });
    }
  }

  return {
    kind: "dashboard",
    syntax,
    lang: input.lang,
    dashboardSheet: name,
    tiles,
    sheets: [
      {
        name,
        mode: "dashboard",
        blocks,
        numberFormats,
        styles,
        conditionalFormats,
        charts,
        columnWidths: [230, 120, 100, 80, 80, 80, 80, 80],
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
  const currentValues: Partial<Record<TileKpi, number>> = {};
  for (const { tile, value } of evaluateTiles(draft, input.tables)) {
    if (typeof value === "number") currentValues[tile.kpi as TileKpi] = value;
  }
  return planDashboard({ ...input, currentValues });
}
