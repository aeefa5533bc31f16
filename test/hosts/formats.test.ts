import { afterEach, describe, expect, it, vi } from "vitest";
import { executeExcelPlan } from "../../addin/taskpane/excel-executor.js";
import { excelHost } from "../../addin/taskpane/excel-host.js";
import {
  buildDashboard,
  cellName,
  detectTables,
  parseAddress,
  sampleSheets,
  sampleTable,
  type DashboardPlan,
  type Lang,
  type PlanValue,
} from "../../core/dashboard/index.js";
import { kpiNumberFormat } from "../../core/format/kpi-formats.js";
import { evaluate, kpiById } from "../../core/index.js";
import { executeSheetsPlan, kpiDashboardInsertFormula, type SheetsServices } from "../../gas/dashboard-server.js";
import { BY_GROUP, formulaOf, type ArgInput } from "../../pane/arguments.js";
import { callUnit, insertionFormats, resultRows } from "../../pane/format.js";
import { localPattern } from "../../playground/csv.js";
import { UniverHost } from "../../playground/univer-host.js";
import { fakeContext, fakeExcelRun, FakeWorkbook } from "../dashboard/fake-excel.js";
import { fakeAppsSheet } from "./fake-apps-sheet.js";

/**
 * One KPI, one number format, whichever host the pane drives: the pane decides the formats of an inserted formula
 * from the registry's unit, and the Excel, Sheets and Univer hosts each put exactly those on the cells; the
 * dashboard's tiles get the same code in Excel and Sheets. Each host is a fake of its API (recording what the
 * host asks), so the test checks what every host is told to do, not how each renders it.
 */

type Grid = PlanValue[][];

/** The sheet every insert case starts from: deals, survey answers, order dates and amounts. */
const DATA: Grid = [
  ["Outcome", "Owner", "Score", "Date", "Amount"],
  ["Won", "Ann", 9, 46027, 100],
  ["Lost", "Bob", 10, 46042, 50],
  ["Won", "Bob", 3, 46091, 120],
];
const column = (c: number): Grid => DATA.slice(1).map((row) => [row[c] ?? null]);
const ref = (c: number): string => `Data!${cellName(1, c)}:${cellName(DATA.length - 1, c)}`;
const fromSelection = (c: number): ArgInput => ({ text: ref(c), values: column(c) });

interface InsertCase {
  readonly name: string;
  readonly kpi: string;
  readonly args: Record<string, ArgInput>;
  /** The formats every host must hold from the formula's cell, down and right. */
  readonly expected: (lang: Lang) => string[][];
}

const CASES: InsertCase[] = [
  {
    name: "a rate",
    kpi: "WINRATE",
    args: { outcomes: fromSelection(0) },
    expected: () => [["0.0%"]],
  },
  { name: "NPS points", kpi: "NPS", args: { scores: fromSelection(2) }, expected: () => [["0"]] },
  {
    name: "a spill of months, amounts and changes",
    kpi: "PERIODS",
    args: { dates: fromSelection(3), values: fromSelection(4) },
    // PERIODS by month (its default): each row starts with its month.
    expected: () => Array.from({ length: 3 }, () => ["mmm yyyy", "#,##0.00", "0.0%", "0.0%"]),
  },
  {
    name: "a KPI per group through BY",
    kpi: "WINRATE",
    args: { outcomes: fromSelection(0), [BY_GROUP]: fromSelection(1) },
    expected: () => [
      ["General", "0.0%"],
      ["General", "0.0%"],
    ],
  },
];

/** Where each insert goes: a free cell right of the data, so the placement rule takes it as it is. */
const TARGET = "H2";

function paneFormats(test: InsertCase, lang: Lang): { formula: string; formats: string[][] } {
  const kpi = kpiById(test.kpi)!;
  const args = new Map(Object.entries(test.args));
  return { formula: formulaOf(kpi, args, "excel"), formats: insertionFormats(kpi, args, lang) };
}

/** Reads back the formats of the block the expected grid covers, from the formula's cell. */
const block = (read: (row: number, col: number) => string | undefined, size: string[][]) =>
  size.map((row, r) => row.map((_, c) => read(parseAddress(TARGET).rect.row + r, parseAddress(TARGET).rect.col + c)));

