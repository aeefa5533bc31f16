import { forecastEts } from "../forecast/index.js";
import { HORIZON, TIME_SERIES } from "../params.js";
import { defineKpi } from "../spec.js";

export const SEASON_LENGTH = {
  name: "seasonLength",
  kind: "number",
  integer: true,
  min: 0,
  max: 1000,
  optional: true,
  default: 1,
  description: {
    en: "Periods in a season: 1 = detect it from the data, 0 = no season, 12 for months in a year…",
    fr: "Nombre de périodes d'une saison : 1 = la détecter, 0 = pas de saison, 12 pour les mois de l'année…",
  },
} as const;

export const FORECAST = defineKpi({
  id: "FORECAST",
  category: "time",
  title: { en: "Seasonal forecast", fr: "Prévision saisonnière" },
  description: {
    en: "Forecast by exponential smoothing (ETS state-space models, as R's forecast::ets): horizon rows of [point forecast, lower bound, upper bound] after an equally spaced series. Error, trend (none, additive, damped) and season (none, additive, multiplicative) are chosen by AICc, parameters by maximum likelihood; the bounds are a prediction interval at the given confidence. Blanks inside the series take the mean of their neighbours; more than 30% blanks is #NUM!, fewer than 3 values #N/A.",
    fr: "Prévision par lissage exponentiel (modèles ETS à espace d'états, comme forecast::ets de R) : horizon lignes de [prévision, borne basse, borne haute] après une série à pas régulier. Erreur, tendance (aucune, additive, amortie) et saison (aucune, additive, multiplicative) sont choisies par l'AICc, les paramètres par maximum de vraisemblance ; les bornes forment un intervalle de prévision au niveau de confiance donné. Les vides dans la série prennent la moyenne de leurs voisins ; plus de 30 % de vides donne #NUM!, moins de 3 valeurs #N/A.",
  },
  formula: "ETS model of lowest AICc; point forecast ± z·σ_h (simulated quantiles for multiplicative seasons)",
  keywords: [
    "forecast",
    "prévision",
    "exponential smoothing",
    "lissage exponentiel",
    "ets",
    "holt-winters",
    "FORECAST.ETS",
    "PREVISION.ETS",
    "prediction interval",
    "intervalle de prévision",
  ],
  params: [
    TIME_SERIES,
    HORIZON,
    SEASON_LENGTH,
    {
      name: "confidence",
      kind: "number",
      above: 0,
      max: 1,
      optional: true,
      default: 0.95,
      description: {
        en: "Confidence level of the prediction interval, between 0 and 1",
        fr: "Niveau de confiance de l'intervalle de prévision, entre 0 et 1",
      },
    },
  ],
  result: "spill",
  unit: "value",
  examples: [
    {
      args: [[[5], [5], [5], [5]], 2],
      result: [
        [5, 5, 5],
        [5, 5, 5],
      ],
      note: { en: "A constant series forecasts itself", fr: "Une série constante se prévoit elle-même" },
    },
  ],
  compute: ({ values: series, horizon, seasonLength, confidence }) =>
    forecastEts(series.values, horizon, seasonLength, confidence).forecasts.map((row) => [
      row.point,
      row.lower,
      row.upper,
    ]),
});
