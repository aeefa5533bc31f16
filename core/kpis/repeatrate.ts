import { overRows } from "../aggregate/distinct.js";
import { ORDER_IDS, param } from "../params.js";
import { column, defineKpi } from "../spec.js";

const CUSTOMER_IDS = param.keys("customerIds", {
  en: "Customer of each order or order line",
  fr: "Client de chaque commande ou ligne de commande",
});

export const REPEATRATE = defineKpi({
  id: "REPEATRATE",
  category: "retention",
  title: { en: "Repeat purchase rate", fr: "Taux de réachat" },
  description: {
    en: "Repeat purchase rate: customers with at least 2 distinct orders / distinct customers. Without order ids each non-blank row is one order; with them, lines of the same order count once.",
    fr: "Taux de réachat : clients ayant au moins 2 commandes distinctes / clients distincts. Sans identifiants de commande, chaque ligne est une commande ; avec, les lignes d'une même commande comptent une fois.",
  },
  formula: "customers with ≥ 2 distinct orders / distinct customers",
  keywords: ["repeat purchase rate", "taux de réachat", "clients récurrents", "fidélité", "rachat"],
  params: [CUSTOMER_IDS, ORDER_IDS],
  paired: [["customerIds", "orderIds"]],
  result: "number",
  unit: "rate",
  examples: [
    { args: [column("Ann", "Bob", "ann", "Cid")], result: 1 / 3 },
    { args: [column("Ann", "Ann", "Bob"), column("O1", "O1", "O2")], result: 0 },
  ],
  // The mergeable aggregate itself (core/aggregate/distinct.ts): one definition for the sheet and SQL engines.
  compute: ({ customerIds, orderIds }) =>
    overRows({ id: "REPEATRATE", params: [CUSTOMER_IDS, ORDER_IDS] }, customerIds, orderIds),
});
