import { finishGrr } from "../aggregate/finish.js";
import { CHURNED_REVENUE, CONTRACTION, STARTING_REVENUE } from "../params.js";
import { defineKpi } from "../spec.js";

export const GRR = defineKpi({
  id: "GRR",
  category: "retention",
  title: { en: "Gross revenue retention", fr: "Rétention brute du revenu" },
  description: {
    en: "Gross revenue retention: (starting revenue − contraction − churned) / starting revenue. Losing more than the starting revenue is #NUM!.",
    fr: "Rétention brute du revenu (GRR) : (revenu initial − contraction − perdu) / revenu initial. Perdre plus que le revenu initial donne #NUM!.",
  },
  formula: "(start − contraction − churned) / start",
  keywords: ["gross revenue retention", "rétention brute", "gdr"],
  params: [STARTING_REVENUE, CONTRACTION, CHURNED_REVENUE],
  result: "number",
  unit: "rate",
  examples: [{ args: [[[100000]], [[3000]], [[7000]]], result: 0.9 }],
  compute: ({ startingRevenue, contraction, churned }) =>
    finishGrr(startingRevenue.sum(), contraction.sum(), churned.sum()),
});
