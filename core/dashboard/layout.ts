import type { ChartSpec, SheetWrites, TileSpec } from "../plan/plan.js";

/**
 * Where things go on the dashboard sheet. Three lanes run down the sheet side by side: the main lane (tiles, then
 * the tables a reader reads) from column A, the charts from column J, and the chart data (formulas) from column T.
 * Rows and columns are 0-based.
 */
export const TITLE_ROW = 0;
/** Row of the tile header; the main, chart and chart-data lanes all start here. */
export const LANE_TOP = 3;
export const MAIN_COL = 0;
export const CHART_COL = 9;
export const HELPER_COL = 19;
/** The "Chart data" caption sits this many rows above the chart-data lane. */
export const HELPER_CAPTION_OFFSET = 2;
/** Blank rows between two stacked sections of a lane. */
export const SECTION_GAP = 2;
/** Rows one chart takes in the chart lane, and its size in pixels. */
export const CHART_ROWS = 16;
export const CHART_WIDTH = 560;
export const CHART_HEIGHT = 300;
/** Label, value, target, status. */
export const TILE_COLS = 4;
export const COLUMN_WIDTHS: readonly number[] = [230, 120, 100, 80, 80, 80, 80, 80];

/** A chart before the stacking places it in the chart lane. */
export type ChartDraft = Omit<ChartSpec, "anchor" | "width" | "height">;

/**
 * A tile a section asks for in the tile block: its value is a formula over cells the section already placed
 * (the tile block is laid out after the chart-data lane, so the address is known).
 */
export interface TileDraft {
  readonly kpi: string;
  readonly label: string;
  readonly formula: string;
  readonly target: number;
  readonly higherIsBetter: boolean;
  readonly format: string;
}

/** What one section writes, already at its final rows: cells, formats, charts (unplaced) and its height. */
export interface Fragment extends SheetWrites {
  /** Rows the section takes, the gap after it excluded. */
  readonly rows: number;
  readonly charts: readonly ChartDraft[];
  /** Tiles the section placed itself. */
  readonly tiles: readonly TileSpec[];
  /** Tiles for the tile block. */
  readonly tileDrafts: readonly TileDraft[];
}

export const fragment = (parts: Partial<Fragment> & { rows: number }): Fragment => ({
  blocks: [],
  numberFormats: [],
  styles: [],
  conditionalFormats: [],
  charts: [],
  tiles: [],
  tileDrafts: [],
  ...parts,
});

/** A section given the row it starts at; null when the data does not support it (it then takes no room). */
export type Section = (top: number) => Fragment | null;

/** Lays sections one under the other from `top`, `gap` blank rows apart, skipping those without data. */
export function stack(top: number, sections: readonly Section[], gap = SECTION_GAP): Fragment[] {
  const placed: Fragment[] = [];
  for (const section of sections) {
    const row = placed.reduce((next, f) => next + f.rows + gap, top);
    const made = section(row);
    if (made) placed.push(made);
  }
  return placed;
}

/** The charts of all fragments, in order, one under the other in the chart lane. */
export function placeCharts(fragments: readonly Fragment[], anchorOf: (index: number) => string): ChartSpec[] {
  return fragments
    .flatMap((f) => f.charts)
    .map((chart, i) => ({ ...chart, anchor: anchorOf(i), width: CHART_WIDTH, height: CHART_HEIGHT }));
}
