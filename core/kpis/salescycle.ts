import { keyOf } from "../coerce.js";
import { fail } from "../errors.js";
import { mean, median } from "../math.js";
import { pairedPosition } from "../read/args.js";
import { WON_LABEL } from "../params.js";
import { defineKpi } from "../spec.js";

export const SALESCYCLE = defineKpi({
  id: "SALESCYCLE",
  category: "acquisition",
  description: {
    en: "Sales cycle length in days: mean or median of (closed − created) over deals with both dates; with outcomes, only won deals count. A closed date before its created date is #NUM!.",
    fr: "Durée du cycle de vente en jours : moyenne ou médiane de (clôture − création) sur les affaires ayant les deux dates ; avec les statuts, seules les affaires gagnées comptent. Une clôture avant la création donne #NUM!.",
  },
  formula: "mean(closedDates − createdDates)",
  keywords: ["sales cycle", "cycle de vente", "durée du cycle", "time to close", "délai de signature"],
  params: [
    {
      name: "createdDates",
      kind: "dates",
      description: { en: "Date each deal was created", fr: "Date de création de chaque affaire" },
    },
    {
      name: "closedDates",
      kind: "dates",
      description: {
        en: "Date each deal was closed (blank if open)",
        fr: "Date de clôture de chaque affaire (vide si en cours)",
      },
    },
    {
      name: "outcomes",
      kind: "keys",
      optional: true,
      description: {
        en: "Outcome of each deal; only won deals count when given",
        fr: "Statut de chaque affaire ; si fourni, seules les gagnées comptent",
      },
    },
    WON_LABEL,
    {
      name: "statistic",
      kind: "text",
      optional: true,
      default: "mean",
      choices: ["mean", "median"],
      description: {
        en: 'mean or median; "mean" when omitted',
        fr: 'mean (moyenne) ou median (médiane) ; "mean" par défaut',
      },
    },
  ],
  paired: [["createdDates", "closedDates", "outcomes"]],
  result: "number",
  examples: [
    {
      args: [
        [[46023], [46030], [46040]],
        [[46053], [46040], [""]],
      ],
      result: 20,
    },
    {
      args: [[[46023], [46030], [46040]], [[46053], [46040], [46041]], [["Won"], ["Lost"], ["Won"]], "Won", "median"],
      result: 15.5,
    },
  ],
  compute: (args) => {
    const { createdDates, closedDates, outcomes, wonLabel, statistic } = args;
    const won = keyOf(wonLabel.trim());
    const days: number[] = [];
    for (let i = 0; i < createdDates.length; i++) {
      if (outcomes && keyOf(outcomes[i] as string) !== won) continue;
      const length = (closedDates[i] as number) - (createdDates[i] as number);
      if (length < 0) throw fail.num(`closedDates: cell ${pairedPosition(args, i)} is before its created date`);
      days.push(length);
    }
    if (days.length === 0) throw fail.na(outcomes ? `no won deal has both dates` : `no deal has both dates`);
    return statistic === "median" ? median(days.sort((a, b) => a - b)) : mean(days, "closedDates");
  },
});
