import { because, fail } from "../errors.js";
import { finite } from "../math.js";
import { param } from "../params.js";
import { column, defineKpi } from "../spec.js";
import { checkOnScale } from "../scale.js";

export const CES = defineKpi({
  id: "CES",
  category: "satisfaction",
  title: { en: "Customer effort score", fr: "Score d'effort client" },
  description: {
    en: "Customer effort score: the mean score on a 1–scaleMax scale (1–7 by default). Scores must lie in [1, scaleMax].",
    fr: "Score d'effort client (CES) : note moyenne sur une échelle de 1 à scaleMax (1 à 7 par défaut). Les notes doivent être dans [1, scaleMax].",
  },
  formula: "AVERAGE(scores)",
  keywords: ["customer effort score", "effort client", "ces", "facilité"],
  params: [
    param.numberRange("scores", { en: "Effort scores from 1 to scaleMax", fr: "Notes d'effort de 1 à scaleMax" }),
    param.number(
      "scaleMax",
      { en: "Top of the scale; 7 when omitted", fr: "Note maximale de l'échelle ; 7 par défaut" },
      { optional: true, default: 7, min: 1 },
    ),
  ],
  result: "number",
  unit: "score",
  examples: [{ args: [column(7, 5, 6)], result: 6 }],
  compute: ({ scores, scaleMax }) => {
    // One pass: each score is checked against the scale as it is added.
    let total = 0;
    let responses = 0;
    scores.forEach((v, position) => {
      checkOnScale(v, position, scaleMax);
      total += v;
      responses++;
    });
    if (responses === 0) throw fail.div0(because.noResponses("scores"));
    return finite(total / responses);
  },
});
