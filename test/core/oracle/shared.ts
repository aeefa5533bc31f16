import { beforeEach, expect } from "vitest";
import { kpiById, type AnyKpi } from "../../../core/index.js";
import { closeTo } from "../../helpers/expect.js";
import {
  runOracle,
  runOracleCalls,
  type DataCell,
  type OracleArg,
  type OracleCase,
  type OracleOutcome,
} from "../../helpers/hyperformula-kpi.js";
import { seeded, type Rng } from "../../helpers/random.js";

/**
 * The independent oracle: each KPI is recomputed with native spreadsheet formulas (helper columns where a
 * distinct count or a group-by needs them) in HyperFormula, on seeded random data with blanks where the
 * catalogue skips them. The core must agree to 1e-9 relative, and so must the `=KPI.X(...)` formula run through
 * the HyperFormula plugin in the same workbook.
 */

export const SEEDS = [11, 2026, 90_210];

export const kpi = (id: string): AnyKpi => kpiById(id) as AnyKpi;
export const ROWS = 300;

export function agree(actual: unknown, expected: unknown, path: string): void {
  if (typeof actual === "number" && typeof expected === "number") {
    if (!closeTo(actual, expected)) expect.fail(`${path}: ${actual} is not within 1e-9 of ${expected}`);
    return;
  }
  if (Array.isArray(actual) && Array.isArray(expected)) {
    expect(actual.length, `${path}: number of rows`).toBe(expected.length);
    actual.forEach((v, i) => agree(v, expected[i], `${path}[${i}]`));
    return;
  }
  expect(actual, path).toEqual(expected);
}

export function expectAgreement(outcome: OracleOutcome): void {
  agree(outcome.core, outcome.native, `core vs native`);
  agree(outcome.plugin, outcome.native, `${outcome.formula} vs native`);
}

/** Every KPI compared with a native equivalent, to prove at the end that none was left out. */
export const covered = new Set<string>();

export const check = (c: OracleCase): OracleOutcome => {
  covered.add(c.id);
  const outcome = runOracle(c);
  expectAgreement(outcome);
  return outcome;
};

/** A column of n values from `make`, with a share of blanks (null, "" or spaces, as hosts pass them). */
export function column(rng: Rng, n: number, make: () => DataCell, blanks = 0.1): DataCell[] {
  return Array.from({ length: n }, () => (rng.chance(blanks) ? rng.pick([null, "", "  "]) : make()));
}

export const money = (rng: Rng, max = 10_000): number => Math.round(rng.next() * max * 100) / 100;

/** Independent scalar calls of a KPI, one per data row (`#` is the 1-based row), in one workbook. */
export function checkRows(
  id: string,
  data: Record<string, DataCell[]>,
  args: (row: number) => OracleArg[],
  native: string,
  n = Object.values(data)[0]?.length ?? 0,
): void {
  const calls = Array.from({ length: n }, (_, row) => ({
    id,
    args: args(row),
    native: native.replace(/#/g, String(row + 1)),
  }));
  covered.add(id);
  runOracleCalls(data, calls).forEach(expectAgreement);
}

/** Helper columns shared by the distinct-count oracles: `valid` row flag and trimmed keys. */
export const VALID_AB = "=IF(AND(LEN(TRIM(A{r}))>0,LEN(TRIM(B{r}))>0),1,0)";
/**
 * 1 on the first valid row (C) of each trimmed key (D, blank on invalid rows), found case-insensitively by MATCH
 * (linear, where a COUNTIFS over the rows above would be quadratic). Composite keys are joined with "_":
 * HyperFormula 3.5 criteria never match a text containing "|".
 */
export const FIRST_OF_D = "=IF(C{r}=1,IF(MATCH(D{r},{D},0)={r},1,0),0)";

/**
 * Helper columns for "customers with ≥ 2 distinct second keys" (orders for REPEATRATE, products for CROSSSELL):
 * F flags each distinct (customer, key) pair once, G each customer's first row, H its count of distinct keys.
 */
export const DISTINCT_PAIRS_PER_CUSTOMER = {
  C: VALID_AB,
  D: '=IF(C{r}=1,TRIM(A{r}),"")',
  E: '=IF(C{r}=1,TRIM(A{r})&"_"&TRIM(B{r}),"")',
  F: "=IF(C{r}=1,IF(MATCH(E{r},{E},0)={r},1,0),0)",
  G: FIRST_OF_D,
  H: "=IF(G{r}=1,COUNTIFS({D},D{r},{F},1),0)",
};

/** Each test draws from its own stream, so running one test alone replays exactly the data of the full run. */
const streamOf = (seed: number, name: string): Rng =>
  seeded([...name].reduce((h, ch) => Math.imul(h ^ ch.charCodeAt(0), 16_777_619) >>> 0, seed));

let current: Rng = seeded(0);

/**
 * The random stream the oracles draw from: one object the family files share, whose stream is replaced before each
 * test (useStreams), so running one test alone replays exactly the data of the full run.
 */
export const rng: Rng = {
  next: () => current.next(),
  int: (min, max) => current.int(min, max),
  pick: (items) => current.pick(items),
  chance: (p) => current.chance(p),
};

/** Gives each test of the enclosing describe its own stream of `seed`. */
export function useStreams(seed: number): void {
  current = seeded(seed);
  beforeEach((context) => {
    current = streamOf(seed, context.task.name);
  });
}
