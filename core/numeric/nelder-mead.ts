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

/**
 * One simplex search. The simplex lives in preallocated arrays and its order is kept by insertion (one vertex
 * changes per step), so a step allocates nothing: the likelihoods it serves cost about a microsecond, and
 * sorting and copying had cost as much again. Ties keep their previous order, as a stable sort would.
 */
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
  const points: number[][] = [[...x0]];
  const values: number[] = [f0];
  for (let i = 0; i < n; i++) {
    const x = [...x0];
    x[i] = (x[i] as number) + (steps[i] as number);
    points.push(x);
    values.push(value(x));
  }
  // order[0] is the lowest vertex, order[n] the highest.
  const order: number[] = [];
  for (let v = 0; v <= n; v++) order.push(v);
  sortStable(order, values, 0);
  const centroid = new Array<number>(n).fill(0);
  let trial = [...x0];
  let spare = [...x0];
  /** Puts `x` (worth `fx`) in the highest vertex's place, and its index where its value now ranks. */
  const replaceHighest = (x: number[], fx: number): number[] => {
    const index = order[n] as number;
    const old = points[index] as number[];
    points[index] = x;
    values[index] = fx;
    let at = n;
    while (at > 0 && (values[order[at - 1] as number] as number) > fx) {
      order[at] = order[at - 1] as number;
      at--;
    }
    order[at] = index;
    return old;
  };
  const towards = (into: number[], a: readonly number[], b: readonly number[], t: number): number[] => {
    for (let i = 0; i < n; i++) into[i] = (a[i] as number) + t * ((b[i] as number) - (a[i] as number));
    return into;
  };
  while (mayContinue()) {
    const lowest = order[0] as number;
    const low = values[lowest] as number;
    const high = values[order[n] as number] as number;
    const spread = high - low;
    if (Number.isFinite(spread) && spread <= tolerance * (1 + Math.abs(low))) {
      return { x: [...(points[lowest] as number[])], value: low, settled: true };
    }
    centroid.fill(0);
    for (let v = 0; v < n; v++) {
      const x = points[order[v] as number] as number[];
      for (let i = 0; i < n; i++) centroid[i] = (centroid[i] as number) + (x[i] as number) / n;
    }
    const highest = points[order[n] as number] as number[];
    const second = values[order[n - 1] as number] as number;
    const reflected = towards(trial, centroid, highest, -alpha);
    const fr = value(reflected);
    if (fr < low) {
      const expanded = towards(spare, centroid, highest, -alpha * beta);
      const fe = value(expanded);
      if (fe < fr) spare = replaceHighest(expanded, fe);
      else trial = replaceHighest(reflected, fr);
      continue;
    }
    if (fr < second) {
      trial = replaceHighest(reflected, fr);
      continue;
    }
    const outside = fr < high;
    const contracted = towards(spare, centroid, outside ? reflected : highest, gamma);
    const fc = value(contracted);
    if (fc < (outside ? fr : high)) {
      spare = replaceHighest(contracted, fc);
      continue;
    }
    const best = points[lowest] as number[];
    for (let r = 1; r <= n; r++) {
      const v = order[r] as number;
      const x = points[v] as number[];
      towards(x, best, x, delta);
      values[v] = value(x);
    }
    sortStable(order, values, 0);
  }
  const lowest = order[0] as number;
  return { x: [...(points[lowest] as number[])], value: values[lowest] as number, settled: false };
}

/** Insertion sort of `order[from..]` by `values`, keeping ties in their order (the arrays are short). */
function sortStable(order: number[], values: readonly number[], from: number): void {
  for (let i = from + 1; i < order.length; i++) {
    const index = order[i] as number;
    const v = values[index] as number;
    let at = i;
    while (at > from && (values[order[at - 1] as number] as number) > v) {
      order[at] = order[at - 1] as number;
      at--;
    }
    order[at] = index;
  }
}
