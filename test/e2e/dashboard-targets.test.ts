import { build } from "esbuild";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { sampleSheets } from "../../core/dashboard/index.js";
import { t } from "../../pane/strings.js";
import { artifactPath } from "./helpers/browser.js";
import { blankPage, openPage, usePlayground, type PageWindow } from "./helpers/playground-page.js";

usePlayground();

/** A fresh page in `lang`, once Univer has computed the KPIs sheet. */
async function open(lang: "en" | "fr"): Promise<Page> {
  return (await openPage(lang, { width: 1440, height: 900 })).page;
}

/** Builds (or rebuilds) the dashboard with the pane's own button, as a user does. */
async function buildFromPane(page: Page, done: string): Promise<void> {
  await page.click("#pane [data-test=tab-dashboard]");
  await page.evaluate(() => {
    const status = document.querySelector("#pane [data-test=status]");
    if (status) status.textContent = "";
  });
  await page.click("#pane [data-test=build-dashboard]");
  await expect.poll(() => page.textContent("#pane [data-test=status]"), { timeout: 60_000 }).toContain(done);
}

/** Values of cells of the dashboard sheet once Univer has applied the pending calculation. */
function read(page: Page, sheet: string, cells: string[]): Promise<unknown[]> {
  return page.evaluate(
    (addresses) => (window as unknown as PageWindow).playground.host.readCells(addresses) as Promise<unknown[]>,
    cells.map((a) => `'${sheet}'!${a}`),
  );
}

/** The user types a number into a cell of the sheet. */
async function edit(page: Page, sheet: string, a1: string, value: number): Promise<void> {
  await page.evaluate(
    ({ sheet, a1, value }) =>
      (window as unknown as PageWindow).playground.univerAPI
        .getActiveWorkbook()
        .getSheetByName(sheet)
        .getRange(a1)
        .setValue(value),
    { sheet, a1, value },
  );
}

/** The 1-based row of the tile with this label, from the tile table under the header in row 4. */
async function tileRow(page: Page, sheet: string, label: string): Promise<number> {
  const labels = await read(
    page,
    sheet,
    Array.from({ length: 20 }, (_, i) => `A${5 + i}`),
  );
  const index = labels.indexOf(label);
  if (index < 0) throw new Error(`no tile "${label}" in ${JSON.stringify(labels)}`);
  return 5 + index;
}

/** The Alerts box beside the tiles: [status, label] rows, down to its first empty row. */
async function alertsBox(page: Page, sheet: string): Promise<string[][]> {
  const cells = await read(page, sheet, Array.from({ length: 16 }, (_, i) => [`G${5 + i}`, `H${5 + i}`]).flat());
  const rows: string[][] = [];
  for (let i = 0; i + 1 < cells.length; i += 2) {
    if (cells[i + 1] === null || cells[i + 1] === "") break;
    rows.push([String(cells[i] ?? ""), String(cells[i + 1])]);
  }
  return rows;
}

/**
 * The colour Univer painted at the middle-left of a cell of the active sheet, read from its grid canvas (the chart
 * panels are DOM above the canvas, so they never hide a cell's own pixels).
 */
function cellColour(page: Page, a1: string): Promise<string> {
  return page.evaluate((address) => {
    const { univerAPI } = (window as unknown as PageWindow).playground;
    const rect = univerAPI.getActiveWorkbook().getActiveSheet().getRange(address).getCellRect();
    const canvases = Array.from(document.querySelectorAll<HTMLCanvasElement>("#sheet canvas"));
    const grid = canvases.sort((a, b) => b.clientWidth * b.clientHeight - a.clientWidth * a.clientHeight)[0]!;
    const scale = grid.width / grid.clientWidth;
    const pixel = grid
      .getContext("2d")!
      .getImageData(Math.round((rect.left + 4) * scale), Math.round((rect.top + rect.height / 2) * scale), 1, 1).data;
    return `rgb(${pixel[0]},${pixel[1]},${pixel[2]})`;
  }, a1);
}

