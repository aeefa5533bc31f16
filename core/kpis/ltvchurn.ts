import { divide } from "../math.js";
import { because } from "../errors.js";
import { GROSS_MARGIN, param } from "../params.js";
import { defineKpi } from "../spec.js";

export const LTVCHURN = defineKpi({
  id: "LTVCHURN",
  category: "retention",
  title: { en: "Lifetime value from churn", fr: "Valeur vie client par l'attrition" },
  description: {
    en: "Lifetime value from churn (subscriptions): revenue per period × gross margin / churn rate. A churn rate of 0 is #DIV/0!.",
    fr: "Valeur vie client par le churn (abonnements) : revenu par période × marge brute / taux d'attrition. Un taux de 0 donne #DIV/0!.",
  },
  formula: "revenuePerPeriod × grossMargin / churnRate",
  keywords: ["lifetime value churn", "ltv saas", "valeur vie abonnement", "arpu / churn"],
  params: [
    param.number(
      "revenuePerPeriod",
      { en: "Revenue per customer per period (ARPU)", fr: "Revenu par client et par période (ARPU)" },
      { min: 0 },
    ),
    param.number(
      "churnRate",
      { en: "Churn rate per period, in (0, 1]", fr: "Taux d'attrition par période, dans ]0, 1]" },
      { min: 0, max: 1 },
    ),
    GROSS_MARGIN,
  ],
  result: "number",
  unit: "money",
  examples: [
    { args: [50, 0.05], result: 1000 },
    { args: [50, 0.05, 0.8], result: 800 },
  ],
  compute: ({ revenuePerPeriod, churnRate, grossMargin }) =>
    divide(revenuePerPeriod * grossMargin, churnRate, because.isZero("churnRate")),
});
