import { keyOf, readKeys, readNumbers, readScalar } from "../coerce.js";
import { dateToSerial } from "../dates.js";
import { KpiError } from "../errors.js";
import type { AnyKpi, ParamSpec } from "../spec.js";

/**
 * One value of an aggregated row, checked as the sheet checks a cell. The plain case (a number inside the
 * parameter's domain) is a few comparisons; anything else goes through the core's readers, whose error
 * names the argument (an aggregate sees rows one by one, so "a value" replaces the cell position).
 */

const withoutPosition = (error: unknown): unknown =>
  error instanceof KpiError
    ? new KpiError(error.code, {
        en: error.causes.en.replace(/: cell 1\b/, ": a value"),
        fr: error.causes.fr.replace(/\u00a0: cellule 1\b/, " : une valeur"),
      })
    : error;

function carefully<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw withoutPosition(error);
  }
}

/**
 * Reads one value of a numeric column, called once per row by an aggregate: the plain case (a finite number inside
 * the domain) is a few comparisons and allocates nothing; a BigInt (BigQuery's INT64) or a Date is converted and
 * read the same way. A class, not a closure: its method is one function for every aggregate, which V8 inlines
 * into the row loop however many aggregates were made.
 */
export class NumberReader {
  private readonly lo: number;
  private readonly hi: number;
  private readonly above: number;
  private readonly integer: boolean;

  constructor(private readonly param: ParamSpec) {
    this.lo = param.min ?? (param.kind === "dates" ? 0 : -Infinity);
    this.hi = param.max ?? Infinity;
    this.above = param.above ?? -Infinity;
    this.integer = param.integer === true;
  }

  read(raw: unknown): number | undefined {
    // BigQuery's INT64 arrives as a BigInt: converted here, in the inlined path, not in a call per row.
    const value = typeof raw === "bigint" ? Number(raw) : raw;
    // NaN and ±Infinity fail value - value === 0, as in the core's scan, and take the careful reader's error.
    return typeof value === "number" &&
      value - value === 0 &&
      value >= this.lo &&
      value <= this.hi &&
      value > this.above &&
      (!this.integer || Math.floor(value) === value)
      ? value
      : this.odd(value);
  }

  private odd(value: unknown): number | undefined {
    if (value === null || value === undefined) return undefined;
    if (value instanceof Date && this.param.kind === "dates") return this.read(dateToSerial(value));
    // The core's reader: its value, or its error (a blank comes back as NaN, kept for paired ranges).
    const careful = carefully(() => readNumbers([[value]], this.param, true)[0]);
    return careful === careful ? careful : undefined;
  }
}

/** Reads one label of a key column as the core compares it (trimmed, case-insensitive); undefined for a blank. */
export class KeyReader {
  constructor(private readonly param: ParamSpec) {}

  read(value: unknown): string | undefined {
    if (typeof value !== "string") return this.odd(value);
    const text = value.trim();
    return text === "" ? undefined : keyOf(text);
  }

  private odd(value: unknown): string | undefined {
    if (value === null || value === undefined) return undefined;
    const [key] = carefully(() => readKeys([[typeof value === "bigint" ? Number(value) : value]], this.param));
    return key === undefined ? undefined : keyOf(key);
  }
}

/** The scalar (non-aggregated) arguments by name, defaults applied, checked as `evaluate` checks them. */
export function readOptions(
  kpi: AnyKpi,
  names: readonly string[],
  raw: readonly unknown[],
  /** Filled with the options that took their default, as the sheet's reader tells (WINRATE's labels read both languages). */
  omitted: Set<string> = new Set(),
): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  names.forEach((name, i) => {
    const param = kpi.params.find((p) => p.name === name) as ParamSpec;
    const value = raw[i] === null || raw[i] === undefined ? undefined : readScalar(raw[i], param);
    if (value === undefined) omitted.add(name);
    options[name] = value ?? param.default;
  });
  return options;
}
