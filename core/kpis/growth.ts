import { finishGrowth } from "../aggregate/finish.js";
import { param } from "../params.js";
import { defineKpi } from "../spec.js";

export const GROWTH = defineKpi({
  id: "GROWTH",
  category: "revenue",
  title: { en: "Growth", fr: "Croissance" },
  description: {
    en: "Growth between two periods: (current − previous) / |previous|.",
    fr: "Croissance entre deux périodes : (actuelle − précédente) / |précédente|.",
  },
  formula: "(Σcurrent − Σprevious) / |Σprevious|",
  keywords: ["growth", "croissance", "évolution", "progression", "year over year", "variation"],
  params: [
    param.numberRange("current", { en: "Values of the current period", fr: "Valeurs de la période actuelle" }),
    param.numberRange("previous", { en: "Values of the previous period", fr: "Valeurs de la période précédente" }),
  ],
  result: "number",
  unit: "rate",
  examples: [
    { args: [[[120000]], [[100000]]], result: 0.2 },
    { args: [[[-50]], [[-100]]], result: 0.5 },
  ],
  compute: ({ current, previous }) => finishGrowth(current.sum(), previous.sum()),
});
