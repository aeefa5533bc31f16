import { finishVariance } from "../aggregate/finish.js";
import { ACTUALS, param } from "../params.js";
import { column, defineKpi } from "../spec.js";

export const VARIANCE = defineKpi({
  id: "VARIANCE",
  category: "targets",
  title: { en: "Variance to plan", fr: "Écart au budget" },
  description: {
    en: "Variance to plan: actual − plan, or (actual − plan) / |plan| when asPercent is TRUE.",
    fr: "Écart au budget : réalisé − prévu, ou (réalisé − prévu) / |prévu| si asPercent vaut VRAI.",
  },
  formula: "Σactual − Σplan",
  keywords: ["variance", "écart", "écart au budget", "budget vs actual", "réalisé vs prévu"],
  params: [
    ACTUALS,
    param.numberRange("plan", { en: "Planned (budget) values", fr: "Valeurs prévues (budget)" }),
    param.boolean(
      "asPercent",
      { en: "TRUE for a relative variance; FALSE when omitted", fr: "VRAI pour un écart relatif ; FAUX par défaut" },
      { optional: true, default: false },
    ),
  ],
  result: "number",
  unit: "value",
  examples: [
    { args: [column(90, 130), column(100, 100)], result: 20 },
    { args: [column(90, 130), column(100, 100), true], result: 0.1 },
  ],
  compute: ({ actual, plan, asPercent }) => finishVariance(actual.sum(), plan.sum(), asPercent),
});
