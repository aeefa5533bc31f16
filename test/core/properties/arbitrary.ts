import fc from "fast-check";
import { expect } from "vitest";
import { isKpiError, KpiDate, kpiById, type AnyKpi } from "../../../core/index.js";

/** The arbitraries and checks the property tests share: any host value, well-typed columns, well-formed outcomes. */

export const RUNS = { numRuns: 200 };

export const kpi = (id: string): AnyKpi => {
  const found = kpiById(id);
  if (!found) throw new Error(`unknown KPI ${id}`);
  return found;
};

/** Any cell a host might pass, including the awkward ones. */
export const anyCell: fc.Arbitrary<unknown> = fc.oneof(
  fc.double(),
  fc.integer({ min: -20, max: 20 }),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, 1e308, -1e308, 5e-324, 0, -0, 46_023),
  fc.string({ maxLength: 8 }),
  fc.constantFrom("1 234,5", "Won", "lost", " won ", "mean", "median", "sum", "count", "average", "TRUE", "12%", "  "),
  fc.boolean(),
  fc.constantFrom(null, "", undefined),
  fc.date({ noInvalidDate: false }),
);

export const row = fc.array(anyCell, { maxLength: 5 });
/** A host argument: a scalar, a 1-D literal, a 2-D range (possibly ragged) or something nested deeper. */
export const anyArg: fc.Arbitrary<unknown> = fc.oneof(
  anyCell,
  row,
  fc.array(row, { maxLength: 6 }),
  fc.array(fc.array(anyCell, { minLength: 1, maxLength: 1 }), { maxLength: 8 }),
  fc.array(fc.array(fc.oneof(anyCell, row), { maxLength: 3 }), { maxLength: 3 }),
);

/** The strings each KPI whose registry result is "text" documents as its results. */
export const TEXT_RESULTS: Readonly<Record<string, readonly string[]>> = { STATUS: ["OK", "WARN", "ALERT"] };

/**
 * The shape of an outcome, as the KPI's registry `result` promises: a typed error, or else a finite number for a
 * "number" KPI, one of its documented strings for a "text" KPI, a rectangular spill of valid cells for a "spill" KPI.
 */
export function expectWellFormed(k: AnyKpi, outcome: unknown): void {
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

export const column = <T>(cell: fc.Arbitrary<T>, minLength = 1, maxLength = 40): fc.Arbitrary<T[][]> =>
  fc.array(cell, { minLength, maxLength }).map((values) => values.map((v) => [v]));
export const withBlanks = <T>(cell: fc.Arbitrary<T>): fc.Arbitrary<T | null | ""> =>
  fc.oneof({ weight: 6, arbitrary: cell }, { weight: 1, arbitrary: fc.constantFrom(null, "" as const) });
export const count = fc.integer({ min: 0, max: 1000 });
export const score = fc.integer({ min: 0, max: 10 });
export const label = fc.constantFrom("Ann", "ann ", "Bob", "BOB", "Cid", "Dee", "Eve");

export const numberOf = (outcome: unknown): number => {
  if (typeof outcome !== "number") throw new Error(`expected a number, got ${String(outcome)}`);
  return outcome;
};
export const inUnit = (x: number): boolean => x >= 0 && x <= 1 + 1e-12;

/** A column whose first cell is never blank (so a share has a denominator), the others drawn from `rest`. */
export const keptFirst = <T>(
  first: fc.Arbitrary<T>,
  rest: fc.Arbitrary<T> = first,
): fc.Arbitrary<(T | null | "")[][]> =>
  fc.tuple(first, fc.array(withBlanks(rest), { maxLength: 39 })).map(([head, tail]) => [head, ...tail].map((v) => [v]));

/**
 * Valid data for a share `parts / wholes` (conversions of prospects, customers lost of customers at start): row by row
 * a whole ≥ 1 and a part ≤ it, a part or a whole row sometimes blank, the first row never, so 0 ≤ Σ parts ≤ Σ wholes > 0.
 */
export const ratioColumns: fc.Arbitrary<{ parts: (number | null | "")[][]; wholes: (number | null | "")[][] }> =
  (() => {
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

/** Errors by code, dates by serial, so outcomes compare with toEqual. */
export function comparable(value: unknown): unknown {
  if (isKpiError(value)) return value.code;
  if (value instanceof KpiDate) return value.serial;
  if (Array.isArray(value)) return value.map(comparable);
  return value;
}

/** A deterministic pseudo-random sort key for shuffling with a fast-check salt. */
export function hash(value: unknown, salt: number): number {
  let h = salt | 0;
  for (const ch of JSON.stringify(value)) h = Math.imul(h ^ ch.charCodeAt(0), 16_777_619);
  return h;
}
