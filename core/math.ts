import { fail } from "./errors.js";
import type { Text } from "./spec.js";

/** Small numeric helpers shared by the implementations. */

export function sum(values: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i] as number;
  return total;
}

export function mean(values: readonly number[], name: string): number {
  if (values.length === 0) throw fail.noData(name);
  return finite(sum(values) / values.length);
}

export function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  if (sorted.length % 2) return sorted[mid] as number;
  const low = sorted[mid - 1] as number;
  const high = sorted[mid] as number;
  const middle = (low + high) / 2;
  // Two huge values overflow their sum, not their midpoint.
  return Number.isFinite(middle) ? middle : low / 2 + high / 2;
}

/** numerator / denominator, where a zero denominator is the user's #DIV/0! with a reason. */
export function divide(numerator: number, denominator: number, reason: Text): number {
  if (denominator === 0) throw fail.div0(reason);
  return finite(numerator / denominator);
}

/** Guards against overflow: a result that is not finite is reported, never returned. */
export function finite(value: number): number {
  if (!Number.isFinite(value))
    throw fail.num({
      en: "the result is too large to represent",
      fr: "le résultat est trop grand pour être représenté",
    });
  return value;
}
