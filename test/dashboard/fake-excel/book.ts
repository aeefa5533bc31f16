import { parseAddress, type Rect } from "../../../core/plan/a1.js";

/**
 * An in-memory Excel with Office.js batching semantics, for the executor tests and (bundled) for the browser
 * tests: writes are queued and applied at `context.sync()`, loaded properties can only be read after a sync,
 * and every sync and write is recorded so that tests can count round trips and operations.
 */

export interface FakeCell {
  value?: unknown;
  formula?: string;
  numberFormat?: string;
}

export interface FakeChart {
  type: string;
  source: string;
  seriesBy: string;
  title?: string;
  anchor?: string;
  width?: number;
  height?: number;
  valueAxisFormat?: string;
  reversed?: boolean;
  seriesTypes: Record<number, string>;
  deletedSeries?: number[];
  lineStyles?: Record<number, string>;
}

export interface FakeSheet {
  name: string;
  cells: Map<string, FakeCell>;
  charts: FakeChart[];
  conditionalFormats: {
    type: string;
    range: string;
    rule?: unknown;
    criteria?: unknown;
    fill?: string;
    font?: string;
  }[];
  styles: { range: string; property: string; value: unknown }[];
  frozenRows?: number;
}

export interface FakeOp {
  readonly op: string;
  readonly sheet: string;
  readonly range?: string;
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  settings = new Map<string, unknown>();
  syncs = 0;
  /** Syncs of each Excel.run, in order: a dashboard build must fit in a few. */
  runs: number[] = [];
  ops: FakeOp[] = [];
  activeSheet = "";
  selection = "A1";
  displayLanguage = "en-US";

  constructor(sheetNames: string[] = ["Sheet1"]) {
    for (const name of sheetNames) this.addSheet(name);
    this.activeSheet = sheetNames[0] ?? "";
  }

  addSheet(name: string): FakeSheet {
    if (this.sheet(name)) throw new Error(`ItemAlreadyExists: ${name}`);
    const sheet: FakeSheet = { name, cells: new Map(), charts: [], conditionalFormats: [], styles: [] };
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  mustSheet(name: string): FakeSheet {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`ItemNotFound: worksheet ${name}`);
    return sheet;
  }

  /** Writes literal values with their top-left at `address` of `sheet` (test set-up, no op recorded). */
  put(sheetName: string, address: string, values: unknown[][]): void {
    const sheet = this.sheet(sheetName) ?? this.addSheet(sheetName);
    const { rect } = parseAddress(address);
    values.forEach((row, r) =>
      row.forEach((value, c) => sheet.cells.set(`${rect.row + r},${rect.col + c}`, { value })),
    );
  }

  cell(sheetName: string, address: string): FakeCell | undefined {
    const { rect } = parseAddress(address);
    return this.mustSheet(sheetName).cells.get(`${rect.row},${rect.col}`);
  }

  /** Displayed value of a rectangle: formulas show as their text (the fake computes nothing). */
  read(sheetName: string, rect: Rect): unknown[][] {
    const sheet = this.mustSheet(sheetName);
    return Array.from({ length: rect.rows }, (_, r) =>
      Array.from({ length: rect.cols }, (_, c) => {
        const cell = sheet.cells.get(`${rect.row + r},${rect.col + c}`);
        return cell?.formula ?? cell?.value ?? "";
      }),
    );
  }

  /** The bounding box of the non-empty cells, like Worksheet.getUsedRange(true). */
  usedRect(sheetName: string): Rect | null {
    let top = Infinity,
      left = Infinity,
      bottom = -1,
      right = -1;
    for (const [key, cell] of this.mustSheet(sheetName).cells) {
      if ((cell.value === undefined || cell.value === "") && !cell.formula) continue;
      const [r, c] = key.split(",").map(Number) as [number, number];
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    return bottom < 0 ? null : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
  }

  /** The contiguous block around a cell, like Range.getSurroundingRegion() for a table with no gaps. */
  regionAround(sheetName: string, rect: Rect): Rect {
    const used = this.usedRect(sheetName);
    if (!used) return rect;
    return used;
  }
}
