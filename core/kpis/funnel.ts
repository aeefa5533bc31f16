import { fail } from "../errors.js";
import { param } from "../params.js";
import { column, defineKpi, type SpillCell } from "../spec.js";

const ratio = (a: number, b: number): SpillCell => {
  if (b === 0)
    return fail.div0({ en: "a stage before has a count of 0", fr: "une étape précédente a un effectif de 0" });
  // Subnormal counts can overflow the quotient; a cell must never show Infinity.
  const value = a / b;
  return Number.isFinite(value)
    ? value
    : fail.num({ en: "the ratio is too large to represent", fr: "le ratio est trop grand pour être représenté" });
};

export const FUNNEL = defineKpi({
  id: "FUNNEL",
  category: "acquisition",
  title: { en: "Sales funnel", fr: "Entonnoir de vente" },
  description: {
    en: "Funnel table, one row per stage: [name, count, step conversion, cumulative conversion, drop-off]. Step = count / previous count (1 for the first stage), cumulative = count / first count, drop-off = 1 − step. A stage after a stage of 0 shows #DIV/0! in its ratio cells.",
    fr: "Tableau d'entonnoir, une ligne par étape : [nom, effectif, conversion d'étape, conversion cumulée, déperdition]. Étape = effectif / effectif précédent (1 pour la première), cumulée = effectif / premier effectif, déperdition = 1 − étape. Après une étape à 0, les ratios affichent #DIV/0!.",
  },
  formula: "step = count / previous; cumulative = count / first; drop-off = 1 − step",
  keywords: ["funnel", "entonnoir", "tunnel de conversion", "pipeline stages", "étapes"],
  params: [
    param.numberList(
      "stageCounts",
      { en: "Count at each stage, first stage first", fr: "Effectif de chaque étape, dans l'ordre" },
      { min: 0 },
    ),
    param.keys(
      "stageNames",
      { en: "Name of each stage (adds a first column)", fr: "Nom de chaque étape (ajoute une première colonne)" },
      { optional: true },
    ),
  ],
  paired: [["stageCounts", "stageNames"]],
  result: "spill",
  unit: ["text", "count", "rate", "rate", "rate"],
  examples: [
    {
      args: [column(1000, 250, 50)],
      result: [
        [1000, 1, 1, 0],
        [250, 0.25, 0.25, 0.75],
        [50, 0.2, 0.05, 0.8],
      ],
    },
    {
      args: [[[200, 50]], [["Leads", "Deals"]]],
      result: [
        ["Leads", 200, 1, 1, 0],
        ["Deals", 50, 0.25, 0.25, 0.75],
      ],
    },
  ],
  compute: ({ stageCounts, stageNames }) => {
    const first = stageCounts[0];
    if (first === undefined) throw fail.na({ en: "stageCounts has no stage", fr: "stageCounts n'a aucune étape" });
    return stageCounts.map((count, i) => {
      const step = i === 0 ? 1 : ratio(count, stageCounts[i - 1] as number);
      const row: SpillCell[] = [count, step, ratio(count, first), typeof step === "number" ? 1 - step : step];
      return stageNames ? [stageNames[i] as string, ...row] : row;
    });
  },
});
