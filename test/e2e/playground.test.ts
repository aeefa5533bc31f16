import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import {
  buildDashboard,
  detectTables,
  sampleSheets,
  type DashboardPlan,
  type PlanValue,
} from "../../core/dashboard/index.js";
import { evaluate, isKpiError, kpiById } from "../../core/index.js";
import { artifactPath, type watchPage } from "./helpers/browser.js";
import {
  activate,
  openPage,
  typeInto as typeIntoPage,
  usePlayground,
  type PageWindow,
} from "./helpers/playground-page.js";

const samples = sampleSheets("en");
const sample = (role: string) => {
  const found = samples.find((s) => s.role === role);
  if (!found) throw new Error(`no ${role} sample`);
  return found;
};
/** One column of a sample table as the 2-D range a host passes. */
const columnOf = (role: string, col: number): PlanValue[][] => sample(role).rows.map((row) => [row[col] ?? null]);

usePlayground();

let page: Page;
let watched: ReturnType<typeof watchPage>;

beforeAll(async () => {
  ({ page, watched } = await openPage("en", { width: 1440, height: 900 }));
});

/** Clicks a cell of the active sheet, types like a user and presses Enter (the shared helper, on this file's page). */
const typeInto = (a1: string, text: string): Promise<void> => typeIntoPage(page, a1, text);

/** Selects a cell as a click would (the selection events fire), on the sheet named. */
const selectCell = (sheet: string, a1: string): Promise<void> => activate(page, sheet, a1);

/** Values of cells on a sheet, spilled ones included, once Univer has applied the pending calculation. */
async function readCells(sheet: string, addresses: string[]): Promise<unknown[]> {
  return page.evaluate(
    (cells) => (window as unknown as PageWindow).playground.host.readCells(cells) as Promise<unknown[]>,
    addresses.map((a) => `${sheet}!${a}`),
  );
}

const coreValue = (id: string, args: unknown[]): unknown => {
  const kpi = kpiById(id);
  if (!kpi) throw new Error(`no KPI ${id}`);
  const result = evaluate(kpi, args);
  return isKpiError(result) ? result.code : result;
};

