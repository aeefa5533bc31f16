import { describe, it } from "vitest";
import { cell, col } from "../../helpers/hyperformula-kpi.js";
import { ROWS, check, column, money, checkRows, rng } from "./shared.js";

/** The targets KPIs against their native-formula equivalents (called by test/core/oracle.test.ts per seed). */
export function targetsOracles(): void {
  describe("targets", () => {
    it("STATUS equals the nested IF of the catalogue in both directions, for targets of any sign", () => {
      const n = 30;
      const signed = (max: number) => Math.round((rng.next() * 2 - 1) * max * 100) / 100;
      const data = {
        A: column(rng, n, () => signed(120), 0),
        B: column(rng, n, () => (rng.chance(0.2) ? 0 : signed(100)), 0),
        C: column(rng, n, () => rng.chance(0.5), 0),
        D: column(rng, n, () => rng.int(50, 100) / 100, 0),
        E: column(rng, n, () => (rng.chance(0.3) ? 0 : rng.int(0, 20)), 0),
      };
      // The band below (above) the target: a share of |target|, written as target × warnRatio (target / warnRatio)
      // for a positive target, never narrower than the tolerance.
      const below = "MIN(IF(Data!B#>=0,Data!B#*Data!D#,Data!B#*(2-Data!D#)),Data!B#-Data!E#)";
      const above = "MAX(IF(Data!B#>=0,Data!B#/Data!D#,Data!B#-Data!B#*(1-Data!D#)/Data!D#),Data!B#+Data!E#)";
      checkRows(
        "STATUS",
        data,
        (r) => [cell("A", r), cell("B", r), cell("C", r), cell("D", r), cell("E", r)],
        `=IF(Data!C#,IF(Data!A#>=Data!B#,"OK",IF(Data!A#>=${below},"WARN","ALERT")),IF(Data!A#<=Data!B#,"OK",IF(Data!A#<=${above},"WARN","ALERT")))`,
      );
      checkRows(
        "STATUS",
        data,
        (r) => [cell("A", r), cell("B", r)],
        '=IF(Data!A#>=Data!B#,"OK",IF(Data!A#>=IF(Data!B#>=0,Data!B#*0.9,Data!B#*1.1),"WARN","ALERT"))',
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
}
