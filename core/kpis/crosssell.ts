import { param } from "../params.js";
import { column, defineKpi } from "../spec.js";
import { overRows } from "../aggregate/distinct.js";

const CUSTOMERS = param.keys("customerIds", { en: "Customer of each purchase", fr: "Client de chaque achat" });
const PRODUCTS = param.keys("products", { en: "Product of each purchase", fr: "Produit de chaque achat" });

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
  params: [CUSTOMERS, PRODUCTS],
  paired: [["customerIds", "products"]],
  result: "number",
  unit: "rate",
  examples: [{ args: [column("Ann", "Ann", "Bob", "Bob"), column("Shoes", "Bag", "Shoes", "shoes")], result: 0.5 }],
  // The mergeable aggregate itself (core/aggregate/distinct.ts): one definition for the sheet and SQL engines.
  compute: ({ customerIds, products }) =>
    overRows({ id: "CROSSSELL", params: [CUSTOMERS, PRODUCTS] }, customerIds, products),
});