describe("the playground page", () => {
  it("opens on a KPIs sheet whose formulas Univer computed with the core", async () => {
    const [nps, cac, error] = await readCells("KPIs", ["C3", "C2", "C10"]);
    expect(nps).toBeCloseTo(coreValue("NPS", [columnOf("survey", 1)]) as number, 9);
    expect(cac).toBeCloseTo(
      coreValue("CAC", [columnOf("costs", 1), columnOf("costs", 2), columnOf("costs", 3)]) as number,
      9,
    );
    // The error row only shows its formula: the sheet opens without an error on screen.
    expect(error).toBeNull();
    await page.screenshot({ path: artifactPath("playground-kpis.png") });
  });

  it("computes =KPI.NPS and =KPI.CAC typed into cells like the core does on the same data", async () => {
    const rows = sample("survey").rows.length + 1;
    const costRows = sample("costs").rows.length + 1;
    await typeInto("D2", `=KPI.NPS(Survey!B2:B${rows})`);
    await typeInto("D3", `=KPI.CAC(Costs!B2:B${costRows}, Costs!C2:C${costRows}, Costs!D2:D${costRows})`);
    const [nps, cac] = await readCells("KPIs", ["D2", "D3"]);
    expect(nps).toBeCloseTo(coreValue("NPS", [columnOf("survey", 1)]) as number, 9);
    expect(cac).toBeCloseTo(
      coreValue("CAC", [columnOf("costs", 1), columnOf("costs", 2), columnOf("costs", 3)]) as number,
      9,
    );
  });

  it("shows the Excel error code for a bad formula and its cause in the status line", async () => {
    await typeInto("D4", `=KPI.NPS(Survey!A2:A10)`);
    await typeInto("D5", `=KPI.CAC(1, "lots", 3)`);
    const [outOfScale, notANumber] = await readCells("KPIs", ["D4", "D5"]);
    expect(outOfScale).toBe("#NUM!");
    expect(notANumber).toBe("#VALUE!");
    // The status line tells the selected cell's cause, by the cell's address, and nothing for a cell without one.
    await selectCell("KPIs", "D5");
    await expect.poll(() => page.textContent("#status")).toContain("#VALUE! KPI.CAC: salesCosts");
    await selectCell("KPIs", "D4");
    await expect.poll(() => page.textContent("#status")).toMatch(/^#NUM! KPI\.NPS: scores: Survey!A2 is /);
    await page.screenshot({ path: artifactPath("playground-typed.png") });
    await selectCell("KPIs", "D2");
    await expect.poll(() => page.textContent("#status")).toBe("");
  });

  it("counts a cleared answer as a blank and leaves room for new rows, as Excel on the web does", async () => {
    const rows = sample("survey").rows.length + 1;
    const scores = columnOf("survey", 1);
    const promoter = scores.findIndex((row) => (row[0] as number) >= 9);
    const address = `B${promoter + 2}`;
    // Room for 100 new rows below the answers, and one promoter's answer deleted.
    await typeInto("D6", `=KPI.NPS(Survey!B2:B${rows + 100})`);
    await page.evaluate((a1) => {
      const survey = (window as unknown as PageWindow).playground.univerAPI
        .getActiveWorkbook()
        .getSheetByName("Survey");
      survey.getRange(a1).clear();
    }, address);
    await page.evaluate(() => (window as unknown as PageWindow).playground.host.calculated());
    const withoutIt = scores.map((row, i) => (i === promoter ? [null] : row));
    const [nps] = await readCells("KPIs", ["D6"]);
    expect(nps).toBeCloseTo(coreValue("NPS", [withoutIt]) as number, 9);
    expect(nps).not.toBeCloseTo(coreValue("NPS", [scores]) as number, 3);
    await page.evaluate(
      ({ a1, value }) => {
        const survey = (window as unknown as PageWindow).playground.univerAPI
          .getActiveWorkbook()
          .getSheetByName("Survey");
        survey.getRange(a1).setValue(value);
      },
      { a1: address, value: scores[promoter]?.[0] as number },
    );
  });

  it("answers #DIV/0! over an empty range, not -100", async () => {
    await typeInto("D7", "=KPI.NPS(H2:H20)");
    const [empty] = await readCells("KPIs", ["D7"]);
    expect(empty).toBe("#DIV/0!");
    await selectCell("KPIs", "D7");
    await expect.poll(() => page.textContent("#status")).toContain("#DIV/0! KPI.NPS: scores has no responses");
  });

  it("spills a KPI that returns a table into the cells beside and below it", async () => {
    const expected = coreValue("NPSBREAKDOWN", [columnOf("survey", 1)]) as number[][];
    const spilled = await readCells("KPIs", ["C11", "D11", "E11", "F11"]);
    spilled.forEach((value, i) => expect(value).toBeCloseTo(expected[0]?.[i] as number, 9));
  });

  it("builds the dashboard plan from the host's tables into a new sheet with live formulas and charts", async () => {
    const tables = await page.evaluate(() => (window as unknown as PageWindow).playground.host.readTables());
    const sheets = await page.evaluate(() => (window as unknown as PageWindow).playground.host.listSheets());
    const plan: DashboardPlan = buildDashboard({
      tables: detectTables(tables),
      syntax: "excel",
      lang: "en",
      existingSheets: sheets,
    });
    const result = await page.evaluate(
      (p) => (window as unknown as PageWindow).playground.host.executePlan(p),
      plan as unknown as Record<string, unknown>,
    );
    expect(result.sheets).toContain(plan.dashboardSheet);
    const tileCells = plan.tiles.map((t) => `${plan.dashboardSheet}!${t.valueCell}`);
    const statusCells = plan.tiles.map((t) => `${plan.dashboardSheet}!${t.statusCell}`);
    const read = () =>
      page.evaluate(
        (cells) => (window as unknown as PageWindow).playground.host.readCells(cells) as Promise<unknown[]>,
        [...tileCells, ...statusCells],
      );
    const values = await read();
    const notNumbers = plan.tiles
      .map((tile, i) => [tile.kpi, values[i]])
      .filter(([, v]) => typeof v !== "number" || !Number.isFinite(v));
    expect(notNumbers).toEqual([]);
    const notStatuses = plan.tiles
      .map((tile, i) => [tile.kpi, values[tileCells.length + i]])
      .filter(([, v]) => !["OK", "WARN", "ALERT"].includes(String(v)));
    expect(notStatuses).toEqual([]);
    const chartCount = plan.sheets.find((s) => s.name === plan.dashboardSheet)?.charts.length ?? 0;
    expect(chartCount).toBeGreaterThan(0);
    await expect.poll(() => page.locator(".kpi-chart:visible canvas").count()).toBe(chartCount);
    const points = await page
      .locator(".kpi-chart:visible")
      .evaluateAll((frames) => frames.map((f) => Number((f as HTMLElement).dataset.points)));
    expect(points.every((n) => n > 0)).toBe(true);
    await page.screenshot({ path: artifactPath("playground-dashboard.png") });
  });

  it("builds and rebuilds the dashboard from the pane's button, replacing its sheet and listing the alerts", async () => {
    const sheetsBefore = await page.evaluate(() => (window as unknown as PageWindow).playground.host.listSheets());
    await page.click("#pane [data-test=tab-dashboard]");
    await page.click("#pane [data-test=build-dashboard]");
    await expect
      .poll(() => page.textContent("#pane [data-test=status]"), { timeout: 30_000 })
      .toContain("Dashboard built");
    const sheetsAfter = await page.evaluate(() => (window as unknown as PageWindow).playground.host.listSheets());
    // The earlier dashboard was replaced, not duplicated.
    expect(sheetsAfter).toHaveLength(sheetsBefore.length);
    expect(sheetsAfter.filter((s: { dashboard: boolean }) => s.dashboard)).toHaveLength(1);
    expect(await page.locator("#pane [data-alert]").count()).toBeGreaterThan(0);
    await page.screenshot({ path: artifactPath("playground-pane-dashboard.png") });
  });

  it("draws a chart of the selected range from the pane in a panel over the grid", async () => {
    await page.evaluate(() => {
      const { univerAPI } = (window as unknown as PageWindow).playground;
      const costs = univerAPI.getActiveWorkbook().getSheetByName("Costs");
      costs.activate();
      costs.getRange("A1:B13").activate();
    });
    await page.click("#pane [data-test=tab-chart]");
    await page.click("#pane [data-test=build-chart]");
    await expect.poll(() => page.textContent("#pane [data-test=status]"), { timeout: 30_000 }).toContain("Chart added");
    await expect.poll(() => page.locator(".kpi-chart[data-sheet=Costs]:visible canvas").count()).toBe(1);
    // Next to the data and inside the visible cell area, not off to the side.
    const chart = await page.locator(".kpi-chart[data-sheet=Costs]").boundingBox();
    const cells = await page.locator(".kpi-chart-layer").boundingBox();
    expect(chart && cells && chart.x >= cells.x && chart.x + 100 < cells.x + cells.width).toBe(true);
    expect(chart && cells && chart.y >= cells.y && chart.y + 100 < cells.y + cells.height).toBe(true);
    await page.screenshot({ path: artifactPath("playground-pane-chart.png") });
  });

  it("inserts a KPI formula from the pane over the selected range into the active cell", async () => {
    const select = (sheet: string, a1: string) =>
      page.evaluate(
        ({ sheet, a1 }) => {
          const ws = (window as unknown as PageWindow).playground.univerAPI.getActiveWorkbook().getSheetByName(sheet);
          ws.activate();
          ws.getRange(a1).activate();
        },
        { sheet, a1 },
      );
    const rows = sample("survey").rows.length + 1;
    await select("Survey", `B2:B${rows}`);
    await page.click("#pane [data-test=tab-functions]");
    await page.fill("#pane [data-test=search]", "nps");
    await page.click("#pane [data-kpi=NPS]");
    await page.click("#pane [data-use=scores]");
    await expect.poll(() => page.inputValue("#pane [data-param=scores]")).toBe(`Survey!B2:B${rows}`);
    // Inserting with the answers still selected: the first answer stays, the formula goes below them.
    const [firstAnswer] = await readCells("Survey", ["B2"]);
    await page.click("#pane [data-test=insert]");
    await expect.poll(() => page.textContent("#pane [data-test=status]")).toContain(`Survey!B${rows + 1}`);
    const [kept, below] = await readCells("Survey", ["B2", `B${rows + 1}`]);
    expect(kept).toBe(firstAnswer);
    expect(below).toBeCloseTo(coreValue("NPS", [columnOf("survey", 1)]) as number, 9);
    await page.screenshot({ path: artifactPath("playground-pane-insert-below.png") });
    await page.evaluate(
      (a1) => {
        (window as unknown as PageWindow).playground.univerAPI
          .getActiveWorkbook()
          .getSheetByName("Survey")
          .getRange(a1)
          .clear();
      },
      `B${rows + 1}`,
    );
    await select("KPIs", "E8");
    await page.click("#pane [data-test=insert]");
    await expect.poll(() => page.textContent("#pane [data-test=status]")).toContain("KPIs!E8");
    const [value] = await readCells("KPIs", ["E8"]);
    expect(value).toBeCloseTo(coreValue("NPS", [columnOf("survey", 1)]) as number, 9);
    await page.screenshot({ path: artifactPath("playground-pane-insert.png") });
  });

  it("computes any KPI by group from the pane: win rate per salesperson through BY", async () => {
    const select = (sheet: string, a1: string) => selectCell(sheet, a1);
    const rows = sample("opportunities").rows.length + 1;
    await page.click("#pane [data-test=tab-functions]");
    if ((await page.locator("#pane [data-test=back]").count()) > 0) await page.click("#pane [data-test=back]");
    await page.fill("#pane [data-test=search]", "win rate");
    await page.click("#pane [data-kpi=WINRATE]");
    await select("Opportunities", `D2:D${rows}`);
    await page.click("#pane [data-use=outcomes]");
    await select("Opportunities", `G2:G${rows}`);
    await page.click('#pane [data-use="$by"]');
    const formula = `=KPI.BYGROUP(Opportunities!G2:G${rows},"WINRATE",Opportunities!D2:D${rows})`;
    await expect.poll(() => page.textContent("#pane [data-test=formula]")).toBe(formula);
    // The preview is the per-rep table the formula spills.
    const owners = columnOf("opportunities", 6);
    const expected = coreValue("BY", [owners, "WINRATE", columnOf("opportunities", 3)]) as unknown[][];
    await expect.poll(() => page.locator("#pane [data-test=preview] tr").count()).toBe(expected.length);
    await select("KPIs", "H2");
    await page.click("#pane [data-test=insert]");
    await expect.poll(() => page.textContent("#pane [data-test=status]")).toContain("KPIs!H2");
    const cells = await readCells(
      "KPIs",
      expected.flatMap((_, r) => [`H${r + 2}`, `I${r + 2}`]),
    );
    expected.forEach((row, r) => {
      expect(cells[2 * r]).toBe(row[0]);
      expect(cells[2 * r + 1] as number).toBeCloseTo(row[1] as number, 9);
    });
    await page.screenshot({ path: artifactPath("playground-by-group.png") });
  });

  it("inserts the sample data from the pane as new sheets beside the existing ones", async () => {
    await page.click("#pane [data-test=tab-dashboard]");
    await page.click("#pane [data-test=insert-sample]");
    await expect
      .poll(() =>
        page.evaluate(() =>
          (window as unknown as PageWindow).playground.host
            .listSheets()
            .then((sheets: { name: string }[]) => sheets.map((s) => s.name)),
        ),
      )
      .toEqual(expect.arrayContaining(["Orders", "Orders 2", "Survey 2", "Costs 2"]));
    const [header, firstAmount] = await readCells("Orders 2", ["A1", "F2"]);
    expect(header).toBe("Date");
    expect(firstAmount).toBe(sample("orders").rows[0]?.[5]);
  });

  it("writes a formula where the host is told to and reads its computed value back", async () => {
    const where = await page.evaluate(() =>
      (window as unknown as PageWindow).playground.host.insertFormula("=KPI.GROWTH(120, 100)", "KPIs!F2"),
    );
    expect(where).toBe("KPIs!F2");
    const [growth] = await page.evaluate(() =>
      (window as unknown as PageWindow).playground.host.readCells(["KPIs!F2"]),
    );
    expect(growth).toBeCloseTo(0.2, 12);
  });

  it("made no request beyond its own server and logged no console error", () => {
    expect(watched.externalRequests).toEqual([]);
    expect(watched.consoleErrors).toEqual([]);
  });
});
