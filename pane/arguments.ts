import { kpiFormula, type FormulaArg } from "../core/dashboard/index.js";
import type { AnyKpi } from "../core/index.js";
import type { FormulaSyntax, PlanValue } from "./host.js";

/**
 * The arguments a user fills in the functions tab, and what they spell: the formula to insert and the values the
 * preview computes with. Pure, so the rules are tested without a DOM.
 */

/** The optional "by group" argument of a single-value KPI: filled, the formula becomes KPI.BY over that column. */
export const BY_GROUP = "$by";

/** What the user typed or picked for one argument; `values` is set when it comes from the selection. */
export interface ArgInput {
  readonly text: string;
  readonly values?: PlanValue[][];
}

export type ArgInputs = ReadonlyMap<string, ArgInput>;

/** A1 reference, optionally sheet-qualified: typed text that should go into a formula as a reference. */
const REFERENCE = /^(('[^']+'|[^\s!'",()]+)!)?\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?$/;

/** "A:A", "Orders!$F:$F": a whole column, which desktop Excel may pass with its empty cells as zeros. */
export const WHOLE_COLUMN = /(^|!)\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}$/;

const isReference = (text: string): boolean => REFERENCE.test(text) || WHOLE_COLUMN.test(text);

/** A typed literal as a host would pass it: numbers (either decimal mark), booleans, else text. */
export function literal(text: string): PlanValue {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (/^(true|vrai)$/i.test(trimmed)) return true;
  if (/^(false|faux)$/i.test(trimmed)) return false;
  const number = Number(trimmed.replace(",", "."));
  if (!Number.isNaN(number) && /^[-+]?[\d.,]+(e[-+]?\d+)?$/i.test(trimmed)) return number;
  return trimmed.replace(/^"(.*)"$/, "$1");
}

/** The formula the arguments spell, in the host's syntax; with groups, the same KPI per group through BY. */
export function formulaOf(kpi: AnyKpi, args: ArgInputs, syntax: FormulaSyntax): string {
  const argOf = (name: string): FormulaArg => {
    const state = args.get(name);
    const text = state?.text.trim() ?? "";
    if (state?.values || isReference(text)) return { ref: text };
    return literal(text);
  };
  const values = kpi.params.map((param) => argOf(param.name));
  const groups = args.get(BY_GROUP)?.text.trim();
  if (groups) return kpiFormula(syntax, "BY", [argOf(BY_GROUP), kpi.id, ...values]);
  return kpiFormula(syntax, kpi.id, values);
}

/** True when some argument is a whole-column reference (the pane warns about desktop Excel's zeros). */
export const hasWholeColumn = (args: ArgInputs): boolean =>
  [...args.values()].some((arg) => WHOLE_COLUMN.test(arg.text.trim()));

/**
 * The raw arguments the preview evaluates, as a host would pass them (trailing omitted ones dropped), or null while
 * a required argument is empty or a typed reference has no values the pane could read.
 */
export function previewArgs(kpi: AnyKpi, args: ArgInputs): unknown[] | null {
  const raw: unknown[] = [];
  for (const param of kpi.params) {
    const state = args.get(param.name);
    const text = state?.text.trim() ?? "";
    if (state?.values) raw.push(state.values);
    else if (text === "") {
      if (!param.optional) return null;
      raw.push(undefined);
    } else if (isReference(text)) return null;
    else raw.push(literal(text));
  }
  while (raw.length > 0 && raw[raw.length - 1] === undefined) raw.pop();
  return raw;
}
