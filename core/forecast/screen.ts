import { criteria, fitEts, informationParameterCount, type FittedEts } from "./fit.js";
import { initialParams, initialStates, leastSquaresColumns } from "./init.js";
import { likelihood, type EtsParams, type EtsSpec, type EtsStates } from "./model.js";

/**
 * Screening: a quick fit of every candidate model, so that the full search (the smoothing parameters and all
 * initial states, some thousands of likelihood evaluations each) runs only for the few models that can win.
 * A screening fit searches the smoothing parameters only (at most 4 of them) with the initial states held
 * fixed; the states are then moved to their least-squares values for those parameters and the parameters
 * searched again, which rates fairly the models whose starting states are poor (a seasonal figure that grows
 * over the years, as in JohnsonJohnson).
 */

/**
 * A fit whose initial states were held is restated as if they had been estimated, as they were (by least
 * squares, between the searches): R's information criteria and σ² count every estimated parameter and state.
 */
function asEstimated(fit: FittedEts, n: number): FittedEts {
  const np = informationParameterCount(fit.spec);
  const parameterCount = np - 1;
  return {
    ...fit,
    ...criteria(fit.lik, np, n),
    sigma2: n - parameterCount > 0 ? (fit.sigma2 * (n - fit.parameterCount)) / (n - parameterCount) : Infinity,
    parameterCount,
  };
}

/**
 * Moves the initial states towards their maximum-likelihood values for the given smoothing parameters, with
 * one Gauss-Newton step. R's `lik` is n log Σ u² with u_t = y_t − ŷ_t (additive error) or
 * u_t = G (y_t − ŷ_t) / ŷ_t, G the geometric mean of the ŷ_t (multiplicative error: the 2 Σ log|ŷ| term folds
 * into the sum), a least-squares problem in the states. The Jacobian of ŷ comes from a difference along each
 * free state (the last season keeps the seasons' sum, as in the fit). With a multiplicative error a second
 * step is tried, the least squares of the errors relative to the current fit, which jumps further when the
 * starting states are far off; the step that lowers the likelihood more is kept, halved until it lowers it.
 * Where the states enter linearly (additive error, no multiplicative season) one step is the exact minimum.
 */
