import { LOWER, UPPER, type EtsParams, type EtsSpec, type EtsStates } from "./model.js";

/**
 * Starting values of the optimiser, chosen as R's `initstate` and `initparam` choose them: a classical
 * decomposition (or, with fewer than three seasons, a line plus one Fourier pair) for the seasons, a line
 * through the first seasonally adjusted values for level and trend, small smoothing parameters.
 */
export function initialStates(y: readonly number[], spec: EtsSpec): EtsStates {
  const n = y.length;
  let adjusted = y;
  let seasons: number[] = [];
  if (spec.season !== "N") {
    const m = spec.m;
    const seasonal = n < 3 * m ? fourierSeasonal(y, m, spec.season) : decompose(y, m, spec.season);
    // R keeps seasonal[2..m] reversed as s0..s[m-2]; the last state completes the sum later.
    const free: number[] = [];
    for (let k = m - 1; k >= 1; k--) free.push(seasonal[k] as number);
    if (spec.season === "A") {
      adjusted = y.map((v, i) => v - (seasonal[i] as number));
      seasons = [...free, -free.reduce((a, b) => a + b, 0)];
    } else {
      let clipped = free.map((s) => Math.max(s, 1e-2));
      const total = clipped.reduce((a, b) => a + b, 0);
      if (total > m) clipped = clipped.map((s) => s / (total + 1e-2 * clipped.length));
      adjusted = y.map((v, i) => v / Math.max(seasonal[i] as number, 1e-2));
      seasons = [...clipped, m - clipped.reduce((a, b) => a + b, 0)];
    }
  }
  const head = adjusted.slice(0, Math.min(Math.max(10, 2 * spec.m), n));
  if (spec.trend === "N") return { level: head.reduce((a, b) => a + b, 0) / head.length, trend: 0, seasons };
  const [intercept, slope] = leastSquares(
    head.map((_, i) => [1, i + 1]),
    head,
  );
  let level = intercept ?? 0;
  let trend = slope ?? 0;
  if (Math.abs(level + trend) < 1e-8) {
    level *= 1 + 1e-3;
    trend *= 1 - 1e-3;
  }
  return { level, trend, seasons };
}

/** R's `initparam` with the default bounds. */
export function initialParams(spec: EtsSpec): EtsParams {
  const m = spec.season === "N" ? 1 : spec.m;
  const alpha = LOWER.alpha + (0.2 * (UPPER.alpha - LOWER.alpha)) / m;
  let beta = 0;
  if (spec.trend !== "N") {
    const upper = Math.min(UPPER.beta, alpha);
    beta = LOWER.beta + 0.1 * (upper - LOWER.beta);
    if (beta < 0 || beta > alpha) beta = alpha - 1e-3;
  }
  let gamma = 0;
  if (spec.season !== "N") {
    const upper = Math.min(UPPER.gamma, 1 - alpha);
    gamma = LOWER.gamma + 0.05 * (upper - LOWER.gamma);
    if (gamma < 0 || gamma > 1 - alpha) gamma = 1 - alpha - 1e-3;
  }
  const phi = spec.trend === "Ad" ? LOWER.phi + 0.99 * (UPPER.phi - LOWER.phi) : 1;
  return { alpha, beta, gamma, phi };
}

/** R's `decompose`: centred moving average trend, seasonal figure averaged by position and centred. */
export function decompose(y: readonly number[], m: number, type: "A" | "M"): number[] {
  const n = y.length;
  const trend = movingAverage(y, m);
  const sums = new Float64Array(m);
  const counts = new Int32Array(m);
  for (let i = 0; i < n; i++) {
    const t = trend[i];
    if (t === undefined || Number.isNaN(t)) continue;
    sums[i % m]! += type === "A" ? (y[i] as number) - t : (y[i] as number) / t;
    counts[i % m]! += 1;
  }
  const figure = Array.from(sums, (s, k) => s / (counts[k] as number));
  const centre = figure.reduce((a, b) => a + b, 0) / m;
  const centred = figure.map((f) => (type === "A" ? f - centre : f / centre));
  return y.map((_, i) => centred[i % m] as number);
}

