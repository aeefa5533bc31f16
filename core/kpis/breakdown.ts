import { keyOf } from "../coerce.js";
import { because, fail } from "../errors.js";
import { param } from "../params.js";
import { column, defineKpi, type SpillCell } from "../spec.js";

interface Group {
  label: string;
  order: number;
  sum: number;
  count: number;
}

export const BREAKDOWN = defineKpi({
  id: "BREAKDOWN",
  category: "revenue",
  title: { en: "Breakdown by key", fr: "Répartition par clé" },
  description: {
    en: "Breakdown by key, one row per distinct key: [key, statistic, share]. statistic is sum, count or average; share is the key's sum (its count for count) over the grand total. Rows are sorted largest first, ties in order of first appearance.",
    fr: "Répartition par clé, une ligne par clé distincte : [clé, statistique, part]. statistique = sum (somme), count (nombre) ou average (moyenne) ; la part est la somme de la clé (son nombre pour count) sur le total. Tri du plus grand au plus petit, ex aequo dans l'ordre d'apparition.",
  },
  formula: "SUMIF(keys, key, values) / SUM(values)",
  keywords: ["breakdown", "répartition", "ventilation", "by channel", "par canal", "mix", "pareto"],
  params: [
    param.keys("keys", {
      en: "Key of each row (channel, product, region…)",
      fr: "Clé de chaque ligne (canal, produit, région…)",
    }),
    param.numberList("values", { en: "Value of each row", fr: "Valeur de chaque ligne" }),
    param.text(
      "statistic",
      { en: 'sum, count or average; "sum" when omitted', fr: 'sum, count ou average ; "sum" par défaut' },
      { optional: true, default: "sum", choices: ["sum", "count", "average"] },
    ),
  ],
  paired: [["keys", "values"]],
  result: "spill",
  unit: ["text", "value", "rate"],
  examples: [
    {
      args: [column("Web", "Shop", "web", "Phone"), column(100, 50, 150, 200)],
      result: [
        ["Web", 250, 0.5],
        ["Phone", 200, 0.4],
        ["Shop", 50, 0.1],
      ],
    },
    {
      args: [column("Web", "Shop", "web"), column(100, 50, 150), "count"],
      result: [
        ["Web", 2, 2 / 3],
        ["Shop", 1, 1 / 3],
      ],
    },
  ],
  compute: ({ keys, values, statistic }) => {
    const groups = new Map<string, Group>();
    let grandSum = 0;
    for (let i = 0; i < keys.length; i++) {
      const label = keys[i] as string;
      const value = values[i] as number;
      const key = keyOf(label);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { label, order: groups.size, sum: 0, count: 0 }));
      group.sum += value;
      group.count++;
      grandSum += value;
    }
    if (groups.size === 0)
      throw fail.na({ en: "keys and values have no complete row", fr: "keys et values n'ont aucune ligne complète" });
    // An overflowed total would turn every share into 0 or NaN: refuse it rather than show a wrong table.
    if (!Number.isFinite(grandSum) || [...groups.values()].some((g) => !Number.isFinite(g.sum))) {
      throw fail.num(because.addsUpTooMuch("values"));
    }
    const statOf = (g: Group): number =>
      statistic === "count" ? g.count : statistic === "average" ? g.sum / g.count : g.sum;
    const total = statistic === "count" ? keys.length : grandSum;
    const ranked = [...groups.values()].sort((a, b) => statOf(b) - statOf(a) || a.order - b.order);
    return ranked.map((g): SpillCell[] => {
      const part = statistic === "count" ? g.count : g.sum;
      if (total === 0) return [g.label, statOf(g), fail.div0(because.sumsToZero("values"))];
      // Values that cancel out leave a tiny total that a key's sum can overflow.
      const share = part / total;
      return [
        g.label,
        statOf(g),
        Number.isFinite(share)
          ? share
          : fail.num({
              en: "the share is too large to represent",
              fr: "la part est trop grande pour être représentée",
            }),
      ];
    });
  },
});
