import { finishAttainment } from "../aggregate/finish.js";
import { ACTUALS, param } from "../params.js";
import { column, defineKpi } from "../spec.js";

export const ATTAINMENT = defineKpi({
  id: "ATTAINMENT",
  category: "revenue",
  title: { en: "Target attainment", fr: "Taux d'atteinte de l'objectif" },
  description: {
    en: "Target attainment: actual / target (1 = target reached).",
    fr: "Taux d'atteinte de l'objectif : réalisé / objectif (1 = objectif atteint).",
  },
  formula: "Σactual / Σtarget",
  keywords: ["quota attainment", "atteinte d'objectif", "taux de réalisation", "performance"],
  params: [ACTUALS, param.numberRange("target", { en: "Targets", fr: "Objectifs" })],
  result: "number",
  unit: "rate",
  examples: [{ args: [column(90, 120), column(100, 100)], result: 1.05 }],
  compute: ({ actual, target }) => finishAttainment(actual.sum(), target.sum()),
});
