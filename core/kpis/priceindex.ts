import { finishPriceIndex } from "../aggregate/finish.js";
import { defineKpi } from "../spec.js";

export const PRICEINDEX = defineKpi({
  id: "PRICEINDEX",
  category: "revenue",
  title: { en: "Price index", fr: "Indice de prix" },
  description: {
    en: "Price index against competitors: average of our prices / average of competitor prices (1 = same price level).",
    fr: "Indice de prix face à la concurrence : moyenne de nos prix / moyenne des prix concurrents (1 = même niveau).",
  },
  formula: "average(ourPrices) / average(competitorPrices)",
  keywords: ["price index", "indice de prix", "positionnement prix", "competitor prices", "prix concurrents"],
  params: [
    { name: "ourPrices", kind: "numberRange", min: 0, description: { en: "Our prices", fr: "Nos prix" } },
    {
      name: "competitorPrices",
      kind: "numberRange",
      min: 0,
      description: { en: "Competitor prices", fr: "Prix des concurrents" },
    },
  ],
  result: "number",
  unit: "index",
  examples: [
    {
      args: [
        [[110], [90]],
        [[80], [120], [100]],
      ],
      result: 1,
    },
  ],
  compute: ({ ourPrices, competitorPrices }) =>
    finishPriceIndex(ourPrices.sum(), ourPrices.count(), competitorPrices.sum(), competitorPrices.count()),
});
