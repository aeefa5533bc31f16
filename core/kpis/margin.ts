import { finishMargin } from "../aggregate/finish.js";
import { defineKpi } from "../spec.js";

export const MARGIN = defineKpi({
  id: "MARGIN",
  category: "revenue",
  title: { en: "Margin rate", fr: "Taux de marge" },
  description: {
    en: "Margin rate: (revenue − costs) / revenue.",
    fr: "Taux de marge : (chiffre d'affaires − coûts) / chiffre d'affaires.",
  },
  formula: "(Σrevenue − Σcosts) / Σrevenue",
  keywords: ["margin", "marge", "taux de marge", "gross margin", "marge brute", "profitability"],
  params: [
    { name: "revenue", kind: "numberRange", description: { en: "Revenue", fr: "Chiffre d'affaires" } },
    { name: "costs", kind: "numberRange", min: 0, description: { en: "Costs of the revenue", fr: "Coûts associés" } },
  ],
  result: "number",
  unit: "rate",
  examples: [{ args: [[[1000], [500]], [[900]]], result: 0.4 }],
  compute: ({ revenue, costs }) => finishMargin(revenue.sum(), costs.sum()),
});
