import { param } from "../params.js";
import { defineKpi } from "../spec.js";

export const STATUS = defineKpi({
  id: "STATUS",
  category: "targets",
  title: { en: "Status against a target", fr: "Statut par rapport à l'objectif" },
  description: {
    en: 'Traffic light against a target of any sign: "OK", "WARN" or "ALERT". OK at the target or on its good side; WARN within a band on its bad side, |target| × (1 − warnRatio) wide (divided by warnRatio when lower is better: a positive target keeps target × warnRatio and target / warnRatio) and at least tolerance wide; ALERT beyond.',
    fr: 'Feu tricolore par rapport à un objectif de signe quelconque : "OK", "WARN" ou "ALERT". OK à l\'objectif ou du bon côté ; WARN dans une marge du mauvais côté, large de |objectif| × (1 − warnRatio) (divisée par warnRatio si plus bas = mieux : un objectif positif garde objectif × warnRatio et objectif / warnRatio) et d\'au moins tolerance ; ALERT au-delà.',
  },
  formula:
    'band = MAX(|target| × (1 − warnRatio), tolerance); IF(actual >= target, "OK", IF(actual >= target − band, "WARN", "ALERT")) (lower is better: band = MAX(|target| × (1 − warnRatio) / warnRatio, tolerance), OK at or below target, WARN up to target + band)',
  keywords: ["status", "statut", "alerte", "alert", "feu tricolore", "traffic light", "rag"],
  params: [
    param.number("actual", { en: "Actual value", fr: "Valeur réalisée" }),
    param.number("target", {
      en: "Target value, of any sign (an NPS may aim at −10)",
      fr: "Valeur cible, de signe quelconque (un NPS peut viser −10)",
    }),
    param.boolean(
      "higherIsBetter",
      {
        en: "TRUE when a higher value is better (revenue), FALSE when lower is better (churn, CAC); TRUE when omitted",
        fr: "VRAI si plus haut est mieux (CA), FAUX si plus bas est mieux (churn, CAC) ; VRAI par défaut",
      },
      { optional: true, default: true },
    ),
    param.number(
      "warnRatio",
      {
        en: "Tolerance before ALERT, in (0, 1]; 0.9 when omitted",
        fr: "Tolérance avant ALERT, dans ]0, 1] ; 0,9 par défaut",
      },
      { optional: true, default: 0.9, above: 0, max: 1 },
    ),
    param.number(
      "tolerance",
      {
        en: "Smallest width of the WARN band, in the unit of actual (5 for an NPS, 0.02 for a growth rate); 0 when omitted",
        fr: "Largeur minimale de la marge WARN, dans l'unité de actual (5 pour un NPS, 0,02 pour une croissance) ; 0 par défaut",
      },
      { optional: true, default: 0, min: 0 },
    ),
  ],
  result: "text",
  unit: "text",
  examples: [
    { args: [95, 100], result: "WARN" },
    { args: [0.04, 0.05, false], result: "OK" },
    { args: [0.06, 0.05, false], result: "ALERT" },
    { args: [-10.5, -10], result: "WARN" },
    { args: [-0.01, 0, true, 0.9, 0.02], result: "WARN" },
  ],
  compute: ({ actual, target, higherIsBetter, warnRatio, tolerance }) => {
    // The band is a share of |target|, so a negative target (an NPS aiming at −10) gets its band on the right side;
    // a positive target keeps target × warnRatio and target / warnRatio exactly, so existing sheets keep their
    // statuses. tolerance is a floor for targets near zero, where a share of |target| is no band at all.
    if (higherIsBetter) {
      const relative = target >= 0 ? target * warnRatio : target * (2 - warnRatio);
      return actual >= target ? "OK" : actual >= Math.min(relative, target - tolerance) ? "WARN" : "ALERT";
    }
    const relative = target >= 0 ? target / warnRatio : target - (target * (1 - warnRatio)) / warnRatio;
    return actual <= target ? "OK" : actual <= Math.max(relative, target + tolerance) ? "WARN" : "ALERT";
  },
});
