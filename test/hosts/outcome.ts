import { expect } from "vitest";
import { evaluate, isKpiError, KpiDate, originOf, publicName } from "../../core/index.js";
import { closeTo } from "../helpers/expect.js";
import { Day, kpiOf, toExcelArgs, type HostCase } from "./cases.js";
import { addressOf, type PlacedCase } from "./layout.js";
import { FakeCustomFunctionsError, type ExcelOutcome } from "./excel-sandbox.js";
import { sheetSerial } from "./sheets-sandbox.js";

/**
 * What a host showed, in one comparable form: a value (dates as serials, spilled errors as their code) or an
 * error code with the detail the user reads.
 */
export type Outcome = { value: unknown } | { code: string; detail: string };

const isDate = (value: unknown): value is Date => Object.prototype.toString.call(value) === "[object Date]";

export function coreOutcome(c: HostCase): Outcome {
  const result = evaluate(kpiOf(c), toExcelArgs(c));
  if (isKpiError(result)) return { code: result.code, detail: result.detail };
  const cell = (v: unknown): unknown => (v instanceof KpiDate ? v.serial : isKpiError(v) ? v.code : v);
  return { value: Array.isArray(result) ? result.map((row) => row.map(cell)) : cell(result) };
}

export function excelOutcome(c: HostCase, outcome: ExcelOutcome): Outcome {
  if ("error" in outcome) {
    const { code, message } = outcome.error;
    const prefix = `${publicName("excel", c.fn)}: `;
    if (message !== undefined) expect(message.startsWith(prefix), `Excel message "${message}"`).toBe(true);
    return { code, detail: message === undefined ? "" : message.slice(prefix.length) };
  }
  const cell = (v: unknown): unknown => (v instanceof FakeCustomFunctionsError ? v.code : v);
  // Every Excel function returns a matrix (see excel-metadata.ts); a single value is a 1×1 one.
  const rows = outcome.value as unknown[][];
  expect(Array.isArray(rows) && rows.every(Array.isArray), `Excel returned a matrix for ${c.fn}`).toBe(true);
  const single = kpiOf(c).result !== "spill";
  if (single) expect(rows.length === 1 && rows[0]?.length === 1, `${c.fn} returned a 1×1 matrix`).toBe(true);
  return { value: single ? cell(rows[0]?.[0]) : rows.map((row) => row.map(cell)) };
}

export function sheetsOutcome(c: HostCase, run: () => unknown, timeZone: string): Outcome {
  let value: unknown;
  try {
    value = run();
  } catch (error) {
    const message = (error as Error).message;
    const match = /^(#[A-Z0-9/!?]+) KPI_([A-Z0-9_]+): (.*)$/s.exec(message);
    expect(match, `Sheets message "${message}" starts with the Excel code and KPI_${c.fn}`).not.toBeNull();
    expect(match?.[2]).toBe(c.fn);
    return { code: match?.[1] ?? "", detail: match?.[3] ?? "" };
  }
  const cell = (v: unknown): unknown => (isDate(v) ? sheetSerial(v, timeZone) : v);
  return { value: Array.isArray(value) ? value.map((row: unknown[]) => row.map(cell)) : cell(value) };
}

/** Numbers compare to 1e-9 relative; everything else exactly. */
export function expectSameOutcome(actual: Outcome, expected: Outcome, label: string, relative = 1e-9): void {
  if ("code" in expected) {
    expect("code" in actual ? actual.code : actual, `${label}: error code`).toBe(expected.code);
    return;
  }
  expect("value" in actual, `${label}: expected a value, got ${JSON.stringify(actual)}`).toBe(true);
  const walk = (x: unknown, y: unknown, path: string): void => {
    if (typeof x === "number" && typeof y === "number") {
      if (!closeTo(x, y, relative)) expect.fail(`${label}${path}: ${x} is not close to ${y}`);
    } else if (Array.isArray(x) && Array.isArray(y)) {
      expect(x.length, `${label}${path} length`).toBe(y.length);
      x.forEach((v, i) => walk(v, y[i], `${path}[${i}]`));
    } else expect(x, `${label}${path}`).toStrictEqual(y);
  };
  walk((actual as { value: unknown }).value, expected.value, "");
}

/** A case's own expectation in Outcome form (dates as serials), or undefined when it only compares hosts. */
export function expectedOutcome(c: HostCase): Outcome | undefined {
  if (c.expect === undefined) return undefined;
  if (typeof c.expect === "string" && /^#[A-Z0-9/!?]+$/.test(c.expect)) return { code: c.expect, detail: "" };
  const cell = (v: unknown): unknown => (v instanceof Day ? v.serial : v);
  return { value: Array.isArray(c.expect) ? c.expect.map((row: unknown[]) => row.map(cell)) : cell(c.expect) };
}

/** What the core says when it knows where each range is, as Excel desktop and the playground tell it. */
export function addressedOutcome(at: PlacedCase): Outcome {
  const readAs = at.args.map((arg) => {
    const origin = originOf(addressOf(arg));
    return origin ? { origin } : undefined;
  });
  const result = evaluate(kpiOf(at.c), toExcelArgs(at.c), readAs);
  return isKpiError(result) ? { code: result.code, detail: result.detail } : coreOutcome(at.c);
}
