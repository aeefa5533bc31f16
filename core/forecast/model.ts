/**
 * The ETS state-space models of Hyndman, Koehler, Ord & Snyder (2008) with additive or multiplicative error,
 * no / additive / damped additive trend and no / additive / multiplicative season, written to follow the
 * recursions and the likelihood of R's `forecast::ets` so that the two agree on the same parameters.
 */

export type ErrorType = "A" | "M";
export type TrendType = "N" | "A" | "Ad";
export type SeasonType = "N" | "A" | "M";

export interface EtsSpec {
  readonly error: ErrorType;
  readonly trend: TrendType;
  readonly season: SeasonType;
  /** Season length; 1 when the model has no season. */
  readonly m: number;
}

/** Smoothing parameters in R's parametrisation; beta = 0, gamma = 0, phi = 1 where the model has no such part. */
export interface EtsParams {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  readonly phi: number;
}

/**
 * States in R's order: the seasons run from the most recent (s0) to the oldest (s[m-1]), which is the one
 * the next observation uses.
 */
export interface EtsStates {
  readonly level: number;
  readonly trend: number;
  readonly seasons: readonly number[];
}

export const modelName = (spec: EtsSpec): string =>
  `ETS(${spec.error},${spec.trend},${spec.season === "N" ? "N" : spec.season})`;

export const hasTrend = (spec: EtsSpec): boolean => spec.trend !== "N";

/** Guards of R's C code against division by (almost) zero. */
const TOL = 1e-10;
const HUGE = 1e10;

export interface FilterOutput {
  /** R's `lik`: n log Σe² (+ 2 Σ log|ŷ| for multiplicative errors); NaN when the recursion breaks down. */
  lik: number;
  /** Σ of the squared one-step errors (relative errors for multiplicative models). */
  sse: number;
  final: EtsStates;
}

/**
 * Runs the model over `y` from the initial states and returns R's likelihood term. `errors` and `fitted`
 * receive the one-step errors and forecasts when given; `ring` is scratch space of at least m numbers.
 */
export function filter(
  y: ArrayLike<number>,
  spec: EtsSpec,
  params: EtsParams,
  initial: EtsStates,
  ring: Float64Array = new Float64Array(Math.max(1, spec.m)),
  errors?: Float64Array,
  fitted?: Float64Array,
): FilterOutput {
  const lik = likelihood(y, spec, params, initial, ring, errors, fitted);
  const { level, slope, slot, sse } = end;
  const m = spec.season === "N" ? 0 : spec.m;
  const seasons: number[] = [];
  // Back to R's order: the most recent season first.
  for (let j = 0; j < m; j++) seasons.push(ring[(slot - 1 - j + 2 * m) % m] as number);
  return { lik, sse, final: { level, trend: slope, seasons } };
}

/** Where the last `likelihood` run ended: the optimiser's objective needs none of it, so nothing is allocated. */
const end = { level: 0, slope: 0, slot: 0, sse: 0 };

/** R's `lik` of the model over `y`, as `filter` computes it, leaving the final states in `end` and `ring`. */
export function likelihood(
  y: ArrayLike<number>,
  spec: EtsSpec,
  params: EtsParams,
  initial: EtsStates,
  ring: Float64Array,
  errors?: Float64Array,
  fitted?: Float64Array,
): number {
  const n = y.length;
  const { alpha, gamma } = params;
  const trended = spec.trend !== "N";
  const phi = spec.trend === "Ad" ? params.phi : 1;
  const betaOverAlpha = trended ? params.beta / alpha : 0;
  // 0 none, 1 additive, 2 multiplicative: numbers keep the hot loop free of string tests.
  const season = spec.season === "N" ? 0 : spec.season === "A" ? 1 : 2;
  const m = season === 0 ? 1 : spec.m;
  const multiplicativeError = spec.error === "M";
  // ring[t % m] holds the season observation t uses: the oldest state comes first.
  if (season !== 0) for (let j = 0; j < m; j++) ring[j] = initial.seasons[m - 1 - j] as number;
  let level = initial.level;
  let slope = trended ? initial.trend : 0;
  let sse = 0;
  // Σ log|ŷ| as the log of a running product, renormalised now and then: one log per many steps.
  let logFits = 0;
  let product = 1;
  let slot = 0;
  for (let t = 0; t < n; t++) {
    const obs = y[t] as number;
    const base = level + phi * slope;
    const s = season === 0 ? 0 : (ring[slot] as number);
    const fit = season === 0 ? base : season === 1 ? base + s : base * s;
    const e = multiplicativeError ? (obs - fit) / fit : obs - fit;
    sse += e * e;
    if (multiplicativeError) {
      product *= Math.abs(fit);
      if (!(product > 1e-100 && product < 1e100)) {
        logFits += Math.log(product);
        product = 1;
      }
    }
    if (errors) errors[t] = e;
    if (fitted) fitted[t] = fit;
    const target = season === 0 ? obs : season === 1 ? obs - s : Math.abs(s) < TOL ? HUGE : obs / s;
    const newLevel = base + alpha * (target - base);
    if (trended) slope = phi * slope + betaOverAlpha * (newLevel - level - phi * slope);
    if (season !== 0) {
      const detrended = season === 1 ? obs - base : Math.abs(base) < TOL ? HUGE : obs / base;
      ring[slot] = s + gamma * (detrended - s);
      slot = slot + 1 === m ? 0 : slot + 1;
    }
    level = newLevel;
  }
  logFits += Math.log(product);
  let lik = n * Math.log(sse);
  if (multiplicativeError) lik += 2 * logFits;
  end.level = level;
  end.slope = slope;
  end.slot = slot;
  end.sse = sse;
  return lik;
}

