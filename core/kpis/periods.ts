import { because, fail, type KpiError } from "../errors.js";
import { PERIODS_PER_YEAR, periodIndex, periodStart, type PeriodKind } from "../periods/calendar.js";
import { KpiDate, defineKpi, type SpillCell } from "../spec.js";

/** Serial of 9999-12-31, the last day spreadsheets can show. */
const LAST_SPREADSHEET_DAY = 2_958_465;
/** More rows than this would not fit a sheet (Excel has 1,048,576) and would take minutes to write. */
export const MAX_PERIOD_ROWS = 1_000_000;

const PERIOD_WORDS: Readonly<Record<string, PeriodKind>> = {
  day: "day",
  jour: "day",
  week: "week",
  semaine: "week",
  month: "month",
  mois: "month",
  quarter: "quarter",
  trimestre: "quarter",
  year: "year",
  année: "year",
  annee: "year",
};

type Statistic = "sum" | "count" | "average";

const STATISTIC_WORDS: Readonly<Record<string, Statistic>> = {
  sum: "sum",
  somme: "sum",
  count: "count",
  nombre: "count",
  average: "average",
  moyenne: "average",
};

/** A period's statistic: `""` for the average of a period without rows. */
type Stat = number | "";

/**
 * (v − base) / |base|, `""` without a base, a `#DIV/0!` cell over a zero base. The error cells of one column are
 * one shared KpiError: a sparse daily log can have a zero base on most of a million rows, and building an Error
 * (with its stack) per cell would cost more than all the rest.
 */
/** Period names in French causes, plural (a span of periods). */
const PERIOD_NAMES_FR: Readonly<Record<PeriodKind, string>> = {
  day: "jours",
  week: "semaines",
  month: "mois",
  quarter: "trimestres",
  year: "années",
};

/**
 * The base a change is measured against, in a cause. French needs the article's gender and its contraction with
 * "de" and "à" ("du mois précédent", "au mois précédent", "de la semaine précédente"): `fr` holds the noun phrase
 * without its article, `en` the whole phrase.
 */
interface BaseName {
  readonly en: string;
  readonly fr: string;
  readonly feminine: boolean;
}

const baseNames = (kind: PeriodKind): { previous: BaseName; yearEarlier: BaseName } => {
  const feminine = kind === "week" || kind === "year";
  const one = { day: "jour", week: "semaine", month: "mois", quarter: "trimestre", year: "année" }[kind];
  return {
    previous: { en: `the previous ${kind}`, fr: `${one} ${feminine ? "précédente" : "précédent"}`, feminine },
    yearEarlier: { en: `the same ${kind} a year earlier`, fr: `même ${one} un an plus tôt`, feminine },
  };
};

const ofThe = (base: BaseName): string => `${base.feminine ? "de la" : "du"} ${base.fr}`;
const toThe = (base: BaseName): string => `${base.feminine ? "à la" : "au"} ${base.fr}`;

const STATISTIC_NAMES_FR: Readonly<Record<Statistic, string>> = {
  sum: "la somme",
  count: "le nombre",
  average: "la moyenne",
};

function changeColumn(statistic: Statistic, baseName: BaseName): (value: Stat, base: Stat | undefined) => SpillCell {
  let zeroBase: KpiError | undefined;
  let tooLarge: KpiError | undefined;
  return (value, base) => {
    if (base === undefined || base === "" || value === "") return "";
    if (base === 0)
      return (zeroBase ??= fail.div0({
        en: `the ${statistic} of ${baseName.en} is 0`,
        fr: `${STATISTIC_NAMES_FR[statistic]} ${ofThe(baseName)} vaut 0`,
      }));
    const ratio = (value - base) / Math.abs(base);
    if (Number.isFinite(ratio)) return ratio;
    return (tooLarge ??= fail.num({
      en: `the change over ${baseName.en} is too large to represent`,
      fr: `la variation par rapport ${toThe(baseName)} est trop grande pour être représentée`,
    }));
  };
}