async function insertInExcel(formula: string, formats: string[][], lang: Lang) {
  const book = new FakeWorkbook(["Data"]);
  book.put("Data", "A1", DATA);
  book.displayLanguage = lang === "fr" ? "fr-FR" : "en-US";
  vi.stubGlobal("Excel", { run: fakeExcelRun(book) });
  vi.stubGlobal("Office", { context: { displayLanguage: book.displayLanguage } });
  await excelHost.insertFormula(formula, `Data!${TARGET}`, formats);
  return (row: number, col: number) => book.mustSheet("Data").cells.get(`${row},${col}`)?.numberFormat;
}

/** The pane's insert server function over a Sheets grid holding DATA, recording the number formats it writes. */
function insertInSheets(formula: string, formats: string[][]) {
  const cells = new Map<string, PlanValue>();
  DATA.forEach((row, r) => row.forEach((v, c) => cells.set(cellName(r, c), v)));
  const numberFormats = fakeAppsSheet("Data", cells, { selection: TARGET, locale: "en" });
  kpiDashboardInsertFormula(formula, `Data!${TARGET}`, formats);
  return (row: number, col: number) => numberFormats.get(cellName(row, col));
}

/** A Univer workbook reduced to what UniverHost.insertFormula asks of the facade. */
async function insertInUniver(formula: string, formats: string[][], lang: Lang) {
  const cells = new Map<string, PlanValue>();
  DATA.forEach((row, r) => row.forEach((v, c) => cells.set(`${r},${c}`, v)));
  const numberFormats = new Map<string, string>();
  const sheet = {
    getSheetName: () => "Data",
    getMaxRows: () => 1000,
    getMaxColumns: () => 26,
    getRange(row: number, col: number, rows = 1, cols = 1) {
      const grid = <T>(read: (r: number, c: number) => T) =>
        Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => read(row + r, col + c)));
      const at = (r: number, c: number) => cells.get(`${r},${c}`);
      return {
        getRow: () => row,
        getColumn: () => col,
        getHeight: () => rows,
        getWidth: () => cols,
        getUnitId: () => "book",
        getSheetId: () => "data",
        getA1Notation: () => cellName(row, col),
        getFormulas: () => grid((r, c) => (String(at(r, c) ?? "").startsWith("=") ? at(r, c) : "")),
        getRawValues: () => grid((r, c) => at(r, c) ?? null),
        setFormula: (text: string) => cells.set(`${row},${col}`, text),
        setNumberFormat: (code: string) => grid((r, c) => numberFormats.set(`${r},${c}`, code)),
        setNumberFormats: (codes: string[][]) =>
          codes.forEach((line, r) => line.forEach((code, c) => numberFormats.set(`${row + r},${col + c}`, code))),
      };
    },
  };
  const workbook = { getActiveSheet: () => sheet, getSheetByName: () => sheet };
  const api = {
    addEvent: () => undefined,
    Event: {},
    getActiveWorkbook: () => workbook,
    getFormula: () => ({
      calculationResultApplied: () => undefined,
      onCalculationResultApplied: async () => undefined,
    }),
  };
  vi.stubGlobal("window", { addEventListener: () => undefined });
  const host = new UniverHost(api as never, {} as never, lang, () => null);
  await host.insertFormula(formula, `Data!${TARGET}`, formats);
  return (row: number, col: number) => numberFormats.get(`${row},${col}`);
}

afterEach(() => vi.unstubAllGlobals());

describe("an inserted formula's number format", () => {
  for (const lang of ["en", "fr"] as const)
    for (const test of CASES) {
      it(`is the same in Excel, Sheets and Univer for ${test.name} (${test.kpi}, ${lang})`, async () => {
        const { formula, formats } = paneFormats(test, lang);
        const expected = test.expected(lang);
        expect(formats).toEqual(expected);
        expect(block(await insertInExcel(formula, formats, lang), expected)).toEqual(expected);
        expect(block(insertInSheets(formula.replace(/KPI\.BYGROUP|KPI\./g, "KPI_"), formats), expected)).toEqual(
          expected,
        );
        // The playground writes the same codes as the page's language shows them (dd/mm/yyyy, a space before %).
        const local = expected.map((row) => row.map((code) => (code === undefined ? code : localPattern(code, lang))));
        expect(block(await insertInUniver(formula, formats, lang), expected)).toEqual(local);
      });
    }

  it("stays on the formula's own cell when the spill would land on data", async () => {
    const { formula, formats } = paneFormats(CASES[2]!, "en");
    const book = new FakeWorkbook(["Data"]);
    book.put("Data", "A1", DATA);
    book.put("Data", "I4", [["keep me"]]);
    vi.stubGlobal("Excel", { run: fakeExcelRun(book) });
    vi.stubGlobal("Office", { context: { displayLanguage: "en-US" } });
    await excelHost.insertFormula(formula, `Data!${TARGET}`, formats);
    expect(book.cell("Data", TARGET)?.numberFormat).toBe("mmm yyyy");
    expect(book.cell("Data", "I2")?.numberFormat).toBeUndefined();
    expect(book.cell("Data", "I4")?.numberFormat).toBeUndefined();
  });
});

