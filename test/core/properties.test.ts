import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  evaluate,
  isKpiError,
  KpiDate,
  kpiById,
  KPIS,
  serialToDate,
  type AnyKpi,
  type KpiError,
} from "../../core/index.js";

/**
 * Property tests: whatever a host passes, a KPI returns a finite number, a text, a well-formed spill or a typed
 * KpiError with a message, and never throws; with well-typed data the catalogue's invariants hold.
 */

const RUNS = { numRuns: 200 };

const kpi = (id: string): AnyKpi => {
  const found = kpiById(id);
  if (!found) throw new Error(`unknown KPI ${id}`);
  return found;
};

/** Any cell a host might pass, including the awkward ones. */
const anyCell: fc.Arbitrary<unknown> = fc.oneof(
  fc.double(),
  fc.integer({ min: -20, max: 20 }),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, 1e308, -1e308, 5e-324, 0, -0, 46_023),
  fc.string({ maxLength: 8 }),
  fc.constantFrom("1 234,5", "Won", "lost", " won ", "mean", "median", "sum", "count", "average", "TRUE", "12%", "  "),
  fc.boolean(),
  fc.constantFrom(null, "", undefined),
  fc.date({ noInvalidDate: false }),
);

const row = fc.array(anyCell, { maxLength: 5 });
/** A host argument: a scalar, a 1-D literal, a 2-D range (possibly ragged) or something nested deeper. */
const anyArg: fc.Arbitrary<unknown> = fc.oneof(
  anyCell,
  row,
  fc.array(row, { maxLength: 6 }),
  fc.array(fc.array(anyCell, { minLength: 1, maxLength: 1 }), { maxLength: 8 }),
  fc.array(fc.array(fc.oneof(anyCell, row), { maxLength: 3 }), { maxLength: 3 }),
);

/** The strings each KPI whose registry result is "text" documents as its results. */
const TEXT_RESULTS: Readonly<Record<string, readonly string[]>> = { STATUS: ["OK", "WARN", "ALERT"] };

/**
 * The shape of an outcome, as the KPI's registry `result` promises: a typed error, or else a finite number for a
 * "number" KPI, one of its documented strings for a "text" KPI, a rectangular spill of valid cells for a "spill" KPI.
 */
function expectWellFormed(k: AnyKpi, outcome: unknown): void {
  if (isKpiError(outcome)) {
    expect(["#VALUE!", "#DIV/0!", "#NUM!", "#N/A"]).toContain(outcome.code);
    expect(outcome.detail.length).toBeGreaterThan(0);
    expect(outcome.fn.length).toBeGreaterThan(0);
    return;
  }
  if (k.result === "number") {
    expect(typeof outcome, `${k.id} returns a number, got ${JSON.stringify(outcome)}`).toBe("number");
    expect(Number.isFinite(outcome), `finite number, got ${String(outcome)}`).toBe(true);
    return;
  }
  if (k.result === "text") {
    const documented = TEXT_RESULTS[k.id];
    expect(documented, `${k.id} returns text: list its documented strings in TEXT_RESULTS`).toBeDefined();
    for (const text of documented ?? []) expect(k.description.en).toContain(`"${text}"`);
    expect(documented, `${k.id} returned ${JSON.stringify(outcome)}`).toContain(outcome);
    return;
  }
  expect(Array.isArray(outcome), `${k.id} spills, got ${JSON.stringify(outcome)}`).toBe(true);
  const rows = outcome as unknown[][];
  expect(rows.length).toBeGreaterThan(0);
  const width = rows[0]?.length ?? 0;
  expect(width).toBeGreaterThan(0);
  for (const r of rows) {
    expect(r.length, "rectangular spill").toBe(width);
    for (const c of r) {
      const ok =
        (typeof c === "number" && Number.isFinite(c)) ||
        typeof c === "string" ||
        (c instanceof KpiDate && Number.isFinite(c.serial)) ||
        (isKpiError(c) && c.detail.length > 0 && c.fn.length > 0);
      expect(ok, `spill cell ${String(c)}`).toBe(true);
    }
  }
}

