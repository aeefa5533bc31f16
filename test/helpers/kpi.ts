import { expect } from "vitest";
import {
  evaluate,
  isKpiError,
  kpiById,
  type AnyKpi,
  type ErrorCode,
  type KpiError,
  type KpiResult,
} from "../../core/index.js";

export function kpi(id: string): AnyKpi {
  const found = kpiById(id);
  if (!found) throw new Error(`unknown KPI ${id}`);
  return found;
}

/** Evaluates a KPI on arguments as a host passes them. */
export const run = (id: string, ...args: unknown[]): KpiResult | KpiError => evaluate(kpi(id), args);

/** A column range, one value per row, as both hosts pass it. */
export const col = (...values: unknown[]): unknown[][] => values.map((v) => [v]);
/** A row range. */
export const row = (...values: unknown[]): unknown[][] => [values];

/** Asserts a typed KPI error with its code, and that its message mentions every fragment. */
export function expectError(outcome: unknown, code: ErrorCode, ...fragments: string[]): KpiError {
  expect(isKpiError(outcome), `expected ${code}, got ${JSON.stringify(outcome)}`).toBe(true);
  const error = outcome as KpiError;
  expect(error.code, error.detail).toBe(code);
  for (const fragment of fragments) expect(error.detail).toContain(fragment);
  expect(error.format(`KPI_${error.fn}`)).toMatch(new RegExp(`^${code.replace(/[/!#]/g, "\\$&")} KPI_${error.fn}: `));
  return error;
}

export const NUMBER_AS_TEXT_HINT = "looks like a number stored as text";
