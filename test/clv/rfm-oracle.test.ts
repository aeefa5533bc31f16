import { HyperFormula } from "hyperformula";
import { describe, expect, it } from "vitest";
import { evaluate, isKpiError, kpiById } from "../../core/index.js";
import { seeded } from "../helpers/random.js";

/**
 * RFM against an independent engine: HyperFormula computes each customer's recency (MAXIFS), frequency (distinct
 * order days, from first-of-the-day flags counted with COUNTIFS), monetary value (SUMIFS) and the catalogue's
 * scores (1 + floor(5 × customers below / customers), by COUNTIF over the per-customer column) with native
 * formulas, on seeded random logs that include same-day orders; KPI.RFM must give the same rows.
 */

const SEGMENTS: [string, (r: number, f: number) => boolean][] = [
  ["Champions", (r, f) => r === 5 && f >= 4],
  ["Loyal", (r, f) => r >= 3 && r <= 4 && f >= 4],
  ["Potential loyalists", (r, f) => r >= 4 && f >= 2 && f <= 3],
  ["New customers", (r, f) => r === 5 && f === 1],
  ["Promising", (r, f) => r === 4 && f === 1],
  ["Need attention", (r, f) => r === 3 && f === 3],
  ["About to sleep", (r, f) => r === 3 && f <= 2],
  ["Can't lose", (r, f) => r <= 2 && f === 5],
  ["At risk", (r, f) => r <= 2 && f >= 3 && f <= 4],
  ["Hibernating", (r, f) => r <= 2 && f <= 2],
];

function nativeRfm(ids: string[], days: number[], amounts: number[], asOf: number) {
  const n = ids.length;
  const customers = [...new Set(ids)];
  const m = customers.length;
  // Sheet 1, the log: A id, B day, C amount, D first order of that customer that day (1/0).
  const log = ids.map((id, i) => [
    id,
    days[i],
    amounts[i],
    `=IF(COUNTIFS(A$1:A${i + 1},A${i + 1},B$1:B${i + 1},B${i + 1})=1,1,0)`,
  ]);
  // Sheet 2, per customer: A id, B recency, C frequency, D monetary, E R, F F, G M.
  const per = customers.map((id, k) => {
    const r = k + 1;
    return [
      id,
      `=${asOf}-MAXIFS(Log!B$1:B$${n},Log!A$1:A$${n},A${r})`,
      `=SUMIFS(Log!D$1:D$${n},Log!A$1:A$${n},A${r})`,
      `=SUMIFS(Log!C$1:C$${n},Log!A$1:A$${n},A${r})`,
      `=1+INT(5*COUNTIF(B$1:B$${m},">"&B${r})/${m})`,
      `=1+INT(5*COUNTIF(C$1:C$${m},"<"&C${r})/${m})`,
      `=1+INT(5*COUNTIF(D$1:D$${m},"<"&D${r})/${m})`,
    ];
  });
  const hf = HyperFormula.buildFromSheets({ Log: log, Customers: per }, { licenseKey: "gpl-v3" });
  const sheet = hf.getSheetId("Customers") as number;
  const rows = customers.map((id, k) => {
    const v = (col: number) => hf.getCellValue({ sheet, row: k, col }) as number;
    const [r, f] = [v(4), v(5)];
    const segment = SEGMENTS.find(([, rule]) => rule(r, f))?.[0];
    return [id, v(1), v(2), v(3), r, f, v(6), segment];
  });
  hf.destroy();
  return rows;
}

describe("RFM against HyperFormula's native MAXIFS, SUMIFS and COUNTIF", () => {
  for (const seed of [11, 12, 13]) {
    it(`gives the same recency, frequency, monetary value, scores and segment per customer (seed ${seed})`, () => {
      const rng = seeded(seed);
      const n = 400;
      const ids = Array.from({ length: n }, () => `C${rng.int(1, 60)}`);
      // Days in 2025; about one order in ten shares its customer's day with another.
      const days = Array.from({ length: n }, () => 45_658 + rng.int(0, 364));
      for (let i = 1; i < n; i++) {
        if (!rng.chance(0.1)) continue;
        ids[i] = ids[i - 1] as string;
        days[i] = days[i - 1] as number;
      }
      const amounts = Array.from({ length: n }, () => Math.round(rng.next() * 50_000) / 100);
      const asOf = 46_022;
      const rfm = kpiById("RFM");
      if (!rfm) throw new Error("RFM is not registered");
      const result = evaluate(rfm, [ids.map((v) => [v]), days.map((v) => [v]), amounts.map((v) => [v]), asOf]);
      if (isKpiError(result)) throw result;
      const expected = nativeRfm(ids, days, amounts, asOf);
      expect((result as unknown[][]).length).toBe(expected.length);
      (result as unknown[][]).forEach((row, k) => {
        const want = expected[k] as unknown[];
        expect(row[0]).toBe(want[0]);
        for (const col of [1, 2, 4, 5, 6]) expect(row[col], `${String(want[0])} column ${col}`).toBe(want[col]);
        expect(row[3] as number).toBeCloseTo(want[3] as number, 6);
        expect(row[7]).toBe(want[7]);
      });
    });
  }
});
