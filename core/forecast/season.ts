/**
 * Season-length detection for seasonLength = 1. For every candidate length k from 2 to min(n/3, 366) the
 * series is detrended by a centred moving average over k periods (2×k for even k, as a classical
 * decomposition), and a one-way analysis of variance asks whether the detrended values differ by position
 * in the season: F = (between-position variance / (k − 1)) / (within-position variance / (N − k)). The
 * candidate with the smallest p-value wins if that p-value is below 1% after a Bonferroni correction for the
 * number of candidates; otherwise the series has no season (1). Three full seasons are needed to see one.
 */
export function detectSeason(y: readonly number[], maxLength = 366): number {
  const n = y.length;
  const longest = Math.min(Math.floor(n / 3), maxLength);
  if (longest < 2) return 1;
  const threshold = Math.log(0.01 / (longest - 1));
  let best = 1;
  let bestLogP = threshold;
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = (prefix[i] as number) + (y[i] as number);
  for (let k = 2; k <= longest; k++) {
    const logP = seasonLogPValue(y, prefix, k);
    // A multiple of the true season fits as well but costs more degrees of freedom, so it rarely wins.
    if (logP < bestLogP) {
      bestLogP = logP;
      best = k;
    }
  }
  return best;
}

function seasonLogPValue(y: readonly number[], prefix: Float64Array, k: number): number {
  const n = y.length;
  const half = Math.floor(k / 2);
  const even = k % 2 === 0;
  const sums = new Float64Array(k);
  const counts = new Int32Array(k);
  const detrended = new Float64Array(n);
  let total = 0;
  let count = 0;
  for (let i = half; i < n - half; i++) {
    let window = (prefix[i + half + 1] as number) - (prefix[i - half] as number);
    if (even) window -= ((y[i - half] as number) + (y[i + half] as number)) / 2;
    const d = (y[i] as number) - window / k;
    detrended[i] = d;
    sums[i % k]! += d;
    counts[i % k]! += 1;
    total += d;
    count++;
  }
  const dfWithin = count - k;
  if (count < 2 * k || dfWithin < 2) return 0;
  const overall = total / count;
  let ssTotal = 0;
  for (let i = half; i < n - half; i++) ssTotal += ((detrended[i] as number) - overall) ** 2;
  let ssBetween = 0;
  for (let g = 0; g < k; g++) {
    const c = counts[g] as number;
    if (c > 0) ssBetween += c * ((sums[g] as number) / c - overall) ** 2;
  }
  const ssWithin = ssTotal - ssBetween;
  if (!(ssTotal > 0)) return 0;
  // A season that explains everything: as significant as can be, the shortest such length winning.
  if (!(ssWithin > 1e-12 * ssTotal)) return -1e300;
  const f = ssBetween / (k - 1) / (ssWithin / dfWithin);
  return logFUpperTail(f, k - 1, dfWithin);
}

/** log P(F > f) for the F distribution with (d1, d2) degrees of freedom. */
export function logFUpperTail(f: number, d1: number, d2: number): number {
  if (!(f > 0)) return 0;
  const x = d2 / (d2 + d1 * f);
  return logIncompleteBeta(x, d2 / 2, d1 / 2);
}

/** log of the regularised incomplete beta function I_x(a, b), precise when I_x is tiny. */
export function logIncompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return -Infinity;
  if (x >= 1) return 0;
  if (x > (a + 1) / (a + b + 2)) return Math.log(Math.max(0, 1 - Math.exp(logIncompleteBeta(1 - x, b, a))));
  const front = a * Math.log(x) + b * Math.log1p(-x) - logBeta(a, b) - Math.log(a);
  return front + Math.log(betaContinuedFraction(x, a, b));
}

/** The continued fraction of I_x(a, b) (modified Lentz), converging fast for x < (a + 1)/(a + b + 2). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < tiny ? tiny : d);
  let result = d;
  for (let k = 1; k <= 500; k++) {
    const even = (k * (b - k) * x) / ((a + 2 * k - 1) * (a + 2 * k));
    d = 1 + even * d;
    c = 1 + even / c;
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    c = Math.abs(c) < tiny ? tiny : c;
    result *= d * c;
    const odd = -((a + k) * (a + b + k) * x) / ((a + 2 * k) * (a + 2 * k + 1));
    d = 1 + odd * d;
    c = 1 + odd / c;
    d = 1 / (Math.abs(d) < tiny ? tiny : d);
    c = Math.abs(c) < tiny ? tiny : c;
    const delta = d * c;
    result *= delta;
    if (Math.abs(delta - 1) < 1e-14) break;
  }
  return result;
}

function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** log Γ(z) for z > 0: Stirling's series once z ≥ 10, the recurrence Γ(z + 1) = zΓ(z) below. */
export function logGamma(z: number): number {
  let shift = 0;
  while (z < 10) {
    shift += Math.log(z);
    z += 1;
  }
  const inv = 1 / z;
  const inv2 = inv * inv;
  const series = inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 / 1680)));
  return (z - 0.5) * Math.log(z) - z + 0.5 * Math.log(2 * Math.PI) + series - shift;
}
