/**
 * Special functions of the customer-value models: the log-gamma function and the Gaussian hypergeometric
 * function 2F1, evaluated in double precision without external libraries.
 */

/** Lanczos approximation, g = 7, nine coefficients: relative error near 1e-15 for x ≥ 0.5. */
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** sin(πx) with the argument reduced first, so that large |x| keeps its digits and integers give exactly 0. */
function sinPi(x: number): number {
  const r = x - 2 * Math.round(x / 2);
  if (r === 0 || Math.abs(r) === 1) return 0;
  return Math.sin(Math.PI * r);
}

/** ln |Γ(x)|; +Infinity at the poles (0, −1, −2, …). */
export function lgamma(x: number): number {
  if (x < 0.5) {
    // Reflection: Γ(x) Γ(1 − x) = π / sin(πx).
    const s = sinPi(x);
    if (s === 0) return Infinity;
    return Math.log(Math.PI / Math.abs(s)) - lgamma(1 - x);
  }
  const y = x - 1;
  let series = LANCZOS[0] as number;
  for (let i = 1; i < LANCZOS.length; i++) series += (LANCZOS[i] as number) / (y + i);
  const t = y + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (y + 0.5) * Math.log(t) - t + Math.log(series);
}

/** The sign of Γ(x): 1 for x > 0, alternating between the poles below 0; 0 at a pole. */
export function gammaSign(x: number): number {
  if (x > 0) return 1;
  const s = sinPi(x);
  return s === 0 ? 0 : s > 0 ? 1 : -1;
}

const isPole = (x: number): boolean => x <= 0 && Number.isInteger(x);

/** e^logFactor · Γ(n1)·Γ(n2) / (Γ(d1)·Γ(d2)) through logs, with signs; 0 when a denominator sits on a pole. */
function gammaRatio(n1: number, n2: number, d1: number, d2: number, logFactor = 0): number {
  if (isPole(d1) || isPole(d2)) return 0;
  const sign = gammaSign(n1) * gammaSign(n2) * gammaSign(d1) * gammaSign(d2);
  return sign * Math.exp(logFactor + lgamma(n1) + lgamma(n2) - lgamma(d1) - lgamma(d2));
}

const EPSILON = 1e-16;
const MAX_TERMS = 200_000;

/**
 * The defining series Σ (a)_n (b)_n / ((c)_n n!) zⁿ, summed until the remainder, bounded by the last term
 * times 1 / (1 − |z|) once the terms shrink, is below the last digit. NaN when it does not settle.
 */
export function hyp2f1Series(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  const tailFactor = 1 / (1 - Math.min(Math.abs(z), 1 - 1e-12));
  for (let n = 0; n < MAX_TERMS; n++) {
    const ratio = (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    term *= ratio;
    sum += term;
    if (term === 0) return sum;
    if (Math.abs(ratio) < 1 && Math.abs(term) * tailFactor <= EPSILON * Math.abs(sum)) return sum;
    if (!Number.isFinite(sum)) return Number.NaN;
  }
  return Number.NaN;
}

/** Above this z the series needs hundreds of terms and the expansion around z = 1 takes over. */
const NEAR_ONE = 0.9;
/**
 * c − a − b closer than this to an integer makes the two parts of the z = 1 expansion cancel (it has poles
 * there); it is also the spacing of the interpolation nodes used instead.
 */
const NEAR_INTEGER = 1e-5;
/** Interpolation nodes, in units of NEAR_INTEGER either side of the integer. */
const NODES = [-2, -1, 1, 2] as const;

/**
 * 2F1(a, b; c; z) for real z < 1 (Abramowitz & Stegun 15.1.1, 15.3.3-15.3.6).
 * - z < 0: Pfaff's transformation maps z to z / (z − 1) in (0, 1).
 * - 0 ≤ z ≤ 0.9: the series, in the form (direct or Euler's (1 − z)^(c−a−b) 2F1(c−a, c−b; c; z)) whose
 *   terms grow least.
 * - z > 0.9: the expansion in 1 − z (15.3.6), whose series converge fast there. When c − a − b is within 1e-5
 *   of an integer its two parts cancel (15.3.6 has poles there); the value is then interpolated in c by the
 *   cubic through the four points where c − a − b lies 1e-5 and 2e-5 either side of the integer (the function
 *   is smooth in c; the error is of order 1e-12 relative).
 * NaN where the function is undefined (c a pole, z ≥ 1) or the series fails.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z < 1) || isPole(c) || ![a, b, c, z].every(Number.isFinite)) return Number.NaN;
  if (z === 0 || a === 0 || b === 0) return 1;
  // A non-positive integer a or b makes a polynomial: the series is exact at any z.
  if (isPole(a) || isPole(b)) return hyp2f1Series(a, b, c, z);
  if (z < 0) {
    const w = z / (z - 1);
    return Math.pow(1 - z, -a) * hyp2f1(a, c - b, c, w);
  }
  if (z <= NEAR_ONE) {
    if (Math.abs((c - a) * (c - b)) < Math.abs(a * b)) {
      return Math.pow(1 - z, c - a - b) * hyp2f1Series(c - a, c - b, c, z);
    }
    return hyp2f1Series(a, b, c, z);
  }
  const m = c - a - b;
  const nearest = Math.round(m);
  if (Math.abs(m - nearest) >= NEAR_INTEGER) return aroundOne(a, b, c, z);
  // Lagrange weights of the nodes at s, the offset of m from the integer in units of the node spacing.
  const s = (m - nearest) / NEAR_INTEGER;
  let value = 0;
  for (const node of NODES) {
    let weight = 1;
    for (const other of NODES) if (other !== node) weight *= (s - other) / (node - other);
    value += weight * aroundOne(a, b, c + (nearest + node * NEAR_INTEGER - m), z);
  }
  return value;
}

/** A&S 15.3.6, for c − a − b not an integer and z close to 1. */
function aroundOne(a: number, b: number, c: number, z: number): number {
  const m = c - a - b;
  const w = 1 - z;
  const first = gammaRatio(c, m, c - a, c - b);
  // (1 − z)^m folded into the logs: either factor alone may overflow when |m| is large.
  const second = gammaRatio(c, -m, a, b, m * Math.log(w));
  const left = first === 0 ? 0 : first * hyp2f1Series(a, b, 1 - m, w);
  const right = second === 0 ? 0 : second * hyp2f1Series(c - a, c - b, 1 + m, w);
  return left + right;
}
