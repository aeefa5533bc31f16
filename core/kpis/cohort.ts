import { keyOf } from "../coerce.js";
import { monthIndex, monthStartSerial } from "../dates.js";
import { because, fail } from "../errors.js";
import { CUSTOMER_IDS } from "../clv/params.js";
import { param } from "../params.js";
import { KpiDate, column, defineKpi, type SpillCell } from "../spec.js";

/** Serial of 9999-12-31, the last day spreadsheets can show. */
const LAST_SPREADSHEET_DAY = 2_958_465;

export const COHORT = defineKpi({
  id: "COHORT",
  category: "analysis",
  title: { en: "Retention by cohort", fr: "Rétention par cohorte" },
  description: {
    en: "Monthly retention cohorts, one row per cohort (the month of a customer's first order), oldest first: [cohort month, cohort size, r0 … r(periods−1)], where rk is the share of the cohort that ordered in the k-th month after its first; r0 = 1. Months after the latest order month in the data are empty.",
    fr: "Cohortes de rétention mensuelles, une ligne par cohorte (mois de la première commande du client), de la plus ancienne à la plus récente : [mois de cohorte, taille, r0 … r(periods−1)], où rk est la part de la cohorte ayant commandé k mois après sa première commande ; r0 = 1. Les mois postérieurs à la dernière commande des données sont vides.",
  },
  formula: "COUNTIFS(cohort, c, active month k) / cohort size",
  keywords: ["cohort", "cohorte", "rétention par cohorte", "retention matrix", "triangle"],
  params: [
    CUSTOMER_IDS,
    param.dates("orderDates", { en: "Date of each order", fr: "Date de chaque commande" }),
    param.number(
      "periods",
      {
        en: "Months to follow each cohort, 1 to 120; 12 when omitted",
        fr: "Nombre de mois de suivi, de 1 à 120 ; 12 par défaut",
      },
      { optional: true, default: 12, integer: true, min: 1, max: 120 },
    ),
  ],
  paired: [["customerIds", "orderDates"]],
  result: "spill",
  unit: ["month", "count", "rate"],
  examples: [
    {
      args: [column("Ann", "Bob", "Ann", "Cid"), column(46023, 46030, 46054, 46054), 3],
      result: [
        [new KpiDate(46023), 2, 1, 0.5, ""],
        [new KpiDate(46054), 1, 1, "", ""],
      ],
    },
  ],
  compute: ({ customerIds, orderDates, periods }) => {
    const n = customerIds.length;
    if (n === 0)
      throw fail.na({
        en: "customerIds and orderDates have no complete row",
        fr: "customerIds et orderDates n'ont aucune ligne complète",
      });
    // Pass 1: each customer's index and first month, and the latest month in the data.
    const indexOf = new Map<string, number>();
    const customerOfRow = new Int32Array(n);
    const monthOfRow = new Int32Array(n);
    const firstMonth: number[] = [];
    let latest = -Infinity;
    for (let i = 0; i < n; i++) {
      const key = keyOf(customerIds[i] as string);
      let c = indexOf.get(key);
      if (c === undefined) indexOf.set(key, (c = firstMonth.length));
      const serial = orderDates[i] as number;
      // Past 9999-12-31 a month start is no longer a representable date.
      if (serial > LAST_SPREADSHEET_DAY) throw fail.num(because.afterLastDay("orderDates", i + 1, serial));
      const m = monthIndex(serial);
      customerOfRow[i] = c;
      monthOfRow[i] = m;
      if (firstMonth[c] === undefined || m < (firstMonth[c] as number)) firstMonth[c] = m;
      if (m > latest) latest = m;
    }
    // Pass 2: mark each (customer, months since first) once, counting distinct active customers per cell.
    const customers = firstMonth.length;
    const active = new Uint8Array(customers * periods);
    const cohorts = new Map<number, { size: number; counts: Int32Array }>();
    for (let c = 0; c < customers; c++) {
      const m = firstMonth[c] as number;
      let cohort = cohorts.get(m);
      if (!cohort) cohorts.set(m, (cohort = { size: 0, counts: new Int32Array(periods) }));
      cohort.size++;
    }
    for (let i = 0; i < n; i++) {
      const c = customerOfRow[i] as number;
      const first = firstMonth[c] as number;
      const k = (monthOfRow[i] as number) - first;
      const slot = c * periods + k;
      if (k >= periods || active[slot]) continue;
      active[slot] = 1;
      (cohorts.get(first) as { counts: Int32Array }).counts[k]! += 1;
    }
    return [...cohorts.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([month, { size, counts }]) => {
        const row: SpillCell[] = [new KpiDate(monthStartSerial(month)), size];
        for (let k = 0; k < periods; k++) row.push(month + k > latest ? "" : (counts[k] as number) / size);
        return row;
      });
  },
});
