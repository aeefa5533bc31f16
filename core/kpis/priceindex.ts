import { finishPriceIndex } from "../aggregate/finish.js";
import { param } from "../params.js";
import { column, defineKpi } from "../spec.js";

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
    param.numberRange("ourPrices", { en: "Our prices", fr: "Nos prix" }, { min: 0 }),
    param.numberRange("competitorPrices", { en: "Competitor prices", fr: "Prix des concurrents" }, { min: 0 }),
  ],
  result: "number",
  unit: "index",
  examples: [{ args: [column(110, 90), column(80, 120, 100)], result: 1 }],
  compute: ({ ourPrices, competitorPrices }) =>
    finishPriceIndex(ourPrices.sum(), ourPrices.count(), competitorPrices.sum(), competitorPrices.count()),
});