/** Centred moving average over one season (2×m for even m); NaN where the window does not fit. */
export function movingAverage(y: readonly number[], m: number): Float64Array {
  const n = y.length;
  const out = new Float64Array(n).fill(NaN);
  const half = Math.floor(m / 2);
  const even = m % 2 === 0;
  for (let i = half; i < n - half; i++) {
    let s = 0;
    for (let k = i - half; k <= i + half; k++) s += y[k] as number;
    if (even) s -= ((y[i - half] as number) + (y[i + half] as number)) / 2;
    out[i] = s / m;
  }
  return out;
}

/** Seasonal part left over by a line plus one Fourier pair (R's `fourier(y, 1)` + `tslm`). */
function fourierSeasonal(y: readonly number[], m: number, type: "A" | "M"): number[] {
  const rows = y.map((_, i) => {
    const t = i + 1;
    const row = [1, t];
    // A sine of period 2 vanishes at whole times, so R drops it.
    if (m !== 2) row.push(Math.sin((2 * Math.PI * t) / m));
    row.push(Math.cos((2 * Math.PI * t) / m));
    return row;
  });
  const coefficients = leastSquares(rows, y);
  const b0 = coefficients[0] ?? 0;
  const b1 = coefficients[1] ?? 0;
  return y.map((v, i) => (type === "A" ? v - b0 - b1 * (i + 1) : v / (b0 + b1 * (i + 1))));
}

/** Ordinary least squares by the normal equations (a handful of columns), with pivoting. */
export function leastSquares(rows: readonly (readonly number[])[], y: readonly number[]): number[] {
  const p = rows[0]?.length ?? 0;
  const a: Float64Array[] = Array.from({ length: p }, () => new Float64Array(p + 1));
  rows.forEach((row, i) => {
    for (let j = 0; j < p; j++) {
      const aj = a[j] as Float64Array;
      for (let k = 0; k < p; k++) aj[k]! += (row[j] as number) * (row[k] as number);
      aj[p]! += (row[j] as number) * (y[i] as number);
    }
  });
  return solveAugmented(a);
}

/** Least squares over columns: the δ that minimises Σ_t (target_t − Σ_j columns[j]_t δ_j)². */
export function leastSquaresColumns(columns: readonly Float64Array[], target: Float64Array): number[] {
  const p = columns.length;
  const n = target.length;
  const a: Float64Array[] = Array.from({ length: p }, () => new Float64Array(p + 1));
  for (let j = 0; j < p; j++) {
    const cj = columns[j] as Float64Array;
    const aj = a[j] as Float64Array;
    for (let k = j; k < p; k++) {
      const ck = columns[k] as Float64Array;
      let dot = 0;
      for (let t = 0; t < n; t++) dot += (cj[t] as number) * (ck[t] as number);
      aj[k] = dot;
      (a[k] as Float64Array)[j] = dot;
    }
    let dot = 0;
    for (let t = 0; t < n; t++) dot += (cj[t] as number) * (target[t] as number);
    aj[p] = dot;
  }
  return solveAugmented(a);
}

/** Solves the p × (p + 1) augmented normal equations by Gauss-Jordan elimination with pivoting; 0 where singular. */
function solveAugmented(a: Float64Array[]): number[] {
  const p = a.length;
  for (let col = 0; col < p; col++) {
    let pivot = col;
    for (let r = col + 1; r < p; r++) if (Math.abs(a[r]![col]!) > Math.abs(a[pivot]![col]!)) pivot = r;
    [a[col], a[pivot]] = [a[pivot] as Float64Array, a[col] as Float64Array];
    const pr = a[col] as Float64Array;
    const d = pr[col] as number;
    if (Math.abs(d) < 1e-300) continue;
    for (let r = 0; r < p; r++) {
      if (r === col) continue;
      const rr = a[r] as Float64Array;
      const factor = (rr[col] as number) / d;
      if (factor !== 0) for (let k = col; k <= p; k++) rr[k]! -= factor * (pr[k] as number);
    }
  }
  return a.map((row, j) => {
    const d = row[j] as number;
    return Math.abs(d) < 1e-300 ? 0 : (row[p] as number) / d;
  });
}
