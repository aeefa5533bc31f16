import { publicName } from "../host/boundary.js";
import type { FormulaSyntax, PlanValue } from "./plan.js";

/** The name a host knows a KPI by: `KPI.AOV` in Excel (and the playground), `KPI_AOV` in Google Sheets. */
export const kpiName = (syntax: FormulaSyntax, id: string): string =>
  publicName(syntax === "sheets" ? "sheets" : "excel", id);

/** An argument of a formula: a reference is written as is, a literal is quoted or spelt the spreadsheet way. */
export type FormulaArg = { readonly ref: string } | PlanValue;

export function formulaArg(arg: FormulaArg): string {
  if (arg === null) return "";
  if (typeof arg === "object") return arg.ref;
  if (typeof arg === "boolean") return arg ? "TRUE" : "FALSE";
  if (typeof arg === "number") return String(arg);
  return `"${arg.replace(/"/g, '""')}"`;
}

/** `=KPI.AOV(Orders!$F$2:$F$267,Orders!$C$2:$C$267)`; trailing omitted arguments are dropped. */
export function kpiFormula(syntax: FormulaSyntax, id: string, args: readonly FormulaArg[]): string {
  const written = args.map(formulaArg);
  while (written.length > 0 && written[written.length - 1] === "") written.pop();
  return `=${kpiName(syntax, id)}(${written.join(",")})`;
}

/** Recognises `=KPI.AOV(` and `=KPI_AOV(`, whatever the case. */
export const KPI_CALL = /^=\s*KPI[._]([A-Z0-9_]+)\s*\(/i;
