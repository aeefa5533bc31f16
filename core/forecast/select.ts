import { EXTRA_STARTS, fitEts, type FittedEts } from "./fit.js";
import { initialStates } from "./init.js";
import { alternate, screen } from "./screen.js";
import type { EtsSpec, ErrorType, SeasonType, TrendType } from "./model.js";

/**
 * The models R's `ets()` tries by default, in its order: additive or multiplicative error, no / additive /
 * damped trend, no / additive / multiplicative season; with `restrict = TRUE` additive error never meets a
 * multiplicative season (infinite variance), multiplicative trends are left out
 * (`allow.multiplicative.trend = FALSE`), and multiplicative parts need strictly positive data. A season
 * needs at least two full seasons of data.
 */
export function candidateSpecs(y: readonly number[], m: number): EtsSpec[] {
  const positive = y.every((v) => v > 0);
  const seasonal = m >= 2 && y.length >= 2 * m;
  const errors: ErrorType[] = positive ? ["A", "M"] : ["A"];
  const trends: TrendType[] = ["N", "Ad", "A"];
  const seasons: SeasonType[] = !seasonal ? ["N"] : positive ? ["N", "A", "M"] : ["N", "A"];
  const specs: EtsSpec[] = [];
  for (const error of errors) {
    for (const trend of trends) {
      for (const season of seasons) {
        if (error === "A" && season === "M") continue;
        specs.push({ error, trend, season, m: season === "N" ? 1 : m });
      }
    }
  }
  return specs;
}

/** Whether R's `ets()` would fall back to Holt-Winters-style fits: n ≤ 6 leaves no room for the ETS search. */
export const isTooShortForSearch = (n: number): boolean => n <= 6;

/** How many of the screened models, the best by AICc, get the full search. */
const FINALISTS = 3;
/** Rounds of parameters-then-states searches for each start of a finalist. */
const FINALIST_ROUNDS = 4;
/** Evaluations of the joint search over parameters and states that ends the winner's fit (its polish as many). */
const WINNER_BUDGET = 600;

/**
 * Fits the candidates and keeps the lowest AICc (R's default `ic = "aicc"`), in three stages so that the
 * costly search over all the initial states runs once instead of once per model (a 144-point monthly series
 * takes about 5,000 likelihood evaluations in all instead of 70,000, with the same models chosen on R's
 * series):
 * 1. every candidate is screened (core/forecast/screen.ts: the smoothing parameters searched with the states
 *    held, the states then set to their least-squares values, twice);
 * 2. the three best by AICc search on, from the screened fit and from a faster-adapting start off R's starting
 *    states (the likelihood often has a second basin at high alpha that a single start misses);
 * 3. the best of those gets the joint search over parameters and states that a full fit ends with.
 * Series too short for the search get simple exponential smoothing or Holt's method with initial states taken
 * from the first observations and only the smoothing parameters estimated, the lower residual variance winning
 * (as R).
 */
export function selectEts(y: readonly number[], m: number): FittedEts | undefined {
  if (isTooShortForSearch(y.length)) return shortSeriesFit(y);
  const screened: FittedEts[] = [];
  for (const spec of candidateSpecs(y, m)) {
    const fit = screen(y, spec);
    if (fit && Number.isFinite(fit.aicc)) screened.push(fit);
  }
  screened.sort((a, b) => a.aicc - b.aicc);
  let best: FittedEts | undefined;
  for (const finalist of screened.slice(0, FINALISTS)) {
    const { spec } = finalist;
    const fits = [
      alternate(y, spec, finalist.initial, finalist.params, FINALIST_ROUNDS),
      alternate(y, spec, initialStates(y, spec), EXTRA_STARTS[0], FINALIST_ROUNDS),
    ];
    for (const fit of fits) if (fit && Number.isFinite(fit.aicc) && (!best || fit.aicc < best.aicc)) best = fit;
  }
  if (!best) return shortSeriesFit(y);
  const winner = fitEts(y, best.spec, {
    from: { params: best.params, initial: best.initial },
    starts: [],
    maxEvaluations: WINNER_BUDGET,
  });
  // The joint search starts where the alternation stopped, so it can only lower the likelihood.
  return winner ?? best;
}

function shortSeriesFit(y: readonly number[]): FittedEts | undefined {
  const first = y[0] as number;
  const second = y[1] as number;
  const simple = fitEts(
    y,
    { error: "A", trend: "N", season: "N", m: 1 },
    { initial: { level: first, trend: 0, seasons: [] } },
  );
  const holt =
    y.length >= 4
      ? fitEts(
          y,
          { error: "A", trend: "A", season: "N", m: 1 },
          { initial: { level: first, trend: second - first, seasons: [] } },
        )
      : undefined;
  if (holt && (!simple || holt.sigma2 < simple.sigma2)) return holt;
  return simple;
}
