import { param } from "../params.js";

/** The order-log parameters CLV, CLVMODEL, RFM and COHORT share, described once. */

export const CUSTOMER_IDS = param.keys("customerIds", {
  en: "Customer of each order",
  fr: "Client de chaque commande",
});

export const ORDER_DATES = param.dates("orderDates", {
  en: "Date of each order (a time of day is ignored)",
  fr: "Date de chaque commande (l'heure est ignorée)",
});

export const AMOUNTS = param.numberList(
  "amounts",
  { en: "Amount of each order, ≥ 0", fr: "Montant de chaque commande, ≥ 0" },
  { min: 0 },
);

export const AS_OF = param.date(
  "asOf",
  {
    en: "End of the observation period; later orders are ignored. The latest order date when omitted",
    fr: "Fin de la période d'observation ; les commandes postérieures sont ignorées. La date de la dernière commande par défaut",
  },
  { optional: true },
);

export const HORIZON_MONTHS = param.number(
  "horizonMonths",
  {
    en: "Months ahead to project (365.25 / 12 days each); 12 when omitted",
    fr: "Nombre de mois projetés (365,25 / 12 jours chacun) ; 12 par défaut",
  },
  { optional: true, default: 12, min: 0 },
);

export const MARGIN = param.number(
  "margin",
  {
    en: "Margin rate applied to the value, in (0, 1]; 1 when omitted",
    fr: "Taux de marge appliqué à la valeur, dans ]0, 1] ; 1 par défaut",
  },
  { optional: true, default: 1, above: 0, max: 1 },
);
