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

export type NumberReader = (value: unknown) => number | undefined;

export function numberReader(param: ParamSpec): NumberReader {
  const lo = param.min ?? (param.kind === "dates" ? 0 : -Infinity);
  const hi = param.max ?? Infinity;
  const above = param.above ?? -Infinity;
  const integer = param.integer === true;
  return (value) => {
    if (typeof value === "number" && value >= lo && value <= hi && value > above && (!integer || value % 1 === 0))
      return value;
    if (value === null || value === undefined) return undefined;
    if (typeof value === "bigint") return numberReader(param)(Number(value));
    if (value instanceof Date && param.kind === "dates") return numberReader(param)(dateToSerial(value));
    return carefully(() => readNumbers([[value]], param, true)[0]);
  };
}

export type KeyReader = (value: unknown) => string | undefined;

/** A label as the core compares it (trimmed, case-insensitive); undefined for a blank. */
export function keyReader(param: ParamSpec): KeyReader {
  return (value) => {
    if (value === null || value === undefined) return undefined;
    if (typeof value === "string") {
      const text = value.trim();
      return text === "" ? undefined : keyOf(text);
    }
    const [key] = carefully(() => readKeys([[typeof value === "bigint" ? Number(value) : value]], param));
    return key === undefined ? undefined : keyOf(key);
  };
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
