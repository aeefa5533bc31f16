import { serialToDate } from "./dates.js";
import type { Text } from "./spec.js";

/**
 * The one error type the core raises. Every failure a user can cause ends up as a KpiError carrying the
 * Excel error code it must show and its cause in both languages; hosts only decide how to present it
 * (CustomFunctions.Error in Excel, an `Error` whose message starts with the code in Google Sheets) and in which
 * language (the one the host tells: Excel's display language, the spreadsheet's locale, the playground's `?lang=`).
 */
export type ErrorCode = "#VALUE!" | "#DIV/0!" | "#NUM!" | "#N/A";

/** The languages a cause is written in. */
export type CauseLang = keyof Text;

/**
 * French typography, applied once here so that messages are written with plain spaces: a no-break space before
 * `:` and inside « », a narrow no-break space before `;` `?` `!` (the Imprimerie nationale's rule), so that a
 * line never starts with the punctuation. Only a space already there is replaced: "Survey!B7" and "#VALUE!" stay.
 */
export const frenchTypography = (text: string): string =>
  text
    .replace(/ :/g, "\u00a0:")
    .replace(/ ([;?!])/g, "\u202f$1")
    .replace(/« /g, "«\u00a0")
    .replace(/ »/g, "\u00a0»");

/** A cause from a function of the language, for messages whose parts (cells, dates, numbers) depend on it. */
export const inBoth = (write: (lang: CauseLang) => string): Text => ({ en: write("en"), fr: write("fr") });

export class KpiError extends Error {
  /** Excel id of the function the error comes from, filled in by the runner (e.g. "CAC"). */
  fn = "";
  /** The cause in plain words, naming the argument and cell where there is one, in each language. */
  readonly causes: Text;

  /** A plain string is an untranslated cause (an internal error's own message): both languages show it. */
  constructor(
    readonly code: ErrorCode,
    cause: Text | string,
  ) {
    const causes = typeof cause === "string" ? { en: cause, fr: cause } : cause;
    super(`${code} ${causes.en}`);
    this.name = "KpiError";
    this.causes = { en: causes.en, fr: frenchTypography(causes.fr) };
  }

  /** The cause in English: the wording tests, logs and the SQL engines compare. */
  get detail(): string {
    return this.causes.en;
  }

  /** The cause in the given language. */
  detailIn(lang: CauseLang): string {
    return this.causes[lang];
  }

  /** The message as a host shows it: `#DIV/0! KPI_CAC: newCustomers sums to 0` (`KPI_CAC : …` in French). */
  format(qualifiedName: string, lang: CauseLang = "en"): string {
    return lang === "fr"
      ? `${this.code} ${qualifiedName}\u00a0: ${this.causes.fr}`
      : `${this.code} ${qualifiedName}: ${this.causes.en}`;
  }
}

export const isKpiError = (value: unknown): value is KpiError => value instanceof KpiError;

/** The language a host's locale tag asks for ("fr", "fr-FR", "fr_CA" → French); English otherwise. */
export const causeLangOf = (locale: unknown): CauseLang =>
  typeof locale === "string" && /^fr(?:[-_]|$)/i.test(locale.trim()) ? "fr" : "en";

/** Causes several functions share, worded once. */
export const because = {
  sumsToZero: (arg: string): Text => ({ en: `${arg} sums to 0`, fr: `la somme de ${arg} est 0` }),
  noValues: (arg: string): Text => ({ en: `${arg} has no values`, fr: `${arg} n'a aucune valeur` }),
  isZero: (arg: string): Text => ({ en: `${arg} is 0`, fr: `${arg} vaut 0` }),
  noResponses: (arg: string): Text => ({ en: `${arg} has no responses`, fr: `${arg} n'a aucune réponse` }),
  /** A date cell past the last day spreadsheets know, shown as the date it would be. */
  afterLastDay: (arg: string, cell: number, serial: number): Text => ({
    en: `${arg}: cell ${cell} is ${dateIn(serial, "en")}, after 9999-12-31`,
    fr: `${arg} : cellule ${cell} est le ${dateIn(serial, "fr")}, après le 31/12/9999`,
  }),
  addsUpTooMuch: (arg: string): Text => ({
    en: `${arg} add up to more than can be represented`,
    fr: `la somme de ${arg} dépasse ce qui peut être représenté`,
  }),
} as const;

/** Messages come from one place so their wording stays consistent across the functions. */
export const fail = {
  value: (cause: Text): KpiError => new KpiError("#VALUE!", cause),
  num: (cause: Text): KpiError => new KpiError("#NUM!", cause),
  na: (cause: Text): KpiError => new KpiError("#N/A", cause),
  div0: (cause: Text): KpiError => new KpiError("#DIV/0!", cause),
  sumsToZero: (arg: string): KpiError => new KpiError("#DIV/0!", because.sumsToZero(arg)),
  noData: (arg: string): KpiError => new KpiError("#DIV/0!", because.noValues(arg)),
  /** A required argument the formula does not give at all (not one given as empty cells). */
  missing: (arg: string): KpiError =>
    new KpiError("#VALUE!", { en: `${arg}: argument missing`, fr: `${arg} : argument manquant` }),
};

/** A number as a cause writes it: with a decimal comma in French. */
export const numIn = (n: number, lang: CauseLang): string => (lang === "fr" ? String(n).replace(".", ",") : String(n));

/** A spreadsheet serial date as a cause writes it: 2025-01-31 in English, 31/01/2025 in French. */
export function dateIn(serial: number, lang: CauseLang): string {
  const date = serialToDate(serial);
  if (!Number.isFinite(date.getTime())) return numIn(serial, lang);
  const y = date.getUTCFullYear();
  const year = y >= 0 && y <= 9999 ? String(y).padStart(4, "0") : String(y);
  const month = String(date.getUTCMonth() + 1).padStart(2, "0");
  const day = String(date.getUTCDate()).padStart(2, "0");
  return lang === "fr" ? `${day}/${month}/${year}` : `${year}-${month}-${day}`;
}

/** Text quoted in a cause: "Won" in English, « Won » in French. */
export const quoteIn = (text: string, lang: CauseLang): string => (lang === "fr" ? `« ${text} »` : `"${text}"`);
