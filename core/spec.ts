import type { KpiError } from "./errors.js";
import type { ResultUnit } from "./format/units.js";

/** Text in the two languages the product ships in. */
export interface Text {
  readonly en: string;
  readonly fr: string;
}

export type Category =
  "acquisition" | "revenue" | "retention" | "satisfaction" | "targets" | "analysis" | "time" | "value";

/**
 * How an argument is read. Range kinds accept a single cell, a range of any shape or a literal array,
 * read row by row; scalar kinds accept one value (a one-cell range is fine).
 */
export interface KindValues {
  /** a range of finite numbers, blanks skipped, streamed in one validated pass (Σ arguments): a NumberRange */
  readonly numberRange: NumberRange;
  /** a range of finite numbers copied into a list, blanks skipped (paired ranges, aligned row by row) */
  readonly numberList: number[];
  /** dates as serial numbers (days since 1899-12-30), blanks skipped */
  readonly dates: number[];
  /** labels and ids, trimmed, blanks skipped; compare with `keyOf` */
  readonly keys: string[];
  /** numbers with their positions kept (blanks as null) and the shape of the input */
  readonly series: Series;
  /** a 2-D block of numbers, one array per row, blanks as null */
  readonly matrix: (number | null)[][];
  readonly number: number;
  readonly date: number;
  readonly text: string;
  readonly boolean: boolean;
  /** the host's value as given, with where its range starts: for functions that pass arguments on (BY) */
  readonly any: HostArg;
}

/** An argument handed on untouched, with its range's origin in the workbook when the host gave it. */
export interface HostArg {
  readonly value: unknown;
  readonly origin?: { readonly sheet: string; readonly row: number; readonly col: number };
}

export type Kind = keyof KindValues;

/**
 * A numeric range argument read on demand: every scan validates as it goes, so the common Σ KPI costs one
 * pass over the host's array and allocates nothing per cell.
 */
export interface NumberRange {
  /** Visits each non-blank value in row-by-row order with its 1-based cell position. */
  forEach(visit: (value: number, position: number) => void): void;
  /** Σ of the non-blank values (computed once). */
  sum(): number;
  /** How many non-blank values (computed once, with the sum). */
  count(): number;
  toArray(): number[];
  /**
   * Σ value × otherValue over the rows where both ranges hold a value (SUMPRODUCT of paired ranges), walking
   * both row-aligned instead of copying them into arrays.
   */
  sumProduct(other: NumberRange): number;
}

export interface Series {
  readonly values: (number | null)[];
  readonly rows: number;
  readonly cols: number;
}

export interface ParamSpec {
  readonly name: string;
  readonly kind: Kind;
  readonly description: Text;
  readonly optional?: boolean;
  /** Used when the argument is omitted or blank. */
  readonly default?: number | string | boolean;
  /** Inclusive lower bound. */
  readonly min?: number;
  /** Inclusive upper bound. */
  readonly max?: number;
  /** Exclusive lower bound, for (0, 1] style domains. */
  readonly above?: number;
  readonly integer?: boolean;
  /** Accepted values of a text option, compared case-insensitively. */
  readonly choices?: readonly string[];
}

/** A date inside a spilled result: Excel shows it as a serial, Sheets as a `Date`. */
export class KpiDate {
  constructor(readonly serial: number) {}
}

export type SpillCell = number | string | KpiDate | KpiError;
export type Spill = SpillCell[][];
export type KpiResult = number | string | Spill;

export type ResultKind = "number" | "text" | "spill";

export interface Example {
  /** Arguments as a host passes them: scalars or row-major 2-D arrays. */
  readonly args: readonly unknown[];
  /** The expected result, or the expected error code. */
  // KpiResult admits any string already: the template only documents how an error code is written.
  // eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents
  readonly result: KpiResult | `#${string}`;
  readonly note?: Text;
}

/** A one-column range as both hosts pass it, for examples: `column(120, 80)` is `[[120], [80]]`. */
export const column = (...cells: unknown[]): unknown[][] => cells.map((cell) => [cell]);

type ValueOf<S extends ParamSpec> = KindValues[S["kind"]];
type ArgValue<S extends ParamSpec> = S extends { optional: true }
  ? S extends { default: unknown }
    ? ValueOf<S>
    : ValueOf<S> | undefined
  : ValueOf<S>;

/** The clean, typed arguments an implementation receives, keyed by parameter name. */
export type ArgsOf<P extends readonly ParamSpec[]> = { [S in P[number] as S["name"]]: ArgValue<S> };

export interface KpiDefinition<P extends readonly ParamSpec[] = readonly ParamSpec[]> {
  /** Excel function id; Sheets name is `KPI_` + id. */
  readonly id: string;
  readonly category: Category;
  /** The KPI's name as a heading, tile or list entry shows it ("Win rate", « Taux de réussite »). */
  readonly title: Text;
  readonly description: Text;
  /** The formula in words, as the catalogue states it. */
  readonly formula: string;
  readonly params: P;
  /** Groups of range parameters read row-aligned: same size required, a row with any blank is skipped. */
  readonly paired?: readonly (readonly P[number]["name"][])[];
  readonly result: ResultKind;
  /**
   * What the result measures (core/format/units.ts): one unit, or one per column of a spill. Every host's number
   * format, the pane's preview and the dashboard's formats come from it.
   */
  readonly unit: ResultUnit;
  /** Extra search words for the pane (synonyms in both languages). */
  readonly keywords?: readonly string[];
  readonly examples: readonly Example[];
  readonly compute: (args: ArgsOf<P>, call: CallInfo) => KpiResult;
}

/** What a KPI may ask about its call besides the clean arguments, in place of keys slipped into the arguments. */
export interface CallInfo {
  /** The 1-based position, in the user's range, of the cell behind the i-th kept row of the paired group. */
  pairedPosition(index: number): number;
  /** Whether an optional argument was left out (or blank) and took its default, rather than typed. */
  omitted(name: string): boolean;
}

/** A call with nothing left out and no row dropped: for computing on values built in code. */
export const PLAIN_CALL: CallInfo = { pairedPosition: (index) => index + 1, omitted: () => false };

/** The registry's erased view of a definition. */
export type AnyKpi = KpiDefinition<readonly ParamSpec[]> & {
  readonly compute: (args: Record<string, unknown>, call: CallInfo) => KpiResult;
};

/** Declares a KPI with its arguments typed from its parameter list. */
export const defineKpi = <const P extends readonly ParamSpec[]>(definition: KpiDefinition<P>): AnyKpi =>
  definition as unknown as AnyKpi;
