import { keyOf } from "../coerce.js";
import { finishWinRate } from "../aggregate/finish.js";
import { param, WON_LABEL } from "../params.js";
import { column, defineKpi } from "../spec.js";
import { distinctLabels } from "../labels.js";

export const WINRATE = defineKpi({
  id: "WINRATE",
  category: "acquisition",
  title: { en: "Win rate", fr: "Taux de réussite" },
  description: {
    en: "Win rate: deals won / (won + lost). Other outcomes (open deals) are ignored; labels compare trimmed and case-insensitively. Without labels, Won/Gagné(e) and Lost/Perdu(e) both count.",
    fr: "Taux de réussite : affaires gagnées / (gagnées + perdues). Les autres statuts (affaires en cours) sont ignorés ; la casse et les espaces autour sont ignorés. Sans libellés, Gagné(e)/Won et Perdu(e)/Lost comptent tous deux.",
  },
  formula: "won / (won + lost)",
  keywords: ["win rate", "taux de réussite", "taux de closing", "taux de signature", "opportunités gagnées"],
  params: [
    param.keys("outcomes", {
      en: "Outcome of each deal (Won, Lost, Open…)",
      fr: "Statut de chaque affaire (Gagné, Perdu, En cours…)",
    }),
    WON_LABEL,
    param.text(
      "lostLabel",
      {
        en: 'Label of a lost deal; when omitted, "Lost", "Perdu" or "Perdue" (any case, with or without accents)',
        fr: "Libellé d'une affaire perdue ; par défaut « Perdu », « Perdue » ou « Lost » (casse et accents ignorés)",
      },
      { optional: true, default: "Lost" },
    ),
  ],
  result: "number",
  unit: "rate",
  examples: [
    { args: [column("Won", "Lost", "Open", "won ", "Lost")], result: 0.5 },
    { args: [column("Gagné", "Perdu", "Gagné"), "Gagné", "Perdu"], result: 2 / 3 },
    {
      args: [column("Gagnée", "perdu", "En cours", "Gagne")],
      result: 2 / 3,
      note: {
        en: "Without labels, French outcomes count too",
        fr: "Sans libellés, les statuts en français comptent aussi",
      },
    },
  ],
  compute: (args, call) => {
    const { outcomes, wonLabel, lostLabel } = args;
    // A label left out reads both languages; one typed in keeps its exact meaning.
    const { won, lost, named } = distinctLabels(
      call.omitted("wonLabel") ? undefined : wonLabel,
      call.omitted("lostLabel") ? undefined : lostLabel,
    );
    let wins = 0;
    let losses = 0;
    for (const outcome of outcomes) {
      const key = keyOf(outcome);
      if (won.matches(key)) wins++;
      else if (lost.matches(key)) losses++;
    }
    return finishWinRate(wins, losses, named);
  },
});
