import type { ParamSpec } from "./spec.js";

/** Parameters several KPIs share, described once so their wording and bounds cannot drift apart. */

export const GROSS_MARGIN = {
  name: "grossMargin",
  kind: "number",
  optional: true,
  default: 1,
  above: 0,
  max: 1,
  description: {
    en: "Gross margin rate in (0, 1]; 1 when omitted",
    fr: "Taux de marge brute dans ]0, 1] ; 1 par défaut",
  },
} as const satisfies ParamSpec;

export const WON_LABEL = {
  name: "wonLabel",
  kind: "text",
  optional: true,
  default: "Won",
  description: {
    en: 'Label of a won deal; when omitted, "Won", "Gagné" or "Gagnée" (any case, with or without accents)',
    fr: "Libellé d'une affaire gagnée ; par défaut « Gagné », « Gagnée » ou « Won » (casse et accents ignorés)",
  },
} as const satisfies ParamSpec;

export const TIME_SERIES = {
  name: "values",
  kind: "series",
  description: {
    en: "Values in time order (a row or a column)",
    fr: "Valeurs dans l'ordre chronologique (ligne ou colonne)",
  },
} as const satisfies ParamSpec;

/** Future periods a series is projected over (TREND, FORECAST). */
export const HORIZON = {
  name: "horizon",
  kind: "number",
  integer: true,
  min: 1,
  max: 10000,
  description: { en: "How many future periods to forecast", fr: "Nombre de périodes futures à prévoir" },
} as const satisfies ParamSpec;

export const STARTING_REVENUE = {
  name: "startingRevenue",
  kind: "numberRange",
  min: 0,
  description: { en: "Recurring revenue at the start", fr: "Revenu récurrent initial" },
} as const satisfies ParamSpec;

export const CONTRACTION = {
  name: "contraction",
  kind: "numberRange",
  min: 0,
  description: { en: "Revenue lost to downgrades", fr: "Revenu perdu par baisses d'abonnement" },
} as const satisfies ParamSpec;

export const CHURNED_REVENUE = {
  name: "churned",
  kind: "numberRange",
  min: 0,
  description: { en: "Revenue lost to churned customers", fr: "Revenu perdu par les clients partis" },
} as const satisfies ParamSpec;
