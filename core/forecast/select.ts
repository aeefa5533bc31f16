import { fitEts, type FittedEts } from "./fit.js";
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

/**
 * Fits every candidate and keeps the lowest AICc (R's default `ic = "aicc"`). Series too short for the
 * search get simple exponential smoothing or Holt's method with initial states taken from the first
 * observations and only the smoothing parameters estimated, the lower residual variance winning (as R).
 */
export function selectEts(y: readonly number[], m: number): FittedEts | undefined {
  if (isTooShortForSearch(y.length)) return shortSeriesFit(y);
  let best: FittedEts | undefined;
  for (const spec of candidateSpecs(y, m)) {
    const fit = fitEts(y, spec);
    if (fit && Number.isFinite(fit.aicc) && (!best || fit.aicc < best.aicc)) best = fit;
  }
  return best ?? shortSeriesFit(y);
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
