import { CDNOW_LIKE, simulateLog } from "../clv/simulate.js";
import { col, day, Day, EMPTY_CELL, OMITTED, type Cell, type HostCase } from "./case-types.js";

/** The cases users met at the host boundary, BY across hosts and the fitted customer-value models. */

/** A moment of a day: a date cell that also holds a time ("2026-01-31T23:30"). */
const moment = (iso: string): Day => new Day(Date.parse(`${iso}:00Z`) / 86_400_000 + 25_569);
const blanks = (n: number): null[] => Array<null>(n).fill(null);

/**
 * What users met at the host boundary: blanks where a host used to see zeros, cleared cells, single cells,
 * times of day, errors inside spills, one argument too many and labels padded with Unicode spaces.
 */
export const boundary: HostCase[] = [
  {
    name: "NPS over a range with room for new rows (trailing empty cells)",
    fn: "NPS",
    args: [col(10, 9, 6, 8, ...blanks(16))],
    expect: 25,
  },
  {
    name: "NPS after a promoter's answer is cleared in the middle of the range",
    fn: "NPS",
    args: [col(10, 9, null, 6, 3, 8)],
    expect: 0,
  },
  { name: "NPS over an all-empty range", fn: "NPS", args: [col(...blanks(5))], expect: "#DIV/0!" },
  { name: "NPS over a single cell", fn: "NPS", args: [[[9]]], expect: 100 },
  { name: "CSAT with empty cells inside the scores", fn: "CSAT", args: [col(5, null, 4, 2, null)], expect: 2 / 3 },
  {
    name: "CSAT with its optional scale and threshold given as cleared cells",
    fn: "CSAT",
    args: [col(5, 4, 2), EMPTY_CELL, EMPTY_CELL],
    expect: 2 / 3,
  },
  {
    name: "SALESCYCLE over open deals whose close dates are empty",
    fn: "SALESCYCLE",
    args: [col(day("2026-01-01"), day("2026-01-10"), day("2026-02-01")), col(day("2026-01-21"), null, null)],
    expect: 20,
  },
  {
    name: "AOV with an empty order id is not a phantom order",
    fn: "AOV",
    args: [col(100, 50, 30, null), col("A1", "A2", "A2", null)],
    expect: 90,
  },
  {
    name: "COHORT puts a late-evening order in its own day's month",
    fn: "COHORT",
    args: [
      col("Ann", "Bob", "Ann"),
      col(moment("2026-01-31T23:30"), moment("2026-02-01T00:30"), moment("2026-02-28T12:00")),
      2,
    ],
    expect: [
      [day("2026-01-01"), 1, 1, 1],
      [day("2026-02-01"), 1, 1, ""],
    ],
  },
  {
    name: "FUNNEL keeps a zero stage's #DIV/0! inside its cell of the spill",
    fn: "FUNNEL",
    args: [col(100, 0, 5), OMITTED],
    expect: [
      [100, 1, 1, 0],
      [0, 0, 0, 1],
      [5, "#DIV/0!", 0.05, "#DIV/0!"],
    ],
  },
  {
    name: "NPS with one argument too many",
    fn: "NPS",
    args: [col(10, 9), col(1)],
    expect: "#VALUE!",
    differs: {
      "excel-web":
        "Excel refuses a formula with more arguments than functions.json declares: it never calls the function",
      "excel-desktop":
        "Excel refuses a formula with more arguments than functions.json declares: it never calls the function",
    },
  },
  {
    name: "REPEATRATE treats ids padded with no-break and ideographic spaces as the same customer",
    fn: "REPEATRATE",
    args: [col("C1", "C1\u00a0", "\u3000c2", "C3", "c3\u2009"), OMITTED],
    expect: 2 / 3,
  },
  {
    name: "WINRATE matches labels padded with Unicode spaces, in a range and in a single cell",
    fn: "WINRATE",
    args: [col("Won\u00a0", "\u2009lost", "Open", "WON\u3000"), "Won\u00a0", OMITTED],
    expect: 2 / 3,
  },
  { name: "WINRATE over a one-cell range with a padded label", fn: "WINRATE", args: [[["Won\u202f"]]], expect: 1 },
  {
    name: "BREAKDOWN shows trimmed keys and merges their padded spellings",
    fn: "BREAKDOWN",
    args: [col("North\u00a0", "South", "\u3000north", "south "), col(10, 5, 30, 5), OMITTED],
    expect: [
      ["North", 40, 0.8],
      ["South", 10, 0.2],
    ],
  },
];

/** BY hands each group's rows to another KPI: dates, blanks and options must cross every host unchanged. */
export const byGroup: HostCase[] = [
  {
    name: "BY segment of SALESCYCLE over date cells, open deals' empty close dates skipped",
    fn: "BY",
    args: [
      col("PME", "ETI", "pme ", "ETI", null),
      "SALESCYCLE",
      col(day("2026-01-01"), day("2026-01-10"), day("2026-02-01"), day("2026-03-01"), day("2026-03-02")),
      col(day("2026-01-21"), null, day("2026-02-11"), day("2026-03-31"), day("2026-04-01")),
      OMITTED,
      OMITTED,
      OMITTED,
      OMITTED,
    ],
    expect: [
      ["PME", 15],
      ["ETI", 30],
    ],
  },
  {
    name: "BY rep of WINRATE with French labels passed to every group",
    fn: "BY",
    args: [
      col("Marie", "Paul", "Marie", "Paul"),
      "KPI.WINRATE",
      col("Gagné", "Perdu", "Perdu", "Gagné"),
      "Gagné",
      "Perdu",
    ],
    expect: [
      ["Marie", 0.5],
      ["Paul", 0.5],
    ],
  },
];

/**
 * The customer-value models over a small order log drawn from the BG/NBD and Gamma-Gamma models (30 customers,
 * 75 orders, seed 2: one whose fits converge): dates cross each host as it passes them (Date objects in Sheets).
 */
const orderLog = simulateLog(CDNOW_LIKE, 30, 2, 120, 300);
const logColumn = (column: unknown[][], asDate = false): Cell[][] =>
  column.map(([v]) => [asDate ? new Day(v as number) : (v as Cell)]);
/**
 * Fitted models agree to the optimiser's tolerance, not to the last bits: the browser's Math.exp and Math.log may
 * round differently from Node's in the last bit, and along a flat direction of the likelihood maximum the search
 * stops a little elsewhere (BG/NBD's a moved by 2e-5 relative on this log, the log-likelihood by less than 1e-9).
 */
const FITTED = {
  relative: 1e-4,
  why: "a maximum-likelihood fit, flat along some directions: the browser's and Node's Math.exp/log round differently",
};
export const customerValue: HostCase[] = [
  {
    name: "CLV over a small order log, with asOf as a date cell",
    fn: "CLV",
    tolerance: FITTED,
    args: [
      logColumn(orderLog.ids),
      logColumn(orderLog.dates, true),
      logColumn(orderLog.amounts),
      12,
      new Day(orderLog.asOf),
      0.5,
    ],
  },
  {
    name: "CLVMODEL over a small order log",
    fn: "CLVMODEL",
    tolerance: FITTED,
    args: [logColumn(orderLog.ids), logColumn(orderLog.dates, true), logColumn(orderLog.amounts), OMITTED],
  },
  {
    name: "RFM over a small order log",
    fn: "RFM",
    args: [logColumn(orderLog.ids), logColumn(orderLog.dates, true), logColumn(orderLog.amounts), OMITTED],
  },
];
