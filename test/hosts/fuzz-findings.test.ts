import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { evaluate, isKpiError, kpiById, type KpiResult } from "../../core/index.js";
import { PADDING } from "../helpers/random.js";
import { BUILD_TIMEOUT, ensureBuilt } from "./build.js";
import { loadCodeJs, type SheetsSandbox } from "./sheets-sandbox.js";

/**
 * What an adversarial fuzz of the built bundles found, kept as tests: keys padded with Unicode spaces, a
 * quadratic "number stored as text" hint, arrays nested deep enough to overflow the stack.
 */

let sheets: SheetsSandbox;
beforeAll(() => {
  ensureBuilt();
  sheets = loadCodeJs({ spreadsheetTimeZone: "Europe/Paris" });
}, BUILD_TIMEOUT);

const run = (id: string, ...args: unknown[]): KpiResult | string => {
  const kpi = kpiById(id);
  if (!kpi) throw new Error(`no ${id}`);
  const result = evaluate(kpi, args);
  return isKpiError(result) ? result.code : result;
};

/** Spelling a label differently: its case, and ASCII or Unicode spaces on either side. */
const respelling = (label: string): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.constantFrom(label, label.toUpperCase(), label.toLowerCase()),
      fc.constantFrom("", ...PADDING),
      fc.constantFrom("", ...PADDING),
    )
    .map(([cased, before, after]) => `${before}${cased}${after}`);

const labels = ["Ann", "Bob", "Cid", "Dée", "Won", "Lost", "Open"];
const log = fc.array(
  fc.tuple(fc.constantFrom(...labels), fc.constantFrom(...labels), fc.integer({ min: 1, max: 999 })),
  {
    minLength: 1,
    maxLength: 30,
  },
);

/** A result with its text cells lower-cased: a spill shows the first spelling seen, which re-spelling may change. */
const comparable = (result: KpiResult | string): unknown =>
  Array.isArray(result)
    ? result.map((row) => row.map((cell) => (typeof cell === "string" ? cell.toLowerCase() : cell)))
    : result;

describe("re-spelling keys (case, ASCII and Unicode spaces) never changes a result", () => {
  const cases: [string, (rows: [string, string, number][], spell: string[][]) => unknown[]][] = [
    ["REPEATRATE", (rows, s) => [s.map((r) => [r[0]]), s.map((r) => [r[1]])]],
    ["CROSSSELL", (rows, s) => [s.map((r) => [r[0]]), s.map((r) => [r[1]])]],
    ["AOV", (rows, s) => [rows.map((r) => [r[2]]), s.map((r) => [r[1]])]],
    ["BREAKDOWN", (rows, s) => [s.map((r) => [r[0]]), rows.map((r) => [r[2]])]],
    ["WINRATE", (_rows, s) => [s.map((r) => [r[1]])]],
    ["COHORT", (rows, s) => [s.map((r) => [r[0]]), rows.map((r) => [46_000 + r[2]])]],
  ];
  for (const [id, args] of cases) {
    it(`${id}`, () => {
      fc.assert(
        fc.property(
          log.chain((rows) =>
            fc.tuple(fc.constant(rows), fc.tuple(...rows.map(([a, b]) => fc.tuple(respelling(a), respelling(b))))),
          ),
          ([rows, spelt]) => {
            const plain = run(
              id,
              ...args(
                rows,
                rows.map(([a, b]) => [a, b]),
              ),
            );
            const respelt = run(id, ...args(rows, spelt));
            expect(comparable(respelt)).toEqual(comparable(plain));
          },
        ),
        { numRuns: 150 },
      );
    });
  }

  it("in the built Apps Script bundle too, where a one-cell range arrives as a single value", () => {
    expect(sheets.call("KPI_WINRATE", ["Won\u00a0"])).toBe(1);
    expect(sheets.call("KPI_WINRATE", [[["Won\u00a0"], ["\u3000lost"]]])).toBe(0.5);
    expect(sheets.call("KPI_REPEATRATE", [[["C1"], ["C1\u00a0"]]])).toBe(1);
  });
});

describe("long and deep inputs fail fast with a typed error", () => {
  it("rejects a text of 200,000 spaces between two characters at once (the hint's pattern is linear)", () => {
    const text = `1${" ".repeat(200_000)}x`;
    const started = performance.now();
    expect(() => sheets.call("KPI_CPL", [text, 1])).toThrow(/^#VALUE! KPI_CPL: spend: cell 1 is text "1 {36}\.\.\."/);
    // Quadratic backtracking took seconds at 32,000 spaces; linear matching takes well under a millisecond.
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it("gives a typed #VALUE! for arrays nested thousands of levels deep, in the core and in Sheets", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 20_000; i++) deep = [deep];
    expect(run("SCORE", deep, [[1]])).toBe("#VALUE!");
    expect(run("NPS", deep)).toBe("#VALUE!");
    expect(() => sheets.call("KPI_COHORT", [deep, deep])).toThrow(/^#VALUE! KPI_COHORT: /);
  });
});
