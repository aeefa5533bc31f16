import { numIn, type CauseLang } from "../errors.js";
import type { ParamSpec } from "../spec.js";

/** A numeric parameter's domain: its check, its wording, and its limits flattened for the hot loops. */

export const fmt = (n: number): string => String(n);

/**
 * The domain of a numeric parameter in words, e.g. "a whole number in [0, 10]" or "a number in (0, 1]"; in French
 * with French interval brackets and separator ("un nombre dans ]0 ; 1]").
 */
export function domainOf(param: ParamSpec, lang: CauseLang = "en"): string | undefined {
  if (lang === "fr") return domainInFrench(param);
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

function domainInFrench(param: ParamSpec): string | undefined {
  const n = (v: number): string => numIn(v, "fr");
  const low =
    param.above !== undefined ? `]${n(param.above)}` : param.min !== undefined ? `[${n(param.min)}` : undefined;
  const high = param.max !== undefined ? `${n(param.max)}]` : undefined;
  const whole = param.integer ? "un nombre entier" : "un nombre";
  if (low && high) return `${whole} dans ${low} ; ${high}`;
  if (param.above !== undefined) return `${whole} supérieur à ${n(param.above)}`;
  if (param.min !== undefined) return `${whole} ≥ ${n(param.min)}`;
  if (param.max !== undefined) return `${whole} ≤ ${n(param.max)}`;
  return param.integer ? whole : undefined;
}

/** "…, expected a number in (0, 1]" / "… ; attendu : un nombre dans ]0 ; 1]", with the hint for percentages. */
export const expectedDomain = (param: ParamSpec, value: number, lang: CauseLang): string =>
  lang === "fr"
    ? ` ; attendu : ${domainOf(param, lang) ?? "une valeur valide"}${percentHint(value, param, lang)}`
    : `, expected ${domainOf(param) ?? "a valid value"}${percentHint(value, param)}`;

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
export const percentHint = (value: number, p: ParamSpec, lang: CauseLang = "en"): string =>
  p.max === 1 && value > 1 && value <= 100
    ? lang === "fr"
      ? " (un pourcentage est une fraction : 40 % vaut 0,4)"
      : " (a percentage is a fraction: 40% is 0.4)"
    : "";

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
