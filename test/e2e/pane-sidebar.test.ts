import { execSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleSheets, sampleTable } from "../../core/dashboard/index.js";
import { evaluate, kpiById } from "../../core/index.js";
import { artifactPath, launchBrowser, watchPage } from "./helpers/browser.js";

/**
 * The BUILT Sheets sidebar (dist/gas/Sidebar.html: one file, pane inlined) in Chromium, with a recording
 * `google.script.run` that answers like the server functions of gas/dashboard-server.ts would.
 */

const SIDEBAR = path.resolve("dist/gas/Sidebar.html");
let server: Server;
let url = "";
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(SIDEBAR)) execSync("npm run build:gas", { stdio: "inherit" });
  mkdirSync(artifactPath(""), { recursive: true });
  server = createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "text/html" });
    response.end(readFileSync(SIDEBAR));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** Canned server answers: the French sample workbook, a selection on the order amounts. */
function serverAnswers() {
  const tables = sampleSheets("fr").map(sampleTable);
  const orders = tables[0]!;
  return {
    kpiDashboardLanguage: "fr-FR",
    kpiDashboardReadTables: tables,
    kpiDashboardListSheets: tables.map((t) => ({ name: t.sheet, dashboard: false })),
    kpiDashboardGetSelection: {
      address: "Commandes!F2:F4",
      sheet: "Commandes",
      values: orders.values.slice(1, 4).map((row) => [row[5]]),
    },
    kpiDashboardInsertFormula: "Commandes!H2",
    kpiDashboardExecutePlan: { sheets: ["Tableau de bord"] },
  };
}

/** Installs google.script.run in the page: every call is recorded (name, JSON args) and answered asynchronously. */
function fakeScriptRun(answers: Record<string, unknown>): string {
  return `(() => {
    const answers = ${JSON.stringify(answers)};
    window.__calls = [];
    const runner = (success, failure) => new Proxy({}, {
      get(_t, name) {
        if (name === "withSuccessHandler") return (handler) => runner(handler, failure);
        if (name === "withFailureHandler") return (handler) => runner(success, handler);
        return (...args) => {
          window.__calls.push({ name, args: JSON.parse(JSON.stringify(args)) });
          setTimeout(() => name in answers ? success && success(answers[name]) : failure && failure(new Error("no " + name)), 5);
        };
      },
    });
    window.google = { script: { get run() { return runner(null, null); } } };
  })();`;
}

async function openSidebar(): Promise<{ page: Page; watch: ReturnType<typeof watchPage> }> {
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  const watch = watchPage(page);
  await page.addInitScript(fakeScriptRun(serverAnswers()));
  await page.goto(url);
  await page.locator("[data-test=search]").waitFor();
  return { page, watch };
}

const calls = (page: Page) =>
  page.evaluate(() => (window as unknown as { __calls: { name: string; args: unknown[] }[] }).__calls);

describe("the Sheets sidebar in Chromium", () => {
  it("loads in the user's language with no console errors and no request at all", async () => {
    const { page, watch } = await openSidebar();
    await expect.poll(() => page.locator("[data-test=tab-functions]").textContent()).toBe("Fonctions");
    await page.fill("[data-test=search]", "attrition");
    await expect
      .poll(() => page.locator("[data-test=results] li button .name").first().textContent())
      .toBe("KPI_CHURN");
    await page.screenshot({ path: artifactPath("sidebar-search-fr.png"), fullPage: true });
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.externalRequests).toEqual([]);
    await page.close();
  });

  it("inserts a KPI_ formula over the selection through the server", async () => {
    const { page, watch } = await openSidebar();
    await page.fill("[data-test=search]", "panier moyen");
    await page.locator("[data-kpi=AOV]").click();
    await page.locator("[data-use=revenue]").click();
    await expect.poll(() => page.locator("[data-test=formula]").textContent()).toBe("=KPI_AOV(Commandes!F2:F4)");
    await page.locator("[data-test=insert]").click();
    await expect.poll(() => page.locator("[data-test=status]").textContent()).toContain("Commandes!H2");
    expect((await calls(page)).find((c) => c.name === "kpiDashboardInsertFormula")?.args).toEqual([
      "=KPI_AOV(Commandes!F2:F4)",
      null,
      // AOV is money: the server formats the formula's cell with the unit's code.
      [["#,##0.00"]],
    ]);
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });

  it("sends the dashboard plan as JSON in Sheets syntax and lists the seeded alerts", async () => {
    const { page, watch } = await openSidebar();
    await page.locator("[data-test=tab-dashboard]").click();
    await page.locator("[data-test=build-dashboard]").click();
    await expect.poll(() => page.locator("[data-test=status]").textContent()).toContain("Tableau de bord");
    const execute = (await calls(page)).filter((c) => c.name === "kpiDashboardExecutePlan");
    expect(execute).toHaveLength(1);
    const plan = execute[0]!.args[0] as { sheets: { blocks: { cells: unknown[][] }[]; charts: unknown[] }[] };
    const formulas = plan.sheets[0]!.blocks.flatMap((b) => b.cells.flat()).filter(
      (c) => typeof c === "string" && c.startsWith("="),
    );
    expect(formulas).toContain("=KPI_AOV(Commandes!$F$2:$F$464,Commandes!$C$2:$C$464)");
    expect(formulas).toContain('=KPI_WINRATE(\'Opportunités\'!$D$2:$D$151,"Gagné","Perdu")');
    expect(formulas.some((f) => String(f).includes("KPI."))).toBe(false);
    expect(plan.sheets[0]!.charts).toHaveLength(8);
    const nps = page.locator("[data-test=alerts] tr[data-alert=NPS]");
    expect(await nps.locator(".badge").textContent()).toBe("ALERT");
    // The sample survey's NPS, as the core computes it, in whole points (NPS's unit).
    const survey = sampleSheets("fr").find((sheet) => sheet.role === "survey")!;
    const expectedNps = evaluate(kpiById("NPS")!, [survey.rows.map((row) => [row[1] ?? null])]) as number;
    expect(await nps.locator("td").nth(1).textContent()).toBe(String(Math.round(expectedNps)));
    await page.screenshot({ path: artifactPath("sidebar-dashboard-fr.png"), fullPage: true });
    expect(watch.consoleErrors).toEqual([]);
    await page.close();
  });
});
