import { describe, it } from "vitest";
import { cell, col, type OracleArg } from "../../helpers/hyperformula-kpi.js";
import { respell } from "../../helpers/random.js";
import { ROWS, check, column, money, checkRows, FIRST_OF_D, DISTINCT_PAIRS_PER_CUSTOMER, rng } from "./shared.js";

/** The retention KPIs against their native-formula equivalents (called by test/core/oracle.test.ts per seed). */
export function retentionOracles(): void {
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
}
