import { AMOUNTS, AS_OF, CUSTOMER_IDS, ORDER_DATES } from "../clv/params.js";
import { rfmScores, segmentOf } from "../clv/rfm.js";
import { summarise } from "../clv/summary.js";
import { dateIn, fail, inBoth } from "../errors.js";
import { column, defineKpi, type SpillCell } from "../spec.js";

export const RFM = defineKpi({
  id: "RFM",
  category: "value",
  title: { en: "RFM segments", fr: "Segments RFM" },
  description: {
    en: "Recency, frequency, monetary value from an order log, one row per customer: [customer, recency in days, frequency (transactions), monetary (sum of amounts), R, F, M, segment]. Scores 1–5 by quintile rank (F = 1 + floor(5 × customers with a smaller frequency / customers), R on recency reversed); the segment (Champions, Loyal, At risk…) follows from R and F.",
    fr: "Récence, fréquence, montant à partir d'un journal de commandes, une ligne par client : [client, récence en jours, fréquence (transactions), montant (somme), R, F, M, segment]. Notes de 1 à 5 par rang de quintile (F = 1 + floor(5 × clients de fréquence inférieure / clients), R sur la récence inversée) ; le segment (Champions, Loyal, At risk…) découle de R et F.",
  },
  formula: "score = 1 + floor(5 × customers below / customers); segment from (R, F)",
  keywords: [
    "RFM",
    "recency frequency monetary",
    "récence fréquence montant",
    "segmentation",
    "segments clients",
    "customer segments",
    "champions",
    "at risk",
  ],
  params: [CUSTOMER_IDS, ORDER_DATES, AMOUNTS, AS_OF],
  paired: [["customerIds", "orderDates", "amounts"]],
  result: "spill",
  unit: ["text", "days", "count", "money", "count", "count", "count", "text"],
  examples: [
    {
      args: [
        column("Ann", "Bob", "Dee", "Ann", "Dee", "Cid", "Dee", "Eve"),
        column(46023, 46030, 46000, 46054, 46020, 46054, 46040, 46050),
        column(30, 45, 20, 25, 20, 10, 20, 100),
      ],
      result: [
        ["Ann", 0, 2, 55, 4, 4, 3, "Loyal"],
        ["Bob", 24, 1, 45, 1, 1, 2, "Hibernating"],
        ["Dee", 14, 3, 60, 2, 5, 4, "Can't lose"],
        ["Cid", 0, 1, 10, 4, 1, 1, "Promising"],
        ["Eve", 4, 1, 100, 3, 1, 5, "About to sleep"],
      ],
    },
  ],
  compute: ({ customerIds, orderDates, amounts, asOf }) => {
    const s = summarise(customerIds, orderDates, amounts, asOf);
    if (s.count === 0)
      throw fail.na(
        inBoth((lang) => {
          // asOf is shown as the date it is; without it every order counts, so only an empty log gets here.
          const day = asOf === undefined ? "" : ` (${dateIn(asOf, lang)})`;
          return lang === "fr" ? `aucune commande à la date asOf${day} ou avant` : `no order on or before asOf${day}`;
        }),
      );
    const { recency, R, F, M } = rfmScores(s);
    const rows: SpillCell[][] = new Array<SpillCell[]>(s.count);
    for (let c = 0; c < s.count; c++) {
      const r = R[c] as number;
      const f = F[c] as number;
      rows[c] = [
        s.ids[c] as string | number,
        recency[c] as number,
        s.transactions[c] as number,
        s.monetary[c] as number,
        r,
        f,
        M[c] as number,
        segmentOf(r, f),
      ];
    }
    return rows;
  },
});
