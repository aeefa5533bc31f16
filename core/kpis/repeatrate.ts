import { keyOf } from "../coerce.js";
import { because } from "../errors.js";
import { divide } from "../math.js";
import { ORDER_IDS, param } from "../params.js";
import { column, defineKpi } from "../spec.js";

/** Marks a customer seen with at least two distinct second keys. */
const MANY = Symbol("many");

/**
 * Share of distinct customers with at least two distinct values of `second` (orders, products), in one
 * pass: each customer remembers its first value until a different one shows up.
 */
export function shareWithTwoOrMore(customers: readonly string[], second: readonly string[] | undefined): number {
  const firstSeen = new Map<string, string | number | typeof MANY>();
  let repeaters = 0;
  for (let i = 0; i < customers.length; i++) {
    const customer = keyOf(customers[i] as string);
    // Without a second column every row is its own order, so the row index stands in for it.
    const value = second ? keyOf(second[i] as string) : i;
    const seen = firstSeen.get(customer);
    if (seen === undefined) firstSeen.set(customer, value);
    else if (seen !== MANY && seen !== value) {
      firstSeen.set(customer, MANY);
      repeaters++;
    }
  }
  return divide(repeaters, firstSeen.size, because.noValues("customerIds"));
}

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
  params: [
    param.keys("customerIds", {
      en: "Customer of each order or order line",
      fr: "Client de chaque commande ou ligne de commande",
    }),
    ORDER_IDS,
  ],
  paired: [["customerIds", "orderIds"]],
  result: "number",
  unit: "rate",
  examples: [
    { args: [column("Ann", "Bob", "ann", "Cid")], result: 1 / 3 },
    { args: [column("Ann", "Ann", "Bob"), column("O1", "O1", "O2")], result: 0 },
  ],
  compute: ({ customerIds, orderIds }) => shareWithTwoOrMore(customerIds, orderIds),
});
