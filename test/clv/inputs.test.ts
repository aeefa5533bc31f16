import { describe, expect, it } from "vitest";
import { fitGammaGamma } from "../../core/clv/gamma-gamma.js";
import { frequencyRecencyAge, repeatMeans, summarise } from "../../core/clv/summary.js";
import { CLV } from "../../core/kpis/clv.js";
import { CLVMODEL } from "../../core/kpis/clvmodel.js";
import { RFM } from "../../core/kpis/rfm.js";
import { evaluate } from "../../core/run.js";
import { KpiError, type Spill } from "../../core/index.js";
import { CDNOW_LIKE, simulateLog } from "./simulate.js";

const spill = (result: unknown): Spill => {
  if (result instanceof KpiError) throw new Error(result.message);
  return result as Spill;
};

const expectError = (result: unknown, code: string, ...words: string[]): void => {
  expect(result).toBeInstanceOf(KpiError);
  const error = result as KpiError;
  expect(error.code, error.message).toBe(code);
  for (const word of words) expect(error.detail).toContain(word);
};

const col = (...cells: unknown[]): unknown[][] => cells.map((c) => [c]);
const log = simulateLog(CDNOW_LIKE, 40, 9);

describe("order log summaries", () => {
  it("merge same-day orders (amounts added), ignore the time of day and the orders after asOf", () => {
    const s = summarise(["a", "A", "a", "b", "a"], [100.2, 100.9, 103, 101, 120], [10, 5, 7, 3, 50], 110.5);
    expect(s.asOf).toBe(110);
    expect([...s.transactions]).toEqual([2, 1]);
    expect([...s.monetary]).toEqual([22, 3]);
    expect([...s.firstAmount]).toEqual([15, 3]);
    expect([...repeatMeans(s)].map((m) => (Number.isNaN(m) ? null : m))).toEqual([7, null]);
    const { x, tx, T } = frequencyRecencyAge(s);
    expect([...x, ...tx, ...T]).toEqual([1, 0, 3, 0, 10, 9]);
  });
  it("lists customers in order of first appearance among the rows kept, ids as given, numbers as numbers", () => {
    const s = summarise(["late", "42", "Ann", "ann ".trim(), "late"], [200, 100, 101, 102, 103], undefined, 150);
    expect(s.ids).toEqual([42, "Ann", "late"]);
    expect([...s.transactions]).toEqual([1, 2, 1]);
  });
  it("counts distinct days when a customer's rows come out of date order", () => {
    const s = summarise(["a", "a", "a", "a", "b"], [105, 100, 105, 102, 100], [1, 2, 3, 4, 5], undefined);
    expect([...s.transactions]).toEqual([3, 1]);
    expect([...s.firstDay, ...s.lastDay]).toEqual([100, 100, 105, 100]);
    expect([...s.firstAmount]).toEqual([2, 5]);
  });
});