/** Point forecasts h = 1..horizon from the states after the last observation. */
export function pointForecasts(spec: EtsSpec, params: EtsParams, last: EtsStates, horizon: number): number[] {
  const phi = spec.trend === "Ad" ? params.phi : 1;
  const m = spec.season === "N" ? 1 : spec.m;
  const out: number[] = [];
  let damping = 0;
  let power = 1;
  for (let h = 1; h <= horizon; h++) {
    power *= phi;
    damping += power;
    let f = last.level + (spec.trend === "N" ? 0 : damping * last.trend);
    if (spec.season !== "N") {
      // s[m-1] serves the next period, s[m-2] the one after, and so on round the season.
      const s = last.seasons[m - 1 - ((h - 1) % m)] as number;
      f = spec.season === "A" ? f + s : f * s;
    }
    out.push(f);
  }
  return out;
}

/** R's default "usual" bounds on the smoothing parameters (lower, upper for alpha, beta, gamma, phi). */
export const LOWER = { alpha: 1e-4, beta: 1e-4, gamma: 1e-4, phi: 0.8 } as const;
export const UPPER = { alpha: 0.9999, beta: 0.9999, gamma: 0.9999, phi: 0.98 } as const;

/** R's bounds = "both": the usual box and the admissible region of the model's characteristic equation. */
export function withinBounds(spec: EtsSpec, p: EtsParams): boolean {
  if (!(p.alpha >= LOWER.alpha && p.alpha <= UPPER.alpha)) return false;
  if (spec.trend !== "N" && !(p.beta >= LOWER.beta && p.beta <= p.alpha && p.beta <= UPPER.beta)) return false;
  if (spec.trend === "Ad" && !(p.phi >= LOWER.phi && p.phi <= UPPER.phi)) return false;
  if (spec.season !== "N" && !(p.gamma >= LOWER.gamma && p.gamma <= 1 - p.alpha && p.gamma <= UPPER.gamma)) {
    return false;
  }
  return admissible(spec, p);
}

let scratch = new Float64Array(64);
let spare = new Float64Array(64);

/** Hyndman, Akram & Archibald (2008): the parameter region where the model forecasts stably. */
export function admissible(spec: EtsSpec, p: EtsParams): boolean {
  const phi = spec.trend === "Ad" ? p.phi : 1;
  const { alpha } = p;
  if (phi < 0 || phi > 1 + 1e-8) return false;
  if (spec.season === "N") {
    if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) return false;
    if (spec.trend !== "N" && (p.beta < alpha * (phi - 1) || p.beta > (1 + phi) * (2 - alpha))) return false;
    return true;
  }
  const m = spec.m;
  const beta = spec.trend === "N" ? 0 : p.beta;
  const gamma = p.gamma;
  if (gamma < Math.max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha) return false;
  if (alpha < 1 - 1 / phi - (gamma * (1 - m + phi + phi * m)) / (2 * phi * m)) return false;
  if (beta < -(1 - phi) * (gamma / m + alpha)) return false;
  // z^(m+1) + (α+β−φ) z^m + (α+β−αφ)(z^(m−1) + … + z²) + (α+β−αφ+γ−1) z + φ(1−α−γ): all roots within the
  // unit circle (R allows a modulus up to 1 + 1e-10).
  const coefficients = scratch.length >= m + 2 ? scratch : (scratch = new Float64Array(2 * m + 4));
  coefficients.fill(0);
  coefficients[m + 1] = 1;
  coefficients[m] = alpha + beta - phi;
  for (let k = 2; k <= m - 1; k++) coefficients[k] = alpha + beta - alpha * phi;
  coefficients[1] = alpha + beta - alpha * phi + gamma - 1;
  coefficients[0] = phi * (1 - alpha - gamma);
  return rootsInsideCircle(coefficients, m + 2, 1 + 1e-10);
}

/**
 * Schur–Cohn test: whether every root of Σ c[k] z^k has modulus below `radius`. Each step replaces p by
 * (p[d] p(z) − p[0] p*(z)) / z, one degree lower, which keeps the count of roots inside the circle as long
 * as |p[0]| < |p[d]|; this avoids finding the roots themselves.
 */
export function rootsInsideCircle(coefficients: ArrayLike<number>, length = coefficients.length, radius = 1): boolean {
  if (spare.length < 2 * length) spare = new Float64Array(4 * length);
  // Two halves of one buffer: the current polynomial and the next.
  let a = spare.subarray(0, length);
  let b = spare.subarray(length, 2 * length);
  let d = length - 1;
  for (let k = 0, r = 1; k <= d; k++, r *= radius) a[k] = (coefficients[k] as number) * r;
  while (d > 0 && a[d] === 0) d--;
  while (d > 0) {
    const lead = a[d] as number;
    const constant = a[0] as number;
    if (!(Math.abs(constant) < Math.abs(lead))) return false;
    // Dividing by the new leading coefficient keeps long recursions from overflowing or underflowing.
    const scale = lead * lead - constant * constant;
    for (let j = 0; j < d; j++) b[j] = (lead * (a[j + 1] as number) - constant * (a[d - j - 1] as number)) / scale;
    [a, b] = [b, a];
    d--;
  }
  return true;
}
