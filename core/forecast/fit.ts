import { nelderMead } from "../numeric/nelder-mead.js";
import { initialParams, initialStates } from "./init.js";
import { filter, likelihood, withinBounds, type EtsParams, type EtsSpec, type EtsStates } from "./model.js";

/** A model fitted by maximum likelihood, on the data's own scale. */
export interface FittedEts {
  readonly spec: EtsSpec;
  readonly params: EtsParams;
  readonly initial: EtsStates;
  /** States after the last observation, where forecasts start. */
  readonly last: EtsStates;
  /** R's `lik` (−2 log-likelihood up to a constant) and its log-likelihood −lik/2. */
  readonly lik: number;
  readonly logLik: number;
  readonly aic: number;
  readonly aicc: number;
  readonly bic: number;
  /** Σ e² / (n − k), k the number of estimated parameters and free initial states (R's `sigma2`). */
  readonly sigma2: number;
  readonly residuals: Float64Array;
  readonly fitted: Float64Array;
  /** Estimated parameters and free initial states (R's length(par)). */
  readonly parameterCount: number;
}

/**
 * Besides R's start (small smoothing parameters), the search also starts from a moderate and a fast
 * adaptation: the likelihood often has a second basin at high alpha that R's single start misses.
 */
export const EXTRA_STARTS: readonly EtsParams[] = [
  { alpha: 0.5, beta: 0.05, gamma: 0.05, phi: 0.95 },
  { alpha: 0.95, beta: 0.5, gamma: 0.02, phi: 0.9 },
];

/** Seasonal models also start from a season that adapts fast and a level that barely moves. */
const SEASONAL_START: EtsParams = { alpha: 0.05, beta: 0.005, gamma: 0.9, phi: 0.95 };

/** R's seasonal models stop at m = 24; beyond, the initial seasons stay at their decomposition estimates. */
export const MAX_OPTIMISED_SEASON = 24;

/** Most parameters an ETS model can have (alpha, beta, gamma, phi). */
const smoothingCount = (spec: EtsSpec): number =>
  1 + (spec.trend !== "N" ? 1 : 0) + (spec.season !== "N" ? 1 : 0) + (spec.trend === "Ad" ? 1 : 0);

/** Free initial states: the level, the trend, all seasons but one (their sum is fixed). */
export const freeStateCount = (spec: EtsSpec): number =>
  1 + (spec.trend !== "N" ? 1 : 0) + (spec.season !== "N" ? spec.m - 1 : 0);

/** R's information criteria from its `lik`, with np parameters counted (AICc infinite when n ≤ np + 1). */
export function criteria(lik: number, np: number, n: number): { aic: number; aicc: number; bic: number } {
  const aic = lik + 2 * np;
  return {
    aic,
    aicc: n - np - 1 > 0 ? aic + (2 * np * (np + 1)) / (n - np - 1) : Infinity,
    bic: lik + Math.log(n) * np,
  };
}

/** Parameters counted by R's information criteria (with σ). */
export const informationParameterCount = (spec: EtsSpec): number => smoothingCount(spec) + freeStateCount(spec) + 1;

/**
 * R's `lik` and log-likelihood of `spec` on `y` at the given parameters and initial states (all m seasons
 * in R's order, the most recent first). Exposed so that tests can hold it against R.
 */
export function etsLikelihood(
  y: readonly number[],
  spec: EtsSpec,
  params: EtsParams,
  initial: EtsStates,
): { lik: number; logLik: number; aicc: number } {
  const { lik } = filter(y, spec, params, initial);
  const n = y.length;
  const np = informationParameterCount(spec);
  return { lik, logLik: -0.5 * lik, aicc: lik + 2 * np + (2 * np * (np + 1)) / (n - np - 1) };
}

