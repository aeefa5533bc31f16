import { mkdirSync } from "node:fs";
import type { Server } from "node:http";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { buildPlayground, isBuildFresh, PLAYGROUND_DIR, serveStatic } from "../../../scripts/serve.js";
import { artifactPath, launchBrowser, watchPage } from "./browser.js";

/** The playground served and driven in Chromium: what its browser tests share (each test file gets its own server). */

export type Lang = "en" | "fr";

export interface PageWindow {
  playground: {
    univerAPI: any; // eslint-disable-line @typescript-eslint/no-explicit-any
    host: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
}

let server: Server;
let url: string;
let browser: Browser;

/** Serves the built playground and opens Chromium for the tests of the calling file. */
export function usePlayground(): void {
  beforeAll(async () => {
    if (!isBuildFresh()) buildPlayground();
    const served = await serveStatic(PLAYGROUND_DIR, 0);
    server = served.server;
    url = served.url;
    browser = await launchBrowser();
    mkdirSync(artifactPath(""), { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });
}

/** French numbers group thousands with (narrow) no-break spaces: compared as plain spaces. */
export const plain = (text: unknown): string => String(text).replace(/[\u00a0\u202f]/g, " ");

/** A blank page of the test file's browser (for pages that do not open the playground). */
export const blankPage = (viewport: { width: number; height: number }): Promise<Page> => browser.newPage({ viewport });

/** A fresh profile (empty storage) on the page in `lang`, once Univer has computed the KPIs sheet. */
export async function openPage(lang: Lang, viewport = { width: 1400, height: 900 }, context?: BrowserContext) {
  const ctx = context ?? (await browser.newContext({ viewport }));
  const page = await ctx.newPage();
  const watched = watchPage(page);
  await page.goto(`${url}?lang=${lang}`);
  await kpisComputed(page);
  return { page, context: ctx, watched };
}

export async function kpisComputed(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      (window as unknown as PageWindow).playground?.univerAPI
        .getActiveWorkbook()
        ?.getSheetByName("KPIs")
        ?.getRange("C3")
        .getRawValue() != null,
    null,
    { timeout: 60_000 },
  );
}

/** What the grid shows in cells of a sheet (the formatted text), once the pending calculation is applied. */
export async function shown(page: Page, sheet: string, addresses: string[]): Promise<string[]> {
  await page.evaluate(() => (window as unknown as PageWindow).playground.host.calculated());
  const texts = await page.evaluate(
    ({ sheet, addresses }) => {
      const ws = (window as unknown as PageWindow).playground.univerAPI.getActiveWorkbook().getSheetByName(sheet);
      return addresses.map((a) => String(ws.getRange(a).getDisplayValue()));
    },
    { sheet, addresses },
  );
  return texts.map(plain);
}

export async function raw(page: Page, sheet: string, addresses: string[]): Promise<unknown[]> {
  return page.evaluate(
    (cells) => (window as unknown as PageWindow).playground.host.readCells(cells) as Promise<unknown[]>,
    addresses.map((a) => `'${sheet}'!${a}`),
  );
}

/** Where a cell of the active sheet is on screen (its centre), from Univer's cell rectangle over its canvas. */
export async function cellPoint(page: Page, a1: string): Promise<{ x: number; y: number }> {
  return page.evaluate((address) => {
    const { univerAPI } = (window as unknown as PageWindow).playground;
    const rect = univerAPI.getActiveWorkbook().getActiveSheet().getRange(address).getCellRect();
    const canvases = Array.from(document.querySelectorAll<HTMLCanvasElement>("#sheet canvas"));
    const grid = canvases.sort((a, b) => b.clientWidth * b.clientHeight - a.clientWidth * a.clientHeight)[0];
    const origin = grid?.getBoundingClientRect() ?? { left: 0, top: 0 };
    return { x: origin.left + rect.left + rect.width / 2, y: origin.top + rect.top + rect.height / 2 };
  }, a1);
}

/** Clicks a cell of the active sheet, types like a user and presses Enter. */
export async function typeInto(page: Page, a1: string, text: string): Promise<void> {
  const point = await cellPoint(page, a1);
  await page.mouse.click(point.x, point.y);
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
  await page.evaluate(() => (window as unknown as PageWindow).playground.host.calculated());
}

/** Activates a sheet and selects a cell on it, as a click would (the selection events fire). */
export async function activate(page: Page, sheet: string, a1 = "A1"): Promise<void> {
  await page.evaluate(
    ({ sheet, a1 }) => {
      const ws = (window as unknown as PageWindow).playground.univerAPI.getActiveWorkbook().getSheetByName(sheet);
      ws.activate();
      ws.getRange(a1).activate();
    },
    { sheet, a1 },
  );
}

export const SHEETS = {
  en: { orders: "Orders", costs: "Costs", opportunities: "Opportunities" },
  fr: { orders: "Commandes", costs: "Coûts", opportunities: "Opportunités" },
} as const;
