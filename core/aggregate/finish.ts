import { because, fail, numIn } from "../errors.js";
import type { Text } from "../spec.js";
import { divide, finite } from "../math.js";

/**
 * The formulas of the KPIs whose inputs reduce to a few totals, written once: each KPI's `compute` calls
 * its finish on the totals of its ranges (read with NumberRange.sum()), and each mergeable aggregate
 * (core/aggregate) calls the same finish on the totals it merged, so both give the same value and errors.
 */

export const finishConversion = (won: number, total: number): number => {
  const rate = divide(won, total, because.sumsToZero("prospects"));
  if (rate > 1)
    throw fail.num({
      en: `conversions (${won}) exceed prospects (${total}); check the argument order`,
      fr: `conversions (${numIn(won, "fr")}) dépasse prospects (${numIn(total, "fr")}) ; vérifiez l'ordre des arguments`,
    });
  return rate;
};

export const finishCpl = (spend: number, leads: number): number => divide(spend, leads, because.sumsToZero("leads"));

export const finishCac = (marketing: number, sales: number, customers: number): number =>
  divide(marketing + sales, customers, because.sumsToZero("newCustomers"));

export const finishRoi = (returns: number, cost: number): number =>
  divide(returns - cost, cost, because.sumsToZero("costs"));

export const finishRomi = (revenue: number, cost: number, grossMargin: number): number =>
  divide(revenue * grossMargin - cost, cost, because.sumsToZero("marketingCosts"));

export const finishMargin = (revenue: number, costs: number): number =>
  divide(revenue - costs, revenue, because.sumsToZero("revenue"));

export const finishAttainment = (actual: number, target: number): number =>
  divide(actual, target, because.sumsToZero("target"));

export const finishPenetration = (reached: number, market: number): number => {
  const share = divide(reached, market, because.sumsToZero("marketSize"));
  if (share > 1)
    throw fail.num({
      en: `customers (${reached}) exceed marketSize (${market})`,
      fr: `customers (${numIn(reached, "fr")}) dépasse marketSize (${numIn(market, "fr")})`,
    });
  return share;
};

export const finishGrowth = (current: number, base: number): number =>
  divide(current - base, Math.abs(base), because.sumsToZero("previous"));

export const finishChurn = (start: number, lost: number): number => {
  if (lost > start)
    throw fail.num({
      en: `customersLost (${lost}) exceeds customersAtStart (${start})`,
      fr: `customersLost (${numIn(lost, "fr")}) dépasse customersAtStart (${numIn(start, "fr")})`,
    });
  return divide(lost, start, because.sumsToZero("customersAtStart"));
};

export const finishRetention = (start: number, end: number, added: number): number => {
  const kept = end - added;
  if (kept < 0)
    throw fail.num({
      en: `newCustomers exceeds customersAtEnd by ${-kept}`,
      fr: `newCustomers dépasse customersAtEnd de ${numIn(-kept, "fr")}`,
    });
  return divide(kept, start, because.sumsToZero("customersAtStart"));
};

const revenueLostExceedsStart = (lost: number, start: number) =>
  fail.num({
    en: `contraction + churned (${lost}) exceed startingRevenue (${start})`,
    fr: `contraction + churned (${numIn(lost, "fr")}) dépasse startingRevenue (${numIn(start, "fr")})`,
  });

export const finishNrr = (start: number, expansion: number, contraction: number, churned: number): number => {
  const lost = contraction + churned;
  if (lost > start) throw revenueLostExceedsStart(lost, start);
  return divide(start + expansion - lost, start, because.sumsToZero("startingRevenue"));
};

export const finishGrr = (start: number, contraction: number, churned: number): number => {
  const lost = contraction + churned;
  if (lost > start) throw revenueLostExceedsStart(lost, start);
  return divide(start - lost, start, because.sumsToZero("startingRevenue"));
};

export const finishVariance = (actual: number, planned: number, asPercent: boolean): number => {
  const gap = finite(actual - planned);
  return asPercent ? divide(gap, Math.abs(planned), because.sumsToZero("plan")) : gap;
};

export const finishPriceIndex = (ours: number, ourCount: number, theirs: number, theirCount: number): number =>
  divide(
    divide(ours, ourCount, because.noValues("ourPrices")),
    divide(theirs, theirCount, because.noValues("competitorPrices")),
    { en: "competitorPrices average 0", fr: "la moyenne de competitorPrices est 0" },
  );

export const finishWeightedPipeline = (weighted: number): number => finite(weighted);

export const finishNps = (promoters: number, detractors: number, responses: number): number =>
  100 * divide(promoters - detractors, responses, because.noResponses("scores"));

export const finishCsat = (satisfied: number, responses: number): number => {
  if (responses === 0) throw fail.div0(because.noResponses("scores"));
  return satisfied / responses;
};

export const finishCes = (total: number, responses: number): number => {
  if (responses === 0) throw fail.div0(because.noResponses("scores"));
  return finite(total / responses);
};

export const finishCsatThreshold = (threshold: number, scaleMax: number): void => {
  if (threshold < 1 || threshold > scaleMax)
    throw fail.num({
      en: `threshold ${threshold} is outside the scale 1 to ${scaleMax}`,
      fr: `threshold (${numIn(threshold, "fr")}) est hors de l'échelle de 1 à ${scaleMax}`,
    });
};

/** WINRATE's ratio; `labels` names the labels looked for, as the cause shows them. */
export const finishWinRate = (wins: number, losses: number, labels: Text): number =>
  divide(wins, wins + losses, { en: `no outcome is ${labels.en}`, fr: `aucun statut n'est ${labels.fr}` });

export const finishAov = (revenue: number, orders: number): number =>
  divide(revenue, orders, because.noValues("revenue"));

export const finishShareWithTwoOrMore = (repeaters: number, customers: number): number =>
  divide(repeaters, customers, because.noValues("customerIds"));
