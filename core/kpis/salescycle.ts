import { keyOf } from "../coerce.js";
import { dateIn, fail, inBoth } from "../errors.js";
import { wonLabelOf } from "../labels.js";
import { mean, median } from "../math.js";
import { param, WON_LABEL } from "../params.js";
import { column, defineKpi } from "../spec.js";

export const SALESCYCLE = defineKpi({
  id: "SALESCYCLE",
  category: "acquisition",
  title: { en: "Sales cycle (days)", fr: "Cycle de vente (jours)" },
  description: {
    en: "Sales cycle length in days: mean or median of (closed − created) over deals with both dates; with outcomes, only won deals count. A closed date before its created date is #NUM!.",
    fr: "Durée du cycle de vente en jours : moyenne ou médiane de (clôture − création) sur les affaires ayant les deux dates ; avec les statuts, seules les affaires gagnées comptent. Une clôture avant la création donne #NUM!.",
  },
  formula: "mean(closedDates − createdDates)",
  keywords: ["sales cycle", "cycle de vente", "durée du cycle", "time to close", "délai de signature"],
  params: [
    param.dates("createdDates", { en: "Date each deal was created", fr: "Date de création de chaque affaire" }),
    param.dates("closedDates", {
      en: "Date each deal was closed (blank if open)",
      fr: "Date de clôture de chaque affaire (vide si en cours)",
    }),
    param.keys(
      "outcomes",
      {
        en: "Outcome of each deal; only won deals count when given",
        fr: "Statut de chaque affaire ; si fourni, seules les gagnées comptent",
      },
      { optional: true },
    ),
    WON_LABEL,
    param.text(
      "statistic",
      { en: 'mean or median; "mean" when omitted', fr: 'mean (moyenne) ou median (médiane) ; "mean" par défaut' },
      { optional: true, default: "mean", choices: ["mean", "median"] },
    ),
  ],
  paired: [["createdDates", "closedDates", "outcomes"]],
  result: "number",
  unit: "days",
  examples: [
    { args: [column(46023, 46030, 46040), column(46053, 46040, "")], result: 20 },
    {
      args: [column(46023, 46030, 46040), column(46053, 46040, 46041), column("Won", "Lost", "Won"), "Won", "median"],
      result: 15.5,
    },
  ],
  compute: (args, call) => {
    const { createdDates, closedDates, outcomes, wonLabel, statistic } = args;
    // A label left out reads both languages (Won, Gagné, Gagnée); one typed in keeps its exact meaning.
    const won = wonLabelOf(call.omitted("wonLabel") ? undefined : wonLabel);
    const days: number[] = [];
    for (let i = 0; i < createdDates.length; i++) {
      if (outcomes && !won.matches(keyOf(outcomes[i] as string))) continue;
      const closed = closedDates[i] as number;
      const created = createdDates[i] as number;
      const length = closed - created;
      if (length < 0) {
        const cell = call.pairedPosition(i);
        throw fail.num(
          inBoth((lang) =>
            lang === "fr"
              ? `closedDates : cellule ${cell} est avant sa date de création (clôture ${dateIn(closed, lang)}, création ${dateIn(created, lang)})`
              : `closedDates: cell ${cell} is before its created date (closed ${dateIn(closed, lang)}, created ${dateIn(created, lang)})`,
          ),
        );
      }
      days.push(length);
    }
    if (days.length === 0)
      throw fail.na(
        outcomes
          ? { en: "no won deal has both dates", fr: "aucune affaire gagnée n'a les deux dates" }
          : { en: "no deal has both dates", fr: "aucune affaire n'a les deux dates" },
      );
    return statistic === "median" ? median(days.sort((a, b) => a - b)) : mean(days, "closedDates");
  },
});
