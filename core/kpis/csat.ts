import { because, fail, numIn } from "../errors.js";
import { param } from "../params.js";
import { column, defineKpi } from "../spec.js";
import { checkOnScale } from "../scale.js";

export const CSAT = defineKpi({
  id: "CSAT",
  category: "satisfaction",
  title: { en: "Customer satisfaction", fr: "Satisfaction client" },
  description: {
    en: "Customer satisfaction score: share of scores at or above the threshold (4 and 5 on a 1–5 scale by default). Scores must lie in [1, scaleMax].",
    fr: "Score de satisfaction client (CSAT) : part des notes supérieures ou égales au seuil (4 et 5 sur une échelle de 1 à 5 par défaut). Les notes doivent être dans [1, scaleMax].",
  },
  formula: 'COUNTIF(scores, ">=" & threshold) / COUNT(scores)',
  keywords: ["customer satisfaction", "satisfaction client", "csat", "taux de satisfaction", "clients satisfaits"],
  params: [
    param.numberRange("scores", {
      en: "Satisfaction scores from 1 to scaleMax",
      fr: "Notes de satisfaction de 1 à scaleMax",
    }),
    param.number(
      "scaleMax",
      { en: "Top of the scale; 5 when omitted", fr: "Note maximale de l'échelle ; 5 par défaut" },
      { optional: true, default: 5, min: 1 },
    ),
    param.number(
      "threshold",
      { en: "Lowest satisfied score; 4 when omitted", fr: "Note minimale d'un client satisfait ; 4 par défaut" },
      { optional: true, default: 4 },
    ),
  ],
  result: "number",
  unit: "rate",
  examples: [
    { args: [column(5, 4, 3, 5, 1)], result: 0.6 },
    { args: [column(9, 10, 6), 10, 9], result: 2 / 3 },
    { args: [[[6]]], result: "#NUM!" },
  ],
  compute: ({ scores, scaleMax, threshold }) => {
    if (threshold < 1 || threshold > scaleMax)
      throw fail.num({
        en: `threshold ${threshold} is outside the scale 1 to ${scaleMax}`,
        fr: `threshold (${numIn(threshold, "fr")}) est hors de l'échelle de 1 à ${scaleMax}`,
      });
    let responses = 0;
    let satisfied = 0;
    scores.forEach((v, position) => {
      checkOnScale(v, position, scaleMax);
      responses++;
      if (v >= threshold) satisfied++;
    });
    if (responses === 0) throw fail.div0(because.noResponses("scores"));
    return satisfied / responses;
  },
});
