import { describe, expect, it } from "vitest";
import { evaluate } from "../../../core/index.js";
import { cell, col, runOracle } from "../../helpers/hyperformula-kpi.js";
import { respell } from "../../helpers/random.js";
import { kpi, ROWS, check, column, money, checkRows, FIRST_OF_D, rng } from "./shared.js";

/** The revenue KPIs against their native-formula equivalents (called by test/core/oracle.test.ts per seed). */
export function revenueOracles(): void {
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
}
