import { finishWeightedPipeline } from "../aggregate/finish.js";
import { param } from "../params.js";
import { column, defineKpi } from "../spec.js";

export const WEIGHTEDPIPELINE = defineKpi({
  id: "WEIGHTEDPIPELINE",
  category: "acquisition",
  title: { en: "Weighted pipeline", fr: "Pipeline pondéré" },
  description: {
    en: "Weighted pipeline: the sum of each deal's amount times its probability of closing.",
    fr: "Pipeline pondéré : somme des montants des affaires multipliés par leur probabilité de signature.",
  },
  formula: "Σ amount × probability",
  keywords: ["weighted pipeline", "pipeline pondéré", "forecast", "prévision", "pipe"],
  params: [
    param.numberRange("amounts", { en: "Amount of each deal", fr: "Montant de chaque affaire" }),
    param.numberRange(
      "probabilities",
      { en: "Probability of each deal, in [0, 1]", fr: "Probabilité de chaque affaire, dans [0, 1]" },
      { min: 0, max: 1 },
    ),
  ],
  paired: [["amounts", "probabilities"]],
  result: "number",
  unit: "money",
  examples: [{ args: [column(10000, 5000, 20000), column(0.5, 0.2, "")], result: 6000 }],
  compute: ({ amounts, probabilities }) => finishWeightedPipeline(amounts.sumProduct(probabilities)),
});
