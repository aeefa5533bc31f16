import { finishRoi } from "../aggregate/finish.js";
import { param } from "../params.js";
import { defineKpi } from "../spec.js";

export const ROI = defineKpi({
  id: "ROI",
  category: "acquisition",
  title: { en: "Return on investment", fr: "Retour sur investissement" },
  description: {
    en: "Return on investment: (returns − costs) / costs.",
    fr: "Retour sur investissement : (gains − coûts) / coûts.",
  },
  formula: "(Σreturns − Σcosts) / Σcosts",
  keywords: ["return on investment", "retour sur investissement", "rentabilité"],
  params: [
    param.numberRange("returns", {
      en: "Revenue or gains attributed to the investment",
      fr: "Revenus ou gains attribués à l'investissement",
    }),
    param.numberRange("costs", { en: "Cost of the investment", fr: "Coût de l'investissement" }, { min: 0 }),
  ],
  result: "number",
  unit: "rate",
  examples: [{ args: [[[15000]], [[10000]]], result: 0.5 }],
  compute: ({ returns, costs }) => finishRoi(returns.sum(), costs.sum()),
});
