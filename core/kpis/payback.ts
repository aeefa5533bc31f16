import { divide } from "../math.js";
import { because } from "../errors.js";
import { ACQUISITION_COST, GROSS_MARGIN, param } from "../params.js";
import { defineKpi } from "../spec.js";

export const PAYBACK = defineKpi({
  id: "PAYBACK",
  category: "retention",
  title: { en: "CAC payback (months)", fr: "Délai de récupération du CAC (mois)" },
  description: {
    en: "CAC payback period in months: acquisition cost / (monthly revenue per customer × gross margin).",
    fr: "Délai de récupération du CAC en mois : coût d'acquisition / (revenu mensuel par client × marge brute).",
  },
  formula: "cac / (revenuePerMonth × grossMargin)",
  keywords: ["cac payback", "délai de récupération", "payback period", "retour sur cac"],
  params: [
    ACQUISITION_COST,
    param.number(
      "revenuePerMonth",
      { en: "Revenue per customer per month", fr: "Revenu mensuel par client" },
      { min: 0 },
    ),
    GROSS_MARGIN,
  ],
  result: "number",
  unit: "months",
  examples: [{ args: [600, 100, 0.5], result: 12 }],
  compute: ({ cac, revenuePerMonth, grossMargin }) =>
    divide(cac, revenuePerMonth * grossMargin, because.isZero("revenuePerMonth")),
});
