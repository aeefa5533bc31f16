import { finishPenetration } from "../aggregate/finish.js";
import { param } from "../params.js";
import { defineKpi } from "../spec.js";

export const PENETRATION = defineKpi({
  id: "PENETRATION",
  category: "revenue",
  title: { en: "Market penetration", fr: "Taux de pénétration" },
  description: {
    en: "Market penetration: customers / market size. More customers than the market holds is #NUM!.",
    fr: "Taux de pénétration : clients / taille du marché. Plus de clients que le marché n'en compte donne #NUM!.",
  },
  formula: "Σcustomers / ΣmarketSize",
  keywords: ["market penetration", "taux de pénétration", "part de marché", "market share"],
  params: [
    param.numberRange("customers", { en: "Customers reached", fr: "Clients atteints" }, { min: 0 }),
    param.numberRange(
      "marketSize",
      { en: "Potential customers in the market", fr: "Clients potentiels du marché" },
      { min: 0 },
    ),
  ],
  result: "number",
  unit: "rate",
  examples: [{ args: [[[1500]], [[60000]]], result: 0.025 }],
  compute: ({ customers, marketSize }) => finishPenetration(customers.sum(), marketSize.sum()),
});
