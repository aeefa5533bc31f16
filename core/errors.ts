/**
 * The one error type the core raises. Every failure a user can cause ends up as a KpiError carrying the
 * Excel error code it must show; hosts only decide how to present it (CustomFunctions.Error in Excel,
 * an `Error` whose message starts with the code in Google Sheets).
 */
export type ErrorCode = "#VALUE!" | "#DIV/0!" | "#NUM!" | "#N/A";

export class KpiError extends Error {
  /** Excel id of the function the error comes from, filled in by the runner (e.g. "CAC"). */
  fn = "";

  constructor(
    readonly code: ErrorCode,
    /** The cause in plain words, naming the argument and cell where there is one. */
    readonly detail: string,
  ) {
    super(`${code} ${detail}`);
    this.name = "KpiError";
  }

  /** The message as a host shows it: `#DIV/0! KPI_CAC: newCustomers sums to 0`. */
  format(qualifiedName: string): string {
    return `${this.code} ${qualifiedName}: ${this.detail}`;
  }
}

export const isKpiError = (value: unknown): value is KpiError => value instanceof KpiError;

/** Messages come from one place so their wording stays consistent across the functions. */
export const fail = {
  value: (detail: string): KpiError => new KpiError("#VALUE!", detail),
  num: (detail: string): KpiError => new KpiError("#NUM!", detail),
  na: (detail: string): KpiError => new KpiError("#N/A", detail),
  div0: (detail: string): KpiError => new KpiError("#DIV/0!", detail),
  sumsToZero: (arg: string): KpiError => new KpiError("#DIV/0!", `${arg} sums to 0`),
  noData: (arg: string): KpiError => new KpiError("#DIV/0!", `${arg} has no values`),
};
