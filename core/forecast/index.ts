import { fail, numIn } from "../errors.js";
import { completeSeries } from "./complete.js";
import type { FittedEts } from "./fit.js";
import { forecastWithIntervals, type ForecastRow } from "./intervals.js";
import { modelName, type EtsSpec, type EtsStates } from "./model.js";
import { detectSeason } from "./season.js";
import { selectEts } from "./select.js";

export { etsLikelihood, fitEts, type FittedEts } from "./fit.js";
export type { EtsParams, EtsSpec, EtsStates } from "./model.js";
export type { ForecastRow } from "./intervals.js";
export { detectSeason } from "./season.js";
export { completeSeries } from "./complete.js";

/** The model FORECAST uses, as FORECASTSTAT reports it. */
export interface EtsModelInfo {
  /** R's name, e.g. `ETS(A,Ad,A)`. */
  readonly model: string;
  readonly spec: EtsSpec;
  /** The season length of the data (given or detected); 1 when there is none. */
  readonly seasonLength: number;
  readonly alpha: number;
  readonly beta: number | undefined;
  readonly gamma: number | undefined;
  readonly phi: number | undefined;
  /** Undefined where it does not exist (a constant series, too few values for the penalty). */
  readonly aicc: number | undefined;
  readonly logLik: number | undefined;
  readonly sigma2: number;
  readonly initial: EtsStates;
  /** One-step in-sample errors. */
  readonly mae: number | undefined;
  readonly rmse: number | undefined;
  /** MAE over the in-sample (seasonal) naive MAE; undefined when that is 0. */
  readonly mase: number | undefined;
  /** Mean of 2|y − ŷ| / (|y| + |ŷ|), as a fraction; undefined when the errors overflow. */
  readonly smape: number | undefined;
}

/** Longest stretch of the most recent values the models are fitted to: longer series cost time, not accuracy. */
export const MAX_FIT_LENGTH = 1000;

interface Analysis {
  readonly y: number[];
  readonly seasonLength: number;
  /** Undefined for a constant series. */
  readonly fit: FittedEts | undefined;
}

const GROWS_TOO_LARGE = {
  en: "the forecast grows beyond what can be represented",
  fr: "la prévision dépasse ce qui peut être représenté",
};

function analyse(values: readonly (number | null)[], seasonLength: number): Analysis {
  const all = completeSeries(values);
  if (!(seasonLength >= 0 && Number.isInteger(seasonLength))) {
    throw fail.num({
      en: `seasonLength must be 0, 1 or a whole number of periods, got ${seasonLength}`,
      fr: `seasonLength doit valoir 0, 1 ou un nombre entier de périodes, reçu ${numIn(seasonLength, "fr")}`,
    });
  }
  for (const v of all)
    if (!Number.isFinite(v))
      throw fail.num({ en: "values must be finite numbers", fr: "values doit contenir des nombres finis" });
  const m = seasonLength === 1 ? detectSeason(all) : seasonLength === 0 ? 1 : seasonLength;
  const y = all.length > MAX_FIT_LENGTH ? all.slice(all.length - MAX_FIT_LENGTH) : all;
  const first = y[0] as number;
  if (y.every((v) => v === first)) return { y, seasonLength: m, fit: undefined };
  const fit = selectEts(y, m);
  if (!fit)
    throw fail.num({
      en: "no exponential smoothing model could be fitted to values",
      fr: "aucun modèle de lissage exponentiel n'a pu être ajusté à values",
    });
  return { y, seasonLength: m, fit };
}

/**
 * Point forecasts and prediction intervals for the `horizon` periods after the series, by the ETS model of
 * lowest AICc. seasonLength: 1 = detect, 0 = none, n ≥ 2 = that season.
 */
