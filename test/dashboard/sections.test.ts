import { describe, expect, it } from "vitest";
import {
  buildDashboard,
  detectTables,
  evaluateSheet,
  mapColumns,
  parseAddress,
  sampleSheets,
  sampleTable,
  Workbook,
  type DashboardPlan,
  type PlanValue,
} from "../../core/dashboard/index.js";
import { stack, fragment } from "../../core/dashboard/layout.js";
import { dateToSerial, evaluate, kpiById, KpiDate, type KpiResult } from "../../core/index.js";

const serial = (y: number, m: number, d: number) => dateToSerial(new Date(Date.UTC(y, m - 1, d)));
const call = (id: string, ...args: unknown[]) => evaluate(kpiById(id)!, args) as KpiResult;
const plain = (rows: unknown) =>
  (rows as unknown[][]).map((row) => row.map((v) => (v instanceof KpiDate ? v.serial : v)));

function planAndBook(tables: ReturnType<typeof detectTables>, lang: "en" | "fr" = "en") {
  const plan = buildDashboard({ tables, syntax: "excel", lang, existingSheets: [] });
  const sheet = plan.sheets[0]!;
  const book = new Workbook();
  for (const t of tables) book.put(t.sheet, t.address, t.values);
  // The Alerts box (FILTER) and the French status words (IF) are left to the spreadsheet: see plan.test.ts.
  const skipped = evaluateSheet(sheet, book).skipped.filter((f) => !/^=IF(ERROR)?\(/.test(f));
  const at = (address: string) => {
    const { rect } = parseAddress(address);
    return book.read(sheet.name, rect);
  };
  return { plan, sheet, book, skipped, at };
}

const formulas = (plan: DashboardPlan) =>
  plan.sheets[0]!.blocks.flatMap((b) => b.cells.flat()).filter((c): c is string => typeof c === "string");

/** An orders table over two years and a bit: the revenue tiles can compare with a year earlier. */
function twoYearOrders(lastDay: number): { sheet: string; address: string; values: PlanValue[][] } {
  const values: PlanValue[][] = [["Date", "Customer", "Amount"]];
  for (let m = 0; m < 26; m++) {
    const year = 2024 + Math.floor(m / 12);
    values.push([serial(year, (m % 12) + 1, 3), `C${m % 7}`, 100 + 10 * m]);
    values.push([serial(year, (m % 12) + 1, 20), `C${(m + 3) % 7}`, 50 + m]);
  }
  values.push([serial(2026, 3, lastDay), "C1", 40]);
  return { sheet: "Orders", address: `Orders!A1:C${values.length}`, values };
}

describe.each(["en", "fr"] as const)("revenue by month for the %s sample data", (lang) => {
  const sheets = sampleSheets(lang);
  const { plan, sheet, at } = planAndBook(detectTables(sheets.map(sampleTable)), lang);
  const orders = sheets[0]!;
  const col = (i: number) => orders.rows.map((r) => [r[i] ?? null]);
  const chart = sheet.charts.find((c) => c.id === "revenue-by-month")!;

  it("is one spilled PERIODS formula by month, with no helper formula per month", () => {
    expect(formulas(plan)).toContain(`=KPI.PERIODS(${orders.name}!$A$2:$A$464,${orders.name}!$F$2:$F$464,"month")`);
    expect(formulas(plan).some((f) => f.startsWith("=SUMIFS("))).toBe(false);
    expect(at("T5:W16")).toEqual(plain(call("PERIODS", col(0), col(5), "month")));
  });

  it("forecasts the next six months from the PERIODS sum column, sized from the months of the data", () => {
    expect(formulas(plan)).toContain("=KPI.FORECAST(U5:U16,6,12)");
    const sums = (at("U5:U16") as number[][]).map((r) => [r[0]]);
    expect(at("X17:Z22")).toEqual(plain(call("FORECAST", sums, 6, 12)));
    expect(at("T17:T22").flat()).toEqual([1, 2, 3, 4, 5, 6].map((m) => serial(2026, m, 1)));
  });

  it("draws revenue as columns then the forecast as a line inside its interval band", () => {
    expect(chart).toMatchObject({
      type: "combo",
      source: { range: "T4:Z22" },
      seriesColumns: [1, 4, 5, 6],
      band: { lower: 5, upper: 6 },
      headerRow: true,
      labelColumn: true,
    });
  });

  it("adds tiles for the last complete month: its revenue and its change vs the month before", () => {
    const tiles = plan.tiles.filter((t) => t.kpi.startsWith("REVENUE"));
    expect(tiles.map((t) => [t.kpi, t.format])).toEqual([
      ["REVENUE", "#,##0.00"],
      ["REVENUEMOM", "0.0%"],
    ]);
    // The sample's last order is on 31 December 2025: December is complete (row 16 of the PERIODS spill).
    expect(tiles[0]!.label).toContain(lang === "en" ? "Dec 2025" : "déc. 2025");
    expect(at(tiles[0]!.valueCell)).toEqual(at("U16"));
    expect(at(tiles[1]!.valueCell)).toEqual(at("V16"));
    expect(at(tiles[1]!.statusCell)[0]![0]).toBe(call("STATUS", at("V16")[0]![0], 0, true));
  });
});

describe("the revenue tiles", () => {
  it("compare with a year earlier once the data hold that month, and count a month ending on its last day", () => {
    const tables = detectTables([twoYearOrders(31)]);
    const { plan, at } = planAndBook(tables);
    const tiles = plan.tiles.filter((t) => t.kpi.startsWith("REVENUE"));
    expect(tiles.map((t) => t.kpi)).toEqual(["REVENUE", "REVENUEMOM", "REVENUEYOY"]);
    expect(tiles[0]!.label).toBe("Revenue (Mar 2026)");
    // March 2026 holds one order of 40; March 2025 two, of 240 and 64.
    expect(at(tiles[2]!.valueCell)[0]![0]).toBeCloseTo((40 - 304) / 304, 12);
  });

  it("leave out the month of the latest date when it is not over", () => {
    const { plan } = planAndBook(detectTables([twoYearOrders(30)]));
    expect(plan.tiles.find((t) => t.kpi === "REVENUE")!.label).toBe("Revenue (Feb 2026)");
  });
});

describe("customer value and RFM segments", () => {
  const sheets = sampleSheets("en");
  const { plan, sheet, at } = planAndBook(detectTables(sheets.map(sampleTable)));
  const orders = sheets[0]!;
  const col = (i: number) => orders.rows.map((r) => [r[i] ?? null]);
  const customers = new Set(orders.rows.map((r) => r[1])).size;

  it("spills CLV over the orders' customer, date and amount columns and sums its CLV column in a tile", () => {
    // Sorted by CLV, top customers first (Excel's SORT order -1; Sheets spells it FALSE).
    expect(formulas(plan)).toContain(
      "=SORT(KPI.CLV(Orders!$B$2:$B$464,Orders!$A$2:$A$464,Orders!$F$2:$F$464,12),6,-1)",
    );
    const tile = plan.tiles.find((t) => t.kpi === "CLVTOTAL")!;
    const sum = formulas(plan).find((f) => f.startsWith("=SUM("))!;
    const { rect } = parseAddress(sum.slice(5, -1));
    expect(rect.rows).toBe(customers);
    expect(tile).toMatchObject({ higherIsBetter: true, format: "#,##0.00" });
  });

  it("counts the customers of each of the ten segments from the RFM spill", () => {
    expect(formulas(plan)).toContain("=KPI.RFM(Orders!$B$2:$B$464,Orders!$A$2:$A$464,Orders!$F$2:$F$464)");
    const chart = sheet.charts.find((c) => c.id === "rfm-segments")!;
    const counts = at(chart.source.range).slice(1);
    expect(counts).toHaveLength(10);
    const segments = (call("RFM", col(1), col(0), col(5)) as unknown[][]).map((r) => r[7]);
    for (const [name, count] of counts) expect(count).toBe(segments.filter((s) => s === name).length);
    expect(counts.reduce((n, r) => n + (r[1] as number), 0)).toBe(customers);
  });

  it("leaves CLV out when fewer than ten customers ordered", () => {
    const values: PlanValue[][] = [["Date", "Customer", "Amount"]];
    for (let i = 0; i < 12; i++) values.push([serial(2025, 1 + (i % 12), 5), `C${i % 4}`, 10 + i]);
    const { plan } = planAndBook(detectTables([{ sheet: "Orders", address: "Orders!A1:C13", values }]));
    expect(plan.tiles.map((t) => t.kpi)).not.toContain("CLVTOTAL");
    expect(formulas(plan).some((f) => f.includes("KPI.CLV("))).toBe(false);
    expect(formulas(plan).some((f) => f.startsWith("=KPI.RFM("))).toBe(true);
  });
});

describe.each(["en", "fr"] as const)("per-salesperson and per-channel views of the %s sample data", (lang) => {
  const sheets = sampleSheets(lang);
  const { plan, sheet, at, skipped } = planAndBook(detectTables(sheets.map(sampleTable)), lang);
  const opportunities = sheets[1]!;
  const rep = lang === "en" ? "Salesperson" : "Commercial";
  const view = sheet.blocks.find((b) => b.cells[0]?.[0] === rep)!;

  it("writes one BY formula per column, the first one spilling the groups", () => {
    const [header, row] = view.cells as string[][];
    expect(header!.length).toBe(5);
    expect(row![0]).toMatch(/^=KPI\.BYGROUP\(.*!\$G\$2:\$G\$151,"WINRATE",/);
    expect(row![1]).toBe("");
    expect(row![2]).toMatch(/^=INDEX\(KPI\.BYGROUP\(.*!\$G\$2:\$G\$151,"AOV",.*\),0,2\)$/);
    expect(row![3]).toMatch(/"SALESCYCLE"/);
    expect(row![4]).toMatch(/"WEIGHTEDPIPELINE"/);
    expect(sheet.charts.map((c) => c.id)).toContain("opportunities-by-salesperson");
    expect(formulas(plan).some((f) => f.startsWith('=KPI.BYGROUP(Orders!$D$2:$D$464,"AOV"'))).toBe(lang === "en");
  });

  it.runIf(kpiById("BY") !== undefined)("gives each salesperson the KPIs of their own deals", () => {
    expect(skipped).toEqual([]);
    const { rect } = parseAddress(view.range);
    const names = [...new Set(opportunities.rows.map((r) => r[6]))];
    const got = at(`A${rect.row + 2}:E${rect.row + 1 + names.length}`);
    const [won, lost] = lang === "en" ? ["Won", "Lost"] : ["Gagné", "Perdu"];
    names.forEach((name, i) => {
      const rows = opportunities.rows.filter((r) => r[6] === name);
      const c = (k: number) => rows.map((r) => [r[k] ?? null]);
      expect(got[i]![0]).toBe(name);
      expect(got[i]![1]).toBeCloseTo(call("WINRATE", c(3), won, lost) as number, 12);
      expect(got[i]![2]).toBeCloseTo(call("AOV", c(4)) as number, 9);
      expect(got[i]![3]).toBeCloseTo(call("SALESCYCLE", c(0), c(1), c(3), won) as number, 9);
      expect(got[i]![4]).toBeCloseTo(call("WEIGHTEDPIPELINE", c(4), c(5)) as number, 6);
    });
  });
});

describe("detecting salesperson, channel, region and segment columns", () => {
  it.each([
    [["Created", "Closed", "Outcome", "Account owner", "Segment"], { salesperson: 3, segment: 4 }],
    [["Créée", "Clôturée", "Statut", "Vendeur", "Canal"], { salesperson: 3, channel: 4 }],
    [["Created", "Closed", "Outcome", "Sales rep", "Région"], { salesperson: 3, region: 4 }],
    [["Créée", "Clôturée", "Statut", "Commerciale", "Source"], { salesperson: 3, channel: 4 }],
  ])("maps %j", (headers, expected) => {
    expect(mapColumns(headers, "opportunities")).toMatchObject(expected);
  });

  it("maps them in an orders table too", () => {
    expect(mapColumns(["Date", "Client", "Montant", "Commercial", "Région"], "orders")).toMatchObject({
      salesperson: 3,
      region: 4,
    });
  });
});

describe("the layout", () => {
  it("stacks sections a gap apart and gives no room to a section without data", () => {
    const tops: number[] = [];
    const placed = stack(3, [
      (top) => (tops.push(top), fragment({ rows: 4 })),
      () => null,
      (top) => (tops.push(top), fragment({ rows: 2 })),
      (top) => (tops.push(top), fragment({ rows: 1 })),
    ]);
    expect(tops).toEqual([3, 9, 13]);
    expect(placed.map((f) => f.rows)).toEqual([4, 2, 1]);
  });
});
