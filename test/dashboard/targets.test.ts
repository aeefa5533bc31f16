import { describe, expect, it } from "vitest";
import {
  buildDashboard,
  detectTables,
  parseAddress,
  sampleSheets,
  sampleTable,
  type DashboardPlan,
  type Lang,
  type PlanValue,
} from "../../core/dashboard/index.js";
import { previousTargets } from "../../core/dashboard/targets.js";
import { buildKeepingTargets, readLiveTiles } from "../../pane/targets.js";
import type { TableData } from "../../pane/host.js";

const tablesFor = (lang: Lang) => detectTables(sampleSheets(lang).map(sampleTable));

/** The dashboard sheet as a host holds it after the build: every literal and formula text at its cell, from A1. */
function sheetCells(plan: DashboardPlan): PlanValue[][] {
  const grid: PlanValue[][] = [];
  const sheet = plan.sheets.find((s) => s.name === plan.dashboardSheet)!;
  for (const block of sheet.blocks) {
    const { rect } = parseAddress(block.range);
    block.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        const line = (grid[rect.row + r] ??= []);
        line[rect.col + c] = cell;
      }),
    );
  }
  return Array.from(grid, (row) => Array.from(row ?? [], (cell) => cell ?? null));
}

/** The user types a target into a tile's target cell. */
function editTarget(cells: PlanValue[][], plan: DashboardPlan, kpi: string, target: PlanValue): void {
  const tile = plan.tiles.find((t) => t.kpi === kpi)!;
  const { rect } = parseAddress(tile.targetCell);
  cells[rect.row]![rect.col] = target;
}

const targetsOf = (plan: DashboardPlan) => Object.fromEntries(plan.tiles.map((t) => [t.kpi, t.target]));

describe("a rebuild keeps the targets the user edited", () => {
  const existingSheets = [{ name: "Dashboard", dashboard: true }];
  const input = (lang: Lang) => ({ tables: tablesFor(lang), syntax: "excel" as const, lang, existingSheets });

  it("reads every tile's target back from the old sheet, edited ones included, by tile id", () => {
    const first = buildDashboard(input("en"));
    const cells = sheetCells(first);
    editTarget(cells, first, "NPS", -10);
    editTarget(cells, first, "AOV", 123.5);
    const kept = previousTargets(cells, input("en"));
    expect(kept).toEqual({ ...targetsOf(first), NPS: -10, AOV: 123.5 });
  });

  it("plans the rebuilt tiles with the kept targets, in the cells and in the tile list", () => {
    const first = buildDashboard(input("en"));
    const cells = sheetCells(first);
    editTarget(cells, first, "NPS", -10);
    const rebuilt = buildDashboard({ ...input("en"), previousTargets: previousTargets(cells, input("en")) });
    expect(rebuilt.tiles.find((t) => t.kpi === "NPS")!.target).toBe(-10);
    expect(
      sheetCells(rebuilt)[parseAddress(rebuilt.tiles.find((t) => t.kpi === "NPS")!.targetCell).rect.row],
    ).toContain(-10);
    expect(targetsOf(rebuilt)).toEqual({ ...targetsOf(first), NPS: -10 });
  });

  it("finds the targets of a board built in the other language", () => {
    const english = buildDashboard(input("en"));
    const cells = sheetCells(english);
    editTarget(cells, english, "WINRATE", 0.42);
    const french = buildDashboard({ ...input("fr"), previousTargets: previousTargets(cells, input("fr")) });
    expect(french.tiles.find((t) => t.kpi === "WINRATE")!.target).toBe(0.42);
  });

  it("leaves a cleared or text target, and every tile of a board without a tile table, to the defaults", () => {
    const first = buildDashboard(input("en"));
    const cells = sheetCells(first);
    editTarget(cells, first, "CSAT", "");
    editTarget(cells, first, "NPS", "thirty");
    const kept = previousTargets(cells, input("en"));
    expect(kept).not.toHaveProperty("CSAT");
    expect(kept).not.toHaveProperty("NPS");
    expect(previousTargets([["A note"], [1, 2, 3]], input("en"))).toEqual({});
  });

  it("reads the old board through the host from the tile header, quoting the sheet name", async () => {
    const first = buildDashboard({ ...input("en"), existingSheets: [{ name: "My board", dashboard: true }] });
    const cells = sheetCells(first);
    editTarget(cells, first, "CAC", 350);
    const asked: string[] = [];
    const host = {
      readTable: (address: string): Promise<TableData> => {
        asked.push(address);
        const { rect } = parseAddress(address);
        const values = cells
          .slice(rect.row, rect.row + rect.rows)
          .map((row) => row.slice(rect.col, rect.col + rect.cols));
        return Promise.resolve({ sheet: "My board", address, values });
      },
    };
    const rebuilt = await buildKeepingTargets(host, {
      ...input("en"),
      existingSheets: [{ name: "My board", dashboard: true }],
    });
    expect(asked).toEqual(["'My board'!A4:H83"]);
    expect(rebuilt.dashboardSheet).toBe("My board");
    expect(rebuilt.tiles.find((t) => t.kpi === "CAC")!.target).toBe(350);
  });

  it("starts from the defaults without an earlier board, or when the host cannot read it", async () => {
    const failing = { readTable: () => Promise.reject(new Error("no such sheet")) };
    const fresh = await buildKeepingTargets(failing, input("en"));
    expect(targetsOf(fresh)).toEqual(targetsOf(buildDashboard(input("en"))));
    const none = await buildKeepingTargets(failing, { ...input("en"), existingSheets: [] });
    expect(targetsOf(none)).toEqual(targetsOf(fresh));
  });

  it("reads the tiles as the sheet holds them now, for the pane's Alerts list to follow an edited target", async () => {
    const plan = buildDashboard(input("en"));
    const asked: string[][] = [];
    const host = {
      readCells: (addresses: readonly string[]) => {
        asked.push([...addresses]);
        return Promise.resolve(
          addresses.map((a) => (a.endsWith(plan.tiles[0]!.targetCell) ? 250 : a.endsWith("D5") ? "OK" : 1)),
        );
      },
    };
    const live = (await readLiveTiles(host, plan))!;
    expect(asked[0]!.slice(0, 3)).toEqual(["Dashboard!B5", "Dashboard!C5", "Dashboard!D5"]);
    expect(live[0]).toMatchObject({ value: 1, status: "OK", tile: { kpi: "AOV", target: 250 } });
    expect(live).toHaveLength(plan.tiles.length);
    expect(await readLiveTiles({}, plan)).toBeNull();
  });
});
