import { divide } from "../math.js";
import { because } from "../errors.js";
import { ACQUISITION_COST, param } from "../params.js";
import { defineKpi } from "../spec.js";

export const LTVCAC = defineKpi({
  id: "LTVCAC",
  category: "retention",
  title: { en: "LTV:CAC ratio", fr: "Ratio LTV:CAC" },
  description: {
    en: "LTV:CAC ratio: lifetime value / acquisition cost (3 or more is the usual healthy mark).",
    fr: "Ratio LTV:CAC : valeur vie client / coût d'acquisition (3 ou plus est le repère habituel).",
  },
  formula: "ltv / cac",
  keywords: ["ltv cac ratio", "ratio ltv cac", "unit economics"],
  params: [param.number("ltv", { en: "Customer lifetime value", fr: "Valeur vie client" }), ACQUISITION_COST],
  result: "number",
  unit: "ratio",
  examples: [{ args: [960, 320], result: 3 }],
  compute: ({ ltv, cac }) => divide(ltv, cac, because.isZero("cac")),
});
