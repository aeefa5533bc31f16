import type { FittedEts } from "./fit.js";
import { pointForecasts, type EtsSpec } from "./model.js";
import { seededOpenRandom } from "../numeric/random.js";

export interface ForecastRow {
  readonly point: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * Forecasts with prediction intervals, by model class (Hyndman et al. 2008, ch. 6, as R's `forecast.ets`):
 * class 1 (additive error, additive or no trend and season) and class 2 (multiplicative error, the same
 * components) have exact forecast variances; class 3 (multiplicative season) bounds are quantiles of
 * simulated sample paths from a fixed seed, so every host gives the same bounds.
 */
export function forecastWithIntervals(fit: FittedEts, horizon: number, confidence: number): ForecastRow[] {
  const points = pointForecasts(fit.spec, fit.params, fit.last, horizon);
  const z = normalQuantileUpper((1 - confidence) / 2);
  let bounds: { lower: number[]; upper: number[] };
  if (fit.spec.season === "M") bounds = simulatedBounds(fit, horizon, confidence);
  else {
    const variances = fit.spec.error === "A" ? class1Variances(fit, horizon) : class2Variances(fit, points);
    bounds = {
      lower: points.map((p, i) => p - z * Math.sqrt(Math.max(0, variances[i] as number))),
      upper: points.map((p, i) => p + z * Math.sqrt(Math.max(0, variances[i] as number))),
    };
  }
  // Simulated quantiles straddle the mean forecast in practice; clamping makes lower ≤ point ≤ upper certain.
  return points.map((point, i) => ({
    point,
    lower: Math.min(point, bounds.lower[i] as number),
    upper: Math.max(point, bounds.upper[i] as number),
  }));
}

/**
 * c_j = w′F^(j−1)g for j = 1 … h−1, the weight of an error j steps back in the forecast error, found by
 * running the transition on g: state [level, trend, s0 … s(m−1)], s(m−1) the season about to be used.
 */
function errorWeights(spec: EtsSpec, alpha: number, beta: number, gamma: number, phi: number, h: number): number[] {
  const trended = spec.trend !== "N";
  const damp = spec.trend === "Ad" ? phi : 1;
  const m = spec.season === "N" ? 0 : spec.m;
  let level = alpha;
  let slope = trended ? beta : 0;
  const seasons = new Float64Array(Math.max(1, m));
  if (m > 0) seasons[0] = gamma;
  let oldest = m - 1;
  const weights: number[] = [];
  for (let j = 1; j < h; j++) {
    weights.push(level + (trended ? damp * slope : 0) + (m > 0 ? (seasons[oldest] as number) : 0));
    // F: level ← level + φ·trend, trend ← φ·trend, seasons shift by one (the oldest becomes the newest).
    level += trended ? damp * slope : 0;
    slope *= damp;
    if (m > 0) oldest = oldest === 0 ? m - 1 : oldest - 1;
  }
  return weights;
}

function weightsOf(fit: FittedEts, h: number): number[] {
  const { alpha, beta, gamma, phi } = fit.params;
  return errorWeights(fit.spec, alpha, beta, gamma, phi, h);
}

/** σ²(1 + Σ c_j²): the forecast variance of the linear models. */
function class1Variances(fit: FittedEts, h: number): number[] {
  const weights = weightsOf(fit, h);
  const out = [fit.sigma2];
  let total = 0;
  for (const c of weights) {
    total += c * c;
    out.push(fit.sigma2 * (1 + total));
  }
  return out;
}

/** θ_h = μ_h² + σ² Σ c_j² θ_(h−j); variance (1 + σ²)θ_h − μ_h² (multiplicative error, additive components). */
function class2Variances(fit: FittedEts, points: readonly number[]): number[] {
  const h = points.length;
  const squared = weightsOf(fit, h).map((c) => c * c);
  const s2 = fit.sigma2;
  const theta = new Float64Array(h);
  const out: number[] = [];
  for (let j = 0; j < h; j++) {
    const mu = points[j] as number;
    let sum = 0;
    for (let i = 0; i < j; i++) sum += (squared[i] as number) * (theta[j - 1 - i] as number);
    theta[j] = mu * mu + s2 * sum;
    out.push((1 + s2) * (theta[j] as number) - mu * mu);
  }
  return out;
}

/** Seed of the simulated paths: fixed, so that the bounds never change between calls or hosts. */
const SEED = 20080101;

/** Quantiles of simulated future paths (errors drawn from N(0, σ²), as R's `simulate.ets`). */
function simulatedBounds(fit: FittedEts, horizon: number, confidence: number): { lower: number[]; upper: number[] } {
  const paths = Math.max(200, Math.min(2000, Math.floor(4_000_000 / horizon)));
  // All the draws at once, path after path: the loop below then reads them in order.
  const normals = standardNormals(paths * horizon, SEED);
  const sigma = Math.sqrt(fit.sigma2);
  const { spec } = fit;
  const { alpha, beta, gamma } = fit.params;
  const phi = spec.trend === "Ad" ? fit.params.phi : 1;
  const trended = spec.trend !== "N";
  const multiplicativeError = spec.error === "M";
  const m = spec.m;
  const draws = new Float64Array(paths * horizon);
  const ring = new Float64Array(m);
  let next = 0;
  for (let p = 0; p < paths; p++) {
    let level = fit.last.level;
    let slope = trended ? fit.last.trend : 0;
    for (let j = 0; j < m; j++) ring[j] = fit.last.seasons[m - 1 - j] as number;
    let slot = 0;
    for (let h = 0; h < horizon; h++) {
      const base = level + phi * slope;
      const s = ring[slot] as number;
      const mean = base * s;
      const e = sigma * (normals[next++] as number);
      const y = multiplicativeError ? mean * (1 + e) : mean + e;
      draws[h * paths + p] = y;
      const newLevel = base + alpha * (y / s - base);
      if (trended) slope = phi * slope + (beta / alpha) * (newLevel - level - phi * slope);
      ring[slot] = s + gamma * (y / base - s);
      level = newLevel;
      slot = slot + 1 === m ? 0 : slot + 1;
    }
  }
  const lower: number[] = [];
  const upper: number[] = [];
  const tail = (1 - confidence) / 2;
  for (let h = 0; h < horizon; h++) {
    const sample = draws.subarray(h * paths, (h + 1) * paths);
    lower.push(quantile(sample, tail));
    upper.push(quantile(sample, 1 - tail));
  }
  return { lower, upper };
}

/**
 * R's default (type 7) sample quantile, by selection instead of a sort (the two order statistics it needs in
 * linear time); reorders `values`.
 */
function quantile(values: Float64Array, p: number): number {
  const position = (values.length - 1) * p;
  const below = Math.floor(position);
  const low = select(values, below);
  if (below + 1 >= values.length) return low;
  // After selection everything past `below` is ≥ the value there: the next order statistic is their minimum.
  let high = Infinity;
  for (let i = below + 1; i < values.length; i++) high = Math.min(high, values[i] as number);
  return low + (position - below) * (high - low);
}

/** The k-th smallest of `values` (Hoare's selection), leaving smaller ones before k and larger ones after. */
function select(values: Float64Array, k: number): number {
  let left = 0;
  let right = values.length - 1;
  while (right > left) {
    const pivot = values[(left + right) >>> 1] as number;
    let i = left;
    let j = right;
    while (i <= j) {
      while ((values[i] as number) < pivot) i++;
      while ((values[j] as number) > pivot) j--;
      if (i <= j) {
        const t = values[i] as number;
        values[i++] = values[j] as number;
        values[j--] = t;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return values[k] as number;
}

/**
 * `count` standard normal draws by the Box–Muller transform on the seeded uniforms of `seededOpenRandom`, both
 * values of each pair used (the cosine first). Draws from a seed are a fixed sequence, so the longest one made
 * so far is kept (up to a bound) and shorter requests are its beginning: a workbook of forecasts draws once.
 */
export function standardNormals(count: number, seed: number): Float64Array {
  const kept = drawn.get(seed);
  if (kept && kept.length >= count) return kept.subarray(0, count);
  const uniform = seededOpenRandom(seed);
  const out = new Float64Array(count);
  for (let i = 0; i < count; i += 2) {
    const radius = Math.sqrt(-2 * Math.log(uniform()));
    const angle = 2 * Math.PI * uniform();
    out[i] = radius * Math.cos(angle);
    if (i + 1 < count) out[i + 1] = radius * Math.sin(angle);
  }
  if (count <= KEPT_DRAWS) drawn.set(seed, out);
  return out;
}

/** Most draws kept per seed: 2,000 paths over 100 periods (1.6 MB). */
const KEPT_DRAWS = 200_000;
const drawn = new Map<number, Float64Array>();

/** Upper-tail probability of the standard normal, Q(x) = 1 − Φ(x), accurate far into the tail. */
export function normalUpperTail(x: number): number {
  if (x < 0) return 1 - normalUpperTail(-x);
  const density = Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
  if (x < 3) {
    // Φ(x) − 1/2 = φ(x) Σ x^(2n+1) / (1·3·…·(2n+1)): positive terms, no cancellation.
    let term = x;
    let sum = x;
    for (let k = 1; k < 200 && term > 1e-17 * sum; k++) {
      term *= (x * x) / (2 * k + 1);
      sum += term;
    }
    return 0.5 - density * sum;
  }
  // Laplace's continued fraction Q(x) = φ(x) / (x + 1/(x + 2/(x + 3/(x + …)))), evaluated from the tail up.
  let fraction = x;
  for (let k = 60; k >= 1; k--) fraction = x + k / fraction;
  return density / fraction;
}

/** z with Q(z) = tail, for 0 < tail < 1/2 (bisection: called once per forecast). */
export function normalQuantileUpper(tail: number): number {
  let low = 0;
  let high = 40;
  for (let i = 0; i < 200 && high - low > 1e-15 * (1 + high); i++) {
    const mid = (low + high) / 2;
    if (normalUpperTail(mid) > tail) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}
