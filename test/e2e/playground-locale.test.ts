/**
 * The playground in the user's language (issue 16): formats read back from the grid's displayed text, French typing
 * and pasting, error causes on hover, charts and formula bar in view, printing the dashboard. Each test runs in
 * English and in French; the user's own data (CSV, the workbook kept) is in playground-data.test.ts.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleSheets } from "../../core/dashboard/index.js";
import { evaluate, kpiById } from "../../core/index.js";
import { artifactPath, watchPage } from "./helpers/browser.js";
import {
  usePlayground,
  openPage,
  shown,
  raw,
  cellPoint,
  typeInto,
  activate,
  SHEETS,
  type PageWindow,
} from "./helpers/playground-page.js";

usePlayground();

describe.each(["en", "fr"] as const)("the playground in %s", (lang) => {
  let page: Page;
  let context: BrowserContext;
  let watched: ReturnType<typeof watchPage>;
  const names = SHEETS[lang];

  beforeAll(async () => {
    ({ page, context, watched } = await openPage(lang));
  });

  afterAll(async () => {
    await context?.close();
  });

  it("shows numbers, percentages, dates and months in the language's formats", async () => {
    const [pipeline, csat, channelShare] = await shown(page, "KPIs", ["C9", "C4", "E12"]);
    const [date, amount] = await shown(page, names.orders, ["A2", "F2"]);
    const [month] = await shown(page, names.costs, ["A2"]);
    const [probability] = await shown(page, names.opportunities, ["F2"]);
    if (lang === "fr") {
      expect([pipeline, csat, channelShare]).toEqual(["1 060 980,00", "45,5 %", "40,3 %"]);
      expect([date, amount, month, probability]).toEqual(["01/01/2025", "352,01", "janv. 2025", "50 %"]);
    } else {
      expect([pipeline, csat, channelShare]).toEqual(["1,060,980.00", "45.5%", "40.3%"]);
      expect([date, amount, month, probability]).toEqual(["2025-01-01", "352.01", "Jan 2025", "50%"]);
    }
    await page.screenshot({ path: artifactPath(`locale-${lang}-kpis.png`) });
  });

  it("opens without an error value in any cell of any sheet", async () => {
    const errors = await page.evaluate(() => {
      const workbook = (window as unknown as PageWindow).playground.univerAPI.getActiveWorkbook();
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Univer's facade, untyped in the page
      return workbook.getSheets().flatMap((ws: any) => {
        const data = ws.getDataRange();
        const texts: string[][] = ws.getRange(0, 0, data.getLastRow() + 1, data.getLastColumn() + 1).getDisplayValues();
        return texts.flatMap((row, r) =>
          row.flatMap((text, c) =>
            /^#[A-Z/0!?]+/.test(String(text)) ? [`${ws.getSheetName()}!R${r + 1}C${c + 1} ${text}`] : [],
          ),
        );
      });
    });
    expect(errors).toEqual([]);
  });

  it("reads typed dates, grouped decimals, percentages and formulas with the language's conventions", async () => {
    await activate(page, "KPIs", "D18");
    if (lang === "fr") {
      await typeInto(page, "D18", "03/01/2025");
      await typeInto(page, "D19", "1 250,50");
      await typeInto(page, "D20", "12,5 %");
      await typeInto(page, "D21", "=KPI.CONVERSION(5;10)");
      await typeInto(page, "D22", "=KPI.GROWTH(120,5;100)");
    } else {
      await typeInto(page, "D18", "01/03/2025");
      await typeInto(page, "D19", "1,250.50");
      await typeInto(page, "D20", "12.5%");
      await typeInto(page, "D21", "=KPI.CONVERSION(5,10)");
      await typeInto(page, "D22", "=KPI.GROWTH(120.5,100)");
    }
    // 3 January 2025 in French, the same day written the English way (month first) in English.
    // Polled: the last formula's result can land a moment after the calculation the edit started.
    await expect
      .poll(() => raw(page, "KPIs", ["D18", "D19", "D20", "D21", "D22"]))
      .toEqual([45660, 1250.5, 0.125, 0.5, expect.any(Number)]);
    expect((await raw(page, "KPIs", ["D22"]))[0]).toBeCloseTo(0.205, 12);
    const texts = await shown(page, "KPIs", ["D18", "D19", "D20"]);
    expect(texts).toEqual(lang === "fr" ? ["03/01/2025", "1 250,50", "12,5 %"] : ["01/03/2025", "1,250.50", "12.50%"]);
    // A typed KPI formula shows its result in its unit's format when its cell has none (column B has none), as
    // Excel shows the formatted values its functions return: a rate as a percentage, an amount with two decimals.
    const sep = lang === "fr" ? ";" : ",";
    await typeInto(page, "B24", `=KPI.CONVERSION(5${sep}10)`);
    await typeInto(page, "B25", `=KPI.AOV({3600${sep}300${sep}1050})`);
    await expect
      .poll(() => shown(page, "KPIs", ["B24", "B25"]))
      .toEqual(lang === "fr" ? ["50,0 %", "1 650,00"] : ["50.0%", "1,650.00"]);
  });

  it("reads a pasted CRM row with the conventions detected from it", async () => {
    await activate(page, "KPIs", "A26");
    const row =
      lang === "fr"
        ? "03/01/2025\tDupont SA\tMarie\t1 250,50\tGagné\n15/01/2025\tMartin\tLuc\t980\tPerdu"
        : "01/03/2025\tSmith Inc\tMary\t1,250.50\tWon\n01/15/2025\tJones\tLuke\t980\tLost";
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData("text/plain", text);
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, row);
    const values = await raw(page, "KPIs", ["A26", "B26", "D26", "E26", "A27", "D27"]);
    expect(values).toEqual([
      45660,
      lang === "fr" ? "Dupont SA" : "Smith Inc",
      1250.5,
      lang === "fr" ? "Gagné" : "Won",
      45672,
      980,
    ]);
    const [date, amount] = await shown(page, "KPIs", ["A27", "D26"]);
    expect([date, amount]).toEqual(lang === "fr" ? ["15/01/2025", "1 250,50"] : ["2025-01-15", "1,250.50"]);
    await page.screenshot({ path: artifactPath(`locale-${lang}-typed-pasted.png`) });
  });

  it("tells an error cell's cause in a tooltip when the pointer is over it", async () => {
    await activate(page, "KPIs", "D24");
    await typeInto(page, "D24", lang === "fr" ? "=KPI.CAC(100;100;0)" : "=KPI.CAC(100,100,0)");
    expect(await raw(page, "KPIs", ["D24"])).toEqual(["#DIV/0!"]);
    // From the cell beside it, as a pointer comes.
    const beside = await cellPoint(page, "C24");
    const point = await cellPoint(page, "D24");
    await page.mouse.move(beside.x, beside.y);
    await page.mouse.move(point.x, point.y, { steps: 3 });
    await expect.poll(() => page.locator("#cell-tip").isVisible()).toBe(true);
    expect(await page.textContent("#cell-tip")).toMatch(/^#DIV\/0! KPI\.CAC/);
    expect(await page.getAttribute("#cell-tip", "data-cell")).toBe("KPIs!D24");
    await page.screenshot({ path: artifactPath(`locale-${lang}-error-tip.png`) });
    // Another sheet brought forward under the still pointer (as the dashboard's is) hides it, and a recalculation
    // there does not bring it back over that sheet.
    const recalculateFar = (formula: string | null): Promise<void> =>
      page.evaluate((f) => {
        const range = (window as unknown as PageWindow).playground.univerAPI
          .getActiveWorkbook()
          .getActiveSheet()
          .getRange("Z200");
        if (f === null) range.clearContent();
        else range.setValue(f);
      }, formula);
    await activate(page, SHEETS[lang].orders, "A1");
    await recalculateFar("=1+1");
    await expect.poll(() => page.locator("#cell-tip").isVisible()).toBe(false);
    await recalculateFar(null);
    await activate(page, "KPIs", "D24");
    // A cell without an error hides it.
    const ok = await cellPoint(page, "C3");
    await page.mouse.move(ok.x, ok.y, { steps: 3 });
    await expect.poll(() => page.locator("#cell-tip").isVisible()).toBe(false);
  });

  it("gives the formula bar room to read a formula and shows the number-format tools", async () => {
    await activate(page, "KPIs", "C2");
    const bar = await page.locator("[data-u-comp=formula-bar]").boundingBox();
    const grid = await page.locator("#sheet").boundingBox();
    expect(bar && grid && bar.width > grid.width * 0.8).toBe(true);
    for (const command of [
      "sheet.command.numfmt.set.percent",
      "sheet.command.numfmt.set.currency",
      "sheet.operation.open.numfmt.panel",
    ]) {
      const box = await page.locator(`[data-u-command="${command}"]`).first().boundingBox();
      expect(box && box.width > 0 && box.x + box.width <= (grid?.x ?? 0) + (grid?.width ?? 0), command).toBe(true);
    }
    await page.screenshot({ path: artifactPath(`locale-${lang}-formula-bar.png`) });
    // Wider windows give it the room too (it stayed about 16 px wide at 1920 px).
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expect
      .poll(async () => (await page.locator("[data-u-comp=formula-bar]").boundingBox())?.width ?? 0)
      .toBeGreaterThan(1200);
    await page.setViewportSize({ width: 1400, height: 900 });
  });

  it("builds the dashboard in one click from the pane's first screen, its numbers in the language's formats", async () => {
    await page.click("#pane [data-test=quick-dashboard]");
    await expect.poll(() => page.locator(".kpi-chart:visible canvas").count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const sheets = await page.evaluate(() => (window as unknown as PageWindow).playground.host.listSheets());
    const dashboard = sheets.find((s: { dashboard: boolean }) => s.dashboard)?.name as string;
    const values = await shown(
      page,
      dashboard,
      Array.from({ length: 12 }, (_, i) => `B${i + 5}`),
    );
    const percents = values.filter((text) => text.endsWith("%"));
    expect(percents.length).toBeGreaterThan(0);
    for (const text of percents) expect(text).toMatch(lang === "fr" ? /^-?\d+,\d %$/ : /^-?\d+\.\d%$/);
    await page.screenshot({ path: artifactPath(`locale-${lang}-one-click-dashboard.png`) });
  });

  it("opens the dashboard's charts in view beside the pane, and moves one by its handle", async () => {
    await page.click("#pane [data-test=tab-dashboard]");
    await page.click("#pane [data-test=build-dashboard]");
    await expect.poll(() => page.locator(".kpi-chart:visible canvas").count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const cells = await page.locator(".kpi-chart-layer").boundingBox();
    const pane = await page.locator("#pane").boundingBox();
    const boxes = await page.locator(".kpi-chart:visible").evaluateAll((frames) =>
      frames.map((f) => {
        const r = f.getBoundingClientRect();
        return { x: r.x, y: r.y, right: r.right, bottom: r.bottom };
      }),
    );
    for (const box of boxes) {
      expect(box.right).toBeLessThanOrEqual((pane?.x ?? 0) + 1);
      expect(box.x).toBeGreaterThanOrEqual(cells?.x ?? 0);
    }
    // At least the first chart is entirely on screen.
    expect(boxes[0] && cells && boxes[0].bottom <= cells.y + cells.height).toBe(true);
    await page.screenshot({ path: artifactPath(`locale-${lang}-dashboard.png`) });
    const handle = page.locator(".kpi-chart:visible > header").first();
    const before = await handle.boundingBox();
    if (!before) throw new Error("no chart handle");
    await page.mouse.move(before.x + 40, before.y + before.height / 2);
    await page.mouse.down();
    await page.mouse.move(before.x - 60, before.y + before.height / 2 + 50, { steps: 5 });
    await page.mouse.up();
    const after = await handle.boundingBox();
    expect(Math.round((after?.x ?? 0) - before.x)).toBe(-100);
    expect(Math.round((after?.y ?? 0) - before.y)).toBe(50);
  });

  it("hides the pane on demand, the grid taking its width, and shows it again", async () => {
    const toggle = page.locator("#pane-toggle");
    const wide = async () => (await page.locator("#sheet").boundingBox())?.width ?? 0;
    const before = await wide();
    // The second chart was not dragged: it moves back towards its place in the plan, beside the tiles.
    const second = page.locator(".kpi-chart:visible").nth(1);
    const secondX = async () => (await second.boundingBox())?.x ?? 0;
    const secondBefore = await secondX();
    expect(await toggle.textContent()).toBe(lang === "fr" ? "Masquer le volet" : "Hide pane");
    await toggle.click();
    expect(await page.locator("#pane").isVisible()).toBe(false);
    await expect.poll(wide).toBeGreaterThan(before + 300);
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    await expect.poll(secondX).toBeGreaterThan(secondBefore + 200);
    // The charts stay on screen when the grid grows.
    const grid = await page.locator("#sheet").boundingBox();
    for (const box of await page
      .locator(".kpi-chart:visible")
      .evaluateAll((frames) => frames.map((f) => f.getBoundingClientRect().right)))
      expect(box).toBeLessThanOrEqual((grid?.x ?? 0) + (grid?.width ?? 0) + 1);
    await page.screenshot({ path: artifactPath(`locale-${lang}-pane-hidden.png`) });
    await toggle.click();
    expect(await page.locator("#pane").isVisible()).toBe(true);
    await expect.poll(wide).toBeLessThan(before + 1);
  });

  it("prints the dashboard sheet with its charts and without the page around it", async () => {
    await activate(page, "KPIs");
    await page.evaluate(() => {
      (window as unknown as { printed: boolean }).printed = false;
      window.print = () => ((window as unknown as { printed: boolean }).printed = true);
    });
    await page.click("#print");
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: boolean }).printed)).toBe(true);
    const active = await page.evaluate(() =>
      (window as unknown as PageWindow).playground.univerAPI.getActiveWorkbook().getActiveSheet().getSheetName(),
    );
    const sheets = await page.evaluate(() => (window as unknown as PageWindow).playground.host.listSheets());
    expect(sheets.find((s: { dashboard: boolean }) => s.dashboard)?.name).toBe(active);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("#pane").isVisible()).toBe(false);
    expect(await page.locator("#page-header").isVisible()).toBe(false);
    expect(await page.locator(".kpi-chart:visible canvas").count()).toBeGreaterThan(0);
    await page.screenshot({ path: artifactPath(`locale-${lang}-print.png`) });
    const pdf = await page.pdf({
      landscape: true,
      printBackground: true,
      path: artifactPath(`locale-${lang}-dashboard.pdf`),
    });
    expect(pdf.byteLength).toBeGreaterThan(20_000);
    await page.emulateMedia({ media: "screen" });
  });

  it("made no request beyond its own server and logged no console error", () => {
    expect(watched.externalRequests).toEqual([]);
    expect(watched.consoleErrors).toEqual([]);
  });
});

describe("the French sample workbook", () => {
  it("opens in French with ?lang=fr: French sample sheets computed by the same functions", async () => {
    const { page: french, context, watched: frenchWatch } = await openPage("fr", { width: 1440, height: 900 });
    const names = await french.evaluate(() =>
      (window as unknown as PageWindow).playground.univerAPI
        .getActiveWorkbook()
        .getSheets()
        .map((s: { getSheetName(): string }) => s.getSheetName()),
    );
    expect(names).toEqual(["KPIs", "Commandes", "Opportunités", "Enquête", "Coûts"]);
    const scores = sampleSheets("fr")
      .find((s) => s.role === "survey")
      ?.rows.map((row) => [row[1] ?? null]);
    const nps = await french.evaluate(() =>
      (window as unknown as PageWindow).playground.univerAPI
        .getActiveWorkbook()
        .getSheetByName("KPIs")
        .getRange("C3")
        .getRawValue(),
    );
    expect(nps).toBeCloseTo(evaluate(kpiById("NPS")!, [scores]) as number, 9);
    await french.screenshot({ path: artifactPath("playground-fr.png") });
    expect(frenchWatch.externalRequests).toEqual([]);
    expect(frenchWatch.consoleErrors).toEqual([]);
    await context.close();
  });
});