describe("CLV and CLVMODEL inputs", () => {
  it("skip blank rows and read Date objects like serials", () => {
    const ids = [...log.ids, [null], [""]];
    const dates = [...log.dates, [46_100], [null]];
    const amounts = [...log.amounts, [5], [6]];
    const withBlanks = spill(evaluate(CLVMODEL, [ids, dates, amounts, log.asOf]));
    const plain = spill(evaluate(CLVMODEL, [log.ids, log.dates, log.amounts, log.asOf]));
    expect(withBlanks).toEqual(plain);
    const asDates = log.dates.map(([d]) => [new Date(Math.round(((d as number) - 25_569) * 86_400_000))]);
    expect(spill(evaluate(CLVMODEL, [log.ids, asDates, log.amounts, log.asOf]))).toEqual(plain);
  });
  it("are #N/A with fewer than 10 customers or no repeat customer, saying what is missing", () => {
    expectError(evaluate(CLV, [col("a", "b", "a"), col(1, 2, 3), col(1, 1, 1)]), "#N/A", "2 customers", "10");
    const ids = col(...Array.from({ length: 12 }, (_, i) => `c${i}`));
    const dates = col(...Array.from({ length: 12 }, (_, i) => 46_000 + i));
    expectError(evaluate(CLVMODEL, [ids, dates]), "#N/A", "no repeat customer");
    // Customers whose orders all fall after asOf are not counted.
    expectError(evaluate(CLVMODEL, [log.ids, log.dates, log.amounts, 45_670]), "#N/A", "at least 10");
  });
  it("are #NUM! for a negative amount and #VALUE! for a text amount or a text date, naming the cell", () => {
    const amounts = log.amounts.map((r) => [...r]);
    (amounts[3] as unknown[])[0] = -5;
    expectError(evaluate(CLV, [log.ids, log.dates, amounts]), "#NUM!", "amounts: cell 4");
    (amounts[3] as unknown[])[0] = "12,5";
    expectError(evaluate(CLV, [log.ids, log.dates, amounts]), "#VALUE!", "amounts: cell 4");
    const dates = log.dates.map((r) => [...r]);
    (dates[5] as unknown[])[0] = "2025-01-05";
    expectError(evaluate(CLVMODEL, [log.ids, dates]), "#VALUE!", "orderDates: cell 6");
  });
  it("are #VALUE! for ranges of different sizes and #NUM! for a margin outside (0, 1]", () => {
    expectError(evaluate(CLV, [log.ids, log.dates.slice(1), log.amounts]), "#VALUE!", "same size");
    expectError(evaluate(CLV, [log.ids, log.dates, log.amounts, 12, null, 0]), "#NUM!", "margin");
    expectError(evaluate(CLV, [log.ids, log.dates, log.amounts, 12, null, 1.2]), "#NUM!", "margin");
    expectError(evaluate(CLV, [log.ids, log.dates, log.amounts, -1]), "#NUM!", "horizonMonths");
  });
  it("is #NUM! when a fit has no interior maximum, never a silent wrong fit", () => {
    // Every customer buys every 10 days until the end: no dropout at all, the likelihood grows as a → 0.
    const ids: unknown[][] = [];
    const dates: unknown[][] = [];
    for (let c = 0; c < 10; c++) {
      for (let k = 0; k < 5; k++) {
        ids.push([`c${c}`]);
        dates.push([46_000 + 10 * k]);
      }
    }
    expectError(evaluate(CLVMODEL, [ids, dates]), "#NUM!", "BG/NBD", "does not converge");
  });
  it("is #NUM! when the Gamma-Gamma q ≤ 1 (spend with no finite population mean)", () => {
    const x = Array.from({ length: 200 }, (_, i) => 1 + (i % 3));
    const m = Array.from({ length: 200 }, (_, i) => Math.pow(10, 3 * ((i * 0.618034) % 1)));
    expect(() => fitGammaGamma(x, m)).toThrow(/q = 0\.\d+ ≤ 1/);
  });
  it("give customers whose repeat transactions average 0 the population mean", () => {
    const ids = [...log.ids, ["zero"], ["zero"], ["zero"]];
    const dates = [...log.dates, [45_700], [45_710], [45_720]];
    const amounts = [...log.amounts, [30], [0], [0]];
    const rows = spill(evaluate(CLV, [ids, dates, amounts, 12, log.asOf]));
    const model = new Map(spill(evaluate(CLVMODEL, [ids, dates, amounts, log.asOf])).map(([k, v]) => [k, v]));
    const mean = ((model.get("p") as number) * (model.get("v") as number)) / ((model.get("q") as number) - 1);
    const zero = rows.find((r) => r[0] === "zero") as number[];
    expect(zero[1]).toBe(3);
    expect(zero[4]).toBeCloseTo(mean, 9);
    const single = rows.find((r) => r[1] === 1) as number[];
    expect(single[2]).toBe(1);
    expect(single[4]).toBeCloseTo(mean, 9);
  });
});

describe("RFM", () => {
  it("scores 1 + floor(5 × customers below / customers), recency reversed, ties equal", () => {
    const rows = spill(
      evaluate(RFM, [
        col("a", "b", "c", "d", "e", "a"),
        col(100, 100, 95, 90, 80, 99),
        col(10, 10, 20, 30, 40, 5),
        100,
      ]),
    );
    expect(rows).toEqual([
      ["a", 0, 2, 15, 4, 5, 2, "Loyal"],
      ["b", 0, 1, 10, 4, 1, 1, "Promising"],
      ["c", 5, 1, 20, 3, 1, 3, "About to sleep"],
      ["d", 10, 1, 30, 2, 1, 4, "Hibernating"],
      ["e", 20, 1, 40, 1, 1, 5, "Hibernating"],
    ]);
  });
  it("ignores orders after asOf and is #N/A when none is left", () => {
    const rows = spill(evaluate(RFM, [col("a", "b", "a"), col(10, 11, 30), col(1, 2, 3), 20]));
    expect(rows.map((r) => r.slice(0, 4))).toEqual([
      ["a", 10, 1, 1],
      ["b", 9, 1, 2],
    ]);
    expectError(evaluate(RFM, [col("a"), col(10), col(1), 5]), "#N/A", "asOf");
  });

  it("is #NUM! naming the customer when amounts within range sum past the largest number, never Infinity", () => {
    // Found by the robustness property: RFM showed the total of "Won" as Infinity.
    const amounts = col(1e308, 7.976931348623158e307, 5);
    for (const kpi of [RFM, CLV]) {
      const result = evaluate(kpi, [col("Won", "Won", "b"), col(10, 12, 11), amounts]);
      expectError(result, "#NUM!", 'customer "Won"', "too large");
      expect((result as KpiError).causes.fr).toMatch(/^amounts\s: le total du client «\sWon\s» est trop grand/u);
    }
  });
});
