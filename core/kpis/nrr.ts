import { finishNrr } from "../aggregate/finish.js";
import { CHURNED_REVENUE, CONTRACTION, param, STARTING_REVENUE } from "../params.js";
import { defineKpi } from "../spec.js";

export const NRR = defineKpi({
  id: "NRR",
  category: "retention",
  title: { en: "Net revenue retention", fr: "Rétention nette du revenu" },
  description: {
    en: "Net revenue retention: (starting revenue + expansion − contraction − churned) / starting revenue. Losing more than the starting revenue is #NUM!.",
    fr: "Rétention nette du revenu (NRR) : (revenu initial + expansion − contraction − perdu) / revenu initial. Perdre plus que le revenu initial donne #NUM!.",
  },
  formula: "(start + expansion − contraction − churned) / start",
  keywords: ["net revenue retention", "rétention nette", "ndr", "net dollar retention", "expansion"],
  params: [
    STARTING_REVENUE,
    param.numberRange(
      "expansion",
      {
        en: "Upsell and cross-sell revenue of those customers",
        fr: "Revenu additionnel (upsell, cross-sell) de ces clients",
      },
      { min: 0 },
    ),
    CONTRACTION,
    CHURNED_REVENUE,
  ],
  result: "number",
  unit: "rate",
  examples: [{ args: [[[100000]], [[15000]], [[3000]], [[7000]]], result: 1.05 }],
  compute: ({ startingRevenue, expansion, contraction, churned }) =>
    finishNrr(startingRevenue.sum(), expansion.sum(), contraction.sum(), churned.sum()),
});
