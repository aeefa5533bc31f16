import { AS_OF, AMOUNTS, CUSTOMER_IDS, ORDER_DATES } from "../clv/params.js";
import { fitModels } from "../clv/models.js";
import { column, defineKpi, type SpillCell } from "../spec.js";

export const CLVMODEL = defineKpi({
  id: "CLVMODEL",
  category: "value",
  title: { en: "Customer-value model", fr: "Modèle de valeur client" },
  description: {
    en: "The customer-value models CLV fits, as [label, value] rows: customers, repeatCustomers, then the BG/NBD parameters r, alpha (in days), a, b and logLikelihood (time in days), then with amounts the Gamma-Gamma parameters p, q, v and logLikelihoodGG.",
    fr: "Les modèles de valeur client ajustés par CLV, en lignes [libellé, valeur] : customers, repeatCustomers, puis les paramètres BG/NBD r, alpha (en jours), a, b et logLikelihood (temps en jours), puis avec les montants les paramètres Gamma-Gamma p, q, v et logLikelihoodGG.",
  },
  formula: "maximum-likelihood BG/NBD (r, α, a, b) and Gamma-Gamma (p, q, v)",
  keywords: [
    "BG/NBD",
    "gamma-gamma",
    "model parameters",
    "paramètres du modèle",
    "customer lifetime value",
    "valeur vie client",
    "maximum likelihood",
    "maximum de vraisemblance",
  ],
  params: [CUSTOMER_IDS, ORDER_DATES, { ...AMOUNTS, optional: true }, AS_OF],
  paired: [["customerIds", "orderDates", "amounts"]],
  result: "spill",
  unit: ["text", "number"],
  examples: [
    {
      args: [column("Ann", "Bob", "Ann"), column(46023, 46030, 46054)],
      result: "#N/A",
      note: {
        en: "2 customers: the models need at least 10 (on a real log it spills the fitted parameters)",
        fr: "2 clients : les modèles en demandent au moins 10 (sur un vrai journal, les paramètres ajustés)",
      },
    },
  ],
  compute: ({ customerIds, orderDates, amounts, asOf }) => {
    const { summaries, repeatCustomers, bgnbd, gammaGamma } = fitModels(customerIds, orderDates, amounts, asOf);
    const rows: SpillCell[][] = [
      ["customers", summaries.count],
      ["repeatCustomers", repeatCustomers],
      ["r", bgnbd.r],
      ["alpha", bgnbd.alpha],
      ["a", bgnbd.a],
      ["b", bgnbd.b],
      ["logLikelihood", bgnbd.logLikelihood],
    ];
    if (gammaGamma) {
      rows.push(
        ["p", gammaGamma.p],
        ["q", gammaGamma.q],
        ["v", gammaGamma.v],
        ["logLikelihoodGG", gammaGamma.logLikelihood],
      );
    }
    return rows;
  },
});
