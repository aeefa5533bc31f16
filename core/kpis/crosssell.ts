import { param } from "../params.js";
import { column, defineKpi } from "../spec.js";
import { shareWithTwoOrMore } from "./repeatrate.js";

export const CROSSSELL = defineKpi({
  id: "CROSSSELL",
  category: "retention",
  title: { en: "Cross-sell rate", fr: "Taux de vente croisée" },
  description: {
    en: "Cross-sell rate: customers who bought at least 2 distinct products / distinct customers.",
    fr: "Taux de vente croisée : clients ayant acheté au moins 2 produits distincts / clients distincts.",
  },
  formula: "customers with ≥ 2 distinct products / distinct customers",
  keywords: ["cross-sell", "vente croisée", "multi-équipement", "taux d'équipement", "upsell"],
  params: [
    param.keys("customerIds", { en: "Customer of each purchase", fr: "Client de chaque achat" }),
    param.keys("products", { en: "Product of each purchase", fr: "Produit de chaque achat" }),
  ],
  paired: [["customerIds", "products"]],
  result: "number",
  unit: "rate",
  examples: [{ args: [column("Ann", "Ann", "Bob", "Bob"), column("Shoes", "Bag", "Shoes", "shoes")], result: 0.5 }],
  compute: ({ customerIds, products }) => shareWithTwoOrMore(customerIds, products),
});
