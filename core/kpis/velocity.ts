import { divide } from "../math.js";
import { because } from "../errors.js";
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
    {
      name: "opportunities",
      kind: "number",
      min: 0,
      description: { en: "Number of open opportunities", fr: "Nombre d'opportunités ouvertes" },
    },
    {
      name: "winRate",
      kind: "number",
      min: 0,
      max: 1,
      description: { en: "Win rate in [0, 1]", fr: "Taux de réussite dans [0, 1]" },
    },
    {
      name: "averageDealSize",
      kind: "number",
      min: 0,
      description: { en: "Average deal size", fr: "Montant moyen d'une affaire" },
    },
    {
      name: "cycleDays",
      kind: "number",
      min: 0,
      description: { en: "Sales cycle length in days", fr: "Durée du cycle de vente en jours" },
    },
  ],
  result: "number",
  unit: "money",
  examples: [{ args: [50, 0.2, 10000, 40], result: 2500 }],
  compute: ({ opportunities, winRate, averageDealSize, cycleDays }) =>
    divide(opportunities * winRate * averageDealSize, cycleDays, because.isZero("cycleDays")),
});
