import { describe, expect, it } from "vitest";
import { block, col, type DataCell, runOracle } from "../../helpers/hyperformula-kpi.js";
import { respell } from "../../helpers/random.js";
import { ROWS, agree, covered, check, column, money, FIRST_OF_D, rng } from "./shared.js";

/** The analysis KPIs against their native-formula equivalents (called by test/core/oracle.test.ts per seed). */
export function analysisOracles(): void {
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
}