describe("every KPI on arbitrary host values", () => {
  for (const k of KPIS) {
    it(`${k.id} returns a well-formed result or a typed error and never throws`, () => {
      const argCount = fc.integer({ min: 0, max: k.params.length + 1 });
      fc.assert(
        fc.property(
          argCount.chain((n) => fc.array(anyArg, { minLength: n, maxLength: n })),
          (args) => {
            expectWellFormed(k, evaluate(k, args));
          },
        ),
        RUNS,
      );
    });

    it(`${k.id} with numbers in its numeric arguments still returns a well-formed result`, () => {
      const numeric = fc.oneof(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer({ min: 0, max: 12 }),
        // Extremes weigh as much as ordinary numbers: overflow hides in sums of a few huge cells.
        fc.constantFrom(1e308, -1e308, Number.MAX_VALUE, 1e-300, 5e-324, 0, 0.5, 1, 46_023),
      );
      // One length for every range, so that paired ranges pair up instead of failing on their sizes.
      const argOf = (kind: string, n: number): fc.Arbitrary<unknown> => {
        const column = (cell: fc.Arbitrary<unknown>): fc.Arbitrary<unknown[][]> =>
          fc.array(fc.oneof(cell, fc.constant(null)), { minLength: n, maxLength: n }).map((vs) => vs.map((v) => [v]));
        switch (kind) {
          case "numbers":
          case "values":
          case "dates":
          case "series":
            return column(numeric);
          case "keys":
            return column(fc.constantFrom("A", " a ", "B", "Won", "Lost"));
          case "any":
            // Handed on to another KPI (BY): groups, numbers or labels alike.
            return fc.oneof(column(numeric), column(fc.constantFrom("A", " a ", "B", "Won", "Lost")), numeric);
          case "matrix":
            return fc.array(fc.array(fc.oneof(numeric, fc.constant(null)), { minLength: 3, maxLength: 3 }), {
              minLength: n,
              maxLength: n,
            });
          case "boolean":
            return fc.boolean();
          case "text":
            return fc.constantFrom("Won", "Lost", "mean", "median", "sum", "count", "average", "NPS", "KPI.CONVERSION");
          case "number":
          case "date":
            return numeric;
          default:
            throw new Error(`no generator for the kind ${kind}: add one`);
        }
      };
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 12 }).chain((n) => fc.tuple(...k.params.map((p) => argOf(p.kind, n)))),
          (args) => {
            expectWellFormed(k, evaluate(k, args));
          },
        ),
        RUNS,
      );
    });
  }
});

// Well-typed generators for the invariants.
const column = <T>(cell: fc.Arbitrary<T>, minLength = 1, maxLength = 40): fc.Arbitrary<T[][]> =>
  fc.array(cell, { minLength, maxLength }).map((values) => values.map((v) => [v]));
const withBlanks = <T>(cell: fc.Arbitrary<T>): fc.Arbitrary<T | null | ""> =>
  fc.oneof({ weight: 6, arbitrary: cell }, { weight: 1, arbitrary: fc.constantFrom(null, "" as const) });
const count = fc.integer({ min: 0, max: 1000 });
const score = fc.integer({ min: 0, max: 10 });
const label = fc.constantFrom("Ann", "ann ", "Bob", "BOB", "Cid", "Dee", "Eve");

const numberOf = (outcome: unknown): number => {
  if (typeof outcome !== "number") throw new Error(`expected a number, got ${String(outcome)}`);
  return outcome;
};
const inUnit = (x: number): boolean => x >= 0 && x <= 1 + 1e-12;

/** A column whose first cell is never blank (so a share has a denominator), the others drawn from `rest`. */
const keptFirst = <T>(first: fc.Arbitrary<T>, rest: fc.Arbitrary<T> = first): fc.Arbitrary<(T | null | "")[][]> =>
  fc.tuple(first, fc.array(withBlanks(rest), { maxLength: 39 })).map(([head, tail]) => [head, ...tail].map((v) => [v]));

/**
 * Valid data for a share `parts / wholes` (conversions of prospects, customers lost of customers at start): row by row
 * a whole ≥ 1 and a part ≤ it, a part or a whole row sometimes blank, the first row never, so 0 ≤ Σ parts ≤ Σ wholes > 0.
 */
const ratioColumns: fc.Arbitrary<{ parts: (number | null | "")[][]; wholes: (number | null | "")[][] }> = (() => {
  const pair = fc
    .integer({ min: 1, max: 1000 })
    .chain((whole) => fc.tuple(fc.constant(whole), fc.integer({ min: 0, max: whole })));
  const later = fc.tuple(pair, withBlanks(fc.constant(true)), withBlanks(fc.constant(true)));
  return fc.tuple(pair, fc.array(later, { maxLength: 39 })).map(([first, rest]) => {
    const rows: [number | null | "", number | null | ""][] = [
      first,
      ...rest.map(([[whole, part], keepRow, keepPart]): [number | null | "", number | null | ""] =>
        keepRow === true ? [whole, keepPart === true ? part : keepPart] : [keepRow, keepRow],
      ),
    ];
    return { wholes: rows.map(([whole]) => [whole]), parts: rows.map(([, part]) => [part]) };
  });
})();

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