export function forecastEts(
  values: readonly (number | null)[],
  horizon: number,
  seasonLength: number,
  confidence: number,
): { model: EtsModelInfo; forecasts: ForecastRow[] } {
  if (!(confidence > 0 && confidence < 1))
    throw fail.num({
      en: `confidence must be between 0 and 1, got ${confidence}`,
      fr: `confidence doit être entre 0 et 1, reçu ${numIn(confidence, "fr")}`,
    });
  if (!(Number.isInteger(horizon) && horizon >= 1 && horizon <= 10000)) {
    throw fail.num({
      en: `horizon must be a whole number from 1 to 10,000, got ${horizon}`,
      fr: `horizon doit être un nombre entier de 1 à 10 000, reçu ${numIn(horizon, "fr")}`,
    });
  }
  // Far from 1, variances over- or underflow: forecast the series divided by a power of two (exact), then
  // scale back.
  let largest = 0;
  for (const v of values) if (v !== null) largest = Math.max(largest, Math.abs(v));
  const scale = largest > 1e100 || (largest > 0 && largest < 1e-100) ? 2 ** Math.round(Math.log2(largest)) : 1;
  if (scale !== 1) {
    const scaled = forecastEts(
      values.map((v) => (v === null ? null : v / scale)),
      horizon,
      seasonLength,
      confidence,
    );
    const forecasts = scaled.forecasts.map((r) => ({
      point: r.point * scale,
      lower: r.lower * scale,
      upper: r.upper * scale,
    }));
    for (const row of forecasts) {
      if (!(Number.isFinite(row.lower) && Number.isFinite(row.upper))) throw fail.num(GROWS_TOO_LARGE);
    }
    return { model: describeModel(values, seasonLength), forecasts };
  }
  const analysis = analyse(values, seasonLength);
  const model = describe(analysis);
  const forecasts = analysis.fit
    ? forecastWithIntervals(analysis.fit, horizon, confidence)
    : Array.from({ length: horizon }, () => ({
        point: model.initial.level,
        lower: model.initial.level,
        upper: model.initial.level,
      }));
  for (const row of forecasts) {
    if (!(Number.isFinite(row.point) && Number.isFinite(row.lower) && Number.isFinite(row.upper))) {
      throw fail.num(GROWS_TOO_LARGE);
    }
  }
  return { model, forecasts };
}

/** The model forecastEts would use for the same values and seasonLength. */
export function describeModel(values: readonly (number | null)[], seasonLength: number): EtsModelInfo {
  return describe(analyse(values, seasonLength));
}

function describe({ y, seasonLength, fit }: Analysis): EtsModelInfo {
  if (!fit) {
    const spec: EtsSpec = { error: "A", trend: "N", season: "N", m: 1 };
    return {
      model: modelName(spec),
      spec,
      seasonLength,
      // R answers a constant series with simple exponential smoothing at alpha = 0.99999.
      alpha: 0.99999,
      beta: undefined,
      gamma: undefined,
      phi: undefined,
      aicc: undefined,
      logLik: undefined,
      sigma2: 0,
      initial: { level: y[0] as number, trend: 0, seasons: [] },
      mae: 0,
      rmse: 0,
      mase: undefined,
      smape: 0,
    };
  }
  const { spec, params } = fit;
  const n = y.length;
  let absolute = 0;
  let squared = 0;
  let symmetric = 0;
  // Errors are summed relative to the largest, so values near the largest double still give a finite RMSE.
  let largest = 0;
  for (let t = 0; t < n; t++) largest = Math.max(largest, Math.abs((y[t] as number) - (fit.fitted[t] as number)));
  const scale = largest > 0 && Number.isFinite(largest) ? largest : 1;
  for (let t = 0; t < n; t++) {
    const actual = y[t] as number;
    const forecast = fit.fitted[t] as number;
    const error = Math.abs(actual - forecast);
    absolute += error / n;
    squared += (error / scale) ** 2;
    const denominator = Math.abs(actual) + Math.abs(forecast);
    if (denominator > 0) symmetric += (2 * error) / denominator;
  }
  const lag = seasonLength >= 2 && n > seasonLength ? seasonLength : 1;
  let naive = 0;
  for (let t = lag; t < n; t++) naive += Math.abs((y[t] as number) - (y[t - lag] as number));
  naive /= n - lag;
  const mae = absolute;
  const finiteOrUndefined = (v: number): number | undefined => (Number.isFinite(v) ? v : undefined);
  return {
    model: modelName(spec),
    spec,
    seasonLength,
    alpha: params.alpha,
    beta: spec.trend === "N" ? undefined : params.beta,
    gamma: spec.season === "N" ? undefined : params.gamma,
    phi: spec.trend === "Ad" ? params.phi : undefined,
    aicc: finiteOrUndefined(fit.aicc),
    logLik: finiteOrUndefined(fit.logLik),
    sigma2: fit.sigma2,
    initial: fit.initial,
    mae: finiteOrUndefined(mae),
    rmse: finiteOrUndefined(scale * Math.sqrt(squared / n)),
    mase: naive > 0 ? finiteOrUndefined(mae / naive) : undefined,
    smape: finiteOrUndefined(symmetric / n),
  };
}
