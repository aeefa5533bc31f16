import { finishConversion } from "../aggregate/finish.js";
import { param } from "../params.js";
import { column, defineKpi } from "../spec.js";

export const CONVERSION = defineKpi({
  id: "CONVERSION",
  category: "acquisition",
  title: { en: "Conversion rate", fr: "Taux de conversion" },
  description: {
    en: "Conversion rate: total conversions divided by total prospects. More conversions than prospects is #NUM! (the arguments are probably swapped).",
    fr: "Taux de conversion : total des conversions divisé par le total des prospects. Plus de conversions que de prospects donne #NUM! (arguments probablement inversés).",
  },
  formula: "Σconversions / Σprospects",
  keywords: ["conversion rate", "taux de conversion", "transformation", "funnel"],
  params: [
    param.numberRange(
      "conversions",
      {
        en: "Converted prospects (leads won, sign-ups, orders)",
        fr: "Prospects convertis (clients gagnés, inscriptions, commandes)",
      },
      { min: 0 },
    ),
    param.numberRange(
      "prospects",
      {
        en: "Prospects, leads or visitors at the start of the step",
        fr: "Prospects, leads ou visiteurs au début de l'étape",
      },
      { min: 0 },
    ),
  ],
  result: "number",
  unit: "rate",
  examples: [
    { args: [column(12, 30), column(100, 200)], result: 0.14 },
    { args: [[[5]], [[0]]], result: "#DIV/0!" },
  ],
  compute: ({ conversions, prospects }) => finishConversion(conversions.sum(), prospects.sum()),
});
