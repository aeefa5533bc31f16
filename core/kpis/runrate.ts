import { dateIn, fail, inBoth } from "../errors.js";
import { finite } from "../math.js";
import { param } from "../params.js";
import { column, defineKpi } from "../spec.js";

export const RUNRATE = defineKpi({
  id: "RUNRATE",
  category: "targets",
  title: { en: "Run rate", fr: "Projection de fin de période" },
  description: {
    en: "Run rate: the value to date projected to the end of the period, actual × days in period / days elapsed (both counted inclusively). asOf outside the period is #NUM!.",
    fr: "Projection de fin de période : réalisé × jours de la période / jours écoulés (bornes incluses). Une date asOf hors de la période donne #NUM!.",
  },
  formula: "ΣactualToDate × (periodEnd − periodStart + 1) / (asOf − periodStart + 1)",
  keywords: ["run rate", "projection", "atterrissage", "landing", "forecast fin de mois", "prévision"],
  params: [
    param.numberRange("actualToDate", {
      en: "Values so far in the period",
      fr: "Valeurs réalisées depuis le début de la période",
    }),
    param.date("periodStart", { en: "First day of the period", fr: "Premier jour de la période" }),
    param.date("periodEnd", { en: "Last day of the period", fr: "Dernier jour de la période" }),
    param.date("asOf", { en: "Last day included in actualToDate", fr: "Dernier jour inclus dans le réalisé" }),
  ],
  result: "number",
  unit: "value",
  examples: [{ args: [column(5000, 5000), 46023, 46052, 46032], result: 30000 }],
  compute: ({ actualToDate, periodStart, periodEnd, asOf }) => {
    // Whole days: a time of day on a date cell must not shift the day count.
    const start = Math.floor(periodStart);
    const end = Math.floor(periodEnd);
    const day = Math.floor(asOf);
    if (end < start)
      throw fail.num(
        inBoth((lang) =>
          lang === "fr"
            ? `periodEnd (${dateIn(end, lang)}) est avant periodStart (${dateIn(start, lang)})`
            : `periodEnd (${dateIn(end, lang)}) is before periodStart (${dateIn(start, lang)})`,
        ),
      );
    if (day < start || day > end)
      throw fail.num(
        inBoth((lang) =>
          lang === "fr"
            ? `asOf (${dateIn(day, lang)}) est hors de la période du ${dateIn(start, lang)} au ${dateIn(end, lang)}`
            : `asOf (${dateIn(day, lang)}) is outside the period ${dateIn(start, lang)} to ${dateIn(end, lang)}`,
        ),
      );
    return finite((actualToDate.sum() * (end - start + 1)) / (day - start + 1));
  },
});
