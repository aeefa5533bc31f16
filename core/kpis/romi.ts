import { finishRomi } from "../aggregate/finish.js";
import { GROSS_MARGIN } from "../params.js";
import { defineKpi } from "../spec.js";

export const ROMI = defineKpi({
  id: "ROMI",
  category: "acquisition",
  title: { en: "Return on marketing investment", fr: "Retour sur investissement marketing" },
  description: {
    en: "Return on marketing investment: (revenue × gross margin − marketing costs) / marketing costs.",
    fr: "Retour sur investissement marketing : (chiffre d'affaires × marge brute − coûts marketing) / coûts marketing.",
  },
  formula: "(Σrevenue × grossMargin − ΣmarketingCosts) / ΣmarketingCosts",
  keywords: ["return on marketing investment", "retour sur investissement marketing", "romi"],
  params: [
    {
      name: "revenue",
      kind: "numberRange",
      description: { en: "Revenue attributed to marketing", fr: "Chiffre d'affaires attribué au marketing" },
    },
    {
      name: "marketingCosts",
      kind: "numberRange",
      min: 0,
      description: { en: "Marketing costs", fr: "Coûts marketing" },
    },
    GROSS_MARGIN,
  ],
  result: "number",
  unit: "rate",
  examples: [
    { args: [[[50000]], [[10000]]], result: 4 },
    { args: [[[50000]], [[10000]], 0.4], result: 1 },
  ],
  compute: ({ revenue, marketingCosts, grossMargin }) => finishRomi(revenue.sum(), marketingCosts.sum(), grossMargin),
});
