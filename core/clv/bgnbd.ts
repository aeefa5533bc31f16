import { maximise } from "./fit.js";
import { hyp2f1, lgamma } from "./special.js";
import type { Rfm } from "./summary.js";

/**
 * The BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): while alive a customer
 * buys at a Poisson rate λ ~ Gamma(r, α); after each purchase they drop out with probability p ~ Beta(a, b).
 */
export interface BgNbd {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/** Customers with the same (x, t_x, T) share their likelihood term: the fit sums over distinct triples. */
interface Groups {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly weight: Float64Array;
  /** Distinct values of x, t_x and T, and for each group the index of its values among them. */
  readonly distinctX: Float64Array;
  readonly xIndex: Int32Array;
  readonly distinctTx: Float64Array;
  readonly txIndex: Int32Array;
  readonly distinctT: Float64Array;
  readonly TIndex: Int32Array;
}

/** The distinct values of `values`, and the index of each value among them. */
function distinct(values: readonly number[]): { values: Float64Array; index: Int32Array } {
  const sorted = [...new Set(values)].sort((p, q) => p - q);
  const position = new Map(sorted.map((v, i) => [v, i]));
  return { values: Float64Array.from(sorted), index: Int32Array.from(values, (v) => position.get(v) as number) };
}

function group(data: Rfm): Groups {
  const indexOf = new Map<string, number>();
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  const weight: number[] = [];
  for (let c = 0; c < data.x.length; c++) {
    const xc = data.x[c] as number;
    const txc = data.tx[c] as number;
    const Tc = data.T[c] as number;
    const key = `${xc} ${txc} ${Tc}`;
    const g = indexOf.get(key);
    if (g === undefined) {
      indexOf.set(key, x.length);
      x.push(xc);
      tx.push(txc);
      T.push(Tc);
      weight.push(1);
    } else weight[g] = (weight[g] as number) + 1;
  }
  const byX = distinct(x);
  const byTx = distinct(tx);
  const byT = distinct(T);
  return {
    x: Float64Array.from(x),
    tx: Float64Array.from(tx),
    T: Float64Array.from(T),
    weight: Float64Array.from(weight),
    distinctX: byX.values,
    xIndex: byX.index,
    distinctTx: byTx.values,
    txIndex: byTx.index,
    distinctT: byT.values,
    TIndex: byT.index,
  };
}

/** Σ of the customers' log-likelihood terms, all in log space. */
function logLikelihoodOf(g: Groups, { r, alpha, a, b }: BgNbd): number {
  // Gamma functions and logs are taken once per distinct x, t_x and T (days are whole numbers, so few).
  const lgR = lgamma(r);
  const lgB = lgamma(b);
  const lgAB = lgamma(a + b);
  const logA = Math.log(a);
  const byX = new Float64Array(g.distinctX.length);
  const dropByX = new Float64Array(g.distinctX.length);
  for (let i = 0; i < byX.length; i++) {
    const x = g.distinctX[i] as number;
    byX[i] = lgamma(r + x) - lgR + lgamma(b + x) + lgAB - lgB - lgamma(a + b + x);
    dropByX[i] = x > 0 ? logA - Math.log(b + x - 1) : -Infinity;
  }
  const logTx = g.distinctTx.map((tx) => Math.log(alpha + tx));
  const logT = g.distinctT.map((T) => Math.log(alpha + T));
  let total = 0;
  let weights = 0;
  for (let j = 0; j < g.x.length; j++) {
    const i = g.xIndex[j] as number;
    const rx = r + (g.x[j] as number);
    const w = g.weight[j] as number;
    const still = -rx * (logT[g.TIndex[j] as number] as number);
    const drop = dropByX[i] as number;
    let term = still;
    if (drop !== -Infinity) {
      const dropped = drop - rx * (logTx[g.txIndex[j] as number] as number);
      term = Math.max(still, dropped) + Math.log1p(Math.exp(-Math.abs(still - dropped)));
    }
    total += w * ((byX[i] as number) + term);
    weights += w;
  }
  return total + weights * r * Math.log(alpha);
}

export function bgnbdLogLikelihood(data: Rfm, params: BgNbd): number {
  return logLikelihoodOf(group(data), params);
}

const fromArray = (p: readonly number[]): BgNbd => ({
  r: p[0] as number,
  alpha: p[1] as number,
  a: p[2] as number,
  b: p[3] as number,
});

/**
 * Maximum-likelihood BG/NBD parameters (time in the unit of the data); #NUM! when the fit fails. The search
 * runs with time in units of the mean age, where every parameter is of order 1.
 */
export function fitBgNbd(data: Rfm): BgNbd & { logLikelihood: number; evaluations: number } {
  let repeats = 0;
  let age = 0;
  for (let c = 0; c < data.x.length; c++) {
    repeats += data.x[c] as number;
    age += data.T[c] as number;
  }
  const scale = age > 0 ? age / data.x.length : 1;
  const scaled = { x: data.x, tx: data.tx.map((t) => t / scale), T: data.T.map((t) => t / scale) };
  const g = group(scaled);
  const sample = sampleOf(scaled);
  // Start from the observed purchase rate (r = 1, so that r / α is the rate) with a moderate dropout.
  const alpha0 = Math.min(Math.max(age / scale / Math.max(repeats, 1), 1e-3), 1e3);
  const fit = maximise(
    "BG/NBD",
    ["r", "alpha", "a", "b"],
    (p) => logLikelihoodOf(g, fromArray(p)),
    [
      [1, alpha0, 1, 3],
      [0.3, alpha0 / 3, 0.5, 1],
    ],
    sample && ((p) => logLikelihoodOf(sample, fromArray(p))),
  );
  const [r, alpha, a, b] = fit.params as [number, number, number, number];
  const params = { r, alpha: alpha * scale, a, b };
  return { ...params, logLikelihood: bgnbdLogLikelihood(data, params), evaluations: fit.evaluations };
}

/** Above this many customers the search starts from a fit on an evenly spread sample of this size. */
export const SAMPLE_SIZE = 5000;

function sampleOf(data: Rfm): Groups | undefined {
  const n = data.x.length;
  if (n <= 4 * SAMPLE_SIZE) return undefined;
  const every = Math.ceil(n / SAMPLE_SIZE);
  const pick = (values: Float64Array): Float64Array => values.filter((_, c) => c % every === 0);
  return group({ x: pick(data.x), tx: pick(data.tx), T: pick(data.T) });
}

/** ln of a / (b + x − 1) · ((α + T) / (α + t_x))^(r + x): the odds of having dropped out at t_x. */
function logDropOdds({ r, alpha, a, b }: BgNbd, x: number, tx: number, T: number): number {
  return Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
}

/** P(alive | x, t_x, T) (FHL 2005, eq. 11). */
export function probabilityAlive(params: BgNbd, x: number, tx: number, T: number): number {
  if (x === 0) return 1;
  return 1 / (1 + Math.exp(logDropOdds(params, x, tx, T)));
}

/** Below this |a − 1| the expectation is taken at its limit a → 1 (the general form is 0 / 0 there). */
const A_NEAR_ONE = 1e-8;

/**
 * E[X(t) | x, t_x, T], the expected transactions in the next t (FHL 2005, eq. 10), with the hypergeometric
 * factor through Euler's transformation: ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x−1; z) equals
 * k^(a−1) 2F1(a+b−1−r, a−1; a+b+x−1; z) with k = 1 − z, whose parameters do not grow with x.
 */
export function expectedTransactions(params: BgNbd, t: number, x: number, tx: number, T: number): number {
  if (t <= 0) return 0;
  const { r, alpha, a, b } = params;
  const c = a + b + x - 1;
  const z = t / (alpha + T + t);
  const k = (alpha + T) / (alpha + T + t);
  const alive = probabilityAlive(params, x, tx, T);
  if (Math.abs(a - 1) < A_NEAR_ONE) {
    // d/da [1 − k^(a−1) F] at a = 1: −ln k − Σ_{n≥1} (b − r)_n zⁿ / ((b + x)_n n), and (a − 1) cancels.
    let term = 1;
    let sum = 0;
    for (let n = 1; n < 1_000_000; n++) {
      term *= ((b - r + n - 1) / (b + x + n - 1)) * z;
      const add = term / n;
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum) + 1e-300 && Math.abs(term) < 1) break;
    }
    return (b + x) * (-Math.log(k) - sum) * alive;
  }
  const f = hyp2f1(a + b - 1 - r, a - 1, c, z);
  const value = ((c * (1 - Math.pow(k, a - 1) * f)) / (a - 1)) * alive;
  // Rounding can leave −1e-17 for a tiny t; NaN (a failed series) is left for the caller to report.
  return value < 0 ? 0 : value;
}
