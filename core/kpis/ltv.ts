import { finite } from "../math.js";
import { GROSS_MARGIN } from "../params.js";
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
    {
      name: "averageOrderValue",
      kind: "number",
      min: 0,
      description: { en: "Average order value", fr: "Panier moyen" },
    },
    {
      name: "purchasesPerPeriod",
      kind: "number",
      min: 0,
      description: { en: "Purchases per customer per period", fr: "Achats par client et par période" },
    },
    {
      name: "lifespanPeriods",
      kind: "number",
      min: 0,
      description: { en: "Customer lifespan in periods", fr: "Durée de vie client en périodes" },
    },
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
