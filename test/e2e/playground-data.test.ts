/**
 * The user's own data in the playground (issue 16): a CSV export opened from the file picker or dropped on the grid,
 * the workbook and its charts kept across reloads until Reset. Each test runs in English and in French.
 */
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactPath } from "./helpers/browser.js";
import {
  usePlayground,
  openPage,
  kpisComputed,
  shown,
  raw,
  typeInto,
  activate,
  type PageWindow,
} from "./helpers/playground-page.js";

usePlayground();

const CSV = {
  fr: "Date;Client;Commercial;Montant;Statut;Remise\n03/01/2025;Dupont SA;Marie;1 250,50;Gagné;12,5 %\n15/01/2025;Martin;Luc;980;Perdu;5 %\n",
  en: 'Date,Customer,Rep,Amount,Outcome,Discount\n01/03/2025,"Smith, Inc",Mary,"1,250.50",Won,12.5%\n01/15/2025,Jones,Luke,980,Lost,5%\n',
} as const;

describe.each(["en", "fr"] as const)("the user's own data in %s", (lang) => {
  let page: Page;
  let context: BrowserContext;
  let samples: string[];

  beforeAll(async () => {
    ({ page, context } = await openPage(lang));
    samples = await sheetNames();
  });

  afterAll(async () => {
    await context?.close();
  });

  const sheetNames = () =>
    page.evaluate(() =>
      (window as unknown as PageWindow).playground.univerAPI
        .getActiveWorkbook()
        .getSheets()
        .map((s: { getSheetName(): string }) => s.getSheetName()),
    );

  it("opens a CSV export from the file picker into a new sheet, separator and formats detected", async () => {
    const before = await sheetNames();
    await page.setInputFiles("#csv-file", { name: "crm.csv", mimeType: "text/csv", buffer: Buffer.from(CSV[lang]) });
    await expect.poll(sheetNames).toEqual([...before, "crm"]);
    expect(await raw(page, "crm", ["A2", "B2", "D2", "F2", "A3", "D3"])).toEqual([
      45660,
      lang === "fr" ? "Dupont SA" : "Smith, Inc",
      1250.5,
      0.125,
      45672,
      980,
    ]);
    const texts = await shown(page, "crm", ["A2", "D2", "F2"]);
    expect(texts).toEqual(lang === "fr" ? ["03/01/2025", "1 250,50", "12,5 %"] : ["2025-01-03", "1,250.50", "12.5%"]);
    await page.screenshot({ path: artifactPath(`locale-${lang}-csv.png`) });
  });

  it("opens a CSV file dropped on the grid into another new sheet, never over an existing one", async () => {
    const before = await sheetNames();
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], "crm.csv", { type: "text/csv" }));
      const sheet = document.getElementById("sheet") as HTMLElement;
      sheet.dispatchEvent(new DragEvent("dragover", { dataTransfer: data, bubbles: true, cancelable: true }));
      sheet.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    }, CSV[lang]);
    await expect.poll(sheetNames).toEqual([...before, "crm 2"]);
    expect(await raw(page, "crm", ["D2"])).toEqual([1250.5]);
    expect(await raw(page, "crm 2", ["D2"])).toEqual([1250.5]);
  });

  it("keeps the workbook and its charts across a reload, until Reset brings the samples back", async () => {
    await activate(page, "KPIs", "D18");
    await typeInto(page, "D18", "42");
    await page.click("#pane [data-test=tab-dashboard]");
    await page.click("#pane [data-test=build-dashboard]");
    await expect.poll(() => page.locator(".kpi-chart:visible canvas").count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const charts = await page.locator(".kpi-chart").count();
    const names = await sheetNames();
    // Saved a moment after the last change.
    await expect
      .poll(() => page.evaluate((key) => localStorage.getItem(key)?.length ?? 0, `kpi-playground:work:${lang}`))
      .toBeGreaterThan(1000);
    await page.waitForTimeout(600);
    await page.reload();
    await kpisComputed(page);
    expect(await sheetNames()).toEqual(names);
    expect(await raw(page, "KPIs", ["D18"])).toEqual([42]);
    expect(await raw(page, "crm 2", ["D2"])).toEqual([1250.5]);
    await expect.poll(() => page.locator(".kpi-chart").count()).toBe(charts);
    page.once("dialog", (dialog) => void dialog.accept());
    await Promise.all([page.waitForNavigation(), page.click("#reset")]);
    await kpisComputed(page);
    expect(await sheetNames()).toEqual(samples);
    expect(await raw(page, "KPIs", ["D18"])).toEqual([null]);
    expect(await page.locator(".kpi-chart").count()).toBe(0);
  });
});
