import { fail } from "../errors.js";
import { defineKpi } from "../spec.js";

export const STATUS = defineKpi({
  id: "STATUS",
  category: "targets",
  description: {
    en: 'Traffic light against a target: "OK", "WARN" or "ALERT". Higher is better: OK at or above target, WARN at or above target × warnRatio. Lower is better: OK at or below target, WARN at or below target / warnRatio.',
    fr: 'Feu tricolore par rapport à un objectif : "OK", "WARN" ou "ALERT". Plus haut = mieux : OK à partir de l\'objectif, WARN à partir de objectif × warnRatio. Plus bas = mieux : OK jusqu\'à l\'objectif, WARN jusqu\'à objectif / warnRatio.',
  },
  formula: 'IF(actual >= target, "OK", IF(actual >= target × warnRatio, "WARN", "ALERT"))',
  keywords: ["status", "statut", "alerte", "alert", "feu tricolore", "traffic light", "rag"],
  params: [
    { name: "actual", kind: "number", description: { en: "Actual value", fr: "Valeur réalisée" } },
    {
      name: "target",
      kind: "number",
      min: 0,
      description: { en: "Target value (not negative)", fr: "Valeur cible (positive ou nulle)" },
    },
    {
      name: "higherIsBetter",
      kind: "boolean",
      optional: true,
      default: true,
      description: {
        en: "TRUE when a higher value is better (revenue), FALSE when lower is better (churn, CAC); TRUE when omitted",
        fr: "VRAI si plus haut est mieux (CA), FAUX si plus bas est mieux (churn, CAC) ; VRAI par défaut",
      },
    },
    {
      name: "warnRatio",
      kind: "number",
      optional: true,
      default: 0.9,
      above: 0,
      max: 1,
      description: {
        en: "Tolerance before ALERT, in (0, 1]; 0.9 when omitted",
        fr: "Tolérance avant ALERT, dans ]0, 1] ; 0,9 par défaut",
      },
    },
  ],
  result: "text",
  examples: [
    { args: [95, 100], result: "WARN" },
    { args: [0.04, 0.05, false], result: "OK" },
    { args: [0.06, 0.05, false], result: "ALERT" },
  ],
  compute: ({ actual, target, higherIsBetter, warnRatio }) => {
    if (target < 0) throw fail.num(`target is ${target}, a target cannot be negative`);
    if (higherIsBetter) return actual >= target ? "OK" : actual >= target * warnRatio ? "WARN" : "ALERT";
    return actual <= target ? "OK" : actual <= target / warnRatio ? "WARN" : "ALERT";
  },
});
