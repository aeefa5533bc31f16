import { because, fail } from "../errors.js";
import { param, TIME_SERIES } from "../params.js";
import { column, defineKpi, type SpillCell } from "../spec.js";
import { orient } from "../shape.js";

export const SEASONALITY = defineKpi({
  id: "SEASONALITY",
  category: "analysis",
  title: { en: "Seasonal indices", fr: "Coefficients saisonniers" },
  description: {
    en: "Seasonal indices: for each position k of the season, the mean of the values at k, k + L, k + 2L … divided by the mean of all values (1 = an average period). Blanks are skipped but keep their position. Fewer values than seasonLength is #N/A.",
    fr: "Coefficients saisonniers : pour chaque position k de la saison, moyenne des valeurs en k, k + L, k + 2L … divisée par la moyenne de toutes les valeurs (1 = période moyenne). Les vides sont ignorés mais gardent leur position. Moins de valeurs que seasonLength donne #N/A.",
  },
  formula: "AVERAGE(values at k, k+L, …) / AVERAGE(values)",
  keywords: ["seasonality", "saisonnalité", "coefficients saisonniers", "seasonal index", "indice saisonnier"],
  params: [
    TIME_SERIES,
    param.number(
      "seasonLength",
      {
        en: "Periods in a season (12 for months in a year, 7 for days in a week)",
        fr: "Nombre de périodes d'une saison (12 mois dans l'année, 7 jours dans la semaine)",
      },
      { integer: true, min: 1, max: 1000 },
    ),
  ],
  result: "spill",
  unit: "index",
  examples: [{ args: [column(10, 30, 20, 40), 2], result: [[0.6], [1.4]] }],
  compute: ({ values: series, seasonLength }) => {
    const sums = new Float64Array(seasonLength);
    const counts = new Int32Array(seasonLength);
    let total = 0;
    let n = 0;
    series.values.forEach((v, i) => {
      if (v === null) return;
      sums[i % seasonLength]! += v;
      counts[i % seasonLength]! += 1;
      total += v;
      n++;
    });
    if (n < seasonLength)
      throw fail.na({
        en: `values has ${n} values, fewer than seasonLength (${seasonLength})`,
        fr: `values a ${n} valeurs, moins que seasonLength (${seasonLength})`,
      });
    if (!Number.isFinite(total)) throw fail.num(because.addsUpTooMuch("values"));
    const overall = total / n;
    const indices: SpillCell[] = Array.from(sums, (s, k) => {
      const count = counts[k] as number;
      if (count === 0) return "";
      if (overall === 0) return fail.div0({ en: "values average 0", fr: "la moyenne de values est 0" });
      // Offsetting huge values can keep the total finite while one season's sum overflows.
      const index = s / count / overall;
      return Number.isFinite(index)
        ? index
        : fail.num({
            en: `season ${k + 1}: its values add up to more than can be represented`,
            fr: `saison ${k + 1} : la somme de ses valeurs dépasse ce qui peut être représenté`,
          });
    });
    return orient(indices, series);
  },
});