export const PERIODS = defineKpi({
  id: "PERIODS",
  category: "time",
  title: { en: "Values by period", fr: "Valeurs par période" },
  description: {
    en: "Values by calendar period (day, ISO week, month, quarter or year), one row per period from the earliest date to the latest, periods without rows included, oldest first: [period start, statistic, change vs the previous period, change vs the same period a year earlier]. statistic is sum, count or average; an empty period has sum 0, count 0 and an empty average.",
    fr: "Valeurs par période calendaire (jour, semaine ISO, mois, trimestre ou année), une ligne par période de la date la plus ancienne à la plus récente, périodes sans ligne comprises, de la plus ancienne à la plus récente : [début de période, statistique, évolution sur la période précédente, évolution sur la même période un an plus tôt]. statistique = somme, nombre ou moyenne ; une période vide a une somme de 0, un nombre de 0 et une moyenne vide.",
  },
  formula: 'SUMIFS(values, dates, ">="&start, dates, "<"&next start); change = (v − base) / ABS(base)',
  keywords: [
    "periods",
    "périodes",
    "revenue by month",
    "chiffre d'affaires par mois",
    "sales by week",
    "ventes par semaine",
    "by quarter",
    "par trimestre",
    "month over month",
    "year over year",
    "glissement annuel",
    "time series",
    "série temporelle",
  ],
  params: [
    { name: "dates", kind: "dates", description: { en: "Date of each row", fr: "Date de chaque ligne" } },
    { name: "values", kind: "numberList", description: { en: "Value of each row", fr: "Valeur de chaque ligne" } },
    {
      name: "period",
      kind: "text",
      optional: true,
      default: "month",
      choices: Object.keys(PERIOD_WORDS),
      description: {
        en: 'day, week (ISO, from Monday), month, quarter or year; "month" when omitted',
        fr: 'jour, semaine (ISO, du lundi), mois, trimestre ou année ; "mois" par défaut',
      },
    },
    {
      name: "statistic",
      kind: "text",
      optional: true,
      default: "sum",
      choices: Object.keys(STATISTIC_WORDS),
      description: {
        en: 'sum, count or average of each period; "sum" when omitted',
        fr: 'somme, nombre ou moyenne de chaque période ; "somme" par défaut',
      },
    },
  ],
  paired: [["dates", "values"]],
  result: "spill",
  unit: ["date", "value", "rate", "rate"],
  examples: [
    {
      // 2025-02-10, 2025-05-20, 2025-08-01, 2025-11-15, 2026-01-15
      args: [[[45698], [45797], [45870], [45976], [46037]], [[100], [120], [90], [150], [130]], "quarter"],
      result: [
        [new KpiDate(45658), 100, "", ""],
        [new KpiDate(45748), 120, 0.2, ""],
        [new KpiDate(45839), 90, -0.25, ""],
        [new KpiDate(45931), 150, 2 / 3, ""],
        [new KpiDate(46023), 130, -2 / 15, 0.3],
      ],
      note: {
        en: "Quarterly revenue: the last row is compared with Q4 2025 and with Q1 2025",
        fr: "Chiffre d'affaires trimestriel : la dernière ligne est comparée au T4 2025 et au T1 2025",
      },
    },
    {
      // 2026-01-05, 2026-01-20, 2026-03-10: February has no row
      args: [[[46027], [46042], [46091]], [[100], [50], [120]], "mois", "moyenne"],
      result: [
        [new KpiDate(46023), 75, "", ""],
        [new KpiDate(46054), "", "", ""],
        [new KpiDate(46082), 120, "", ""],
      ],
      note: {
        en: "A month without rows is listed, with an empty average",
        fr: "Un mois sans ligne est listé, avec une moyenne vide",
      },
    },
  ],
  compute: (args, call) => {
    const { dates, values } = args;
    const kind = PERIOD_WORDS[args.period.toLowerCase()] as PeriodKind;
    const statistic = STATISTIC_WORDS[args.statistic.toLowerCase()] as Statistic;
    const n = dates.length;
    if (n === 0)
      throw fail.na({ en: "dates and values have no complete row", fr: "dates et values n'ont aucune ligne complète" });

    // Pass 1: the earliest and latest dates give the first and last periods (period indices grow with dates).
    let earliest = Infinity;
    let latest = -Infinity;
    for (let i = 0; i < n; i++) {
      const serial = dates[i] as number;
      if (serial < earliest) earliest = serial;
      if (serial > latest) latest = serial;
    }
    if (latest >= LAST_SPREADSHEET_DAY + 1) {
      const i = dates.findIndex((serial) => serial >= LAST_SPREADSHEET_DAY + 1);
      throw fail.num(because.afterLastDay("dates", call.pairedPosition(i), dates[i] as number));
    }
    const first = periodIndex(kind, Math.floor(earliest));
    const periods = periodIndex(kind, Math.floor(latest)) - first + 1;
    if (periods > MAX_PERIOD_ROWS) {
      throw fail.num({
        en: `dates span ${periods.toLocaleString("en-US")} ${kind}s, more than the ${MAX_PERIOD_ROWS.toLocaleString("en-US")} rows a result can hold; choose a longer period`,
        fr: `dates couvre ${periods.toLocaleString("fr-FR")} ${PERIOD_NAMES_FR[kind]}, plus que les ${MAX_PERIOD_ROWS.toLocaleString("fr-FR")} lignes qu'un résultat peut contenir ; choisissez une période plus longue`,
      });
    }

    // Pass 2: every row into its period.
    const sums = new Float64Array(periods);
    const counts = new Float64Array(periods);
    for (let i = 0; i < n; i++) {
      const p = periodIndex(kind, Math.floor(dates[i] as number)) - first;
      sums[p]! += values[i] as number;
      counts[p]!++;
    }

    const stats: Stat[] = new Array<Stat>(periods);
    for (let p = 0; p < periods; p++) {
      const sum = sums[p] as number;
      const count = counts[p] as number;
      // An overflowed sum would show as a wrong 0 or NaN change: refuse it rather than show a wrong table.
      if (!Number.isFinite(sum)) throw fail.num(because.addsUpTooMuch("values"));
      stats[p] = statistic === "sum" ? sum : statistic === "count" ? count : count === 0 ? "" : sum / count;
    }
    const lag = PERIODS_PER_YEAR[kind];
    const bases = baseNames(kind);
    const previousChange = changeColumn(statistic, bases.previous);
    const yearChange = changeColumn(statistic, bases.yearEarlier);
    const rows: SpillCell[][] = new Array<SpillCell[]>(periods);
    for (let p = 0; p < periods; p++) {
      const value = stats[p] as Stat;
      rows[p] = [
        new KpiDate(periodStart(kind, first + p)),
        value,
        previousChange(value, p >= 1 ? stats[p - 1] : undefined),
        yearChange(value, p >= lag ? stats[p - lag] : undefined),
      ];
    }
    return rows;
  },
});
