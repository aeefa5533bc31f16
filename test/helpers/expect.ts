import { expect } from "vitest";
import { KpiDate, KpiError, type KpiResult } from "../../core/index.js";

const RELATIVE = 1e-9;

export function closeTo(actual: number, expected: number, relative = RELATIVE): boolean {
  if (actual === expected) return true;
  return Math.abs(actual - expected) <= relative * Math.max(1, Math.abs(expected));
}

/** A result cell or scalar in a comparable form: numbers stay numbers, errors become their code. */
function normalise(value: unknown): unknown {
  if (value instanceof KpiError) return value.code;
  if (value instanceof KpiDate) return { date: value.serial };
  if (Array.isArray(value)) return value.map(normalise);
  return value;
}

/** Asserts a KPI outcome equals an expected result; numbers compare to 1e-9 relative, errors by code. */
export function expectResult(actual: KpiResult | KpiError, expected: unknown, relative = RELATIVE): void {
  const a = normalise(actual);
  const e = normalise(expected);
  const walk = (x: unknown, y: unknown, path: string): void => {
    if (typeof x === "number" && typeof y === "number") {
      if (!closeTo(x, y, relative)) expect.fail(`${path}: ${x} is not close to ${y}`);
      return;
    }
    if (Array.isArray(x) && Array.isArray(y)) {
      expect(x.length, `${path} length`).toBe(y.length);
      x.forEach((v, i) => walk(v, y[i], `${path}[${i}]`));
      return;
    }
    expect(x, path).toEqual(y);
  };
  walk(a, e, "result");
}
