/**
 * Derivative-free minimisation (Nelder & Mead 1965, with the adaptive coefficients of Gao & Han 2012 for
 * higher dimensions). The model fits of the core (ETS, BG/NBD, Gamma-Gamma) minimise negative
 * log-likelihoods that are cheap to evaluate but whose gradients are awkward; bounds and positivity are the
 * caller's business (a penalty, or a log/logit reparametrisation), so this stays a plain unconstrained search.
 */

export interface NelderMeadOptions {
  /** Initial step along each axis: one number for all, or one per coordinate. Default 0.1 × |x0| or 0.00025. */
  readonly step?: number | readonly number[];
  /** Function evaluations at most. Default 2000 × dimension. */
  readonly maxEvaluations?: number;
  /** Stop when the simplex's values differ by less than this (absolute + relative). Default 1e-10. */
  readonly tolerance?: number;
  /** Restarts from the best point found, which shakes a collapsed simplex loose. Default 2. */
  readonly restarts?: number;
}

export interface Minimum {
  readonly x: number[];
  readonly value: number;
  readonly evaluations: number;
  /** False when the evaluation budget ran out before the simplex settled. */
  readonly converged: boolean;
}

/** Minimises `f` from `x0`. Non-finite values of `f` are treated as +Infinity (outside the feasible region). */
export function nelderMead(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  options: NelderMeadOptions = {},
): Minimum {
  const n = x0.length;
  const budget = options.maxEvaluations ?? 2000 * Math.max(1, n);
  const tolerance = options.tolerance ?? 1e-10;
  let evaluations = 0;
  const value = (x: readonly number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  let best = { x: [...x0], value: value(x0) };
  let converged = false;
  const restarts = options.restarts ?? 2;
  for (let round = 0; round <= restarts && evaluations < budget; round++) {
    const result = search(
      value,
      best.x,
      best.value,
      stepsOf(options.step, best.x),
      tolerance,
      () => evaluations < budget,
    );
    const improved = result.value < best.value - tolerance * (1 + Math.abs(best.value));
    if (result.value <= best.value) best = result;
    converged = result.settled;
    // A restart that finds nothing better means the minimum is genuine.
    if (round > 0 && !improved) break;
  }
  return { x: best.x, value: best.value, evaluations, converged };
}

function stepsOf(step: NelderMeadOptions["step"], x: readonly number[]): number[] {
  if (typeof step === "number") return x.map(() => step);
  if (step) return x.map((_, i) => step[i] ?? 0.1);
  return x.map((v) => (v === 0 ? 0.00025 : 0.1 * Math.abs(v)));
}

interface Vertex {
  x: number[];
  value: number;
}

function search(
  value: (x: readonly number[]) => number,
  x0: number[],
  f0: number,
  steps: readonly number[],
  tolerance: number,
  mayContinue: () => boolean,
): Vertex & { settled: boolean } {
  const n = x0.length;
  // Adaptive coefficients keep the simplex from collapsing in 5+ dimensions (ETS fits have up to 17); below 2
  // dimensions they would shrink to a point, so they are taken at 2 there (the standard 1, 2, 0.5, 0.5).
  const m = Math.max(n, 2);
  const alpha = 1;
  const beta = 1 + 2 / m;
  const gamma = 0.75 - 1 / (2 * m);
  const delta = 1 - 1 / m;
  const simplex: Vertex[] = [{ x: x0, value: f0 }];
  for (let i = 0; i < n; i++) {
    const x = [...x0];
    x[i] = (x[i] as number) + (steps[i] as number);
    simplex.push({ x, value: value(x) });
  }
  const combine = (a: readonly number[], b: readonly number[], t: number): number[] =>
    a.map((ai, i) => ai + t * ((b[i] as number) - ai));
  while (mayContinue()) {
    simplex.sort((p, q) => p.value - q.value);
    const lowest = simplex[0] as Vertex;
    const highest = simplex[n] as Vertex;
    const spread = highest.value - lowest.value;
    if (Number.isFinite(spread) && spread <= tolerance * (1 + Math.abs(lowest.value))) {
      return { ...lowest, settled: true };
    }
    const centroid = new Array<number>(n).fill(0);
    for (let v = 0; v < n; v++) {
      const x = (simplex[v] as Vertex).x;
      for (let i = 0; i < n; i++) centroid[i] = (centroid[i] as number) + (x[i] as number) / n;
    }
    const second = (simplex[n - 1] as Vertex).value;
    const reflected = combine(centroid, highest.x, -alpha);
    const fr = value(reflected);
    if (fr < lowest.value) {
      const expanded = combine(centroid, highest.x, -alpha * beta);
      const fe = value(expanded);
      simplex[n] = fe < fr ? { x: expanded, value: fe } : { x: reflected, value: fr };
      continue;
    }
    if (fr < second) {
      simplex[n] = { x: reflected, value: fr };
      continue;
    }
    const outside = fr < highest.value;
    const contracted = outside ? combine(centroid, reflected, gamma) : combine(centroid, highest.x, gamma);
    const fc = value(contracted);
    if (fc < (outside ? fr : highest.value)) {
      simplex[n] = { x: contracted, value: fc };
      continue;
    }
    for (let v = 1; v <= n; v++) {
      const x = combine(lowest.x, (simplex[v] as Vertex).x, delta);
      simplex[v] = { x, value: value(x) };
    }
  }
  simplex.sort((p, q) => p.value - q.value);
  return { ...(simplex[0] as Vertex), settled: false };
}