describe("layout and date invariants", () => {
  /** The same cells as a column, as a row, and as a block `width` wide (padded with blanks). */
  const layouts = (values: unknown[], width: number): unknown[][][] => {
    const block: unknown[][] = [];
    for (let start = 0; start < values.length; start += width) {
      const r = values.slice(start, start + width);
      while (r.length < width) r.push(null);
      block.push(r);
    }
    return [values.map((v) => [v]), [values], block];
  };

  it("a KPI over ranges gives the same result for a column, a row or a 2-D block of the same cells", () => {
    const cases: [string, fc.Arbitrary<unknown>][] = [
      ["NPS", withBlanks(score)],
      ["CPL", withBlanks(count)],
      ["AOV", withBlanks(count)],
      ["GROWTH", withBlanks(fc.integer({ min: -500, max: 500 }))],
      ["WINRATE", withBlanks(fc.constantFrom("Won", "Lost", "open"))],
      ["REPEATRATE", withBlanks(label)],
      ["CSAT", withBlanks(fc.integer({ min: 1, max: 5 }))],
      ["WEIGHTEDPIPELINE", withBlanks(fc.integer({ min: 0, max: 4 }).map((v) => v / 4))],
      ["BREAKDOWN", withBlanks(label)],
    ];
    for (const [id, cell] of cases) {
      const arity = id === "WEIGHTEDPIPELINE" || id === "BREAKDOWN" || id === "CPL" || id === "GROWTH" ? 2 : 1;
      fc.assert(
        fc.property(
          fc
            .integer({ min: 1, max: 24 })
            .chain((n) =>
              fc.tuple(
                fc.array(cell, { minLength: n, maxLength: n }),
                fc.array(id === "BREAKDOWN" ? withBlanks(count) : cell, { minLength: n, maxLength: n }),
              ),
            ),
          fc.integer({ min: 2, max: 5 }),
          ([a, b], width) => {
            const [aCol, aRow, aBlock] = layouts(a, width) as [unknown[][], unknown[][], unknown[][]];
            const [bCol, bRow, bBlock] = layouts(b, width) as [unknown[][], unknown[][], unknown[][]];
            const args = (x: unknown, y: unknown): unknown[] => (arity === 2 ? [x, y] : [x]);
            const reference = comparable(evaluate(kpi(id), args(aCol, bCol)));
            expect(comparable(evaluate(kpi(id), args(aRow, bRow)))).toEqual(reference);
            expect(comparable(evaluate(kpi(id), args(aBlock, bBlock)))).toEqual(reference);
          },
        ),
        { numRuns: 100 },
      );
    }
  });

  it("Date objects and serial numbers give the same SALESCYCLE, RUNRATE and COHORT", () => {
    const day = fc.integer({ min: 40_000, max: 50_000 });
    const asDate = (serial: number): Date => serialToDate(serial);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(label, day, fc.integer({ min: 0, max: 400 })), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 60 }),
        (rows, elapsed) => {
          const created = rows.map(([, d]) => d);
          const closed = rows.map(([, d, len]) => d + len);
          const same = (id: string, serialArgs: unknown[], dateArgs: unknown[]): void => {
            expect(comparable(evaluate(kpi(id), dateArgs))).toEqual(comparable(evaluate(kpi(id), serialArgs)));
          };
          same(
            "SALESCYCLE",
            [created.map((d) => [d]), closed.map((d) => [d])],
            [created.map((d) => [asDate(d)]), closed.map((d) => [asDate(d)])],
          );
          const start = created[0] as number;
          same(
            "RUNRATE",
            [[[100]], start, start + 60, start + elapsed],
            [[[100]], asDate(start), asDate(start + 60), asDate(start + elapsed)],
          );
          same(
            "COHORT",
            [rows.map(([c]) => [c]), created.map((d) => [d])],
            [rows.map(([c]) => [c]), created.map((d) => [asDate(d)])],
          );
        },
      ),
      RUNS,
    );
  });
});

/** Errors by code, dates by serial, so outcomes compare with toEqual. */
function comparable(value: unknown): unknown {
  if (isKpiError(value)) return value.code;
  if (value instanceof KpiDate) return value.serial;
  if (Array.isArray(value)) return value.map(comparable);
  return value;
}

/** A deterministic pseudo-random sort key for shuffling with a fast-check salt. */
function hash(value: unknown, salt: number): number {
  let h = salt | 0;
  for (const ch of JSON.stringify(value)) h = Math.imul(h ^ ch.charCodeAt(0), 16_777_619);
  return h;
}
