import { describe, it } from "vitest";
import { cell, col } from "../../helpers/hyperformula-kpi.js";
import { respell } from "../../helpers/random.js";
import { ROWS, check, column, money, checkRows, rng } from "./shared.js";

/** The acquisition KPIs against their native-formula equivalents (called by test/core/oracle.test.ts per seed). */
export function acquisitionOracles(): void {
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
}