export interface FitOptions {
  /** Evaluations of the likelihood at most. */
  readonly maxEvaluations?: number;
  /** Extra starting points for the parameters (the initial states always start from `initialStates`). */
  readonly starts?: readonly EtsParams[];
  /** Initial states held fixed instead of estimated (the fallback for very short series). */
  readonly initial?: EtsStates;
  /** Where the joint search starts instead of R's starting values (a screening fit's result). */
  readonly from?: { readonly params: EtsParams; readonly initial: EtsStates };
  /** Whether the best basin is searched again with smaller steps (default true). */
  readonly polish?: boolean;
  /** When a search stops: the simplex's likelihoods within this (relative) of each other; default 1e-9. */
  readonly tolerance?: number;
}

/**
 * Fits `spec` to `y` (finite, not constant; strictly positive for multiplicative parts) by maximising the
 * likelihood jointly over the smoothing parameters and the initial states, as R's `etsmodel` does. Returns
 * undefined when the model has too many parameters for the data or no admissible fit is found.
 */
export function fitEts(y: readonly number[], spec: EtsSpec, options: FitOptions = {}): FittedEts | undefined {
  const n = y.length;
  const fixed = options.initial;
  const np = fixed ? smoothingCount(spec) + 1 : informationParameterCount(spec);
  if (np - 1 >= n - 1) return undefined;
  // Fitting on data scaled to about 1 keeps the states and the optimiser's steps comparable; the likelihood
  // then only shifts by 2n log(scale) for every model alike.
  let scale = 0;
  for (const v of y) scale = Math.max(scale, Math.abs(v));
  const ys = y.map((v) => v / scale);
  const onScale = (states: EtsStates): EtsStates => ({
    level: states.level / scale,
    trend: states.trend / scale,
    seasons: spec.season === "A" ? states.seasons.map((s) => s / scale) : states.seasons,
  });
  const given = fixed ?? options.from?.initial;
  const start = given ? onScale(given) : initialStates(ys, spec);
  const optimiseStates = !fixed;
  const optimiseSeasons = optimiseStates && spec.season !== "N" && spec.m <= MAX_OPTIMISED_SEASON;
  const trended = spec.trend !== "N";
  const damped = spec.trend === "Ad";
  const seasonal = spec.season !== "N";
  const m = spec.m;
  const ring = new Float64Array(Math.max(1, m));
  const seasons = new Array<number>(seasonal ? m : 0);
  // The objective writes each point into these two objects: an evaluation then allocates nothing.
  const point = { alpha: 0, beta: 0, gamma: 0, phi: 1 };
  const states = { level: 0, trend: 0, seasons };
  const unpackInto = (x: readonly number[]): void => {
    let i = 0;
    point.alpha = x[i++] as number;
    point.beta = trended ? (x[i++] as number) : 0;
    point.gamma = seasonal ? (x[i++] as number) : 0;
    point.phi = damped ? (x[i++] as number) : 1;
    states.level = optimiseStates ? (x[i++] as number) : start.level;
    states.trend = !trended ? 0 : optimiseStates ? (x[i++] as number) : start.trend;
    if (seasonal) {
      if (optimiseSeasons) {
        let total = 0;
        for (let k = 0; k < m - 1; k++) {
          seasons[k] = x[i++] as number;
          total += seasons[k] as number;
        }
        seasons[m - 1] = (spec.season === "M" ? m : 0) - total;
      } else for (let k = 0; k < m; k++) seasons[k] = start.seasons[k] as number;
    }
  };
  const unpack = (x: readonly number[]): { params: EtsParams; initial: EtsStates } => {
    unpackInto(x);
    return { params: { ...point }, initial: { level: states.level, trend: states.trend, seasons: [...seasons] } };
  };
  const objective = (x: readonly number[]): number => {
    unpackInto(x);
    if (!withinBounds(spec, point)) return Infinity;
    if (spec.season === "M") for (const s of seasons) if (s < 0) return Infinity;
    const lik = likelihood(ys, spec, point, states, ring);
    return Number.isNaN(lik) ? Infinity : Math.max(lik, -1e10);
  };
  const pack = (p: EtsParams): number[] => {
    const x = [p.alpha];
    if (trended) x.push(p.beta);
    if (seasonal) x.push(p.gamma);
    if (damped) x.push(p.phi);
    if (optimiseStates) x.push(start.level);
    if (optimiseStates && trended) x.push(start.trend);
    if (optimiseSeasons) x.push(...start.seasons.slice(0, m - 1));
    return x;
  };
  let spread = 0;
  for (const v of ys) spread += Math.abs(v - (ys[0] as number));
  spread = Math.max(spread / n, 1e-3);
  // Steps point into the feasible region from each start, so that the first simplex is admissible.
  const stepsFrom = (p: EtsParams): number[] => {
    const steps: number[] = [p.alpha > 0.5 ? -0.1 : 0.1];
    if (trended) steps.push(p.alpha - p.beta > 0.1 ? 0.05 : -Math.min(0.05, p.beta / 2));
    if (seasonal) steps.push(1 - p.alpha - p.gamma > 0.02 ? Math.min(0.05, (1 - p.alpha - p.gamma) / 2) : -p.gamma / 2);
    if (damped) steps.push(-0.02);
    if (optimiseStates) steps.push(0.2 * spread);
    if (optimiseStates && trended) steps.push((0.2 * spread) / Math.max(m, 4));
    if (optimiseSeasons) for (let k = 0; k < m - 1; k++) steps.push(spec.season === "M" ? 0.05 : 0.1 * spread);
    return steps;
  };
  const dimension = pack(initialParams(spec)).length;
  let best: { x: number[]; value: number } | undefined;
  const extra = options.starts ?? (seasonal ? [...EXTRA_STARTS, SEASONAL_START] : EXTRA_STARTS);
  for (const p of [options.from?.params ?? initialParams(spec), ...extra]) {
    const x0 = pack(p);
    if (!Number.isFinite(objective(x0))) continue;
    const result = nelderMead(objective, x0, {
      step: stepsFrom(p),
      maxEvaluations: options.maxEvaluations ?? 100 * dimension,
      tolerance: options.tolerance ?? 1e-9,
      restarts: 2,
    });
    if (!best || result.value < best.value) best = result;
  }
  if (!best || !Number.isFinite(best.value)) return undefined;
  // Polish the best basin with fresh, smaller steps.
  const bestStart = unpack(best.x).params;
  const polished =
    options.polish === false
      ? best
      : nelderMead(objective, best.x, {
          step: stepsFrom(bestStart).map((s) => s / 4),
          maxEvaluations: options.maxEvaluations ?? 100 * dimension,
          tolerance: 1e-10,
          restarts: 2,
        });
  if (polished.value < best.value) best = polished;
  const { params, initial } = unpack(best.x);
  const residuals = new Float64Array(n);
  const fitted = new Float64Array(n);
  const run = filter(ys, spec, params, initial, ring, residuals, fitted);
  if (!Number.isFinite(run.lik)) return undefined;
  const lik = run.lik + 2 * n * Math.log(scale);
  const rescale = (s: EtsStates): EtsStates => ({
    level: s.level * scale,
    trend: s.trend * scale,
    seasons: spec.season === "A" ? s.seasons.map((v) => v * scale) : [...s.seasons],
  });
  for (let t = 0; t < n; t++) {
    fitted[t]! *= scale;
    if (spec.error === "A") residuals[t]! *= scale;
  }
  const parameterCount = np - 1;
  let sse = 0;
  for (const e of residuals) sse += e * e;
  return {
    spec,
    params,
    initial: rescale(initial),
    last: rescale(run.final),
    lik,
    logLik: -0.5 * lik,
    ...criteria(lik, np, n),
    sigma2: sse / (n - parameterCount),
    residuals,
    fitted,
    parameterCount,
  };
}
