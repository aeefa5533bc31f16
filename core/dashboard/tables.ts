import { keyOf } from "../coerce.js";
import { parseAddress, sheetRange } from "../plan/a1.js";
import type { MappedTable, Role } from "./detect.js";
import type { FormulaArg } from "../plan/formula.js";
import type { PlanValue } from "../plan/plan.js";

/**
 * The data range of a role: exact rows of the table below its header, absolute ("Orders!$F$2:$F$267").
 * Never a whole column: on desktop Excel empty cells can reach a function as 0 (see PLATFORM-NOTES).
 */
export function roleRange(table: MappedTable, role: Role): string | undefined {
  const col = table.mapping[role];
  if (col === undefined) return undefined;
  const { rect } = parseAddress(table.address);
  return sheetRange(table.sheet, { row: rect.row + 1, col: rect.col + col, rows: rect.rows - 1, cols: 1 });
}

/** A role's range as a formula argument; an unmapped role is an omitted argument. */
export const roleArg = (table: MappedTable, role: Role): FormulaArg => {
  const ref = roleRange(table, role);
  return ref === undefined ? null : { ref };
};

export const hasRoles = (table: MappedTable, roles: readonly Role[]): boolean =>
  roles.every((role) => table.mapping[role] !== undefined);

export const columnOf = (table: MappedTable, role: Role): PlanValue[] => {
  const col = table.mapping[role];
  return col === undefined ? [] : table.values.slice(1).map((row) => row[col] ?? null);
};

const isBlank = (c: PlanValue | undefined): boolean => c === null || c === undefined || c === "";

/** Distinct non-blank labels, compared the way the KPIs compare them (trimmed, case-insensitive). */
export const distinctCount = (cells: readonly PlanValue[]): number =>
  new Set(cells.filter((c) => !isBlank(c)).map((c) => keyOf(String(c).trim()))).size;

/** Date serials of a role (the plan sees dates as serial numbers). */
export const serialsOf = (table: MappedTable, role: Role): number[] =>
  columnOf(table, role).filter((c): c is number => typeof c === "number");

/**
 * The customers of an order log as the customer-value KPIs count them: rows with a customer, a date and an
 * amount, grouped by customer, each with its distinct order days.
 */
export function orderDaysByCustomer(table: MappedTable): Map<string, Set<number>> {
  const ids = columnOf(table, "customer");
  const dates = columnOf(table, "date");
  const amounts = columnOf(table, "amount");
  const days = new Map<string, Set<number>>();
  ids.forEach((id, i) => {
    const date = dates[i];
    if (isBlank(id) || typeof date !== "number" || isBlank(amounts[i])) return;
    const key = keyOf(String(id).trim());
    const set = days.get(key) ?? new Set<number>();
    days.set(key, set.add(Math.floor(date)));
  });
  return days;
}

export const WON = ["won", "gagne", "gagnee", "win", "closed won", "signed", "signe"];
export const LOST = ["lost", "perdu", "perdue", "loss", "closed lost"];

/** The spelling of "won"/"lost" used in the outcome column, so WINRATE counts the right rows in any language. */
export function outcomeLabel(table: MappedTable, words: readonly string[], fallback: string): string {
  const col = table.mapping.outcome;
  if (col === undefined) return fallback;
  for (const row of table.values.slice(1)) {
    const cell = row[col];
    if (
      typeof cell === "string" &&
      words.includes(
        keyOf(cell.trim())
          .normalize("NFD")
          .replace(/[\u0300-\u036f]/g, ""),
      )
    )
      return cell.trim();
  }
  return fallback;
}
