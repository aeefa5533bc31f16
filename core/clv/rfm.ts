import type { CustomerSummaries } from "./summary.js";

/** RFM scores and segments (catalogue section H). */

export const SEGMENTS = [
  "Champions",
  "Loyal",
  "Potential loyalists",
  "New customers",
  "Promising",
  "Need attention",
  "About to sleep",
  "Can't lose",
  "At risk",
  "Hibernating",
] as const;
export type Segment = (typeof SEGMENTS)[number];

/** The segment of an (R, F) pair; the table covers all 25 pairs exactly once. */
export function segmentOf(r: number, f: number): Segment {
  if (r === 5) return f >= 4 ? "Champions" : f >= 2 ? "Potential loyalists" : "New customers";
  if (r === 4) return f >= 4 ? "Loyal" : f >= 2 ? "Potential loyalists" : "Promising";
  if (r === 3) return f >= 4 ? "Loyal" : f === 3 ? "Need attention" : "About to sleep";
  return f === 5 ? "Can't lose" : f >= 3 ? "At risk" : "Hibernating";
}

/**
 * Scores 1–5: 1 + floor(5 × (customers with a smaller value) / customers), or with a larger value when
 * `larger` (recency, where less is better). Counting by binary search over the sorted values keeps ties equal.
 */
export function quintileScores(values: Float64Array, larger = false): Uint8Array {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  const scores = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    const count = larger ? n - upperBound(sorted, v) : lowerBound(sorted, v);
    scores[i] = 1 + Math.floor((5 * count) / n);
  }
  return scores;
}

/** Index of the first element ≥ v. */
function lowerBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element > v. */
function upperBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface RfmTable {
  readonly recency: Float64Array;
  readonly R: Uint8Array;
  readonly F: Uint8Array;
  readonly M: Uint8Array;
}

/** Recency in days (asOf − last transaction) and the three scores of every customer. */
export function rfmScores(s: CustomerSummaries): RfmTable {
  const recency = new Float64Array(s.count);
  for (let c = 0; c < s.count; c++) recency[c] = s.asOf - (s.lastDay[c] as number);
  return {
    recency,
    R: quintileScores(recency, true),
    F: quintileScores(s.transactions),
    M: quintileScores(s.monetary),
  };
}
