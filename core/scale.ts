import { fail } from "./errors.js";
import type { Series } from "./spec.js";

/** The non-blank scores of a survey column, each checked against the 1..scaleMax scale with its cell named. */
export function scoresOnScale(scores: Series, scaleMax: number): number[] {
  const out: number[] = [];
  scores.values.forEach((v, i) => {
    if (v === null) return;
    if (v < 1 || v > scaleMax) throw fail.num(`scores: cell ${i + 1} is ${v}, outside the scale 1 to ${scaleMax}`);
    out.push(v);
  });
  return out;
}