describe("the pane's preview of the same calls", () => {
  it("shows each value in its unit, in the user's language, with the decimals the cells get", () => {
    const preview = (test: InsertCase, lang: Lang) => {
      const kpi = kpiById(test.kpi)!;
      const args = new Map(Object.entries(test.args));
      const raw = kpi.params.map((p) => test.args[p.name]?.values);
      return resultRows(evaluate(kpi, raw), lang, kpi.id, callUnit(kpi, args));
    };
    expect(preview(CASES[0]!, "en")).toEqual([["66.7%"]]);
    expect(preview(CASES[0]!, "fr")).toEqual([["66,7\u00a0%"]]);
    expect(preview(CASES[1]!, "fr")).toEqual([["33"]]);
    expect(preview(CASES[2]!, "fr")[0]).toEqual(["janv. 2026", "150,00", "", ""]);
    expect(preview(CASES[2]!, "en")[1]).toEqual(["Feb 2026", "0.00", "-100.0%", ""]);
  });
});

/** A chainable stand-in for SpreadsheetApp that records the number format set on each A1 range. */
function sheetsRecorder(formats: Map<string, string>): SheetsServices {
  const chain = (range?: string): unknown =>
    new Proxy(
      {},
      {
        get: (_target, prop) => {
          const key = String(prop);
          if (key === "then") return undefined;
          if (key === "getRange") return (a1: string) => chain(a1);
          if (key === "setNumberFormat")
            return (code: string) => {
              if (range) formats.set(range, code);
              return chain(range);
            };
          if (key === "getSheetByName" || key === "getDataRange") return () => null;
          if (key === "getConditionalFormatRules" || key === "getCharts" || key === "find") return () => [];
          if (key === "getNumSheets") return () => 1;
          if (key === "getName") return () => "Dashboard";
          if (key === "createDeveloperMetadataFinder") return () => ({ withKey: () => ({ find: () => [] }) });
          if (key === "InterpolationType") return { PERCENTILE: "PERCENTILE" };
          return () => chain(range);
        },
      },
    );
  return { app: chain() as SheetsServices["app"], chartTypes: {} as SheetsServices["chartTypes"] };
}

describe("the dashboard's tile formats", () => {
  for (const lang of ["en", "fr"] as const)
    it(`are the registry's, and the same in Excel and Sheets (${lang})`, async () => {
      const sheets = sampleSheets(lang);
      const tables = detectTables(sheets.map(sampleTable));
      const plan = (syntax: "excel" | "sheets"): DashboardPlan =>
        buildDashboard({ tables, syntax, lang, existingSheets: [] });
      const book = new FakeWorkbook(["Sheet1"]);
      for (const s of sheets) book.put(s.name, "A1", [s.headers, ...s.rows]);
      const excelPlan = plan("excel");
      await executeExcelPlan(fakeContext(book), excelPlan);
      const recorded = new Map<string, string>();
      const sheetsPlan = plan("sheets");
      executeSheetsPlan(sheetsPlan, sheetsRecorder(recorded));

      const dashboard = excelPlan.sheets.find((s) => s.activate) ?? excelPlan.sheets[0]!;
      const registryTiles = excelPlan.tiles.filter((tile) => kpiById(tile.kpi) !== undefined);
      expect(registryTiles.length).toBeGreaterThan(5);
      for (const tile of registryTiles) {
        const code = kpiNumberFormat(tile.kpi, lang);
        expect(tile.format, tile.kpi).toBe(code);
        expect(book.cell(dashboard.name, tile.valueCell)?.numberFormat, tile.kpi).toBe(code);
        expect(recorded.get(`${tile.valueCell}:${tile.targetCell}`), tile.kpi).toBe(code);
        // What the pane gives the same KPI when it inserts it.
        const kpi = kpiById(tile.kpi)!;
        const args = new Map(kpi.params.map((p) => [p.name, { text: "" }]));
        expect(insertionFormats(kpi, args, lang), tile.kpi).toEqual([[code]]);
      }
    });
});
