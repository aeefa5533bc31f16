import { fail } from "../errors.js";

/**
 * Excel's data completion for FORECAST.ETS: leading and trailing blanks are dropped, a blank inside the
 * series takes the mean of its nearest non-blank neighbours, and more than 30% blanks between the first
 * and the last value is too much to invent (#NUM!). Fewer than 3 values is #N/A.
 */
export function completeSeries(values: readonly (number | null)[]): number[] {
  let first = 0;
  while (first < values.length && values[first] === null) first++;
  let last = values.length - 1;
  while (last >= first && values[last] === null) last--;
  const span = values.slice(first, last + 1);
  const present = span.filter((v) => v !== null).length;
  if (present < 3)
    throw fail.na({
      en: `values has ${present} value${present === 1 ? "" : "s"}; a forecast needs at least 3`,
      fr: `values a ${present} valeur${present > 1 ? "s" : ""} ; une prévision en demande au moins 3`,
    });
  const blanks = span.length - present;
  if (blanks > 0.3 * span.length) {
    throw fail.num({
      en: `values has ${blanks} blanks out of ${span.length} cells; at most 30% can be filled in`,
      fr: `values a ${blanks} cellules vides sur ${span.length} ; au plus 30 % peuvent être complétées`,
    });
  }
  const out: number[] = [];
  let previous = span[0] as number;
  for (let i = 0; i < span.length; i++) {
    const v = span[i];
    if (v !== null && v !== undefined) {
      previous = v;
      out.push(v);
      continue;
    }
    let j = i + 1;
    while (span[j] === null) j++;
    const next = span[j] as number;
    // Halving first keeps the mean of two huge neighbours finite.
    out.push(previous / 2 + next / 2);
  }
  return out;
}
