import { AMOUNTS, AS_OF, CUSTOMER_IDS, HORIZON_MONTHS, MARGIN, ORDER_DATES } from "../clv/params.js";
import { expectedTransactions, probabilityAlive } from "../clv/bgnbd.js";
import { expectedValue } from "../clv/gamma-gamma.js";
import { fitModels } from "../clv/models.js";
import { fail } from "../errors.js";
import { column, defineKpi, type SpillCell } from "../spec.js";

/** Days in a month for the horizon: the mean Gregorian month. */
export const DAYS_PER_MONTH = 365.25 / 12;

export const CLV = defineKpi({
  id: "CLV",
  category: "value",
  title: { en: "Predicted customer value", fr: "Valeur client prévue" },
  description: {
    en: "Customer lifetime value from an order log, one row per customer: [customer, transactions, probability alive, expected transactions in the horizon, expected transaction value, CLV]. BG/NBD (Fader, Hardie & Lee 2005) for the transactions, Gamma-Gamma (Fader & Hardie 2013) for their value, both fitted by maximum likelihood; CLV = expected transactions × expected value × margin, undiscounted.",
    fr: "Valeur vie client à partir d'un journal de commandes, une ligne par client : [client, transactions, probabilité d'être actif, transactions attendues sur l'horizon, valeur attendue d'une transaction, CLV]. BG/NBD (Fader, Hardie et Lee 2005) pour les transactions, Gamma-Gamma (Fader et Hardie 2013) pour leur valeur, ajustés par maximum de vraisemblance ; CLV = transactions attendues × valeur attendue × marge, sans actualisation.",
  },
  formula: "E[X(horizon) | x, t_x, T] × E[M | x, m̄] × margin",
  keywords: [
    "customer lifetime value",
    "valeur vie client",
    "CLV",
    "LTV",
    "BG/NBD",
    "gamma-gamma",
    "probability alive",
    "probabilité d'être actif",
    "buy till you die",
    "prédiction d'achats",
  ],
  params: [CUSTOMER_IDS, ORDER_DATES, AMOUNTS, HORIZON_MONTHS, AS_OF, MARGIN],
  paired: [["customerIds", "orderDates", "amounts"]],
  result: "spill",
  unit: ["text", "count", "rate", "score", "money", "money"],
  examples: [
    {
      args: [column("Ann", "Bob", "Ann"), column(46023, 46030, 46054), column(30, 45, 25)],
      result: "#N/A",
      note: {
        en: "2 customers: the models need at least 10 (on a real log it spills one row per customer)",
        fr: "2 clients : les modèles en demandent au moins 10 (sur un vrai journal, une ligne par client)",
      },
    },
  ],
  compute: ({ customerIds, orderDates, amounts, horizonMonths, asOf, margin }) => {
    const models = fitModels(customerIds, orderDates, amounts, asOf);
    const { summaries, rfm, bgnbd, gammaGamma, means } = models;
    if (!gammaGamma || !means) throw fail.value({ en: "amounts is required", fr: "amounts est obligatoire" });
    const horizon = horizonMonths * DAYS_PER_MONTH;
    const rows: SpillCell[][] = new Array<SpillCell[]>(summaries.count);
    for (let c = 0; c < summaries.count; c++) {
      const x = rfm.x[c] as number;
      const tx = rfm.tx[c] as number;
      const T = rfm.T[c] as number;
      const alive = probabilityAlive(bgnbd, x, tx, T);
      const expected = expectedTransactions(bgnbd, horizon, x, tx, T);
      const value = expectedValue(gammaGamma, x, means[c] as number);
      const clv = expected * value * margin;
      const cell = (v: number): SpillCell =>
        Number.isFinite(v)
          ? v
          : fail.num({
              en: "the expected transactions of this customer cannot be computed",
              fr: "les transactions attendues de ce client ne peuvent pas être calculées",
            });
      rows[c] = [summaries.ids[c] as string | number, x + 1, alive, cell(expected), value, cell(clv)];
    }
    return rows;
  },
});
