import { describeModel } from "../forecast/index.js";
import { TIME_SERIES } from "../params.js";
import { defineKpi, type SpillCell } from "../spec.js";
import { SEASON_LENGTH } from "./forecast.js";

export const FORECASTSTAT = defineKpi({
  id: "FORECASTSTAT",
  category: "time",
  title: { en: "Forecast model", fr: "Modèle de prévision" },
  description: {
    en: 'The exponential smoothing model FORECAST chooses for the same values and seasonLength, as [label, value] rows: model (e.g. ETS(A,Ad,A)), seasonLength, alpha, beta, gamma, phi ("" where the model has no such part), AICc, and the one-step in-sample MAE, RMSE, MASE (scaled by the seasonal naive error) and sMAPE (a fraction).',
    fr: "Le modèle de lissage exponentiel que FORECAST choisit pour les mêmes valeurs et seasonLength, en lignes [libellé, valeur] : model (p. ex. ETS(A,Ad,A)), seasonLength, alpha, beta, gamma, phi (\"\" quand le modèle n'a pas cette partie), AICc, et les erreurs à un pas dans l'échantillon MAE, RMSE, MASE (rapportée à l'erreur naïve saisonnière) et sMAPE (une fraction).",
  },
  formula: "FORECAST's model: parameters, AICc, in-sample MAE, RMSE, MASE, sMAPE",
  keywords: [
    "forecast",
    "prévision",
    "ets",
    "model",
    "modèle",
    "AICc",
    "MASE",
    "sMAPE",
    "FORECAST.ETS.STAT",
    "PREVISION.ETS.STAT",
  ],
  params: [TIME_SERIES, SEASON_LENGTH],
  result: "spill",
  unit: ["text", "number"],
  examples: [
    {
      args: [[[5], [5], [5], [5]]],
      result: [
        ["model", "ETS(A,N,N)"],
        ["seasonLength", 1],
        ["alpha", 0.99999],
        ["beta", ""],
        ["gamma", ""],
        ["phi", ""],
        ["AICc", ""],
        ["MAE", 0],
        ["RMSE", 0],
        ["MASE", ""],
        ["sMAPE", 0],
      ],
    },
  ],
  compute: ({ values: series, seasonLength }) => {
    const info = describeModel(series.values, seasonLength);
    const cell = (v: number | undefined): SpillCell => (v === undefined ? "" : v);
    return [
      ["model", info.model],
      ["seasonLength", info.seasonLength],
      ["alpha", info.alpha],
      ["beta", cell(info.beta)],
      ["gamma", cell(info.gamma)],
      ["phi", cell(info.phi)],
      ["AICc", cell(info.aicc)],
      ["MAE", cell(info.mae)],
      ["RMSE", cell(info.rmse)],
      ["MASE", cell(info.mase)],
      ["sMAPE", cell(info.smape)],
    ];
  },
});
