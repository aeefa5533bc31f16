import type { FUniver, ICellData, Injector } from "@univerjs/presets";
import { CellValueType } from "@univerjs/presets";
import type { FWorksheet } from "@univerjs/presets/preset-sheets-core";
import { AFTER_CELL_EDIT, SheetInterceptorService } from "@univerjs/presets/preset-sheets-core";
import {
  CONVENTIONS,
  detectConventions,
  formatOf,
  formulaFromFrench,
  readCell,
  readCsv,
  type CsvValue,
  type Lang,
  type ValueKind,
} from "./csv.js";

/**
 * What users type and paste, read in their language. Univer reads typed text with numfmt's en-US conventions only
 * (`03/01/2025` is 1 March, `1 250,50` stays text, `12,5%` is 125%) and has no argument separator setting (`;`
 * gives #NAME?), so in French the playground converts the cell before Univer's own number parsing sees it, at
 * the sheet's "after cell edit" interceptor, and reads pasted text itself.
 */

/** Runs ahead of sheets-numfmt-ui's interceptor (priority 0), which would read the text the en-US way. */
const BEFORE_NUMFMT = 100;

/** The text a user typed into a cell, from the cell the editor built (rich text or plain value). */
function typedText(cell: ICellData): string | undefined {
  const stream = cell.p?.body?.dataStream;
  if (typeof stream === "string") return stream.replace(/\r?\n$/, "");
  return typeof cell.v === "string" ? cell.v : undefined;
}

/** Whether a cell's current format already shows a value of this kind (then it is kept, as in Excel). */
function formatShows(pattern: string | undefined, kind: ValueKind): boolean {
  if (!pattern || pattern.toLowerCase() === "general") return false;
  if (kind === "date") return /[dy]/i.test(pattern);
  if (kind === "percent") return pattern.includes("%");
  return true;
}

/** Gives `range` the format of `kind` unless its format already shows such values. */
function formatAs(sheet: FWorksheet, row: number, col: number, kind: ValueKind, lang: Lang): void {
  const pattern = formatOf(kind, lang);
  const cell = sheet.getRange(row, col);
  if (pattern && !formatShows(cell.getNumberFormat(), kind)) cell.setNumberFormat(pattern);
}

/** French typing: `;` formulas, `03/01/2025`, `1 250,50`, `12,5 %` read as a French spreadsheet reads them. */
export function acceptFrenchTyping(injector: Injector, api: FUniver): void {
  const interceptors = injector.get(SheetInterceptorService);
  interceptors.writeCellInterceptor.intercept(AFTER_CELL_EDIT, {
    priority: BEFORE_NUMFMT,
    handler: (cell, context, next) => {
      if (!cell) return next(cell);
      if (typeof cell.f === "string") {
        const formula = formulaFromFrench(cell.f);
        return next(formula === cell.f ? cell : { ...cell, f: formula });
      }
      const text = typedText(cell);
      if (text === undefined || text.startsWith("'") || cell.t === CellValueType.FORCE_STRING) return next(cell);
      // A cell formatted as text keeps what was typed, as Univer's own parsing does.
      const sheet = api.getUniverSheet(context.unitId)?.getSheetBySheetId(context.subUnitId);
      if (sheet?.getRange(context.row, context.col).getNumberFormat() === "@") return next(cell);
      const read = readCell(text, CONVENTIONS.fr);
      if (typeof read.value !== "number" || read.kind === undefined) return next(cell);
      const kind = read.kind;
      // The format goes on once the edit is written: an interceptor may only change the cell it is handed.
      setTimeout(() => {
        if (sheet && kind !== "integer") formatAs(sheet, context.row, context.col, kind, "fr");
      });
      return next({ ...cell, v: read.value, p: null, t: CellValueType.NUMBER });
    },
  });
}

/** Cells and their kinds, ready to be written: what a paste or an import puts in a sheet. */
export interface CellTable {
  readonly rows: CsvValue[][];
  /** A first row of column names, left out of the columns' formats. */
  readonly header: boolean;
  readonly columnKinds: (ValueKind | undefined)[];
}

/** Writes `table` into `sheet` from (top, left), one call for the values and one per formatted column. */
export function writeTable(sheet: FWorksheet, top: number, left: number, table: CellTable, lang: Lang): void {
  const height = table.rows.length;
  const width = Math.max(0, ...table.rows.map((row) => row.length));
  if (height === 0 || width === 0) return;
  if (sheet.getMaxRows() < top + height) sheet.setRowCount(top + height + 50);
  if (sheet.getMaxColumns() < left + width) sheet.setColumnCount(left + width + 5);
  // Univer reads a sparse matrix's keys as sheet coordinates; empty cells stay out (a "" would block spills).
  const matrix: Record<number, Record<number, { v: string | number | boolean }>> = {};
  table.rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null && value !== "") (matrix[top + r] ??= {})[left + c] = { v: value };
    }),
  );
  sheet.getRange(top, left, height, width).setValues(matrix);
  const header = table.header ? 1 : 0;
  table.columnKinds.forEach((kind, c) => {
    const pattern = kind ? formatOf(kind, lang) : undefined;
    if (pattern) sheet.getRange(top + header, left + c, height - header, 1).setNumberFormat(pattern);
  });
}

/** Reads pasted text (tab-separated cells, or a single value) with conventions detected from it. */
export function readPasted(text: string, lang: Lang): CellTable {
  if (!text.includes("\t") && !/\r?\n./.test(text.trimEnd())) {
    const cell = readCell(text, detectConventions([text], lang));
    return { rows: [[cell.value]], header: false, columnKinds: [cell.kind] };
  }
  return readCsv(text.replace(/\r?\n$/, ""), lang, "\t");
}

/**
 * Pasting text from outside (a CRM export, a mail, another spreadsheet) reads it with detected conventions; cells
 * copied inside the grid carry Univer's own HTML and are left to Univer, which keeps their formulas and styles.
 */
export function readPastedText(api: FUniver, lang: Lang, within: HTMLElement): void {
  window.addEventListener(
    "paste",
    (event) => {
      const target = event.target instanceof Node ? event.target : null;
      if (target && !within.contains(target) && target !== document.body) return;
      const workbook = api.getActiveWorkbook();
      const data = event.clipboardData;
      if (!workbook || !data || workbook.isCellEditing()) return;
      if (data.getData("text/html").includes("data-copy-id")) return;
      const text = data.getData("text/plain");
      if (!text.trim()) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      const sheet = workbook.getActiveSheet();
      const at = sheet.getActiveRange() ?? sheet.getRange(0, 0);
      writeTable(sheet, at.getRow(), at.getColumn(), readPasted(text, lang), lang);
    },
    true,
  );
}
