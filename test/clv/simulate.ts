import { seeded, type Rng } from "../helpers/random.js";

/** Order logs drawn from BG/NBD + Gamma-Gamma with known parameters, replayable from a seed. */

export interface TrueParameters {
  readonly r: number;
  /** In days. */
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
  readonly p: number;
  readonly q: number;
  readonly v: number;
}

export interface SimulatedLog {
  /** Host-shaped columns: one row per order. */
  readonly ids: unknown[][];
  readonly dates: unknown[][];
  readonly amounts: unknown[][];
  readonly asOf: number;
}

/** Gamma(shape, scale 1) by Marsaglia & Tsang (2000); shape < 1 boosted by U^(1/shape). */
function gamma(rng: Rng, shape: number): number {
  if (shape < 1) return gamma(rng, shape + 1) * Math.pow(rng.next() || Number.MIN_VALUE, 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      // Box-Muller normal.
      x = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng.next();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

const START = 45_658; // 2025-01-01

/**
 * `customers` customers acquired uniformly over `acquisitionDays` from 2025-01-01, observed until `observedDays`
 * after that date. While alive a customer buys at rate λ ~ Gamma(r, α) per day and may drop out after each
 * repeat purchase with probability p ~ Beta(a, b); each transaction is worth Gamma(p, ν) with ν ~ Gamma(q, v).
 */
export function simulateLog(
  truth: TrueParameters,
  customers: number,
  seed: number,
  acquisitionDays = 180,
  observedDays = 365,
): SimulatedLog {
  const rng = seeded(seed);
  const ids: unknown[][] = [];
  const dates: unknown[][] = [];
  const amounts: unknown[][] = [];
  const end = START + observedDays;
  for (let c = 0; c < customers; c++) {
    const id = `C${c + 1}`;
    const lambda = gamma(rng, truth.r) / truth.alpha;
    const ga = gamma(rng, truth.a);
    const dropout = ga / (ga + gamma(rng, truth.b));
    const nu = gamma(rng, truth.q) / truth.v;
    const spend = (): number => Math.round((gamma(rng, truth.p) / nu) * 100) / 100;
    let t = START + rng.next() * acquisitionDays;
    ids.push([id]);
    dates.push([t]);
    amounts.push([spend()]);
    for (;;) {
      t += -Math.log(1 - rng.next()) / lambda;
      if (!(t <= end)) break;
      ids.push([id]);
      dates.push([t]);
      amounts.push([spend()]);
      if (rng.next() < dropout) break;
    }
  }
  return { ids, dates, amounts, asOf: end };
}

/** A small log for behaviour tests: 40 customers from CDNOW-like parameters. */
export const CDNOW_LIKE: TrueParameters = { r: 0.25, alpha: 30, a: 0.8, b: 2.5, p: 6, q: 4, v: 15 };
