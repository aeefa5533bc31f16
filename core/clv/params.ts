import type { ParamSpec } from "../spec.js";

/** The order-log parameters CLV, CLVMODEL and RFM share, described once. */

export const CUSTOMER_IDS = {
  name: "customerIds",
  kind: "keys",
  description: { en: "Customer of each order", fr: "Client de chaque commande" },
} as const satisfies ParamSpec;

export const ORDER_DATES = {
  name: "orderDates",
  kind: "dates",
  description: {
    en: "Date of each order (a time of day is ignored)",
    fr: "Date de chaque commande (l'heure est ignorée)",
  },
} as const satisfies ParamSpec;

export const AMOUNTS = {
  name: "amounts",
  kind: "numberList",
  min: 0,
  description: { en: "Amount of each order, ≥ 0", fr: "Montant de chaque commande, ≥ 0" },
} as const satisfies ParamSpec;

export const AS_OF = {
  name: "asOf",
  kind: "date",
  optional: true,
  description: {
    en: "End of the observation period; later orders are ignored. The latest order date when omitted",
    fr: "Fin de la période d'observation ; les commandes postérieures sont ignorées. La date de la dernière commande par défaut",
  },
} as const satisfies ParamSpec;

export const HORIZON_MONTHS = {
  name: "horizonMonths",
  kind: "number",
  optional: true,
  default: 12,
  min: 0,
  description: {
    en: "Months ahead to project (365.25 / 12 days each); 12 when omitted",
    fr: "Nombre de mois projetés (365,25 / 12 jours chacun) ; 12 par défaut",
  },
} as const satisfies ParamSpec;

export const MARGIN = {
  name: "margin",
  kind: "number",
  optional: true,
  default: 1,
  above: 0,
  max: 1,
  description: {
    en: "Margin rate applied to the value, in (0, 1]; 1 when omitted",
    fr: "Taux de marge appliqué à la valeur, dans ]0, 1] ; 1 par défaut",
  },
} as const satisfies ParamSpec;
