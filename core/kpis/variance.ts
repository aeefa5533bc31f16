import { finishVariance } from "../aggregate/finish.js";
import { defineKpi } from "../spec.js";

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
    { name: "actual", kind: "numberRange", description: { en: "Actual values", fr: "Valeurs réalisées" } },
    {
      name: "plan",
      kind: "numberRange",
      description: { en: "Planned (budget) values", fr: "Valeurs prévues (budget)" },
    },
    {
      name: "asPercent",
      kind: "boolean",
      optional: true,
      default: false,
      description: {
        en: "TRUE for a relative variance; FALSE when omitted",
        fr: "VRAI pour un écart relatif ; FAUX par défaut",
      },
    },
  ],
  result: "number",
  unit: "value",
  examples: [
    {
      args: [
        [[90], [130]],
        [[100], [100]],
      ],
      result: 20,
    },
    { args: [[[90], [130]], [[100], [100]], true], result: 0.1 },
  ],
  compute: ({ actual, plan, asPercent }) => finishVariance(actual.sum(), plan.sum(), asPercent),
});