export function refineStates(y: readonly number[], spec: EtsSpec, params: EtsParams, current: EtsStates): EtsStates {
  const n = y.length;
  const seasonal = spec.season !== "N";
  const m = seasonal ? spec.m : 1;
  const ring = new Float64Array(m);
  const x0 = [current.level];
  if (spec.trend !== "N") x0.push(current.trend);
  if (seasonal) for (let k = 0; k < m - 1; k++) x0.push(current.seasons[k] as number);
  const p = x0.length;
  // One states object, rewritten for each run: a refinement runs the model p + 2 times or more.
  const seasons = new Array<number>(seasonal ? m : 0).fill(0);
  const states = { level: 0, trend: 0, seasons };
  const statesOf = (x: readonly number[]): EtsStates => {
    let i = 0;
    states.level = x[i++] as number;
    states.trend = spec.trend !== "N" ? (x[i++] as number) : 0;
    if (seasonal) {
      let total = 0;
      for (let k = 0; k < m - 1; k++) {
        seasons[k] = x[i] as number;
        total += x[i++] as number;
      }
      seasons[m - 1] = (spec.season === "M" ? m : 0) - total;
    }
    return states;
  };
  /** Runs the model from `x`, ŷ into `fitted`; R's `lik`, or NaN outside the model's domain. */
  const runAt = (x: readonly number[], fitted: Float64Array): number => {
    statesOf(x);
    if (spec.season === "M") for (const s of seasons) if (!(s > 0)) return NaN;
    return likelihood(y, spec, params, states, ring, undefined, fitted);
  };
  const f = new Float64Array(n);
  const baseLik = runAt(x0, f);
  if (!Number.isFinite(baseLik)) return current;
  const size = Math.abs(current.level) + Math.abs(current.trend) || 1;
  // z[j] = ∂ŷ/∂x_j by a forward difference.
  const z: Float64Array[] = [];
  const moved = [...x0];
  for (let j = 0; j < p; j++) {
    const h = (j === 0 || (j === 1 && spec.trend !== "N") || spec.season === "A" ? size : 1) * 1e-5;
    moved[j] = (x0[j] as number) + h;
    const column = new Float64Array(n);
    const lik = runAt(moved, column);
    moved[j] = x0[j] as number;
    if (!Number.isFinite(lik)) return current;
    for (let t = 0; t < n; t++) column[t] = ((column[t] as number) - (f[t] as number)) / h;
    z.push(column);
  }
  const steps: number[][] = [];
  const target = new Float64Array(n);
  if (spec.error === "A") {
    for (let t = 0; t < n; t++) target[t] = (y[t] as number) - (f[t] as number);
    steps.push(leastSquaresColumns(z, target));
  } else {
    let logs = 0;
    for (let t = 0; t < n; t++) logs += Math.log(Math.abs(f[t] as number));
    const g = Math.exp(logs / n);
    // ∂u_t/∂x_j = ∂G/∂x_j (y_t − ŷ_t)/ŷ_t − G y_t Z_tj / ŷ_t², with ∂G/∂x_j = G/n Σ_s Z_sj / ŷ_s.
    const jacobian = z.map((c) => {
      let dg = 0;
      for (let t = 0; t < n; t++) dg += (c[t] as number) / (f[t] as number);
      dg *= g / n;
      const out = new Float64Array(n);
      for (let t = 0; t < n; t++) {
        const ft = f[t] as number;
        const yt = y[t] as number;
        out[t] = -(dg * (yt - ft)) / ft + (g * yt * (c[t] as number)) / (ft * ft);
      }
      return out;
    });
    for (let t = 0; t < n; t++) target[t] = (g * ((y[t] as number) - (f[t] as number))) / (f[t] as number);
    steps.push(leastSquaresColumns(jacobian, target));
    // Least squares of the errors relative to the current fit: Z_tj / ŷ_t against (y_t − ŷ_t) / ŷ_t. The
    // Jacobian's columns are spent: they take the relative ones.
    for (let j = 0; j < p; j++) {
      const c = z[j] as Float64Array;
      const out = jacobian[j] as Float64Array;
      for (let t = 0; t < n; t++) out[t] = (c[t] as number) / (f[t] as number);
    }
    for (let t = 0; t < n; t++) target[t] = ((y[t] as number) - (f[t] as number)) / (f[t] as number);
    steps.push(leastSquaresColumns(jacobian, target));
  }
  let best: { x: number[]; lik: number } | undefined;
  for (const step of steps) {
    for (let shrink = 0, scale = 1; shrink < 12; shrink++, scale /= 2) {
      const x = x0.map((v, j) => v + (step[j] as number) * scale);
      const lik = runAt(x, target);
      if (lik < baseLik) {
        if (!best || lik < best.lik) best = { x, lik };
        break;
      }
    }
  }
  if (!best) return current;
  const found = statesOf(best.x);
  return { level: found.level, trend: found.trend, seasons: [...found.seasons] };
}

/** Evaluations per search of the smoothing parameters. */
const SCREEN_BUDGET = 60;

/**
 * Searches the smoothing parameters with the initial states held, moves the states to their least-squares
 * values, and repeats while the likelihood improves (at most `rounds` times): a block-wise descent whose every
 * search has at most 4 dimensions instead of up to 17. Without `params` the first search starts from R's
 * starting values.
 */
export function alternate(
  y: readonly number[],
  spec: EtsSpec,
  initial: EtsStates,
  params: EtsParams | undefined,
  rounds: number,
): FittedEts | undefined {
  const quick = (states: EtsStates, from?: EtsParams): FittedEts | undefined =>
    fitEts(y, spec, {
      initial: states,
      from: { params: from ?? initialParams(spec), initial: states },
      starts: [],
      maxEvaluations: SCREEN_BUDGET,
      // The screening ranks models whose AICc differ by whole units: a looser stop than a full fit's is enough.
      tolerance: 1e-6,
      polish: false,
    });
  let fit = quick(initial, params);
  for (let round = 0; fit && round < rounds; round++) {
    const states = refineStates(y, spec, fit.params, fit.initial);
    const next: FittedEts | undefined = quick(states, fit.params);
    if (!next || !(next.lik < fit.lik)) break;
    const gain = fit.lik - next.lik;
    fit = next;
    if (gain < 0.01) break;
  }
  return fit && asEstimated(fit, y.length);
}

/** A quick fit of `spec`, its AICc counted as if its states were estimated; undefined when none is admissible. */
export const screen = (y: readonly number[], spec: EtsSpec): FittedEts | undefined =>
  alternate(y, spec, initialStates(y, spec), undefined, 2);
