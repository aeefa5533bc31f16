import { finishCac } from "../aggregate/finish.js";
import { param } from "../params.js";
import { column, defineKpi } from "../spec.js";

export const CAC = defineKpi({
  id: "CAC",
  category: "acquisition",
  title: { en: "Customer acquisition cost", fr: "Coût d'acquisition client" },
  description: {
    en: "Customer acquisition cost: marketing plus sales costs divided by the number of new customers.",
    fr: "Coût d'acquisition client : coûts marketing et commerciaux divisés par le nombre de nouveaux clients.",
  },
  formula: "(ΣmarketingCosts + ΣsalesCosts) / ΣnewCustomers",
  keywords: ["customer acquisition cost", "coût d'acquisition", "coût d'acquisition client", "cac"],
  params: [
    param.numberRange(
      "marketingCosts",
      { en: "Marketing costs of the period(s)", fr: "Coûts marketing de la ou des périodes" },
      { min: 0 },
    ),
    param.numberRange(
      "salesCosts",
      { en: "Sales costs of the period(s)", fr: "Coûts commerciaux de la ou des périodes" },
      { min: 0 },
    ),
    param.numberRange(
      "newCustomers",
      { en: "New customers won in the period(s)", fr: "Nouveaux clients gagnés sur la ou les périodes" },
      { min: 0 },
    ),
  ],
  result: "number",
  unit: "money",
  examples: [
    { args: [column(3000, 2000), column(4000, 1000), column(20, 30)], result: 200 },
    { args: [[[100]], [[100]], [[0]]], result: "#DIV/0!" },
  ],
  compute: ({ marketingCosts, salesCosts, newCustomers }) =>
    finishCac(marketingCosts.sum(), salesCosts.sum(), newCustomers.sum()),
});
