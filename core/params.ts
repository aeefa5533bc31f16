import type { Kind, ParamSpec, Text } from "./spec.js";

/** What a parameter declares besides its name, kind and description: optional, default, bounds, choices. */
export type ParamOptions = Omit<ParamSpec, "name" | "kind" | "description">;

/** A declared parameter with the literal types its KPI's arguments are computed from. */
export type Param<N extends string, K extends Kind, O extends ParamOptions> = {
  readonly name: N;
  readonly kind: K;
  readonly description: Text;
} & O;

// A misspelt option (`mni: 0`) is an error rather than an extra key the runner never reads.
type KnownOptions<O> = { readonly [Key in Exclude<keyof O, keyof ParamOptions>]: never };

const declare =
  <K extends Kind>(kind: K) =>
  <const N extends string, const O extends ParamOptions = Record<never, never>>(
    name: N,
    description: Text,
    options?: O & KnownOptions<O>,
  ): Param<N, K, O> =>
    // Without options O is its default, the empty object: nothing is spread.
    ({ name, kind, ...(options as O), description });

/**
 * Parameter declarations by kind, one line each where the description fits:
 * `param.numberRange("quota", { en: "Quota of the period", fr: "Quota de la période" }, { min: 0 })`.
 */
export const param = {
  numberRange: declare("numberRange"),
  numberList: declare("numberList"),
  dates: declare("dates"),
  keys: declare("keys"),
  series: declare("series"),
  matrix: declare("matrix"),
  number: declare("number"),
  date: declare("date"),
  text: declare("text"),
  boolean: declare("boolean"),
  any: declare("any"),
} satisfies { readonly [K in Kind]: unknown };

/** Parameters several KPIs share, described once so their wording and bounds cannot drift apart. */

export const GROSS_MARGIN = param.number(
  "grossMargin",
  { en: "Gross margin rate in (0, 1]; 1 when omitted", fr: "Taux de marge brute dans ]0, 1] ; 1 par défaut" },
  { optional: true, default: 1, above: 0, max: 1 },
);

export const WON_LABEL = param.text(
  "wonLabel",
  {
    en: 'Label of a won deal; when omitted, "Won", "Gagné" or "Gagnée" (any case, with or without accents)',
    fr: "Libellé d'une affaire gagnée ; par défaut « Gagné », « Gagnée » ou « Won » (casse et accents ignorés)",
  },
  { optional: true, default: "Won" },
);

export const TIME_SERIES = param.series("values", {
  en: "Values in time order (a row or a column)",
  fr: "Valeurs dans l'ordre chronologique (ligne ou colonne)",
});

/** Future periods a series is projected over (TREND, FORECAST). */
export const HORIZON = param.number(
  "horizon",
  { en: "How many future periods to forecast", fr: "Nombre de périodes futures à prévoir" },
  { integer: true, min: 1, max: 10000 },
);

export const STARTING_REVENUE = param.numberRange(
  "startingRevenue",
  { en: "Recurring revenue at the start", fr: "Revenu récurrent initial" },
  { min: 0 },
);

export const CONTRACTION = param.numberRange(
  "contraction",
  { en: "Revenue lost to downgrades", fr: "Revenu perdu par baisses d'abonnement" },
  { min: 0 },
);

export const CHURNED_REVENUE = param.numberRange(
  "churned",
  { en: "Revenue lost to churned customers", fr: "Revenu perdu par les clients partis" },
  { min: 0 },
);

export const ORDER_IDS = param.keys(
  "orderIds",
  { en: "Order id of each line", fr: "Identifiant de commande de chaque ligne" },
  { optional: true },
);

export const ACQUISITION_COST = param.number(
  "cac",
  { en: "Customer acquisition cost", fr: "Coût d'acquisition client" },
  { min: 0 },
);

export const ACTUALS = param.numberRange("actual", { en: "Actual values", fr: "Valeurs réalisées" });
