import { fail } from "../errors.js";
import { param } from "../params.js";
import { defineKpi, type SpillCell } from "../spec.js";

export const SCORE = defineKpi({
  id: "SCORE",
  category: "analysis",
  title: { en: "Weighted score", fr: "Score pondéré" },
  description: {
    en: "Weighted score of each row (lead scoring): Σ criterion × weight, one value per row of criteria. A blank criterion counts as 0; an all-blank row gives an empty cell. The number of criteria columns must equal the number of weights.",
    fr: "Score pondéré de chaque ligne (lead scoring) : Σ critère × poids, une valeur par ligne de critères. Un critère vide compte 0 ; une ligne entièrement vide donne une cellule vide. Le nombre de colonnes de critères doit égaler le nombre de poids.",
  },
  formula: "SUMPRODUCT(criteria row, weights)",
  keywords: ["lead scoring", "score", "notation", "scoring des leads", "pondération"],
  params: [
    param.matrix("criteria", {
      en: "One row per lead, one column per criterion",
      fr: "Une ligne par lead, une colonne par critère",
    }),
    param.numberRange("weights", {
      en: "Weight of each criterion (a row or a column)",
      fr: "Poids de chaque critère (ligne ou colonne)",
    }),
  ],
  result: "spill",
  unit: "score",
  examples: [
    {
      args: [
        [
          [1, 0, 3],
          [0, 1, 5],
        ],
        [[10, 20, 2]],
      ],
      result: [[16], [30]],
    },
  ],
  compute: ({ criteria, weights: weightRange }) => {
    const weights = weightRange.toArray();
    if (criteria.length === 0) throw fail.na({ en: "criteria has no rows", fr: "criteria n'a aucune ligne" });
    const width = criteria[0]?.length ?? 0;
    if (width !== weights.length) {
      const w = weights.length;
      throw fail.value({
        en: `criteria has ${width} column${width === 1 ? "" : "s"} but weights has ${w} value${w === 1 ? "" : "s"}`,
        fr: `criteria a ${width} colonne${width > 1 ? "s" : ""} mais weights a ${w} valeur${w > 1 ? "s" : ""}`,
      });
    }
    return criteria.map((row): SpillCell[] => {
      if (row.every((v) => v === null)) return [""];
      let total = 0;
      for (let c = 0; c < width; c++) total += (row[c] ?? 0) * (weights[c] as number);
      return [
        Number.isFinite(total)
          ? total
          : fail.num({ en: "the score is too large to represent", fr: "le score est trop grand pour être représenté" }),
      ];
    });
  },
});
