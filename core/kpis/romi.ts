import { finishRomi } from "../aggregate/finish.js";
import { GROSS_MARGIN, param } from "../params.js";
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
    param.numberRange("revenue", {
      en: "Revenue attributed to marketing",
      fr: "Chiffre d'affaires attribué au marketing",
    }),
    param.numberRange("marketingCosts", { en: "Marketing costs", fr: "Coûts marketing" }, { min: 0 }),
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
