import { because, fail } from "../errors.js";
import { column, defineKpi } from "../spec.js";
import { npsCounts, SCORE_0_TO_10 } from "./nps.js";

export const NPSBREAKDOWN = defineKpi({
  id: "NPSBREAKDOWN",
  category: "satisfaction",
  title: { en: "NPS breakdown", fr: "Répartition NPS" },
  description: {
    en: "NPS breakdown, one row: [promoter share, passive share, detractor share, responses]. Shares are fractions that add up to 1.",
    fr: "Détail du NPS, une ligne : [part de promoteurs, part de passifs, part de détracteurs, réponses]. Les parts sont des fractions dont la somme vaut 1.",
  },
  formula: "[promoters, passives, detractors] / responses, responses",
  keywords: ["nps breakdown", "détail nps", "répartition nps", "promoteurs passifs détracteurs"],
  params: [SCORE_0_TO_10],
  result: "spill",
  unit: ["rate", "rate", "rate", "count"],
  examples: [{ args: [column(10, 9, 8, 6)], result: [[0.5, 0.25, 0.25, 4]] }],
  compute: ({ scores }) => {
    const { promoters, passives, detractors, responses: n } = npsCounts(scores);
    if (n === 0) throw fail.div0(because.noResponses("scores"));
    return [[promoters / n, passives / n, detractors / n, n]];
  },
});
