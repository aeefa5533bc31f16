/** A1 addressing shared by the planner, the executors and the pane. */

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** "AA" → 26. */
export function columnIndex(name: string): number {
  let n = 0;
  for (const ch of name.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0-based (row, col) → "B3". */
export const cellName = (row: number, col: number, absolute = false): string =>
  absolute ? `$${columnName(col)}$${row + 1}` : `${columnName(col)}${row + 1}`;

/** A rectangle from its 0-based top-left and size: rangeName(1, 0, 3, 2) is "A2:B4". */
export function rangeName(row: number, col: number, rows: number, cols: number, absolute = false): string {
  const first = cellName(row, col, absolute);
  return rows === 1 && cols === 1 ? first : `${first}:${cellName(row + rows - 1, col + cols - 1, absolute)}`;
}

export interface Rect {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/**
 * The one place a sheet-qualified address is split: "'My sheet'!B3:D9" → sheet "My sheet" (unquoted, doubled
 * quotes undone) and "B3:D9"; an address without "!" has no sheet.
 */
export function splitSheet(address: string): { sheet?: string; ref: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { ref: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, ref: address.slice(bang + 1) };
}

/** "Sheet 1!$B$3:D9" or "B3" → the sheet (unquoted) and the 0-based rectangle. */
export function parseAddress(address: string): { sheet?: string; rect: Rect } {
  const { sheet, ref } = splitSheet(address);
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!match) throw new Error(`Not an A1 range: ${address}`);
  const [, c1 = "A", r1 = "1", c2, r2] = match;
  const top = Number(r1) - 1;
  const left = columnIndex(c1);
  const bottom = r2 === undefined ? top : Number(r2) - 1;
  const right = c2 === undefined ? left : columnIndex(c2);
  const rect = {
    row: Math.min(top, bottom),
    col: Math.min(left, right),
    rows: Math.abs(bottom - top) + 1,
    cols: Math.abs(right - left) + 1,
  };
  return sheet === undefined ? { rect } : { sheet, rect };
}

/** A sheet name as a formula reference prefix: quoted unless it is a plain identifier. */
export const quoteSheet = (sheet: string): string =>
  /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet)
    ? sheet
    : `'${sheet.replace(/'/g, "''")}'`;

/** "Orders!$F$2:$F$501": the absolute reference a tile formula uses. */
export const sheetRange = (sheet: string, rect: Rect): string =>
  `${quoteSheet(sheet)}!${rangeName(rect.row, rect.col, rect.rows, rect.cols, true)}`;
