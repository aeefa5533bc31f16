import { isKpiError, KpiError } from "../errors.js";
import { evaluate } from "../run.js";
import { KpiDate, type AnyKpi, type Kind, type KpiResult } from "../spec.js";
import type { CellOrigin } from "../coerce.js";
import { columnIndex, splitSheet } from "../plan/a1.js";

/**
 * The host boundary, once for every host: how a KPI is named, which arguments are ranges, how host arguments
 * become the core's (arity, omitted trailing arguments, blanks) and how a result becomes cells. Each adapter
 * (Excel, Apps Script, the playground) only supplies the small table of what really differs: how it shows a
 * date, an error and a spilled error, and what it calls a function.
 */

/** The three places a KPI formula runs. */
export type HostName = "excel" | "sheets" | "playground";

/** Excel's namespace (manifest) and the prefix of the Apps Script names. */
export const NAMESPACE = "KPI";

/**
 * Excel ids and names need at least three characters (Microsoft's custom-functions naming rules), which the
 * catalogue's `BY` has not: Excel knows it as `BYGROUP`. Sheets and the playground accept both names, so
 * `BYGROUP` is the spelling that works everywhere.
 */
const EXCEL_IDS: Readonly<Record<string, string>> = { BY: "BYGROUP" };

/** The id Excel registers a KPI under (functions.json and CustomFunctions.associate). */
export const excelId = (id: string): string => EXCEL_IDS[id] ?? id;

/** Other names a KPI answers to in Sheets and the playground: its Excel id where that differs. */
export const aliasesOf = (id: string): string[] => (EXCEL_IDS[id] ? [EXCEL_IDS[id]] : []);

/** The registry id of a name users may type: `BYGROUP` → `BY`. */
export const registryId = (name: string): string => {
  const upper = name.toUpperCase();
  return Object.keys(EXCEL_IDS).find((id) => EXCEL_IDS[id] === upper) ?? upper;
};

/**
 * The name a user types: `KPI.NPS` in Excel and the playground, `KPI_NPS` in Google Sheets, whose custom
 * function names cannot contain a dot. Excel-syntax names use the Excel id.
 */
export const publicName = (host: HostName | "excel-syntax" | "sheets-syntax", id: string): string =>
  host === "sheets" || host === "sheets-syntax" ? `${NAMESPACE}_${id}` : `${NAMESPACE}.${excelId(id)}`;

/** `KPI.NPS`, `kpi_nps`, `=KPI.NPS(` → `NPS`; undefined when the text names no KPI. */
export function idFromName(name: string): string | undefined {
  const match = /^\s*=?\s*KPI[._]([A-Z0-9_.]+)\s*\(?/i.exec(name);
  return match?.[1]?.toUpperCase();
}

/** Parameter kinds that take one value; every other kind is a range that hosts pass as a 2-D array. */
const SCALAR_KINDS: ReadonlySet<Kind> = new Set<Kind>(["number", "date", "text", "boolean"]);

export const isRangeKind = (kind: Kind): boolean => !SCALAR_KINDS.has(kind);

/** What one host does with a result cell: the only parts of a result's conversion that differ between hosts. */
export interface CellTable<Cell> {
  /** A date inside a result: Excel and the playground show serials, Sheets wants a `Date` on its calendar. */
  readonly date: (serial: number) => Cell;
  /** An error inside a spill: Excel keeps a typed error value, Sheets and the playground the code as text. */
  readonly error: (error: KpiError) => Cell;
}

/** Result cells hosts may hold: an empty cell is `""` (Excel shows a returned null inside a spill as 0). */
function toCell<Cell>(cell: unknown, table: CellTable<Cell>): Cell | number | string | boolean {
  if (cell instanceof KpiDate) return table.date(cell.serial);
  if (isKpiError(cell)) return table.error(cell);
  if (typeof cell === "number" || typeof cell === "string" || typeof cell === "boolean") return cell;
  return "";
}

/** A result as rows of cells, whatever its kind: a single value is a 1×1 block. */
export function toCells<Cell>(result: KpiResult, table: CellTable<Cell>): (Cell | number | string | boolean)[][] {
  if (Array.isArray(result)) return result.map((row) => row.map((cell) => toCell(cell, table)));
  return [[toCell(result, table)]];
}

/** A result as a host returns it when single values go back as scalars (Sheets, the playground). */
export function toValueOrCells<Cell>(
  result: KpiResult,
  table: CellTable<Cell>,
): Cell | number | string | boolean | (Cell | number | string | boolean)[][] {
  if (Array.isArray(result)) return toCells(result, table);
  return toCell(result, table);
}

/** The message of anything thrown; checked by shape because errors may come from another realm. */
export const reasonOf = (error: unknown): string =>
  typeof error === "object" && error !== null && typeof (error as Error).message === "string"
    ? (error as Error).message
    : String(error);

/** How a host handed over a call's arguments. */
export interface CallOptions {
  /**
   * Where each argument's range starts in the workbook, when the host knows it (Excel's parameter addresses,
   * the playground's references): a cell problem is then named by its address ("Survey!B7").
   */
  readonly origins?: readonly (CellOrigin | undefined)[];
}

/**
 * Runs a KPI on the arguments a host passed, and never throws: the result, or the KpiError to show. The same
 * rules hold in every host: more arguments than the function declares is #VALUE! (Excel refuses such a formula,
 * Sheets would silently drop them); omitted trailing arguments (`undefined` from Sheets, `null` from Excel) are
 * dropped; anything unexpected thrown by the core is reported as an internal #VALUE! naming the function, never
 * as a host's bare error.
 */
export function callKpi(kpi: AnyKpi, rawArgs: readonly unknown[], options: CallOptions = {}): KpiResult | KpiError {
  const args = [...rawArgs];
  while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
  try {
    return evaluate(
      kpi,
      args,
      options.origins?.map((origin) => (origin ? { origin } : undefined)),
    );
  } catch (error) {
    const reason = reasonOf(error);
    const internal = new KpiError("#VALUE!", { en: `internal error: ${reason}`, fr: `erreur interne : ${reason}` });
    internal.fn = kpi.id;
    return internal;
  }
}

/**
 * Where a referenced range starts, from an address a host gives ("Survey!B2:B300", "'Q1 data'!$C:$C");
 * undefined for what cannot be named from here (another workbook, a name, a computed argument).
 */
export function originOf(address: string | undefined): CellOrigin | undefined {
  if (!address) return undefined;
  const { sheet, ref } = splitSheet(address);
  if (sheet === undefined || sheet === "" || sheet.startsWith("[")) return undefined;
  const first = /^\$?([A-Za-z]{1,3})?\$?(\d+)?(?::|$)/.exec(ref.trim());
  if (!first || (first[1] === undefined && first[2] === undefined)) return undefined;
  return {
    sheet,
    row: first[2] === undefined ? 0 : Number(first[2]) - 1,
    col: first[1] === undefined ? 0 : columnIndex(first[1]),
  };
}
