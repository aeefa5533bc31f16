import { fail } from "../errors.js";
import { finite } from "../math.js";
import { param } from "../params.js";
import { defineKpi } from "../spec.js";

export const CAGR = defineKpi({
  id: "CAGR",
  category: "revenue",
  title: { en: "Compound annual growth rate", fr: "Taux de croissance annuel composé" },
  description: {
    en: "Compound annual growth rate: (end / start)^(1 / periods) − 1, the same as Excel's RRI(periods, start, end).",
    fr: "Taux de croissance annuel composé (TCAC) : (fin / début)^(1 / périodes) − 1, comme RRI(périodes, début, fin) dans Excel.",
  },
  formula: "(endValue / startValue)^(1 / periods) − 1",
  keywords: ["compound annual growth rate", "taux de croissance annuel moyen", "tcam", "tcac", "rri"],
  params: [
    param.number("startValue", { en: "Value at the start", fr: "Valeur de départ" }, { min: 0 }),
    param.number("endValue", { en: "Value at the end", fr: "Valeur d'arrivée" }, { min: 0 }),
    param.number(
      "periods",
      { en: "Number of periods (years) between them", fr: "Nombre de périodes (années) entre les deux" },
      { above: 0 },
    ),
  ],
  result: "number",
  unit: "rate",
  examples: [
    { args: [100000, 121000, 2], result: 0.1 },
    { args: [0, 100, 3], result: "#NUM!" },
  ],
  compute: ({ startValue, endValue, periods }) => {
    // Growth from nothing has no rate: Excel's RRI answers #NUM! here, not #DIV/0!.
    if (startValue === 0)
      throw fail.num({
        en: "startValue is 0: a growth rate needs a starting value above 0",
        fr: "startValue vaut 0 : un taux de croissance demande une valeur de départ supérieure à 0",
      });
    return finite(Math.pow(endValue / startValue, 1 / periods) - 1);
  },
});
