import { divide } from "../math.js";
import { because } from "../errors.js";
import { param } from "../params.js";
import { defineKpi } from "../spec.js";

export const VELOCITY = defineKpi({
  id: "VELOCITY",
  category: "acquisition",
  title: { en: "Sales velocity", fr: "Vélocité commerciale" },
  description: {
    en: "Sales velocity, the revenue the pipeline produces per day: opportunities × win rate × average deal size / cycle length in days.",
    fr: "Vélocité commerciale, le chiffre d'affaires produit par jour : opportunités × taux de réussite × panier moyen des affaires / durée du cycle en jours.",
  },
  formula: "opportunities × winRate × averageDealSize / cycleDays",
  keywords: ["sales velocity", "vélocité commerciale", "pipeline velocity", "vitesse du pipeline"],
  params: [
    param.number(
      "opportunities",
      { en: "Number of open opportunities", fr: "Nombre d'opportunités ouvertes" },
      { min: 0 },
    ),
    param.number("winRate", { en: "Win rate in [0, 1]", fr: "Taux de réussite dans [0, 1]" }, { min: 0, max: 1 }),
    param.number("averageDealSize", { en: "Average deal size", fr: "Montant moyen d'une affaire" }, { min: 0 }),
    param.number("cycleDays", { en: "Sales cycle length in days", fr: "Durée du cycle de vente en jours" }, { min: 0 }),
  ],
  result: "number",
  unit: "money",
  examples: [{ args: [50, 0.2, 10000, 40], result: 2500 }],
  compute: ({ opportunities, winRate, averageDealSize, cycleDays }) =>
    divide(opportunities * winRate * averageDealSize, cycleDays, because.isZero("cycleDays")),
});