describe("the dashboard keeps the user's work (playground)", () => {
  it("follows an edited target in STATUS and the Alerts box, and a rebuild keeps it", async () => {
    const page = await open("en");
    await buildFromPane(page, "Dashboard built");
    const sheet = "Dashboard";
    const nps = await tileRow(page, sheet, "Net Promoter Score");
    const [value, target, status] = await read(page, sheet, [`B${nps}`, `C${nps}`, `D${nps}`]);
    expect(target).toBe(30);
    expect(status).toBe("ALERT");
    expect((await alertsBox(page, sheet)).map((r) => r[1])).toContain("Net Promoter Score");
    const paneNps = page.locator("#pane [data-test=alerts] tr[data-alert=NPS]");
    expect(await paneNps.count()).toBe(1);

    // The sample NPS is low: aim at a negative NPS just under it, which STATUS now takes.
    const aim = Math.floor(value as number) - 12;
    expect(aim).toBeLessThan(0);
    await edit(page, sheet, `C${nps}`, aim);
    const [after] = await read(page, sheet, [`D${nps}`]);
    expect(after).toBe("OK");
    expect((await alertsBox(page, sheet)).map((r) => r[1])).not.toContain("Net Promoter Score");
    // The pane's Alerts list follows the sheet as well: it reads the tiles back when the selection moves.
    await page.evaluate((name) => {
      const board = (window as unknown as PageWindow).playground.univerAPI.getActiveWorkbook().getSheetByName(name);
      board.getRange(0, 0).activate();
      board.getRange(1, 1).activate();
    }, sheet);
    await expect.poll(() => paneNps.count()).toBe(0);
    await page.screenshot({ path: artifactPath("dashboard-target-edited.png") });

    await buildFromPane(page, "Dashboard built");
    const sheets = await page.evaluate(() => (window as unknown as PageWindow).playground.host.listSheets());
    expect(sheets.filter((s: { dashboard: boolean }) => s.dashboard)).toHaveLength(1);
    const row = await tileRow(page, sheet, "Net Promoter Score");
    expect(await read(page, sheet, [`C${row}`, `D${row}`])).toEqual([aim, "OK"]);
    expect((await alertsBox(page, sheet)).map((r) => r[1])).not.toContain("Net Promoter Score");
    await page.close();
  });

  it("paints the cohort retention table with its colour scale", async () => {
    const page = await open("en");
    await buildFromPane(page, "Dashboard built");
    const sheet = "Dashboard";
    // Row 21 holds the first cohort: M0 is 100 % by definition, later months less.
    const [m0, m1] = await read(page, sheet, ["C21", "D21"]);
    expect(m0).toBe(1);
    expect(m1).toBeLessThan(1);
    await page.evaluate(() => {
      const ws = (window as unknown as PageWindow).playground.univerAPI.getActiveWorkbook().getSheetByName("Dashboard");
      ws.activate();
      ws.getRange("A1").activate();
    });
    await page.waitForTimeout(1_000);
    const top = await cellColour(page, "C21");
    const lower = await cellColour(page, "D21");
    const plain = await cellColour(page, "A21");
    // The highest share gets the scale's maximum (#9FD89F), a lower one another colour, a cell outside it white.
    expect(top).toBe("rgb(159,216,159)");
    expect(lower).not.toBe(top);
    expect(lower).not.toBe(plain);
    await page.screenshot({ path: artifactPath("dashboard-cohort-colours.png") });
    await page.close();
  });

  it("shows the statuses in French while the STATUS cells keep their codes", async () => {
    const page = await open("fr");
    await buildFromPane(page, "Tableau de bord");
    const sheet = "Tableau de bord";
    const nps = await tileRow(page, sheet, "Net Promoter Score");
    const [shown, code] = await read(page, sheet, [`D${nps}`, `E${nps}`]);
    expect(code).toBe("ALERT");
    expect(shown).toBe("Alerte");
    const [header] = await read(page, sheet, ["G4"]);
    expect(header).toBe("Alertes");
    const box = await alertsBox(page, sheet);
    expect(box).toContainEqual(["Alerte", "Net Promoter Score"]);
    expect(box.every(([word]) => ["Attention", "Alerte"].includes(word!))).toBe(true);
    await page.screenshot({ path: artifactPath("dashboard-statuses-fr.png") });

    // New data: every respondent now a promoter. The NPS, its status and the Alerts box follow.
    const rows = sampleSheets("fr").find((sheet) => sheet.role === "survey")!.rows.length;
    await page.evaluate(
      (n) =>
        (window as unknown as PageWindow).playground.univerAPI
          .getActiveWorkbook()
          .getSheetByName("Enquête")
          .getRange(`B2:B${n + 1}`)
          .setValues(Array.from({ length: n }, () => [10])),
      rows,
    );
    expect(await read(page, sheet, [`B${nps}`, `D${nps}`, `E${nps}`])).toEqual([100, "OK", "OK"]);
    expect((await alertsBox(page, sheet)).map((r) => r[1])).not.toContain("Net Promoter Score");
    await page.close();
  });

  it("lets the user choose the orders table from a form of text-only options, in French", async () => {
    // The chooser alone, bundled for the page: the pane calls it where the detected tables are listed.
    const bundle = await build({
      stdin: {
        contents:
          'import { tableChoice } from "./pane/table-choice.ts"; import { t } from "./pane/strings.ts";' +
          "Object.assign(window, { tableChoice, t });",
        resolveDir: process.cwd(),
        loader: "ts",
      },
      bundle: true,
      write: false,
      format: "iife",
      platform: "browser",
      target: "es2021",
    });
    const page = await blankPage({ width: 400, height: 400 });
    await page.setContent('<!doctype html><html lang="fr"><body><div id="root"></div></body></html>');
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    const hostile = "'<img src=x onerror=\"window.pwned=1\">'!A1:F41";
    await page.evaluate((hostileAddress) => {
      type Choice = (s: unknown, tables: unknown[], chosen: unknown, choose: (k: string, a: string) => void) => Node;
      const w = window as unknown as {
        tableChoice: Choice;
        t: (lang: string, key: string, ...args: unknown[]) => string;
        chosen?: [string, string];
      };
      const table = (kind: string, address: string) => ({ kind, sheet: "", address, values: [], mapping: {} });
      const form = w.tableChoice(
        (key: string, ...args: unknown[]) => w.t("fr", key, ...args),
        [table("orders", "Commandes!A1:F464"), table("survey", "Enquête!A1:C201"), table("orders", hostileAddress)],
        {},
        (kind, address) => (w.chosen = [kind, address]),
      );
      document.getElementById("root")!.append(form);
    }, hostile);
    const select = page.locator("[data-choose-kind=orders]");
    expect(await select.locator("option").allTextContents()).toEqual(["Commandes!A1:F464", hostile]);
    expect(await page.locator("[data-choose-kind]").count()).toBe(1);
    expect(await page.textContent("[data-test=table-choice] label")).toContain(t("fr", "chooseTableFor", "Commandes"));
    await select.selectOption(hostile);
    expect(await page.evaluate(() => (window as unknown as { chosen: unknown }).chosen)).toEqual(["orders", hostile]);
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await page.screenshot({ path: artifactPath("dashboard-table-choice-fr.png") });
    await page.close();
  });
});
