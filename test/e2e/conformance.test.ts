import type { Server } from "node:http";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cellName, quoteSheet } from "../../core/plan/a1.js";
import { buildPlayground, isBuildFresh, PLAYGROUND_DIR, serveStatic } from "../../scripts/serve.js";
import { CASES } from "../hosts/cases.js";
import { CASES_SHEET, cellsOf, formulaOf, layOut, spillRows, type PlacedCase } from "../hosts/layout.js";
import { addressedOutcome, coreOutcome, expectSameOutcome, type Outcome } from "../hosts/outcome.js";
import { artifactPath, launchBrowser } from "./helpers/browser.js";

/**
 * The conformance table's third host: the playground in Chromium. Every case is typed as a real formula over
 * cells of a "Cases" sheet (empty cells left empty, not written as 0 or ""), Univer computes it through the
 * built page, and the result is read back from the grid; an error's cause is read from the status line with its
 * cell selected, as a user sees it.
 */

/** The page's test handle (set by playground/main.ts), typed loosely: Univer's facade lives in the page. */
interface PageWindow {
  playground: { univerAPI: any; host: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

let server: Server;
let browser: Browser;
let page: Page;
const placed = layOut(CASES);

beforeAll(async () => {
  if (!isBuildFresh()) buildPlayground();
  const served = await serveStatic(PLAYGROUND_DIR, 0);
  server = served.server;
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(served.url);
  await page.waitForFunction(() => (window as unknown as PageWindow).playground?.univerAPI?.getActiveWorkbook(), null, {
    timeout: 60_000,
  });
  const rows = Math.max(...placed.map((p) => p.formula.row + spillRows(p.c))) + 10;
  await page.evaluate(
    ({ sheetName, rows, cells, formulas }) => {
      const { univerAPI } = (window as unknown as PageWindow).playground;
      const workbook = univerAPI.getActiveWorkbook();
      const sheet = workbook.insertSheet(sheetName, { sheet: { rowCount: rows, columnCount: 60 } });
      const matrix: Record<number, Record<number, { v?: unknown; f?: string }>> = {};
      for (const { row, col, value } of cells) (matrix[row] ??= {})[col] = { v: value };
      for (const { row, col, formula } of formulas) (matrix[row] ??= {})[col] = { f: formula };
      sheet.getRange(0, 0, rows, 60).setValues(matrix);
      sheet.activate();
      // Ninety-odd formulas at once: more time than the pane's own wait on a loaded two-core machine.
      return univerAPI.getFormula().onCalculationResultApplied(120_000);
    },
    {
      sheetName: CASES_SHEET,
      rows,
      cells: cellsOf(placed),
      formulas: placed.map((p) => ({ ...p.formula, formula: formulaOf(p) })),
    },
  );
  // The sheet's selection events only flow once its view is up: select cells until one is seen.
  await page.evaluate(() => {
    const { univerAPI } = (window as unknown as PageWindow).playground;
    univerAPI.addEvent(univerAPI.Event.SelectionChanged, () => Object.assign(window, { selectionSeen: true }));
  });
  await page.waitForFunction(
    () => {
      const sheet = (window as unknown as PageWindow).playground.univerAPI.getActiveWorkbook().getActiveSheet();
      sheet.getRange(0, 0).activate();
      sheet.getRange(1, 1).activate();
      return (window as unknown as { selectionSeen?: boolean }).selectionSeen === true;
    },
    null,
    { timeout: 30_000, polling: 250 },
  );
}, 240_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** What the playground shows for a placed case: the cells of its result, or its error code and cause. */
async function playgroundOutcome(at: PlacedCase, expected: Outcome): Promise<Outcome> {
  const height = "value" in expected && Array.isArray(expected.value) ? expected.value.length : 1;
  const width =
    "value" in expected && Array.isArray(expected.value)
      ? ((expected.value[0] as unknown[] | undefined)?.length ?? 1)
      : 1;
  const addresses: string[] = [];
  for (let r = 0; r < height; r++)
    for (let c = 0; c < width; c++)
      addresses.push(`${quoteSheet(CASES_SHEET)}!${cellName(at.formula.row + r, at.formula.col + c)}`);
  const values = (await page.evaluate(
    (cells) => (window as unknown as PageWindow).playground.host.readCells(cells),
    addresses,
  )) as unknown[];
  const first = values[0];
  if (
    typeof first === "string" &&
    /^#[A-Z0-9/!?]+$/.test(first) &&
    !("value" in expected && Array.isArray(expected.value))
  ) {
    // Select the cell, as a user would, and read the cause the status line gives for it.
    const status = await page.evaluate(async ({ row, col }) => {
      const { univerAPI } = (window as unknown as PageWindow).playground;
      univerAPI.getActiveWorkbook().getActiveSheet().getRange(row, col).activate();
      const status = document.getElementById("status");
      // The selection event arrives after activate() returns.
      for (let waited = 0; waited < 2_000 && !status?.textContent; waited += 25) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      return status?.textContent ?? "";
    }, at.formula);
    const match = /^(#[A-Z0-9/!?]+) KPI\.([A-Z0-9_]+): (.*)$/s.exec(status);
    return { code: first, detail: match?.[3] ?? `(status line: "${status}")` };
  }
  if (!("value" in expected) || !Array.isArray(expected.value)) return { value: first };
  return { value: Array.from({ length: height }, (_, r) => values.slice(r * width, (r + 1) * width)) };
}

describe("the same case table in the playground (Univer in Chromium), typed as formulas over real cells", () => {
  for (const at of placed) {
    const why = at.c.differs?.playground;
    it.skipIf(why !== undefined)(`${at.c.name}: the playground agrees with the core`, async () => {
      const core = coreOutcome(at.c);
      const shown = await playgroundOutcome(at, core);
      expectSameOutcome(shown, core, `playground (${formulaOf(at)})`, at.c.tolerance?.relative);
      // References are named by their address, as in Excel desktop: the same words from the same layout.
      const addressed = addressedOutcome(at);
      if ("code" in shown && "code" in addressed) expect(shown.detail).toBe(addressed.detail);
    });
  }

  it("leaves a screenshot of the cases sheet", async () => {
    await page.screenshot({ path: artifactPath("conformance-playground.png") });
  });
});
