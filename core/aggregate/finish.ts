import { fail } from "../errors.js";
import { divide, finite } from "../math.js";

/**
 * The formulas of the KPIs whose inputs reduce to a few totals, written once: each KPI's `compute` calls
 * its finish on the totals of its ranges (read with NumberRange.sum()), and each mergeable aggregate
 * (core/aggregate) calls the same finish on the totals it merged, so both give the same value and errors.
 */

export const finishConversion = (won: number, total: number): number => {
  const rate = divide(won, total, "prospects sums to 0");
  if (rate > 1) throw fail.num(`conversions (${won}) exceed prospects (${total}); check the argument order`);
  return rate;
};

export const finishCpl = (spend: number, leads: number): number => divide(spend, leads, "leads sums to 0");

export const finishCac = (marketing: number, sales: number, customers: number): number =>
  divide(marketing + sales, customers, "newCustomers sums to 0");

export const finishRoi = (returns: number, cost: number): number => divide(returns - cost, cost, "costs sums to 0");

export const finishRomi = (revenue: number, cost: number, grossMargin: number): number =>
  divide(revenue * grossMargin - cost, cost, "marketingCosts sums to 0");

export const finishMargin = (revenue: number, costs: number): number =>
  divide(revenue - costs, revenue, "revenue sums to 0");

export const finishAttainment = (actual: number, target: number): number => divide(actual, target, "target sums to 0");

export const finishPenetration = (reached: number, market: number): number => {
  const share = divide(reached, market, "marketSize sums to 0");
  if (share > 1) throw fail.num(`customers (${reached}) exceed marketSize (${market})`);
  return share;
};

export const finishGrowth = (current: number, base: number): number =>
  divide(current - base, Math.abs(base), "previous sums to 0");

export const finishChurn = (start: number, lost: number): number => {
  if (lost > start) throw fail.num(`customersLost (${lost}) exceeds customersAtStart (${start})`);
  return divide(lost, start, "customersAtStart sums to 0");
};

export const finishRetention = (start: number, end: number, added: number): number => {
  const kept = end - added;
  if (kept < 0) throw fail.num(`newCustomers exceeds customersAtEnd by ${-kept}`);
  return divide(kept, start, "customersAtStart sums to 0");
};

export const finishNrr = (start: number, expansion: number, contraction: number, churned: number): number => {
  const lost = contraction + churned;
  if (lost > start) throw fail.num(`contraction + churned (${lost}) exceed startingRevenue (${start})`);
  return divide(start + expansion - lost, start, "startingRevenue sums to 0");
};

export const finishGrr = (start: number, contraction: number, churned: number): number => {
  const lost = contraction + churned;
  if (lost > start) throw fail.num(`contraction + churned (${lost}) exceed startingRevenue (${start})`);
  return divide(start - lost, start, "startingRevenue sums to 0");
};

export const finishVariance = (actual: number, planned: number, asPercent: boolean): number => {
  const gap = finite(actual - planned);
  return asPercent ? divide(gap, Math.abs(planned), "plan sums to 0") : gap;
};

export const finishPriceIndex = (ours: number, ourCount: number, theirs: number, theirCount: number): number =>
  divide(
    divide(ours, ourCount, "ourPrices has no values"),
    divide(theirs, theirCount, "competitorPrices has no values"),
    "competitorPrices average 0",
  );

export const finishWeightedPipeline = (weighted: number): number => finite(weighted);

export const finishNps = (promoters: number, detractors: number, responses: number): number =>
  100 * divide(promoters - detractors, responses, "scores has no responses");

export const finishCsat = (satisfied: number, responses: number): number => {
  if (responses === 0) throw fail.div0("scores has no responses");
  return satisfied / responses;
};

export const finishCes = (total: number, responses: number): number => {
  if (responses === 0) throw fail.div0("scores has no responses");
  return finite(total / responses);
};

export const finishCsatThreshold = (threshold: number, scaleMax: number): void => {
  if (threshold < 1 || threshold > scaleMax)
    throw fail.num(`threshold ${threshold} is outside the scale 1 to ${scaleMax}`);
};

export const finishWinRate = (wins: number, losses: number, wonLabel: string, lostLabel: string): number =>
  divide(wins, wins + losses, `no outcome is "${wonLabel}" or "${lostLabel}"`);

export const finishAov = (revenue: number, orders: number): number => divide(revenue, orders, "revenue has no values");

export const finishShareWithTwoOrMore = (repeaters: number, customers: number): number =>
  divide(repeaters, customers, "customerIds has no values");
