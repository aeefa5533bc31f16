import { describe, it } from "vitest";
import { col, type DataCell } from "../../helpers/hyperformula-kpi.js";
import { ROWS, check, column, rng } from "./shared.js";

/** The satisfaction KPIs against their native-formula equivalents (called by test/core/oracle.test.ts per seed). */
export function satisfactionOracles(): void {
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
}
