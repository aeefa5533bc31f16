import { fail, numIn } from "../errors.js";
import { finite } from "../math.js";
import { param } from "../params.js";
import { defineKpi } from "../spec.js";

export const COVERAGE = defineKpi({
  id: "COVERAGE",
  category: "acquisition",
  title: { en: "Pipeline coverage", fr: "Couverture du pipeline" },
  description: {
    en: "Pipeline coverage: open pipeline divided by the quota still to reach (quota − closed won). A remaining quota of 0 or less is #NUM! (the quota is already met).",
    fr: "Couverture du pipeline : pipeline ouvert divisé par l'objectif restant (objectif − déjà signé). Un reste à faire nul ou négatif donne #NUM! (objectif déjà atteint).",
  },
  formula: "ΣopenPipeline / (Σquota − ΣclosedWon)",
  keywords: ["pipeline coverage", "couverture du pipeline", "taux de couverture", "quota"],
  params: [
    param.numberRange("openPipeline", { en: "Open pipeline amounts", fr: "Montants du pipeline ouvert" }, { min: 0 }),
    param.numberRange(
      "quota",
      { en: "Quota (target) of the period", fr: "Objectif (quota) de la période" },
      { min: 0 },
    ),
    param.numberRange(
      "closedWon",
      { en: "Already closed-won amounts; 0 when omitted", fr: "Montants déjà signés ; 0 par défaut" },
      { optional: true, default: 0 },
    ),
  ],
  result: "number",
  unit: "ratio",
  examples: [
    { args: [[[300000]], 200000, 50000], result: 2 },
    { args: [[[300000]], 200000, 250000], result: "#NUM!" },
  ],
  compute: ({ openPipeline, quota, closedWon }) => {
    const remaining = quota.sum() - closedWon.sum();
    if (remaining <= 0)
      throw fail.num({
        en: `the remaining quota (quota − closedWon) is ${remaining}: the quota is already met`,
        fr: `le quota restant (quota − closedWon) vaut ${numIn(remaining, "fr")} : le quota est déjà atteint`,
      });
    return finite(openPipeline.sum() / remaining);
  },
});
