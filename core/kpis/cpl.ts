import { finishCpl } from "../aggregate/finish.js";
import { param } from "../params.js";
import { defineKpi } from "../spec.js";

export const CPL = defineKpi({
  id: "CPL",
  category: "acquisition",
  title: { en: "Cost per lead", fr: "Coût par lead" },
  description: {
    en: "Cost per lead: total spend divided by total leads.",
    fr: "Coût par lead : dépenses totales divisées par le nombre total de leads.",
  },
  formula: "Σspend / Σleads",
  keywords: ["cost per lead", "coût par lead", "coût par prospect", "lead generation"],
  params: [
    param.numberRange("spend", { en: "Marketing spend", fr: "Dépenses marketing" }, { min: 0 }),
    param.numberRange("leads", { en: "Leads generated", fr: "Leads générés" }, { min: 0 }),
  ],
  result: "number",
  unit: "money",
  examples: [{ args: [[[1000, 500]], [[40, 20]]], result: 25 }],
  compute: ({ spend, leads }) => finishCpl(spend.sum(), leads.sum()),
});
