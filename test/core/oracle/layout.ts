import { describe, expect, it } from "vitest";
import { evaluate } from "../../../core/index.js";
import { block } from "../../helpers/hyperformula-kpi.js";
import { kpi, check, column, money, rng } from "./shared.js";

/** The layout KPIs against their native-formula equivalents (called by test/core/oracle.test.ts per seed). */
export function layoutOracles(): void {
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
}
