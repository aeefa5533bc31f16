import type { ParamSpec } from "../spec.js";

/** A numeric parameter's domain: its check, its wording, and its limits flattened for the hot loops. */

export const fmt = (n: number): string => String(n);

/** The domain of a numeric parameter in words, e.g. "an integer from 0 to 10" or "in (0, 1]". */
export function domainOf(param: ParamSpec): string | undefined {
  const low =
    param.above !== undefined ? `(${fmt(param.above)}` : param.min !== undefined ? `[${fmt(param.min)}` : undefined;
  const high = param.max !== undefined ? `${fmt(param.max)}]` : undefined;
  const whole = param.integer ? "a whole number" : "a number";
  if (low && high) return `${whole} in ${low}, ${high}`;
  if (param.above !== undefined) return `${whole} greater than ${fmt(param.above)}`;
  if (param.min !== undefined) return param.min === 0 ? `${whole} ≥ 0` : `${whole} ≥ ${fmt(param.min)}`;
  if (param.max !== undefined) return `${whole} ≤ ${fmt(param.max)}`;
  return param.integer ? whole : undefined;
}

export const hasBounds = (p: ParamSpec): boolean =>
  p.min !== undefined || p.max !== undefined || p.above !== undefined || p.integer === true;

export function outOfBounds(value: number, p: ParamSpec): boolean {
  return (
    (p.min !== undefined && value < p.min) ||
    (p.max !== undefined && value > p.max) ||
    (p.above !== undefined && value <= p.above) ||
    (p.integer === true && !Number.isInteger(value))
  );
}

/** Probabilities typed as percentages (40 for 40%) are the commonest out-of-range value. */
export const percentHint = (value: number, p: ParamSpec): string =>
  p.max === 1 && value > 1 && value <= 100 ? " (a percentage is a fraction: 40% is 0.4)" : "";

/** The domain checks of a numeric parameter, flattened for the hot loop. */
export interface Limits {
  readonly lo: number;
  readonly hi: number;
  readonly above: number;
  readonly integer: boolean;
}

export const limitsOf = (param: ParamSpec): Limits => ({
  lo: param.min ?? (param.kind === "dates" ? 0 : -Infinity),
  hi: param.max ?? Infinity,
  above: param.above ?? -Infinity,
  integer: param.integer === true,
});
