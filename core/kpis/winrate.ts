import { keyOf } from "../coerce.js";
import { divide } from "../math.js";
import { WON_LABEL } from "../params.js";
import { defineKpi } from "../spec.js";
import { distinctLabels } from "../labels.js";

export const WINRATE = defineKpi({
  id: "WINRATE",
  category: "acquisition",
  description: {
    en: "Win rate: deals won / (won + lost). Other outcomes (open deals) are ignored; labels compare trimmed and case-insensitively.",
    fr: "Taux de réussite : affaires gagnées / (gagnées + perdues). Les autres statuts (affaires en cours) sont ignorés ; la casse et les espaces autour sont ignorés.",
  },
  formula: "won / (won + lost)",
  keywords: ["win rate", "taux de réussite", "taux de closing", "taux de signature", "opportunités gagnées"],
  params: [
    {
      name: "outcomes",
      kind: "keys",
      description: {
        en: "Outcome of each deal (Won, Lost, Open…)",
        fr: "Statut de chaque affaire (Won, Lost, en cours…)",
      },
    },
    WON_LABEL,
    {
      name: "lostLabel",
      kind: "text",
      optional: true,
      default: "Lost",
      description: {
        en: 'Label of a lost deal; "Lost" when omitted',
        fr: 'Libellé d\'une affaire perdue ; "Lost" par défaut',
      },
    },
  ],
  result: "number",
  examples: [
    { args: [[["Won"], ["Lost"], ["Open"], ["won "], ["Lost"]]], result: 0.5 },
    { args: [[["Gagné"], ["Perdu"], ["Gagné"]], "Gagné", "Perdu"], result: 2 / 3 },
  ],
  compute: ({ outcomes, wonLabel, lostLabel }) => {
    const [won, lost] = distinctLabels(wonLabel, lostLabel);
    let wins = 0;
    let losses = 0;
    for (const outcome of outcomes) {
      const key = keyOf(outcome);
      if (key === won) wins++;
      else if (key === lost) losses++;
    }
    return divide(wins, wins + losses, `no outcome is "${wonLabel}" or "${lostLabel}"`);
  },
});
