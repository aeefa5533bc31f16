import { overRows } from "../aggregate/distinct.js";
import { ORDER_IDS, param } from "../params.js";
import { column, defineKpi } from "../spec.js";

const REVENUE = param.numberList("revenue", {
  en: "Revenue of each order or order line",
  fr: "Montant de chaque commande ou ligne de commande",
});

export const AOV = defineKpi({
  id: "AOV",
  category: "revenue",
  title: { en: "Average order value", fr: "Panier moyen" },
  description: {
    en: "Average order value: total revenue divided by the number of distinct orders. Without order ids, each non-blank revenue cell is one order; with them, order lines of the same order add up.",
    fr: "Panier moyen : chiffre d'affaires total divisé par le nombre de commandes distinctes. Sans identifiants, chaque cellule de montant est une commande ; avec, les lignes d'une même commande s'additionnent.",
  },
  formula: "Σrevenue / distinct(orderIds)",
  keywords: ["average order value", "panier moyen", "valeur moyenne de commande", "basket", "ticket moyen"],
  params: [REVENUE, ORDER_IDS],
  paired: [["revenue", "orderIds"]],
  result: "number",
  unit: "money",
  examples: [
    { args: [column(120, 80, 100)], result: 100 },
    { args: [column(120, 80, 100), column("A-1", "A-1", "A-2")], result: 150 },
  ],
  // The mergeable aggregate itself (core/aggregate/distinct.ts): one definition for the sheet and SQL engines.
  compute: ({ revenue, orderIds }) => overRows({ id: "AOV", params: [REVENUE, ORDER_IDS] }, revenue, orderIds),
});
