import { fail } from "../errors.js";
import { maximise } from "./fit.js";
import { lgamma } from "./special.js";

/**
 * The Gamma-Gamma model of spend per transaction (Fader & Hardie 2013): a customer's transaction values are
 * Gamma(p, ν) around their own mean, with ν ~ Gamma(q, v) across customers; fitted on the x ≥ 1 repeat
 * transactions' mean m of each customer.
 */
export interface GammaGamma {
  readonly p: number;
  readonly q: number;
  readonly v: number;
}

/** Repeat customers with a positive mean: the only ones the likelihood can use (ln m). */
interface Spenders {
  readonly x: Float64Array;
  readonly m: Float64Array;
  readonly logM: Float64Array;
  readonly logX: Float64Array;
  readonly distinctX: Float64Array;
  readonly xIndex: Int32Array;
}

function spendersOf(x: ArrayLike<number>, means: ArrayLike<number>): Spenders {
  const keepX: number[] = [];
  const keepM: number[] = [];
  for (let c = 0; c < x.length; c++) {
    const m = means[c] as number;
    if ((x[c] as number) >= 1 && m > 0) {
      keepX.push(x[c] as number);
      keepM.push(m);
    }
  }
  const distinct = [...new Set(keepX)].sort((p, q) => p - q);
  const position = new Map(distinct.map((v, i) => [v, i]));
  return {
    x: Float64Array.from(keepX),
    m: Float64Array.from(keepM),
    logM: Float64Array.from(keepM, Math.log),
    logX: Float64Array.from(keepX, Math.log),
    distinctX: Float64Array.from(distinct),
    xIndex: Int32Array.from(keepX, (v) => position.get(v) as number),
  };
}

function logLikelihoodOf(s: Spenders, { p, q, v }: GammaGamma): number {
  const byX = new Float64Array(s.distinctX.length);
  const lgQ = lgamma(q);
  for (let i = 0; i < byX.length; i++) {
    const px = p * (s.distinctX[i] as number);
    byX[i] = lgamma(px + q) - lgamma(px) - lgQ;
  }
  const logV = Math.log(v);
  let total = 0;
  for (let j = 0; j < s.x.length; j++) {
    const x = s.x[j] as number;
    const px = p * x;
    total +=
      (byX[s.xIndex[j] as number] as number) +
      q * logV +
      (px - 1) * (s.logM[j] as number) +
      px * (s.logX[j] as number) -
      (px + q) * Math.log(v + x * (s.m[j] as number));
  }
  return total;
}

/** The Gamma-Gamma log-likelihood of the customers with x ≥ 1 and a positive repeat mean. */
export function gammaGammaLogLikelihood(x: ArrayLike<number>, means: ArrayLike<number>, params: GammaGamma): number {
  return logLikelihoodOf(spendersOf(x, means), params);
}

/**
 * Maximum-likelihood Gamma-Gamma parameters. #N/A without a repeat customer whose repeat transactions have a
 * positive mean; #NUM! when q ≤ 1 (the population mean p·v/(q − 1) would be infinite) or the fit fails.
 */
export function fitGammaGamma(
  x: ArrayLike<number>,
  means: ArrayLike<number>,
): GammaGamma & { logLikelihood: number; customers: number } {
  const s = spendersOf(x, means);
  if (s.x.length === 0)
    throw fail.na({
      en: "no repeat customer with a positive amount: the Gamma-Gamma model needs one",
      fr: "aucun client fidèle avec un montant positif : le modèle Gamma-Gamma en demande un",
    });
  // The search runs with money in units of the geometric mean of the repeat means (robust to a few huge
  // spenders), where p, q and v are of order 1.
  let logs = 0;
  for (let j = 0; j < s.logM.length; j++) logs += s.logM[j] as number;
  const scale = Math.exp(logs / s.logM.length);
  const scaled = spendersOf(
    s.x,
    s.m.map((m) => m / scale),
  );
  const starts = [
    [4, 3, 2 / 4],
    [1, 3, 2],
    [20, 2, 1 / 20],
  ];
  // Above 20,000 spenders the search starts from a fit on an evenly spread sample of 5,000.
  const every = Math.ceil(scaled.x.length / 5000);
  const sample =
    scaled.x.length > 20_000
      ? spendersOf(
          scaled.x.filter((_, j) => j % every === 0),
          scaled.m.filter((_, j) => j % every === 0),
        )
      : undefined;
  const fit = maximise(
    "Gamma-Gamma",
    ["p", "q", "v"],
    (p) => logLikelihoodOf(scaled, fromArray(p)),
    starts,
    sample && ((p) => logLikelihoodOf(sample, fromArray(p))),
  );
  const [p, q, v] = fit.params as [number, number, number];
  if (q <= 1) {
    const shown = q.toPrecision(4);
    throw fail.num({
      en: `the Gamma-Gamma fit gives q = ${shown} ≤ 1: the spend per transaction has no finite population mean`,
      fr: `l'ajustement Gamma-Gamma donne q = ${shown.replace(".", ",")} ≤ 1 : la dépense par transaction n'a pas de moyenne finie dans la population`,
    });
  }
  const params = { p, q, v: v * scale };
  return { ...params, logLikelihood: logLikelihoodOf(s, params), customers: s.x.length };
}

const fromArray = (p: readonly number[]): GammaGamma => ({ p: p[0] as number, q: p[1] as number, v: p[2] as number });

/** The population mean spend per transaction, p·v / (q − 1). */
export const populationMean = ({ p, q, v }: GammaGamma): number => (p * v) / (q - 1);

/**
 * E[M | p, q, v, x, m]: the expected value of a customer's transactions, a weighted mean of the population
 * mean and the customer's own repeat mean (Fader & Hardie 2013, eq. 5). The population mean for x = 0 and for
 * the customers left out of the fit (repeat mean 0 or unknown).
 */
export function expectedValue(params: GammaGamma, x: number, m: number): number {
  const { p, q, v } = params;
  if (!(x >= 1 && m > 0)) return populationMean(params);
  return (p * (v + x * m)) / (p * x + q - 1);
}
