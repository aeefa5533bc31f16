import { execSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { build } from "esbuild";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleSheets } from "../../core/dashboard/index.js";
import { evaluate, kpiById } from "../../core/index.js";
import { SAMPLE_DASHBOARD_CHART_TYPES } from "../helpers/dashboard.js";
import { artifactPath, launchBrowser, watchPage } from "./helpers/browser.js";

/**
 * The BUILT Excel task pane (dist/addin/taskpane.html with the real pane and the real Excel executor) in real
 * Chromium, over an in-memory Office/Excel injected before the page's scripts; office.js is answered locally.
 */

const DIST = path.resolve("dist/addin");
let server: Server;
let baseUrl = "";
let browser: Browser;
let fakeOffice = "";

const TYPES: Record<string, string> = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".json": "application/json",
  ".png": "image/png",
};

beforeAll(async () => {
  if (!existsSync(path.join(DIST, "taskpane.html"))) execSync("npm run build:addin", { stdio: "inherit" });
  mkdirSync(artifactPath(""), { recursive: true });
  server = createServer((request, response) => {
    const file = path.join(DIST, decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname));
    if (!file.startsWith(DIST) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const bundle = await build({
    entryPoints: [path.resolve("test/e2e/fake-office-entry.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2021",
  });
  fakeOffice = bundle.outputFiles[0]?.text ?? "";
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function openPane(displayLanguage = "en-US") {
  const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
  const watch = watchPage(page);
  await page.route("**/office.js", (route) => route.fulfill({ contentType: "text/javascript", body: "" }));
  await page.addInitScript(`window.__displayLanguage = ${JSON.stringify(displayLanguage)};`);
  await page.addInitScript(fakeOffice);
  await page.goto(`${baseUrl}/taskpane.html`);
  await page.locator("[data-test=search]").waitFor();
  return { page, watch };
}

const offCdn = (urls: string[]) => urls.filter((url) => !url.endsWith("/office.js"));

/** A summary of the fake workbook, read in the page. */
const bookState = (page: Page) =>
  page.evaluate(() => {
    const book = (window as unknown as { __book: import("../dashboard/fake-excel.js").FakeWorkbook }).__book;
    const sheet = (name: string) => book.sheets.find((s) => s.name === name);
    const formula = (name: string, key: string) => sheet(name)?.cells.get(key)?.formula ?? null;
    return {
      sheets: book.sheets.map((s) => s.name),
      runs: book.runs,
      c1: formula("Sheet1", "0,2"),
      tileFormula: formula("Dashboard", "4,1"),
      statusFormula: formula("Dashboard", "4,3"),
      charts: sheet("Dashboard")?.charts.map((c) => c.type) ?? [],
      rules: sheet("Dashboard")?.conditionalFormats.length ?? 0,
      settings: [...book.settings.entries()],
    };
  });

describe("the task pane in Chromium", () => {
  it("loads with no console errors and no request leaving the machine but office.js", async () => {
    const { page, watch } = await openPane();
    await expect.poll(() => page.locator("[data-test=results] li").count()).toBeGreaterThan(40);
    await page.screenshot({ path: artifactPath("pane-catalogue.png"), fullPage: true });
    expect(watch.consoleErrors).toEqual([]);
    expect(offCdn(watch.externalRequests)).toEqual([]);
    await page.close();
  });

  it("speaks French when Office does and finds a KPI from French words", async () => {
    const { page, watch } = await openPane("fr-FR");
    await expect.poll(() => page.locator("[data-test=tab-functions]").textContent()).toBe("Fonctions");
    await page.fill("[data-test=search]", "attrition");
    await expect
      .poll(() => page.locator("[data-test=results] li button").first().getAttribute("data-kpi"))
      .toBe("CHURN");
    await page.fill("[data-test=search]", "panier moyen");
    await expect.poll(() => page.locator("[data-test=results] li button").first().getAttribute("data-kpi")).toBe("AOV");
    await page.screenshot({ path: artifactPath("pane-search-fr.png"), fullPage: true });
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it("switches the interface language on demand", async () => {
    const { page } = await openPane("en-US");
    await page.selectOption("[data-test=language]", "fr");
    await expect.poll(() => page.locator("[data-test=tab-dashboard]").textContent()).toBe("Tableau de bord");
    await page.close();
  });

  it("fills an argument from the selection, previews the result and inserts the formula", async () => {
    const { page, watch } = await openPane();
    await page.fill("[data-test=search]", "average order value");
    await page.locator("[data-kpi=AOV]").click();
    await page.locator("[data-use=revenue]").click();
    // AOV is money: two decimals, as the inserted cell shows it.
    await expect.poll(() => page.locator("[data-test=preview]").textContent()).toBe("100.00");
    await expect.poll(() => page.locator("[data-test=formula]").textContent()).toBe("=KPI.AOV(Sheet1!A2:A4)");
    await page.evaluate(() =>
      (window as unknown as { __fakeSelect: (s: string, a: string) => void }).__fakeSelect("Sheet1", "C1"),
    );
    await page.locator("[data-test=insert]").click();
    await expect.poll(() => page.locator("[data-test=status]").textContent()).toContain("Sheet1!C1");
    expect((await bookState(page)).c1).toBe("=KPI.AOV(Sheet1!A2:A4)");
    // The formula's cell gets AOV's money format in the same request.
    const format = await page.evaluate(
      () =>
        (window as unknown as { __book: { cell: (s: string, a: string) => { numberFormat?: string } } }).__book.cell(
          "Sheet1",
          "C1",
        ).numberFormat,
    );
    expect(format).toBe("#,##0.00");
    await page.screenshot({ path: artifactPath("pane-insert.png"), fullPage: true });
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it("never writes over the answers it reads: with them still selected, the formula goes in the first empty cell below", async () => {
    const { page, watch } = await openPane();
    await page.fill("[data-test=search]", "average order value");
    await page.locator("[data-kpi=AOV]").click();
    await page.locator("[data-use=revenue]").click();
    await expect.poll(() => page.locator("[data-test=formula]").textContent()).toBe("=KPI.AOV(Sheet1!A2:A4)");
    // The selection is still A2:A4, whose first cell is an answer: it must stay as it was.
    await page.locator("[data-test=insert]").click();
    await expect.poll(() => page.locator("[data-test=status]").textContent()).toContain("Sheet1!A5");
    const cells = await page.evaluate(() => {
      const book = (window as unknown as { __book: import("../dashboard/fake-excel.js").FakeWorkbook }).__book;
      const sheet = book.sheets.find((s) => s.name === "Sheet1");
      return { a2: sheet?.cells.get("1,0")?.value, a5: sheet?.cells.get("4,0")?.formula };
    });
    expect(cells).toEqual({ a2: 120, a5: "=KPI.AOV(Sheet1!A2:A4)" });
    await page.screenshot({ path: artifactPath("pane-insert-below.png"), fullPage: true });
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it("refuses, saying why, when no cell near the selection is free, and changes nothing", async () => {
    const { page } = await openPane("fr-FR");
    await page.fill("[data-test=search]", "panier moyen");
    await page.locator("[data-kpi=AOV]").click();
    await page.locator("[data-use=revenue]").click();
    const before = await page.evaluate(() => {
      const book = (window as unknown as { __book: import("../dashboard/fake-excel.js").FakeWorkbook }).__book;
      // Fill every cell the rule looks at: below A4 and right of A2.
      book.put(
        "Sheet1",
        "A5",
        Array.from({ length: 100 }, (_, i) => [i]),
      );
      book.put("Sheet1", "B2", [Array.from({ length: 100 }, (_, i) => i)]);
      return book.sheets.find((s) => s.name === "Sheet1")?.cells.size;
    });
    await page.locator("[data-test=insert]").click();
    await expect.poll(() => page.locator("[data-test=status]").textContent()).toContain("Rien n'a été écrit");
    const after = await page.evaluate(
      () =>
        (window as unknown as { __book: import("../dashboard/fake-excel.js").FakeWorkbook }).__book.sheets.find(
          (s) => s.name === "Sheet1",
        )?.cells.size,
    );
    expect(after).toBe(before);
    await page.screenshot({ path: artifactPath("pane-insert-refused-fr.png"), fullPage: true });
    await page.close();
  });

  it("warns against whole-column references typed as arguments", async () => {
    const { page } = await openPane();
    await page.fill("[data-test=search]", "nps");
    await page.locator("[data-kpi=NPS]").click();
    await page.fill("[data-param=scores]", "Survey!B:B");
    await expect.poll(() => page.locator("[data-test=warning]").textContent()).toContain("exact data rows");
    expect(await page.locator("[data-test=formula]").textContent()).toBe("=KPI.NPS(Survey!B:B)");
    await page.fill("[data-param=scores]", "Survey!B2:B201");
    await expect.poll(() => page.locator("[data-test=warning]").textContent()).toBe("");
    await page.close();
  });

  it("inserts sample data, builds the dashboard in at most 3 syncs and lists the seeded alerts", async () => {
    const { page, watch } = await openPane();
    await page.locator("[data-test=tab-dashboard]").click();
    await page.locator("[data-test=insert-sample]").click();
    await expect.poll(() => page.locator("[data-test=status]").textContent()).toContain("Orders");
    await page.locator("[data-test=detect]").click();
    await expect.poll(() => page.locator("[data-test=mapping] .mapping").count()).toBe(4);
    await page.locator("[data-test=build-dashboard]").click();
    await expect.poll(() => page.locator("[data-test=status]").textContent()).toContain("Dashboard");

    const state = await bookState(page);
    expect(state.sheets).toEqual(["Sheet1", "Orders", "Opportunities", "Survey", "Costs", "Dashboard"]);
    expect(state.tileFormula).toBe("=KPI.AOV(Orders!$F$2:$F$464,Orders!$C$2:$C$464)");
    expect(state.statusFormula).toBe("=KPI.STATUS(B5,C5,TRUE)");
    expect(state.charts).toEqual(SAMPLE_DASHBOARD_CHART_TYPES);
    expect(state.rules).toBe(4);
    expect(state.settings).toEqual([["kpi-dashboard-sheet", "Dashboard"]]);
    expect(state.runs.at(-1)).toBeLessThanOrEqual(3);

    const alerts = page.locator("[data-test=alerts] tr[data-alert]");
    await expect.poll(() => alerts.count()).toBeGreaterThan(0);
    const nps = page.locator("[data-test=alerts] tr[data-alert=NPS]");
    expect(await nps.locator(".badge").textContent()).toBe("ALERT");
    // The sample survey's NPS, as the core computes it, in whole points (its registry unit), then its target.
    const survey = sampleSheets("en").find((sheet) => sheet.role === "survey")!;
    const expectedNps = evaluate(kpiById("NPS")!, [survey.rows.map((row) => [row[1] ?? null])]) as number;
    expect(await nps.locator("td").allTextContents()).toEqual(expect.arrayContaining([expectedNps.toFixed(0), "30"]));
    await page.screenshot({ path: artifactPath("pane-dashboard-alerts.png"), fullPage: true });

    // A rebuild replaces the dashboard it made, and only that sheet.
    await page.locator("[data-test=build-dashboard]").click();
    await expect.poll(async () => (await bookState(page)).runs.length).toBeGreaterThan(state.runs.length);
    await expect.poll(async () => (await bookState(page)).sheets).toEqual(state.sheets);
    expect(watch.consoleErrors).toEqual([]);
    expect(offCdn(watch.externalRequests)).toEqual([]);
    await page.close();
  });

  it("builds the dashboard with the mapping the user corrected", async () => {
    const { page } = await openPane();
    await page.locator("[data-test=tab-dashboard]").click();
    await page.locator("[data-test=insert-sample]").click();
    await expect.poll(() => page.locator("[data-test=status]").textContent()).toContain("Orders");
    await page.locator("[data-test=detect]").click();
    // Orders: count each product as an "order" instead of the order column.
    await page.selectOption("select[data-table='0'][data-role=order]", "4");
    await page.locator("[data-test=build-dashboard]").click();
    await expect.poll(() => page.locator("[data-test=status]").textContent()).toContain("Dashboard");
    expect((await bookState(page)).tileFormula).toBe("=KPI.AOV(Orders!$F$2:$F$464,Orders!$E$2:$E$464)");
    await page.close();
  });

  it("lets the user choose which of two orders tables feeds the dashboard", async () => {
    const { page, watch } = await openPane();
    await page.locator("[data-test=tab-dashboard]").click();
    // The sample twice: the second copy's sheets get new names, so there are two tables of each kind.
    for (let copy = 0; copy < 2; copy++) {
      await page.evaluate(() => {
        const status = document.querySelector("[data-test=status]");
        if (status) status.textContent = "";
      });
      await page.locator("[data-test=insert-sample]").click();
      await expect.poll(() => page.locator("[data-test=status]").textContent()).toContain("Orders");
    }
    await page.locator("[data-test=detect]").click();
    const orders = page.locator("[data-test=table-choice] select[data-choose-kind=orders]");
    await expect.poll(() => orders.locator("option").count()).toBe(2);
    const second = (await orders.locator("option").nth(1).getAttribute("value")) ?? "";
    expect(second).not.toMatch(/^Orders!/);
    await orders.selectOption(second);
    await page.locator("[data-test=build-dashboard]").click();
    await expect.poll(() => page.locator("[data-test=status]").textContent()).toContain("Dashboard");
    const sheet = second.slice(0, second.lastIndexOf("!"));
    expect((await bookState(page)).tileFormula).toContain(`${sheet}!$F$2:$F$464`);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it("builds the dashboard in one click from the first screen and shows its alerts", async () => {
    const { page, watch } = await openPane();
    await page.locator("[data-test=tab-dashboard]").click();
    await page.locator("[data-test=insert-sample]").click();
    await expect.poll(() => page.locator("[data-test=status]").textContent()).toContain("Orders");
    // Back on the first screen, without detecting or mapping anything.
    await page.locator("[data-test=tab-functions]").click();
    await page.locator("[data-test=quick-dashboard]").click();
    await expect.poll(() => page.locator("[data-test=status]").textContent()).toContain("Dashboard");
    expect((await bookState(page)).sheets.at(-1)).toBe("Dashboard");
    expect(await page.locator("[data-test=tab-dashboard]").getAttribute("aria-selected")).toBe("true");
    await expect.poll(() => page.locator("[data-test=alerts] tr[data-alert]").count()).toBeGreaterThan(0);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it("builds a native chart next to the selected data", async () => {
    const { page, watch } = await openPane();
    await page.locator("[data-test=tab-chart]").click();
    await page.evaluate(() =>
      (window as unknown as { __fakeSelect: (s: string, a: string) => void }).__fakeSelect("Sheet1", "A1:A4"),
    );
    await page.selectOption("[data-test=chart-type]", "line");
    await page.locator("[data-test=build-chart]").click();
    await expect.poll(() => page.locator("[data-test=status]").textContent()).toContain("A1:A4");
    const chart = await page.evaluate(
      () =>
        (window as unknown as { __book: import("../dashboard/fake-excel.js").FakeWorkbook }).__book.sheets[0]
          ?.charts[0],
    );
    expect(chart).toMatchObject({ type: "Line", source: "Sheet1!A1:A4", anchor: "C1" });
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });
});
