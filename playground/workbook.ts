import { parseAddress } from "../core/plan/a1.js";

/**
 * Turns plain sheet tables (the sample data and the KPIs sheet) into the workbook snapshot Univer loads.
 * Text starting with "=" is a formula, exactly as a user would type it.
 */
export type PlainCell = string | number | boolean | null;

export interface PlainSheet {
  readonly name: string;
  readonly rows: readonly (readonly PlainCell[])[];
  /** Number format per 0-based column, e.g. `{ 0: "yyyy-mm-dd" }`. */
  readonly columnFormats?: Readonly<Record<number, string>>;
  /** Number formats of ranges ("C5:C7": "0.0%"), applied after the column formats; cells a spill fills included. */
  readonly rangeFormats?: Readonly<Record<string, string>>;
  /** Column widths in pixels per 0-based column. */
  readonly columnWidths?: Readonly<Record<number, number>>;
}

interface SnapshotCell {
  v?: string | number | boolean;
  f?: string;
  s?: string;
}

const sheetId = (index: number): string => `sheet-${index + 1}`;

export function workbookSnapshot(id: string, name: string, sheets: readonly PlainSheet[]) {
  const styles: Record<string, { n?: { pattern: string }; bl?: 1 }> = { header: { bl: 1 } };
  const styleOfFormat = (pattern: string): string => {
    const key = `fmt:${pattern}`;
    styles[key] = { n: { pattern } };
    return key;
  };
  const entries = sheets.map((sheet, index) => {
    const cellData: Record<number, Record<number, SnapshotCell>> = {};
    sheet.rows.forEach((row, r) => {
      const cells: Record<number, SnapshotCell> = {};
      row.forEach((value, c) => {
        if (value === null || value === "") return;
        const cell: SnapshotCell = typeof value === "string" && value.startsWith("=") ? { f: value } : { v: value };
        const pattern = sheet.columnFormats?.[c];
        if (r === 0 && typeof value === "string" && !value.startsWith("=")) cell.s = "header";
        else if (pattern) cell.s = styleOfFormat(pattern);
        cells[c] = cell;
      });
      cellData[r] = cells;
    });
    for (const [address, pattern] of Object.entries(sheet.rangeFormats ?? {})) {
      const { rect } = parseAddress(address);
      for (let r = rect.row; r < rect.row + rect.rows; r++)
        for (let c = rect.col; c < rect.col + rect.cols; c++)
          (cellData[r] ??= {})[c] = { ...cellData[r]?.[c], s: styleOfFormat(pattern) };
    }
    const columnData: Record<number, { w: number }> = {};
    for (const [c, w] of Object.entries(sheet.columnWidths ?? {})) columnData[Number(c)] = { w };
    const width = Math.max(0, ...sheet.rows.map((row) => row.length));
    return [
      sheetId(index),
      {
        id: sheetId(index),
        name: sheet.name,
        cellData,
        columnData,
        rowCount: Math.max(200, sheet.rows.length + 50),
        columnCount: Math.max(26, width + 5),
      },
    ] as const;
  });
  return {
    id,
    name,
    sheetOrder: entries.map(([key]) => key),
    styles,
    sheets: Object.fromEntries(entries),
  };
}
