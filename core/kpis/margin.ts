import { finishMargin } from "../aggregate/finish.js";
import { param } from "../params.js";
import { column, defineKpi } from "../spec.js";

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
    param.numberRange("revenue", { en: "Revenue", fr: "Chiffre d'affaires" }),
    param.numberRange("costs", { en: "Costs of the revenue", fr: "Coûts associés" }, { min: 0 }),
  ],
  result: "number",
  unit: "rate",
  examples: [{ args: [column(1000, 500), [[900]]], result: 0.4 }],
  compute: ({ revenue, costs }) => finishMargin(revenue.sum(), costs.sum()),
});
