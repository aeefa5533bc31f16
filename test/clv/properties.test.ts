import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectedTransactions, probabilityAlive } from "../../core/clv/bgnbd.js";
import { SEGMENTS, segmentOf } from "../../core/clv/rfm.js";
import { CLV } from "../../core/kpis/clv.js";
import { RFM } from "../../core/kpis/rfm.js";
import { evaluate } from "../../core/run.js";
import { KpiError, type Spill } from "../../core/index.js";
import { CDNOW_LIKE, simulateLog } from "./simulate.js";

/** Property tests: any order log gives a well-formed spill or a typed KpiError, and the model invariants hold. */

const cell: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 45_000, max: 45_400 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, "", -1, "x", Number.NaN, true, 45_100.75) },
);

/** A log of n rows over a few customers, with awkward cells now and then. */
const orderLog = fc.integer({ min: 0, max: 80 }).chain((n) =>
  fc.tuple(
    fc.array(fc.oneof(fc.integer({ min: 1, max: 25 }), fc.constantFrom("A", " a", "b", null)), {
      minLength: n,
      maxLength: n,
    }),
    fc.array(cell, { minLength: n, maxLength: n }),
    fc.array(fc.oneof(fc.double({ min: 0, max: 500, noNaN: true }), fc.constantFrom(0, -3, "7", null)), {
      minLength: n,
      maxLength: n,
    }),
  ),
);

const column = (cells: unknown[]): unknown[][] => cells.map((c) => [c]);

const params = fc.record({
  r: fc.double({ min: 0.01, max: 20, noNaN: true }),
  alpha: fc.double({ min: 0.01, max: 500, noNaN: true }),
  a: fc.double({ min: 0.01, max: 20, noNaN: true }),
  b: fc.double({ min: 0.01, max: 20, noNaN: true }),
});
const customer = fc
  .tuple(fc.integer({ min: 0, max: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 800 }))
  .map(([x, share, T]) => ({ x: T === 0 ? 0 : x, tx: x === 0 || T === 0 ? 0 : Math.round(share * T), T }));

describe("CLV and RFM on any order log", () => {
  it("return a spill or a typed KpiError, never throw otherwise", () => {
    fc.assert(
      fc.property(orderLog, fc.constantFrom(undefined, 45_200), ([ids, dates, amounts], asOf) => {
        for (const kpi of [CLV, RFM]) {
          const args =
            kpi === CLV
              ? [column(ids), column(dates), column(amounts), 6, asOf]
              : [column(ids), column(dates), column(amounts), asOf];
          const result = evaluate(kpi, args);
          if (result instanceof KpiError) expect(["#VALUE!", "#NUM!", "#N/A"]).toContain(result.code);
          else expect(Array.isArray(result)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
  it("RFM puts each customer in exactly one segment with scores 1–5", () => {
    const clean = fc.array(
      fc.tuple(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 45_000, max: 45_300 }),
        fc.integer({ min: 0, max: 900 }),
      ),
      { minLength: 1, maxLength: 150 },
    );
    fc.assert(
      fc.property(clean, (rows) => {
        const result = evaluate(RFM, [
          column(rows.map((r) => r[0])),
          column(rows.map((r) => r[1])),
          column(rows.map((r) => r[2])),
        ]);
        const spill = result as Spill;
        expect(new Set(spill.map((r) => r[0])).size).toBe(spill.length);
        expect(spill.length).toBe(new Set(rows.map((r) => r[0])).size);
        for (const row of spill) {
          for (const score of row.slice(4, 7)) expect([1, 2, 3, 4, 5]).toContain(score);
          expect(SEGMENTS).toContain(row[7]);
          expect(row[7]).toBe(segmentOf(row[4] as number, row[5] as number));
        }
      }),
      { numRuns: 200 },
    );
    // The segment table is a partition of the 25 (R, F) pairs.
    const counts = new Map<string, number>();
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++) counts.set(segmentOf(r, f), (counts.get(segmentOf(r, f)) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([...SEGMENTS].sort());
  });
});

describe("BG/NBD formulas for any parameters and customer", () => {
  it("P(alive) lies in [0, 1]; E[X(t)] is finite, ≥ 0 and non-decreasing in the horizon", () => {
    fc.assert(
      fc.property(
        params,
        customer,
        fc.double({ min: 0, max: 3000, noNaN: true }),
        fc.double({ min: 0, max: 3000, noNaN: true }),
        (p, { x, tx, T }, t1, t2) => {
          const alive = probabilityAlive(p, x, tx, T);
          expect(alive).toBeGreaterThanOrEqual(0);
          expect(alive).toBeLessThanOrEqual(1);
          const [short, long] = t1 <= t2 ? [t1, t2] : [t2, t1];
          const e1 = expectedTransactions(p, short, x, tx, T);
          const e2 = expectedTransactions(p, long, x, tx, T);
          expect(Number.isFinite(e1) && Number.isFinite(e2), `E = ${e1}, ${e2}`).toBe(true);
          expect(e1).toBeGreaterThanOrEqual(0);
          expect(e2).toBeGreaterThanOrEqual(e1 * (1 - 1e-9) - 1e-12);
        },
      ),
      { numRuns: 2000 },
    );
  });
  it("CLV on simulated logs: every P(alive) in [0, 1], every CLV ≥ 0 and equal to transactions × value × margin", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0.05, max: 1, noNaN: true }), (seed, margin) => {
        const log = simulateLog(CDNOW_LIKE, 80, seed);
        const result = evaluate(CLV, [log.ids, log.dates, log.amounts, 12, undefined, margin]);
        // Small logs may have no interior maximum (a fit that runs to an edge): a typed #NUM!.
        if (result instanceof KpiError) {
          expect(result.code).toBe("#NUM!");
          return;
        }
        for (const row of result as Spill) {
          const [, , alive, expected, value, clv] = row as number[];
          expect(alive).toBeGreaterThanOrEqual(0);
          expect(alive).toBeLessThanOrEqual(1);
          expect(clv).toBeGreaterThanOrEqual(0);
          expect(Math.abs((clv as number) - (expected as number) * (value as number) * margin)).toBeLessThan(
            1e-9 * (1 + (clv as number)),
          );
        }
      }),
      { numRuns: 25 },
    );
  });
});
