import { divide } from "../math.js";
import { defineKpi } from "../spec.js";

export const ROMI = defineKpi({
  id: "ROMI",
  category: "acquisition",
  description: {
    en: "Return on marketing investment: (revenue × gross margin − marketing costs) / marketing costs.",
    fr: "Retour sur investissement marketing : (chiffre d'affaires × marge brute − coûts marketing) / coûts marketing.",
  },
  formula: "(Σrevenue × grossMargin − ΣmarketingCosts) / ΣmarketingCosts",
  keywords: ["return on marketing investment", "retour sur investissement marketing", "romi"],
  params: [
    {
      name: "revenue",
      kind: "numbers",
      description: { en: "Revenue attributed to marketing", fr: "Chiffre d'affaires attribué au marketing" },
    },
    { name: "marketingCosts", kind: "numbers", min: 0, description: { en: "Marketing costs", fr: "Coûts marketing" } },
    {
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
    },
  ],
  result: "number",
  examples: [
    { args: [[[50000]], [[10000]]], result: 4 },
    { args: [[[50000]], [[10000]], 0.4], result: 1 },
  ],
  compute: ({ revenue, marketingCosts, grossMargin }) => {
    const cost = marketingCosts.sum();
    return divide(revenue.sum() * grossMargin - cost, cost, "marketingCosts sums to 0");
  },
});
