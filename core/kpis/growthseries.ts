import { fail } from "../errors.js";
import { param, TIME_SERIES } from "../params.js";
import { column, defineKpi, type SpillCell } from "../spec.js";

export const GROWTHSERIES = defineKpi({
  id: "GROWTHSERIES",
  category: "revenue",
  title: { en: "Growth by period", fr: "Croissance par période" },
  description: {
    en: "Period-over-period growth of a series, same shape as the input: the first lag cells are empty, then (v[i] − v[i−lag]) / |v[i−lag]|. A blank on either side gives an empty cell; a zero base gives #DIV/0! in that cell only. Use lag 12 on monthly data for year-over-year.",
    fr: "Croissance d'une période à l'autre, de même forme que l'entrée : les lag premières cellules sont vides, puis (v[i] − v[i−lag]) / |v[i−lag]|. Un vide d'un côté donne une cellule vide ; une base nulle donne #DIV/0! dans cette cellule seulement. lag 12 sur des mois donne la croissance annuelle.",
  },
  formula: "(v[i] − v[i−lag]) / |v[i−lag]|",
  keywords: ["growth series", "croissance mensuelle", "month over month", "évolution", "glissement"],
  params: [
    TIME_SERIES,
    param.number(
      "lag",
      {
        en: "Periods between the compared values; 1 when omitted",
        fr: "Écart en périodes entre les valeurs comparées ; 1 par défaut",
      },
      { optional: true, default: 1, integer: true, min: 1 },
    ),
  ],
  result: "spill",
  unit: "rate",
  examples: [
    { args: [column(100, 110, 99, "", 120)], result: [[""], [0.1], [-0.1], [""], [""]] },
    { args: [[[100, 0, 50]]], result: [["", -1, "#DIV/0!"]] },
  ],
  compute: ({ values: series, lag }) => {
    const { values, rows, cols } = series;
    const out: SpillCell[] = values.map((v, i) => {
      const base = values[i - lag];
      if (i < lag || v === null || base === null || base === undefined) return "";
      if (base === 0)
        return fail.div0({
          en: `values: cell ${i - lag + 1} is 0, the base of cell ${i + 1}`,
          fr: `values : cellule ${i - lag + 1} vaut 0, la base de la cellule ${i + 1}`,
        });
      const growth = (v - base) / Math.abs(base);
      return Number.isFinite(growth)
        ? growth
        : fail.num({
            en: `values: cell ${i + 1}, the growth is too large to represent`,
            fr: `values : cellule ${i + 1}, la croissance est trop grande pour être représentée`,
          });
    });
    const width = rows === 1 ? out.length : cols;
    const spill: SpillCell[][] = [];
    for (let start = 0; start < out.length; start += width) {
      const row = out.slice(start, start + width);
      while (row.length < width) row.push("");
      spill.push(row);
    }
    return spill.length ? spill : [[""]];
  },
});
