import { finishNps } from "../aggregate/finish.js";
import { param } from "../params.js";
import { column, defineKpi, type NumberRange } from "../spec.js";

/** Promoters, passives and detractors of a list of 0–10 scores. */
export function npsCounts(scores: NumberRange): {
  promoters: number;
  passives: number;
  detractors: number;
  responses: number;
} {
  // Scores are whole numbers from 0 to 10 (the parameter's bounds): a count per score has no branch to
  // mispredict, where testing each score against 9 and 6 would on mixed answers.
  const counts = new Float64Array(11);
  scores.forEach((s) => {
    counts[s]! += 1;
  });
  let promoters = 0;
  let detractors = 0;
  let responses = 0;
  counts.forEach((count, score) => {
    responses += count;
    if (score >= 9) promoters += count;
    else if (score <= 6) detractors += count;
  });
  return { promoters, passives: responses - promoters - detractors, detractors, responses };
}

export const SCORE_0_TO_10 = param.numberRange(
  "scores",
  {
    en: "Answers to “How likely are you to recommend us?”, whole numbers from 0 to 10",
    fr: "Réponses à « Quelle est la probabilité que vous nous recommandiez ? », entiers de 0 à 10",
  },
  { integer: true, min: 0, max: 10 },
);

export const NPS = defineKpi({
  id: "NPS",
  category: "satisfaction",
  title: { en: "Net Promoter Score", fr: "Net Promoter Score" },
  description: {
    en: "Net Promoter Score in points from −100 to 100: % promoters (9–10) − % detractors (0–6). A score that is not a whole number from 0 to 10 is #NUM!.",
    fr: "Net Promoter Score en points de −100 à 100 : % promoteurs (9–10) − % détracteurs (0–6). Une note qui n'est pas un entier de 0 à 10 donne #NUM!.",
  },
  formula: "100 × (promoters − detractors) / responses",
  keywords: ["net promoter score", "recommandation", "promoteurs", "détracteurs", "satisfaction client"],
  params: [SCORE_0_TO_10],
  result: "number",
  unit: "points",
  examples: [
    { args: [column(10, 9, 8, 6, 3, 10)], result: 100 / 6 },
    { args: [[[10, 11]]], result: "#NUM!" },
  ],
  compute: ({ scores }) => {
    const { promoters, detractors, responses } = npsCounts(scores);
    return finishNps(promoters, detractors, responses);
  },
});
