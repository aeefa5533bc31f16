import { finite } from "../math.js";
import { GROSS_MARGIN, param } from "../params.js";
import { defineKpi } from "../spec.js";

export const LTV = defineKpi({
  id: "LTV",
  category: "retention",
  title: { en: "Customer lifetime value", fr: "Valeur vie client" },
  description: {
    en: "Customer lifetime value: average order value × purchases per period × lifespan in periods × gross margin.",
    fr: "Valeur vie client (CLV) : panier moyen × achats par période × durée de vie en périodes × marge brute.",
  },
  formula: "averageOrderValue × purchasesPerPeriod × lifespanPeriods × grossMargin",
  keywords: ["lifetime value", "valeur vie client", "clv", "cltv", "valeur client"],
  params: [
    param.number("averageOrderValue", { en: "Average order value", fr: "Panier moyen" }, { min: 0 }),
    param.number(
      "purchasesPerPeriod",
      { en: "Purchases per customer per period", fr: "Achats par client et par période" },
      { min: 0 },
    ),
    param.number(
      "lifespanPeriods",
      { en: "Customer lifespan in periods", fr: "Durée de vie client en périodes" },
      { min: 0 },
    ),
    GROSS_MARGIN,
  ],
  result: "number",
  unit: "money",
  examples: [
    { args: [80, 4, 3], result: 960 },
    { args: [80, 4, 3, 0.5], result: 480 },
  ],
  compute: ({ averageOrderValue, purchasesPerPeriod, lifespanPeriods, grossMargin }) =>
    finite(averageOrderValue * purchasesPerPeriod * lifespanPeriods * grossMargin),
});
