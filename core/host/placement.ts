import { columnIndex, parseAddress, rangeName, splitSheet, type Rect } from "../plan/a1.js";
import type { Lang, PlanValue } from "../plan/plan.js";

/**
 * Where the pane may put a formula it inserts. It never writes into a cell that holds data (a value or a
 * formula) nor into one of the ranges the formula reads, which would destroy an answer and make the formula read
 * itself: it takes the active cell when that is free, else the first free cell below the selection, else the
 * first free cell to its right, else it refuses and says why. The same rule in every host; each host only reads
 * the cells this module names and writes where it answers.
 */

/** How many cells below and to the right of the selection are looked at. */
export const PLACEMENT_SCAN = 100;

/** Excel's last row, for whole-column references. */
const LAST_ROW = 1_048_576;
/** Excel's last column (XFD), for whole-row references. */
const LAST_COL = 16_384;

/** The cells a host reads before inserting: the active cell, a column strip below the selection, a row strip right of it. */
export interface PlacementProbe {
  readonly active: Rect;
  readonly below: Rect;
  readonly right: Rect;
}

export function placementProbe(selection: Rect): PlacementProbe {
  return {
    active: { row: selection.row, col: selection.col, rows: 1, cols: 1 },
    below: { row: selection.row + selection.rows, col: selection.col, rows: PLACEMENT_SCAN, cols: 1 },
    right: { row: selection.row, col: selection.col + selection.cols, rows: 1, cols: PLACEMENT_SCAN },
  };
}

/** What the probed cells hold: a formula's text or a value; "" or null for an empty cell. */
export interface ProbedCells {
  readonly active: PlanValue;
  readonly below: readonly PlanValue[];
  readonly right: readonly PlanValue[];
}

export interface RangeRef {
  readonly sheet?: string;
  readonly rect: Rect;
}

/** Ranges a formula reads: "Survey!B2:B201", "'Q1 data'!$C:$C", "A1"; text in quotes and function names aside. */
export function referencesIn(formula: string): RangeRef[] {
  const withoutText = formula.replace(/"(?:[^"]|"")*"/g, '""');
  const pattern =
    /(?:('(?:[^']|'')+'|[A-Za-z_\u00c0-\uffff][\w.\u00c0-\uffff]*)!)?(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d+:\$?\d+)(?![\w(.!])/g;
  const refs: RangeRef[] = [];
  for (const match of withoutText.matchAll(pattern)) {
    const before = withoutText[(match.index ?? 0) - 1];
    // Part of a longer name (KPI.NPS2 …) rather than a reference.
    if (before !== undefined && /[\w.$]/.test(before)) continue;
    const sheetPart = match[1];
    const sheet = sheetPart === undefined ? undefined : splitSheet(`${sheetPart}!A1`).sheet;
    const rect = rectOf(match[2] as string);
    if (rect) refs.push(sheet === undefined ? { rect } : { sheet, rect });
  }
  return refs;
}

function rectOf(ref: string): Rect | undefined {
  const columns = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(ref);
  if (columns) {
    const a = columnIndex(columns[1] as string);
    const b = columnIndex(columns[2] as string);
    return { row: 0, col: Math.min(a, b), rows: LAST_ROW, cols: Math.abs(b - a) + 1 };
  }
  const rows = /^\$?(\d+):\$?(\d+)$/.exec(ref);
  if (rows) {
    const a = Number(rows[1]) - 1;
    const b = Number(rows[2]) - 1;
    return { row: Math.min(a, b), col: 0, rows: Math.abs(b - a) + 1, cols: LAST_COL };
  }
  try {
    return parseAddress(ref).rect;
  } catch {
    return undefined;
  }
}

const inside = (row: number, col: number, rect: Rect): boolean =>
  row >= rect.row && row < rect.row + rect.rows && col >= rect.col && col < rect.col + rect.cols;

const isEmpty = (value: PlanValue | undefined): boolean =>
  value === null || value === undefined || (typeof value === "string" && value === "");

export type Placement =
  | { readonly ok: true; readonly row: number; readonly col: number; readonly address: string }
  | { readonly ok: false; readonly reason: string };

const REFUSAL: Record<Lang, (cell: string) => string> = {
  en: (cell) =>
    `Nothing was written: ${cell} holds data or is read by the formula, and the ${PLACEMENT_SCAN} cells below and to the right of the selection are all taken. Select an empty cell outside the formula's ranges and insert again.`,
  fr: (cell) =>
    `Rien n'a été écrit : ${cell} contient des données ou est lue par la formule, et les ${PLACEMENT_SCAN} cellules sous la sélection et à sa droite sont toutes occupées. Sélectionnez une cellule vide hors des plages de la formule, puis insérez à nouveau.`,
};

/**
 * Chooses the cell of `sheet` where `formula` goes, from what the probe read. A reference without a sheet is on
 * `sheet`, as in the formula bar.
 */
export function placeFormula(
  formula: string,
  sheet: string,
  selection: Rect,
  cells: ProbedCells,
  lang: Lang = "en",
): Placement {
  const read = referencesIn(formula)
    .filter((ref) => ref.sheet === undefined || ref.sheet.toLowerCase() === sheet.toLowerCase())
    .map((ref) => ref.rect);
  const free = (row: number, col: number, value: PlanValue | undefined): boolean =>
    isEmpty(value) && !read.some((rect) => inside(row, col, rect));
  const probe = placementProbe(selection);
  const candidates: [number, number, PlanValue | undefined][] = [
    [probe.active.row, probe.active.col, cells.active],
    ...cells.below.map((v, i): [number, number, PlanValue] => [probe.below.row + i, probe.below.col, v]),
    ...cells.right.map((v, j): [number, number, PlanValue] => [probe.right.row, probe.right.col + j, v]),
  ];
  for (const [row, col, value] of candidates) {
    if (free(row, col, value)) return { ok: true, row, col, address: rangeName(row, col, 1, 1) };
  }
  return { ok: false, reason: REFUSAL[lang](rangeName(selection.row, selection.col, 1, 1)) };
}
