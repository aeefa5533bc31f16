import { afterEach, describe, expect, it, vi } from "vitest";
import { cellName, parseAddress, type PlanValue } from "../../core/dashboard/index.js";
import { PLACEMENT_SCAN, placeFormula, referencesIn } from "../../core/host/placement.js";
import { kpiDashboardInsertFormula } from "../../gas/dashboard-server.js";
import { fakeAppsSheet } from "./fake-apps-sheet.js";

const rect = (a1: string) => parseAddress(a1).rect;
const none = (n: number): PlanValue[] => Array<PlanValue>(n).fill(null);

describe("the ranges a formula reads", () => {
  it("finds sheet-qualified, quoted, absolute, whole-column and plain references, not text or names", () => {
    const refs = referencesIn(`=KPI.BY(Survey!B2:B201,"WINRATE",'Q1 data'!$C:$C,A1,"Sheet9!Z9",KPI.NPS2)`);
    expect(refs).toEqual([
      { sheet: "Survey", rect: rect("B2:B201") },
      { sheet: "Q1 data", rect: { row: 0, col: 2, rows: 1_048_576, cols: 1 } },
      { rect: rect("A1") },
    ]);
  });
});

describe("where the pane puts a formula", () => {
  const selection = rect("B2:B201");
  const formula = "=KPI.NPS(Survey!B2:B201)";

  it("never writes into the answer the formula reads: the first empty cell below the selection takes it", () => {
    const placed = placeFormula(formula, "Survey", selection, { active: 9, below: none(PLACEMENT_SCAN), right: [] });
    expect(placed).toEqual({ ok: true, row: 201, col: 1, address: "B202" });
  });

  it("skips cells below that hold data, then tries the cells to the right", () => {
    const below = Array<PlanValue>(PLACEMENT_SCAN).fill(7);
    below[3] = "=SUM(A1)";
    const right = [5, "", null];
    const placed = placeFormula(formula, "Survey", selection, { active: 9, below, right });
    expect(placed).toMatchObject({ ok: true, address: "D2" });
  });

  it("takes an empty active cell outside the formula's ranges, and refuses one inside them", () => {
    const elsewhere = placeFormula(formula, "Survey", rect("H4"), { active: "", below: none(3), right: [] });
    expect(elsewhere).toMatchObject({ ok: true, address: "H4" });
    // B50 to B150 are all read by the formula: the first free cell is to the right.
    const inside = placeFormula(formula, "Survey", rect("B50"), {
      active: null,
      below: none(PLACEMENT_SCAN),
      right: none(PLACEMENT_SCAN),
    });
    expect(inside).toMatchObject({ ok: true, address: "C50" });
  });

  it("reads references without a sheet as the active sheet's, and ignores other sheets' ranges", () => {
    expect(
      placeFormula("=KPI.NPS(B2:B9)", "Data", rect("B3"), { active: null, below: none(9), right: [] }),
    ).toMatchObject({
      address: "B10",
    });
    expect(placeFormula(formula, "Other", rect("B3"), { active: null, below: [], right: [] })).toMatchObject({
      address: "B3",
    });
  });

  it("refuses with a reason in the user's language when every candidate is taken", () => {
    const full = {
      active: 1,
      below: Array<PlanValue>(PLACEMENT_SCAN).fill(1),
      right: Array<PlanValue>(PLACEMENT_SCAN).fill(1),
    };
    const en = placeFormula(formula, "Survey", selection, full, "en");
    const fr = placeFormula(formula, "Survey", selection, full, "fr");
    expect(en).toMatchObject({ ok: false });
    expect(!en.ok && en.reason).toContain("Nothing was written: B2 holds data");
    expect(!fr.ok && fr.reason).toContain("Rien n'a été écrit : B2 contient des données");
  });
});

/** A Sheets grid behind SpreadsheetApp, for the server function the sidebar calls, with `active` selected. */
const fakeSheets = (cells: Map<string, string | number>, active: string): void =>
  void fakeAppsSheet("Survey", cells, { selection: active, locale: "fr_FR", activeRange: true });

describe("the Sheets server function that inserts the pane's formula", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("leaves the selected answers alone and writes below them", () => {
    const cells = new Map<string, string | number>([
      ["B2", 9],
      ["B3", 10],
      ["B4", 6],
    ]);
    fakeSheets(cells, "B2:B4");
    expect(kpiDashboardInsertFormula("=KPI_NPS(Survey!B2:B4)")).toBe("Survey!B5");
    expect(cells.get("B2")).toBe(9);
    expect(cells.get("B5")).toBe("=KPI_NPS(Survey!B2:B4)");
  });

  it("refuses in French when there is no free cell, and writes nothing", () => {
    const cells = new Map<string, string | number>();
    for (let r = 1; r <= 200; r++) cells.set(`B${r}`, r);
    for (let c = 2; c < 26; c++) cells.set(cellName(1, c), c);
    fakeSheets(cells, "B2");
    const before = new Map(cells);
    expect(() => kpiDashboardInsertFormula("=KPI_NPS(Survey!B2:B4)")).toThrow("Rien n'a été écrit");
    expect(cells).toEqual(before);
  });
});
