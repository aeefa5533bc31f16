import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate, isKpiError, KpiDate, type KpiError } from "../../../core/index.js";
import {
  RUNS,
  kpi,
  column,
  withBlanks,
  count,
  score,
  label,
  numberOf,
  inUnit,
  keptFirst,
  ratioColumns,
  hash,
} from "./arbitrary.js";

/**
 * With well-typed data, the catalogue's invariants hold (ranges of shares, sums, orders, shapes).
 */

describe("invariants with well-typed data", () => {
  it("NPS lies in [-100, 100]", () => {
    fc.assert(
      fc.property(column(withBlanks(score)), (scores) => {
        const out = evaluate(kpi("NPS"), [scores]);
        if (isKpiError(out)) expect(out.code).toBe("#DIV/0!");
        else expect(Math.abs(numberOf(out))).toBeLessThanOrEqual(100);
      }),
      RUNS,
    );
  });

  it("NPSBREAKDOWN shares lie in [0, 1], sum to 1 and agree with NPS", () => {
    fc.assert(
      fc.property(column(score), (scores) => {
        const [[promoters, passives, detractors, responses]] = evaluate(kpi("NPSBREAKDOWN"), [
          scores,
        ]) as number[][] as [[number, number, number, number]];
        for (const share of [promoters, passives, detractors]) expect(inUnit(share)).toBe(true);
        expect(promoters + passives + detractors).toBeCloseTo(1, 12);
        expect(responses).toBe(scores.length);
        expect(numberOf(evaluate(kpi("NPS"), [scores]))).toBeCloseTo(100 * (promoters - detractors), 9);
      }),
      RUNS,
    );
  });

  it("CONVERSION, CHURN, CSAT, WINRATE, REPEATRATE and CROSSSELL are shares in [0, 1], and numbers on valid data", () => {
    const numbers = new Map<string, number>();
    let runs = 0;
    fc.assert(
      fc.property(
        ratioColumns,
        ratioColumns,
        keptFirst(fc.integer({ min: 1, max: 5 })),
        keptFirst(fc.constantFrom("Won", "lost", " WON "), fc.constantFrom("Won", "lost", "Open", " WON ")),
        column(label, 1, 30),
        column(fc.constantFrom("O1", "O2", "o1", "P3"), 30, 30),
        (conversion, churn, csat, outcomes, customers, second) => {
          runs++;
          const pairedCustomers: (string | null)[][] = [
            ...customers,
            ...Array.from({ length: 30 - customers.length }, () => [null]),
          ];
          const outcomesOf: [string, unknown][] = [
            ["CONVERSION", evaluate(kpi("CONVERSION"), [conversion.parts, conversion.wholes])],
            ["CHURN", evaluate(kpi("CHURN"), [churn.wholes, churn.parts])],
            ["CSAT", evaluate(kpi("CSAT"), [csat])],
            ["WINRATE", evaluate(kpi("WINRATE"), [outcomes])],
            ["REPEATRATE", evaluate(kpi("REPEATRATE"), [customers])],
            ["REPEATRATE by order", evaluate(kpi("REPEATRATE"), [pairedCustomers, second])],
            ["CROSSSELL", evaluate(kpi("CROSSSELL"), [pairedCustomers, second])],
          ];
          for (const [name, out] of outcomesOf) {
            if (isKpiError(out)) continue;
            expect(inUnit(numberOf(out)), `${name} = ${String(out)}`).toBe(true);
            numbers.set(name, (numbers.get(name) ?? 0) + 1);
          }
        },
      ),
      RUNS,
    );
    // The generators give valid data, so the property above is about numbers, not vacuously about errors.
    for (const name of ["CONVERSION", "CHURN", "CSAT", "WINRATE", "REPEATRATE", "REPEATRATE by order", "CROSSSELL"]) {
      expect(numbers.get(name) ?? 0, `${name}: runs that gave a number, of ${runs}`).toBeGreaterThanOrEqual(0.8 * runs);
    }
  });

  it("FUNNEL cumulative conversion never increases when the stage counts do not", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 10 }), (raw) => {
        const counts = [...raw].sort((x, y) => y - x);
        const rows = evaluate(kpi("FUNNEL"), [counts.map((c) => [c])]) as number[][];
        expect(rows.length).toBe(counts.length);
        rows.forEach((r, i) => {
          const [, step, cumulative, dropOff] = r as [number, number, number, number];
          expect(inUnit(step) && inUnit(cumulative) && inUnit(dropOff)).toBe(true);
          if (i > 0) expect(cumulative).toBeLessThanOrEqual((rows[i - 1] as number[])[2] as number);
        });
      }),
      RUNS,
    );
  });

  it("BREAKDOWN shares sum to 1 over positive values and rows are sorted largest first", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(label, fc.double({ min: 0.01, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 40 }),
        fc.constantFrom("sum", "count", "average"),
        (rows, statistic) => {
          const out = evaluate(kpi("BREAKDOWN"), [rows.map(([k]) => [k]), rows.map(([, v]) => [v]), statistic]);
          const table = out as [string, number, number][];
          const shares = table.reduce((total, r) => total + r[2], 0);
          expect(shares).toBeCloseTo(1, 9);
          table.forEach((r, i) => {
            if (i > 0) expect((table[i - 1] as [string, number, number])[1]).toBeGreaterThanOrEqual(r[1]);
          });
          const distinct = new Set(rows.map(([k]) => k.trim().toLowerCase()));
          expect(table.length).toBe(distinct.size);
        },
      ),
      RUNS,
    );
  });

  it("GROWTHSERIES has the shape of its input, a column or a row", () => {
    fc.assert(
      fc.property(
        fc.array(withBlanks(fc.integer({ min: -1000, max: 1000 })), { minLength: 1, maxLength: 30 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 13 }),
        (values, asRow, lag) => {
          const input = asRow ? [values] : values.map((v) => [v]);
          const out = evaluate(kpi("GROWTHSERIES"), [input, lag]) as unknown[][];
          expect(out.length).toBe(input.length);
          out.forEach((r, i) => expect(r.length).toBe((input[i] as unknown[]).length));
        },
      ),
      RUNS,
    );
  });

  it("COHORT r0 is 1 and every rk lies in [0, 1]", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(label, fc.integer({ min: 45_000, max: 45_800 })), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 14 }),
        (orders, periods) => {
          const out = evaluate(kpi("COHORT"), [orders.map(([c]) => [c]), orders.map(([, d]) => [d]), periods]);
          const rows = out as unknown[][];
          let customers = 0;
          for (const r of rows) {
            expect(r.length).toBe(periods + 2);
            expect(r[0]).toBeInstanceOf(KpiDate);
            customers += r[1] as number;
            expect(r[2]).toBe(1);
            for (const rk of r.slice(3)) expect(rk === "" || inUnit(rk as number)).toBe(true);
          }
          expect(customers).toBe(new Set(orders.map(([c]) => c.trim().toLowerCase())).size);
        },
      ),
      RUNS,
    );
  });

  it("aggregate KPIs do not depend on the order of their rows", () => {
    const cases: [string, fc.Arbitrary<unknown[][][]>][] = [
      ["NPS", fc.tuple(fc.array(score, { minLength: 1, maxLength: 40 }))],
      ["CSAT", fc.tuple(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 40 }))],
      ["CES", fc.tuple(fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 40 }))],
      [
        "CAC",
        fc.tuple(
          fc.array(count, { minLength: 3, maxLength: 3 }),
          fc.array(count, { maxLength: 9 }),
          fc.array(count, { minLength: 1 }),
        ),
      ],
      ["WINRATE", fc.tuple(fc.array(fc.constantFrom("Won", "Lost", "Open"), { minLength: 1, maxLength: 40 }))],
      ["REPEATRATE", fc.tuple(fc.array(label, { minLength: 1, maxLength: 40 }))],
      ["AOV", fc.tuple(fc.array(count, { minLength: 1, maxLength: 40 }))],
      [
        "PRICEINDEX",
        fc.tuple(fc.array(count, { minLength: 1 }), fc.array(fc.integer({ min: 1, max: 99 }), { minLength: 1 })),
      ],
    ].map(([id, arb]) => [
      id as string,
      (arb as fc.Arbitrary<unknown[][]>).map((cols) => cols.map((c) => c.map((v) => [v]))),
    ]);
    for (const [id, arb] of cases) {
      fc.assert(
        fc.property(arb, fc.integer(), (args, salt) => {
          const shuffled = args.map((c) => [...c].sort((x, y) => hash(x, salt) - hash(y, salt)));
          const a = evaluate(kpi(id), args);
          const b = evaluate(kpi(id), shuffled);
          if (isKpiError(a)) expect((b as KpiError).code).toBe(a.code);
          else expect(numberOf(b)).toBeCloseTo(numberOf(a), 9);
        }),
        { numRuns: 100 },
      );
    }
  });

  it("paired KPIs do not depend on the order of their rows when rows move together", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(label, fc.constantFrom("O1", "o2", "P3", "Q4"), fc.integer({ min: 1, max: 500 })), {
          minLength: 1,
          maxLength: 40,
        }),
        fc.integer(),
        (rows, salt) => {
          const shuffled = [...rows].sort((x, y) => hash([x], salt) - hash([y], salt));
          for (const [id, pick] of [
            ["REPEATRATE", (r: typeof rows) => [r.map((x) => [x[0]]), r.map((x) => [x[1]])]],
            ["CROSSSELL", (r: typeof rows) => [r.map((x) => [x[0]]), r.map((x) => [x[1]])]],
            ["AOV", (r: typeof rows) => [r.map((x) => [x[2]]), r.map((x) => [x[1]])]],
            ["WEIGHTEDPIPELINE", (r: typeof rows) => [r.map((x) => [x[2]]), r.map((x) => [x[2] / 500])]],
          ] as const) {
            expect(numberOf(evaluate(kpi(id), pick(shuffled)))).toBeCloseTo(numberOf(evaluate(kpi(id), pick(rows))), 9);
          }
        },
      ),
      RUNS,
    );
  });
});
