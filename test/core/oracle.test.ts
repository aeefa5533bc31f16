import { existsSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { evaluate, kpiById, KPIS, type AnyKpi } from "../../core/index.js";
import { closeTo } from "../helpers/expect.js";
import {
  block,
  cell,
  col,
  runOracle,
  runOracleCalls,
  type DataCell,
  type OracleArg,
  type OracleCase,
  type OracleOutcome,
} from "../helpers/hyperformula-kpi.js";
import { respell, seeded, type Rng } from "../helpers/random.js";

/**
 * The independent oracle: each KPI is recomputed with native spreadsheet formulas (helper columns where a
 * distinct count or a group-by needs them) in HyperFormula, on seeded random data with blanks where the
 * catalogue skips them. The core must agree to 1e-9 relative, and so must the `=KPI.X(...)` formula run through
 * the HyperFormula plugin in the same workbook.
 */

const SEEDS = [11, 2026, 90_210];

const kpi = (id: string): AnyKpi => kpiById(id) as AnyKpi;
const ROWS = 300;

function agree(actual: unknown, expected: unknown, path: string): void {
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

function expectAgreement(outcome: OracleOutcome): void {
  agree(outcome.core, outcome.native, `core vs native`);
  agree(outcome.plugin, outcome.native, `${outcome.formula} vs native`);
}

/** Every KPI compared with a native equivalent, to prove at the end that none was left out. */
const covered = new Set<string>();

const check = (c: OracleCase): OracleOutcome => {
  covered.add(c.id);
  const outcome = runOracle(c);
  expectAgreement(outcome);
  return outcome;
};

/** A column of n values from `make`, with a share of blanks (null, "" or spaces, as hosts pass them). */
function column(rng: Rng, n: number, make: () => DataCell, blanks = 0.1): DataCell[] {
  return Array.from({ length: n }, () => (rng.chance(blanks) ? rng.pick([null, "", "  "]) : make()));
}

const money = (rng: Rng, max = 10_000): number => Math.round(rng.next() * max * 100) / 100;

/** Independent scalar calls of a KPI, one per data row (`#` is the 1-based row), in one workbook. */
function checkRows(
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
const VALID_AB = "=IF(AND(LEN(TRIM(A{r}))>0,LEN(TRIM(B{r}))>0),1,0)";
/**
 * 1 on the first valid row (C) of each trimmed key (D, blank on invalid rows), found case-insensitively by MATCH
 * (linear, where a COUNTIFS over the rows above would be quadratic). Composite keys are joined with "_":
 * HyperFormula 3.5 criteria never match a text containing "|".
 */
const FIRST_OF_D = "=IF(C{r}=1,IF(MATCH(D{r},{D},0)={r},1,0),0)";

/**
 * Helper columns for "customers with ≥ 2 distinct second keys" (orders for REPEATRATE, products for CROSSSELL):
 * F flags each distinct (customer, key) pair once, G each customer's first row, H its count of distinct keys.
 */
const DISTINCT_PAIRS_PER_CUSTOMER = {
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

describe.each(SEEDS)("with seed %i the core agrees with native formulas", (seed) => {
  let rng = seeded(seed);
  beforeEach((context) => {
    rng = streamOf(seed, context.task.name);
  });

  describe("acquisition", () => {
    it("CONVERSION equals SUM(conversions)/SUM(prospects)", () => {
      const prospects = column(rng, ROWS, () => rng.int(0, 500));
      const conversions = prospects.map((p) => (typeof p === "number" ? Math.floor(p * rng.next() * 0.4) : p));
      check({
        id: "CONVERSION",
        data: { A: conversions, B: prospects },
        args: [col("A"), col("B")],
        native: "=SUM({A})/SUM({B})",
      });
    });

    it("CPL equals SUM(spend)/SUM(leads)", () => {
      const data = { A: column(rng, ROWS, () => money(rng)), B: column(rng, ROWS, () => rng.int(0, 80)) };
      check({ id: "CPL", data, args: [col("A"), col("B")], native: "=SUM({A})/SUM({B})" });
    });

    it("CAC equals (SUM(marketing)+SUM(sales))/SUM(newCustomers)", () => {
      const data = {
        A: column(rng, ROWS, () => money(rng)),
        B: column(rng, ROWS, () => money(rng)),
        C: column(rng, ROWS, () => rng.int(0, 40)),
      };
      check({ id: "CAC", data, args: [col("A"), col("B"), col("C")], native: "=(SUM({A})+SUM({B}))/SUM({C})" });
    });

    it("ROI equals (SUM(returns)-SUM(costs))/SUM(costs)", () => {
      const data = { A: column(rng, ROWS, () => money(rng) - 2000), B: column(rng, ROWS, () => money(rng)) };
      check({ id: "ROI", data, args: [col("A"), col("B")], native: "=(SUM({A})-SUM({B}))/SUM({B})" });
    });

    it("ROMI equals (SUM(revenue)*margin-SUM(costs))/SUM(costs), with and without the margin", () => {
      const data = { A: column(rng, ROWS, () => money(rng, 50_000)), B: column(rng, ROWS, () => money(rng)) };
      const margin = Math.round(rng.next() * 100) / 100 || 0.5;
      check({ id: "ROMI", data, args: [col("A"), col("B")], native: "=(SUM({A})-SUM({B}))/SUM({B})" });
      check({
        id: "ROMI",
        data,
        args: [col("A"), col("B"), margin],
        native: `=(SUM({A})*${margin}-SUM({B}))/SUM({B})`,
      });
    });

    it("WINRATE equals COUNTIF(won)/(COUNTIF(won)+COUNTIF(lost)) on trimmed labels", () => {
      const data = { A: column(rng, ROWS, () => respell(rng, rng.pick(["Won", "Lost", "Open", "Stalled"]))) };
      const helpers = { B: "=TRIM(A{r})" };
      check({
        id: "WINRATE",
        data,
        helpers,
        args: [col("A")],
        native: '=COUNTIF({B},"won")/(COUNTIF({B},"won")+COUNTIF({B},"lost"))',
      });
      check({
        id: "WINRATE",
        data,
        helpers,
        args: [col("A"), "open", "stalled"],
        native: '=COUNTIF({B},"open")/(COUNTIF({B},"open")+COUNTIF({B},"stalled"))',
      });
    });

    it("SALESCYCLE equals AVERAGE and MEDIAN of closed − created over complete (won) rows", () => {
      const created = column(rng, ROWS, () => 45_000 + rng.int(0, 700), 0.05);
      const closed = created.map((d) => (typeof d === "number" && rng.chance(0.8) ? d + rng.int(0, 120) : null));
      const outcomes = column(rng, ROWS, () => respell(rng, rng.pick(["Won", "Lost"])), 0.05);
      const data = { A: created, B: closed, C: outcomes };
      const helpers = {
        D: '=IF(AND(ISNUMBER(A{r}),ISNUMBER(B{r})),B{r}-A{r},"")',
        E: '=IF(AND(ISNUMBER(A{r}),ISNUMBER(B{r}),LOWER(TRIM(C{r}))="won"),B{r}-A{r},"")',
      };
      check({ id: "SALESCYCLE", data, helpers, args: [col("A"), col("B")], native: "=AVERAGE({D})" });
      check({
        id: "SALESCYCLE",
        data,
        helpers,
        args: [col("A"), col("B"), col("C"), "won", "median"],
        native: "=MEDIAN({E})",
      });
    });

    it("VELOCITY equals opportunities*winRate*dealSize/cycleDays", () => {
      const n = 20;
      const data = {
        A: column(rng, n, () => rng.int(0, 200), 0),
        B: column(rng, n, () => rng.next(), 0),
        C: column(rng, n, () => money(rng, 50_000), 0),
        D: column(rng, n, () => rng.int(1, 180), 0),
      };
      checkRows(
        "VELOCITY",
        data,
        (r) => [cell("A", r), cell("B", r), cell("C", r), cell("D", r)],
        "=Data!A#*Data!B#*Data!C#/Data!D#",
      );
    });

    it("WEIGHTEDPIPELINE equals SUMPRODUCT(amounts, probabilities)", () => {
      const data = { A: column(rng, ROWS, () => money(rng, 100_000)), B: column(rng, ROWS, () => rng.int(0, 20) / 20) };
      check({ id: "WEIGHTEDPIPELINE", data, args: [col("A"), col("B")], native: "=SUMPRODUCT({A},{B})" });
    });

    it("COVERAGE equals SUM(pipeline)/(SUM(quota)-SUM(closedWon))", () => {
      const data = {
        A: column(rng, ROWS, () => money(rng, 100_000)),
        B: column(rng, 12, () => 1_000_000 + money(rng, 100_000)),
        C: column(rng, 12, () => money(rng, 50_000)),
      };
      check({ id: "COVERAGE", data, args: [col("A"), col("B"), col("C")], native: "=SUM({A})/(SUM({B})-SUM({C}))" });
      check({ id: "COVERAGE", data, args: [col("A"), col("B")], native: "=SUM({A})/SUM({B})" });
    });

    it("FUNNEL equals count, count/previous, count/first and 1 − step per stage, #DIV/0! after a zero stage", () => {
      const stages = 8;
      const counts: number[] = [rng.int(1000, 5000)];
      for (let i = 1; i < stages; i++)
        counts.push(Math.floor((counts[i - 1] as number) * rng.next() * (i === 5 ? 0 : 1)));
      const names = counts.map((_, i) => `Stage ${i + 1}`);
      const grid = (withNames: boolean): string[][] =>
        counts.map((_, i) => {
          const r = i + 1;
          const step = r === 1 ? "=1" : `=Data!A${r}/Data!A${r - 1}`;
          const row = [`=Data!A${r}`, step, `=Data!A${r}/Data!A1`, r === 1 ? "=0" : `=1-Data!A${r}/Data!A${r - 1}`];
          return withNames ? [`=Data!B${r}`, ...row] : row;
        });
      check({ id: "FUNNEL", data: { A: counts }, args: [col("A")], native: grid(false) });
      check({ id: "FUNNEL", data: { A: counts, B: names }, args: [col("A"), col("B")], native: grid(true) });
    });
  });

  describe("revenue", () => {
    it("AOV equals SUM/COUNT without ids and SUM/distinct ids (COUNTIFS first-occurrence flags) with them", () => {
      const orders = Array.from({ length: 120 }, (_, i) => `O-${i}`);
      const data = {
        A: column(rng, ROWS, () => money(rng, 500)),
        B: column(rng, ROWS, () => respell(rng, rng.pick(orders))),
      };
      const helpers = {
        C: "=IF(AND(ISNUMBER(A{r}),LEN(TRIM(B{r}))>0),1,0)",
        D: '=IF(C{r}=1,TRIM(B{r}),"")',
        E: FIRST_OF_D,
      };
      check({ id: "AOV", data, args: [col("A")], native: "=SUM({A})/COUNT({A})" });
      check({ id: "AOV", data, helpers, args: [col("A"), col("B")], native: "=SUMIF({C},1,{A})/SUM({E})" });
    });

    it("GROWTH equals (SUM(current)-SUM(previous))/ABS(SUM(previous))", () => {
      const data = { A: column(rng, ROWS, () => money(rng) - 4000), B: column(rng, ROWS, () => money(rng) - 5000) };
      check({ id: "GROWTH", data, args: [col("A"), col("B")], native: "=(SUM({A})-SUM({B}))/ABS(SUM({B}))" });
    });

    it("GROWTHSERIES equals (v − v[−lag])/ABS(v[−lag]) per cell, blank around a blank, #DIV/0! on a zero base", () => {
      const n = 60;
      const values = column(rng, n, () => (rng.chance(0.08) ? 0 : money(rng) - 1000), 0.1);
      for (const lag of [1, 12]) {
        const grid = values.map((_, i) => {
          const r = i + 1;
          if (i < lag) return ['=""'];
          const b = r - lag;
          return [`=IF(OR(ISBLANK(Data!A${r}),ISBLANK(Data!A${b})),"",(Data!A${r}-Data!A${b})/ABS(Data!A${b}))`];
        });
        // The sheet's blank-looking text ("", spaces) must read as blank in the native formula too.
        const data = { A: values.map((v) => (typeof v === "string" ? null : v)) };
        check({ id: "GROWTHSERIES", data, args: [col("A"), lag], native: grid });
      }
    });

    it("CAGR equals RRI(periods, start, end)", () => {
      const n = 20;
      const data = {
        // Some zero starts: RRI answers #NUM! there, and so must CAGR.
        A: column(rng, n, () => (rng.chance(0.2) ? 0 : money(rng, 1e6) + 1), 0),
        B: column(rng, n, () => money(rng, 2e6), 0),
        C: column(rng, n, () => rng.pick([1, 2, 3, 5, 7.5, 10, 0.5]), 0),
      };
      checkRows("CAGR", data, (r) => [cell("A", r), cell("B", r), cell("C", r)], "=RRI(Data!C#,Data!A#,Data!B#)");
    });

    it("MARGIN equals (SUM(revenue)-SUM(costs))/SUM(revenue)", () => {
      const data = { A: column(rng, ROWS, () => money(rng)), B: column(rng, ROWS, () => money(rng, 8000)) };
      check({ id: "MARGIN", data, args: [col("A"), col("B")], native: "=(SUM({A})-SUM({B}))/SUM({A})" });
    });

    it("ATTAINMENT equals SUM(actual)/SUM(target)", () => {
      const data = { A: column(rng, ROWS, () => money(rng)), B: column(rng, ROWS, () => money(rng)) };
      check({ id: "ATTAINMENT", data, args: [col("A"), col("B")], native: "=SUM({A})/SUM({B})" });
    });

    it("BREAKDOWN equals SUMIFS/COUNTIFS per trimmed key over the grand total, sorted largest first", () => {
      const channels = ["Web", "Shop", "Phone", "Partner", "Email", "Fair"];
      const data = {
        A: column(rng, ROWS, () => respell(rng, rng.pick(channels))),
        B: column(rng, ROWS, () => money(rng, 900) + 1),
      };
      const helpers = {
        C: "=IF(AND(LEN(TRIM(A{r}))>0,ISNUMBER(B{r})),1,0)",
        D: '=IF(C{r}=1,TRIM(A{r}),"")',
        E: FIRST_OF_D,
      };
      const rowsOf = (statistic: string): [string, number, number][] =>
        evaluate(kpi("BREAKDOWN"), [data.A.map((v) => [v]), data.B.map((v) => [v]), statistic]) as never;
      // Distinct keys and each label's first appearance (MATCH is case-insensitive), natively.
      const labels = rowsOf("sum").map(([k]) => k);
      const meta = runOracle({
        id: "BREAKDOWN",
        data,
        helpers,
        args: [col("A"), col("B")],
        native: [["=SUM({E})"], ...labels.map((k) => [`=MATCH("${k}",{D},0)`])],
      }).native as number[][];
      expect(labels.length).toBe(meta[0]?.[0]);
      const firstRow = new Map(labels.map((k, i) => [k, meta[i + 1]?.[0] as number]));
      for (const statistic of ["sum", "count", "average"] as const) {
        const rows = rowsOf(statistic);
        const stat = (k: string): string =>
          statistic === "sum"
            ? `SUMIFS({B},{D},"${k}",{C},1)`
            : statistic === "count"
              ? `COUNTIFS({D},"${k}",{C},1)`
              : `SUMIFS({B},{D},"${k}",{C},1)/COUNTIFS({D},"${k}",{C},1)`;
        const part = (k: string): string =>
          statistic === "count"
            ? `COUNTIFS({D},"${k}",{C},1)/SUM({C})`
            : `SUMIFS({B},{D},"${k}",{C},1)/SUMIF({C},1,{B})`;
        // The labels come from the core, every number beside them from native formulas.
        const native = rows.map(([k]) => [`=INDEX({D},MATCH("${k}",{D},0))`, `=${stat(k)}`, `=${part(k)}`]);
        const outcome = check({ id: "BREAKDOWN", data, helpers, args: [col("A"), col("B"), statistic], native });
        const table = outcome.native as [string, number, number][];
        table.forEach(([label, value], i) => {
          if (i === 0) return;
          const [previousLabel, previous] = table[i - 1] as [string, number, number];
          expect(previous).toBeGreaterThanOrEqual(value);
          if (previous === value) expect(firstRow.get(previousLabel)).toBeLessThan(firstRow.get(label) as number);
        });
      }
    });

    it("PRICEINDEX equals AVERAGE(ours)/AVERAGE(competitors)", () => {
      const data = { A: column(rng, 40, () => money(rng, 200)), B: column(rng, 90, () => money(rng, 200) + 1) };
      check({ id: "PRICEINDEX", data, args: [col("A"), col("B")], native: "=AVERAGE({A})/AVERAGE({B})" });
    });

    it("PENETRATION equals SUM(customers)/SUM(marketSize)", () => {
      const data = { A: column(rng, ROWS, () => rng.int(0, 500)), B: column(rng, ROWS, () => rng.int(500, 5000)) };
      check({ id: "PENETRATION", data, args: [col("A"), col("B")], native: "=SUM({A})/SUM({B})" });
    });
  });

  describe("retention", () => {
    it("CHURN equals SUM(lost)/SUM(start)", () => {
      const start = column(rng, ROWS, () => rng.int(0, 900));
      const lost = start.map((v) => (typeof v === "number" ? Math.floor(v * rng.next() * 0.3) : v));
      check({ id: "CHURN", data: { A: start, B: lost }, args: [col("A"), col("B")], native: "=SUM({B})/SUM({A})" });
    });

    it("RETENTION equals (SUM(end)-SUM(new))/SUM(start)", () => {
      const data = {
        A: column(rng, ROWS, () => rng.int(100, 900)),
        B: column(rng, ROWS, () => rng.int(100, 900)),
        C: column(rng, ROWS, () => rng.int(0, 90)),
      };
      check({ id: "RETENTION", data, args: [col("A"), col("B"), col("C")], native: "=(SUM({B})-SUM({C}))/SUM({A})" });
    });

    it("REPEATRATE equals customers with ≥ 2 distinct orders (first-occurrence flags + COUNTIFS) / distinct customers", () => {
      // Order lines: each customer has one to three orders of several lines, so repeats and multi-line orders mix.
      const lines = Array.from({ length: ROWS }, () => {
        const customer = rng.int(0, 119);
        return [`C-${customer}`, `O-${customer}-${rng.int(0, customer % 3)}`];
      });
      const data = {
        A: lines.map(([c]) => (rng.chance(0.05) ? null : respell(rng, c as string))),
        B: lines.map(([, o]) => (rng.chance(0.05) ? "" : respell(rng, o as string))),
      };
      const withOrders = DISTINCT_PAIRS_PER_CUSTOMER;
      const rowsAsOrders = {
        C: "=IF(LEN(TRIM(A{r}))>0,1,0)",
        D: '=IF(C{r}=1,TRIM(A{r}),"")',
        G: FIRST_OF_D,
        H: "=IF(G{r}=1,COUNTIFS({D},D{r},{C},1),0)",
      };
      const native = "=SUMPRODUCT(({G}=1)*({H}>=2))/SUM({G})";
      check({ id: "REPEATRATE", data, helpers: withOrders, args: [col("A"), col("B")], native });
      check({ id: "REPEATRATE", data, helpers: rowsAsOrders, args: [col("A")], native });
    });

    it("CROSSSELL equals customers with ≥ 2 distinct products / distinct customers", () => {
      const customers = Array.from({ length: 120 }, (_, i) => `C-${i}`);
      const data = {
        A: column(rng, ROWS, () => respell(rng, rng.pick(customers))),
        B: column(rng, ROWS, () => respell(rng, rng.pick(["Shoes", "Bag", "Hat", "Belt"]))),
      };
      const helpers = DISTINCT_PAIRS_PER_CUSTOMER;
      check({
        id: "CROSSSELL",
        data,
        helpers,
        args: [col("A"), col("B")],
        native: "=SUMPRODUCT(({G}=1)*({H}>=2))/SUM({G})",
      });
    });

    it("LTV, LTVCHURN, LTVCAC and PAYBACK equal their products and quotients", () => {
      const n = 15;
      const data = {
        A: column(rng, n, () => money(rng, 500), 0),
        B: column(rng, n, () => rng.int(1, 100) / 100, 0),
        C: column(rng, n, () => rng.int(1, 60), 0),
        D: column(rng, n, () => rng.int(1, 100) / 100, 0),
      };
      const four = (r: number): OracleArg[] => [cell("A", r), cell("C", r), cell("C", r), cell("D", r)];
      checkRows("LTV", data, four, "=Data!A#*Data!C#*Data!C#*Data!D#");
      checkRows("LTV", data, (r) => [cell("A", r), cell("C", r), cell("A", r)], "=Data!A#*Data!C#*Data!A#");
      checkRows("LTVCHURN", data, (r) => [cell("A", r), cell("B", r), cell("D", r)], "=Data!A#*Data!D#/Data!B#");
      checkRows("LTVCHURN", data, (r) => [cell("A", r), cell("B", r)], "=Data!A#/Data!B#");
      checkRows("LTVCAC", data, (r) => [cell("A", r), cell("C", r)], "=Data!A#/Data!C#");
      checkRows("PAYBACK", data, (r) => [cell("A", r), cell("C", r), cell("D", r)], "=Data!A#/(Data!C#*Data!D#)");
    });

    it("NRR and GRR equal (start + expansion − contraction − churned)/start", () => {
      const data = {
        A: column(rng, ROWS, () => money(rng, 20_000) + 10_000),
        B: column(rng, ROWS, () => money(rng, 3000)),
        C: column(rng, ROWS, () => money(rng, 2000)),
        D: column(rng, ROWS, () => money(rng, 3000)),
      };
      check({
        id: "NRR",
        data,
        args: [col("A"), col("B"), col("C"), col("D")],
        native: "=(SUM({A})+SUM({B})-SUM({C})-SUM({D}))/SUM({A})",
      });
      check({
        id: "GRR",
        data,
        args: [col("A"), col("C"), col("D")],
        native: "=(SUM({A})-SUM({C})-SUM({D}))/SUM({A})",
      });
    });
  });

  describe("satisfaction", () => {
    const scores = (max: number, from = 0): DataCell[] => column(rng, ROWS, () => rng.int(from, max));

    it("NPS equals 100*(COUNTIF(>=9)-COUNTIF(<=6))/COUNT", () => {
      check({
        id: "NPS",
        data: { A: scores(10) },
        args: [col("A")],
        native: '=100*(COUNTIF({A},">=9")-COUNTIF({A},"<=6"))/COUNT({A})',
      });
    });

    it("NPSBREAKDOWN equals the COUNTIF shares of promoters, passives, detractors and COUNT", () => {
      check({
        id: "NPSBREAKDOWN",
        data: { A: scores(10) },
        args: [col("A")],
        native: [
          [
            '=COUNTIF({A},">=9")/COUNT({A})',
            '=COUNTIFS({A},">=7",{A},"<=8")/COUNT({A})',
            '=COUNTIF({A},"<=6")/COUNT({A})',
            "=COUNT({A})",
          ],
        ],
      });
    });

    it("CSAT equals COUNTIF(>=threshold)/COUNT, with default and explicit scales", () => {
      check({ id: "CSAT", data: { A: scores(5, 1) }, args: [col("A")], native: '=COUNTIF({A},">=4")/COUNT({A})' });
      check({
        id: "CSAT",
        data: { A: scores(10, 1) },
        args: [col("A"), 10, 8],
        native: '=COUNTIF({A},">=8")/COUNT({A})',
      });
    });

    it("CES equals AVERAGE", () => {
      check({ id: "CES", data: { A: scores(7, 1) }, args: [col("A")], native: "=AVERAGE({A})" });
      check({ id: "CES", data: { A: scores(5, 1) }, args: [col("A"), 5], native: "=AVERAGE({A})" });
    });
  });

  describe("targets", () => {
    it("STATUS equals the nested IF of the catalogue in both directions", () => {
      const n = 30;
      const data = {
        A: column(rng, n, () => money(rng, 120), 0),
        B: column(rng, n, () => money(rng, 100), 0),
        C: column(rng, n, () => rng.chance(0.5), 0),
        D: column(rng, n, () => rng.int(50, 100) / 100, 0),
      };
      checkRows(
        "STATUS",
        data,
        (r) => [cell("A", r), cell("B", r), cell("C", r), cell("D", r)],
        '=IF(Data!C#,IF(Data!A#>=Data!B#,"OK",IF(Data!A#>=Data!B#*Data!D#,"WARN","ALERT")),IF(Data!A#<=Data!B#,"OK",IF(Data!A#<=Data!B#/Data!D#,"WARN","ALERT")))',
      );
      checkRows(
        "STATUS",
        data,
        (r) => [cell("A", r), cell("B", r)],
        '=IF(Data!A#>=Data!B#,"OK",IF(Data!A#>=Data!B#*0.9,"WARN","ALERT"))',
      );
    });

    it("VARIANCE equals SUM(actual)-SUM(plan), and over ABS(SUM(plan)) as a percent", () => {
      const data = { A: column(rng, ROWS, () => money(rng)), B: column(rng, ROWS, () => money(rng)) };
      check({ id: "VARIANCE", data, args: [col("A"), col("B")], native: "=SUM({A})-SUM({B})" });
      check({ id: "VARIANCE", data, args: [col("A"), col("B"), true], native: "=(SUM({A})-SUM({B}))/ABS(SUM({B}))" });
    });

    it("RUNRATE equals SUM(actual)*(end-start+1)/(asOf-start+1)", () => {
      const n = 20;
      const starts = column(rng, n, () => 45_658 + rng.int(0, 400), 0) as number[];
      const ends = starts.map((s) => s + rng.int(0, 90));
      const asOfs = starts.map((s, i) => s + rng.int(0, (ends[i] as number) - s));
      const data = { A: column(rng, n, () => money(rng)), B: starts, C: ends, D: asOfs };
      checkRows(
        "RUNRATE",
        data,
        (r) => [col("A"), cell("B", r), cell("C", r), cell("D", r)],
        "=SUM(Data!$A$1:$A$20)*(Data!C#-Data!B#+1)/(Data!D#-Data!B#+1)",
      );
    });
  });

  describe("2-D ranges, read row by row and paired cell by cell", () => {
    const height = 80;
    it("NPS over a block equals COUNTIF over the same block", () => {
      const data = { A: column(rng, height, () => rng.int(0, 10)), B: column(rng, height, () => rng.int(0, 10)) };
      check({
        id: "NPS",
        data,
        args: [block("A", "B")],
        native: `=100*(COUNTIF(Data!A1:B${height},">=9")-COUNTIF(Data!A1:B${height},"<=6"))/COUNT(Data!A1:B${height})`,
      });
    });

    it("WEIGHTEDPIPELINE over two blocks equals SUMPRODUCT of the blocks", () => {
      const data = {
        A: column(rng, height, () => money(rng)),
        B: column(rng, height, () => money(rng)),
        C: column(rng, height, () => rng.int(0, 10) / 10),
        D: column(rng, height, () => rng.int(0, 10) / 10),
      };
      check({
        id: "WEIGHTEDPIPELINE",
        data,
        args: [block("A", "B"), block("C", "D")],
        native: `=SUMPRODUCT(Data!A1:B${height},Data!C1:D${height})`,
      });
    });

    it("BREAKDOWN over key and value blocks equals SUMIFS over the same blocks", () => {
      const keys = ["North", "South", "East", "West"];
      const spell = (): string => rng.pick(keys.flatMap((k) => [k, k.toUpperCase()]));
      const data = {
        A: column(rng, height, spell),
        B: column(rng, height, spell),
        C: column(rng, height, () => money(rng, 500) + 1),
        D: column(rng, height, () => money(rng, 500) + 1),
      };
      // A cell pair counts only when both its key and its value are present.
      const valid = `(LEN(TRIM(Data!A1:B${height}))>0)*ISNUMBER(Data!C1:D${height})`;
      const rows = evaluate(kpi("BREAKDOWN"), [
        data.A.map((v, r) => [v, data.B[r]]),
        data.C.map((v, r) => [v, data.D[r]]),
      ]) as [string, number, number][];
      expect(rows).toHaveLength(keys.length);
      check({
        id: "BREAKDOWN",
        data,
        args: [block("A", "B"), block("C", "D")],
        native: rows.map(([k]) => [
          `="${k}"`,
          `=SUMPRODUCT((Data!A1:B${height}="${k}")*${valid},Data!C1:D${height})`,
          `=SUMPRODUCT((Data!A1:B${height}="${k}")*${valid},Data!C1:D${height})/SUMPRODUCT(${valid},Data!C1:D${height})`,
        ]),
      });
    });
  });

  describe("analysis", () => {
    it("COHORT equals COUNTIFS over first-order-month and months-since-first helper columns", () => {
      const customers = Array.from({ length: 70 }, (_, i) => `C-${i}`);
      const first = 45_658; // 2025-01-01
      const data = {
        A: column(rng, ROWS, () => respell(rng, rng.pick(customers)), 0.05),
        B: column(rng, ROWS, () => first + rng.int(0, 450), 0.05),
      };
      const helpers = {
        C: "=IF(AND(LEN(TRIM(A{r}))>0,ISNUMBER(B{r})),1,0)",
        D: '=IF(C{r}=1,TRIM(A{r}),"")',
        E: '=IF(C{r}=1,YEAR(B{r})*12+MONTH(B{r})-1,"")',
        F: '=IF(C{r}=1,MINIFS({E},{D},D{r},{C},1),"")',
        G: '=IF(C{r}=1,E{r}-F{r},"")',
        H: FIRST_OF_D,
        I: "=IF(C{r}=1,IF(MATCH(J{r},{J},0)={r},1,0),0)",
        J: '=IF(C{r}=1,D{r}&"_"&G{r},"")',
      };
      const periods = 6;
      const startMonth = 2025 * 12;
      const months = Array.from({ length: 16 }, (_, i) => startMonth + i);
      const native = months.map((m) => [
        `=DATE(${Math.floor(m / 12)},${(m % 12) + 1},1)`,
        `=COUNTIFS({F},${m},{H},1)`,
        ...Array.from(
          { length: periods },
          (_, k) => `=IF(${m + k}>MAX({E}),"",COUNTIFS({F},${m},{G},${k},{I},1)/COUNTIFS({F},${m},{H},1))`,
        ),
      ]);
      covered.add("COHORT");
      const outcome = runOracle({ id: "COHORT", data, helpers, args: [col("A"), col("B"), periods], native });
      // Months where nobody placed a first order are not cohorts.
      const cohorts = (outcome.native as unknown[][]).filter((row) => row[1] !== 0);
      agree(outcome.core, cohorts, "core vs native");
      agree(outcome.plugin, cohorts, `${outcome.formula} vs native`);
      expect(cohorts.length).toBeGreaterThan(5);
    });

    it("SEASONALITY equals AVERAGEIF(position mod L)/AVERAGE", () => {
      const values = column(rng, 60, () => money(rng, 1000) + 10).map((v) => (typeof v === "string" ? null : v));
      for (const length of [4, 12]) {
        check({
          id: "SEASONALITY",
          data: { A: values },
          helpers: { B: `=MOD({r}-1,${length})` },
          args: [col("A"), length],
          native: Array.from({ length }, (_, k) => [`=AVERAGEIF({B},${k},{A})/AVERAGE({A})`]),
        });
      }
    });

    it("TREND equals the least-squares line AVERAGE + SLOPE × (x − AVERAGE(x)) at the next positions", () => {
      const n = 48;
      const slope = rng.next() * 20 - 10;
      const values = Array.from({ length: n }, (_, i) =>
        rng.chance(0.1) ? null : Math.round((1000 + slope * i + rng.next() * 200) * 100) / 100,
      );
      const horizon = 6;
      check({
        id: "TREND",
        data: { A: values },
        helpers: { B: '=IF(ISNUMBER(A{r}),{r},"")' },
        args: [col("A"), horizon],
        native: Array.from({ length: horizon }, (_, h) => [`=AVERAGE({A})+SLOPE({A},{B})*(${n + h + 1}-AVERAGE({B}))`]),
      });
    });

    it("SCORE equals SUMPRODUCT of each criteria row with the weights, blank rows blank", () => {
      const n = 50;
      const criterion = (): DataCell[] => column(rng, n, () => rng.int(0, 5), 0.1);
      const data: Record<string, DataCell[]> = {
        A: criterion(),
        B: criterion(),
        C: criterion(),
        D: criterion(),
        F: [rng.int(-5, 20)],
        G: [rng.int(-5, 20)],
        H: [rng.int(0, 20)],
        I: [rng.int(0, 20) / 4],
      };
      for (const letter of ["A", "B", "C", "D"]) (data[letter] as DataCell[])[7] = null;
      check({
        id: "SCORE",
        data,
        args: [block("A", "D", 0, n - 1), block("F", "I", 0, 0)],
        native: Array.from({ length: n }, (_, i) => [
          `=IF(SUMPRODUCT(LEN(TRIM(Data!A${i + 1}:D${i + 1})))=0,"",SUMPRODUCT(Data!A${i + 1}:D${i + 1},Data!$F$1:$I$1))`,
        ]),
      });
    });
  });
});

/**
 * KPIs whose independent engine is not a spreadsheet formula in HyperFormula, and where they are compared with
 * it: R's forecast::ets and Python with scipy produce fixtures that those tests read.
 */
const ORACLES_ELSEWHERE: Record<string, string> = {
  PERIODS: "test/periods/oracle.test.ts",
  FORECAST: "test/forecast/r-oracle.test.ts",
  FORECASTSTAT: "test/forecast/r-oracle.test.ts",
  CLV: "test/clv/cdnow.test.ts",
  CLVMODEL: "test/clv/cdnow.test.ts",
  RFM: "test/clv/rfm-oracle.test.ts",
  BY: "test/core/by.test.ts",
};

// Declared last, so it runs after every oracle above (vitest runs a file's tests in order).
it("compares every KPI of the registry with a native equivalent, here or in the file named for it", () => {
  for (const file of new Set(Object.values(ORACLES_ELSEWHERE))) expect(existsSync(file), file).toBe(true);
  expect([...covered, ...Object.keys(ORACLES_ELSEWHERE)].sort()).toEqual(KPIS.map((k) => k.id).sort());
});
