import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "../../core/run.js";
import { KpiError } from "../../core/errors.js";
import { completeSeries, describeModel, detectSeason, forecastEts } from "../../core/forecast/index.js";
import { FORECAST } from "../../core/kpis/forecast.js";
import { FORECASTSTAT } from "../../core/kpis/forecaststat.js";

/** A deterministic noisy seasonal series: level + trend + pattern of length m + noise. */
function seasonal(m: number, seasons: number, noise = 0.3, seed = 7): number[] {
  let state = seed;
  const random = (): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648 - 0.5;
  };
  return Array.from(
    { length: m * seasons },
    (_, t) =>
      50 + 0.05 * t + 5 * Math.sin((2 * Math.PI * t) / m) + 2 * Math.cos((4 * Math.PI * t) / m) + noise * 10 * random(),
  );
}

function noise(n: number, seed = 3, trend = 0): number[] {
  let state = seed;
  return Array.from({ length: n }, (_, t) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return 20 + trend * t + (state / 2147483648 - 0.5) * 4;
  });
}

describe("season detection", () => {
  it.each([4, 7, 12, 52])("finds a season of %i periods", (m) => {
    expect(detectSeason(seasonal(m, m === 52 ? 4 : 8))).toBe(m);
  });

  it("finds no season in noise, in a noisy trend or in a straight line", () => {
    expect(detectSeason(noise(120))).toBe(1);
    expect(detectSeason(noise(200, 11, 0.3))).toBe(1);
    expect(detectSeason(Array.from({ length: 60 }, (_, t) => 3 + 2 * t))).toBe(1);
  });
});

describe("data completion", () => {
  it("fills inner blanks with the mean of their neighbours and drops outer blanks", () => {
    expect(completeSeries([null, 1, null, 3, 4, 5, 6, null, 9, null])).toEqual([1, 2, 3, 4, 5, 6, 7.5, 9]);
  });

  it("refuses more than 30% blanks (#NUM!) and fewer than 3 values (#N/A)", () => {
    expect(() => completeSeries([1, null, null, 2, 3])).toThrow(KpiError);
    expect(() => completeSeries([1, null, 2])).toThrowError(/#N\/A/);
    expect(() => completeSeries([1, null, null, 2, 3])).toThrowError(/#NUM!/);
  });
});

describe("FORECAST and FORECASTSTAT", () => {
  const monthly = seasonal(12, 6);

  it("spills horizon rows of [point, lower, upper] whatever the orientation", () => {
    const asRow = evaluate(FORECAST, [[monthly], 3]);
    const asColumn = evaluate(FORECAST, [monthly.map((v) => [v]), 3]);
    expect(asRow).toEqual(asColumn);
    expect(asRow).toHaveLength(3);
    for (const row of asRow as number[][]) {
      expect(row).toHaveLength(3);
      expect(row[1]!).toBeLessThanOrEqual(row[0]!);
      expect(row[0]!).toBeLessThanOrEqual(row[2]!);
    }
  });

  it("reports the model with its labels, blank where a part is absent", () => {
    const stat = evaluate(FORECASTSTAT, [monthly.map((v) => [v])]) as (string | number)[][];
    expect(stat.map((row) => row[0])).toEqual([
      "model",
      "seasonLength",
      "alpha",
      "beta",
      "gamma",
      "phi",
      "AICc",
      "MAE",
      "RMSE",
      "MASE",
      "sMAPE",
    ]);
    expect(stat[0]![1]).toMatch(/^ETS\([AM],(N|A|Ad),[NAM]\)$/);
    expect(stat[1]![1]).toBe(12);
  });

  it("rejects a confidence outside (0, 1) and a horizon outside 1..10,000 with #NUM!", () => {
    expect((evaluate(FORECAST, [[monthly], 3, 1, 1]) as KpiError).code).toBe("#NUM!");
    expect((evaluate(FORECAST, [[monthly], 3, 1, 0]) as KpiError).code).toBe("#NUM!");
    expect((evaluate(FORECAST, [[monthly], 0]) as KpiError).code).toBe("#NUM!");
    expect((evaluate(FORECAST, [[monthly], 10001]) as KpiError).code).toBe("#NUM!");
  });

  it("wider intervals at a higher confidence", () => {
    const narrow = forecastEts(monthly, 6, 12, 0.8).forecasts;
    const wide = forecastEts(monthly, 6, 12, 0.99).forecasts;
    wide.forEach((row, i) => expect(row.upper - row.lower).toBeGreaterThan(narrow[i]!.upper - narrow[i]!.lower));
  });
});

describe("bad data", () => {
  const finiteRows = (values: (number | null)[], seasonLength = 1): void => {
    const { forecasts } = forecastEts(values, 12, seasonLength, 0.95);
    for (const row of forecasts) {
      for (const v of [row.point, row.lower, row.upper]) expect(Number.isFinite(v)).toBe(true);
      expect(row.lower).toBeLessThanOrEqual(row.point);
      expect(row.point).toBeLessThanOrEqual(row.upper);
    }
  };

  it("forecasts a constant series as itself with no spread", () => {
    expect(forecastEts([4, 4, 4, 4, 4], 2, 1, 0.95).forecasts).toEqual([
      { point: 4, lower: 4, upper: 4 },
      { point: 4, lower: 4, upper: 4 },
    ]);
  });

  it("copes with a single spike, zeros and negatives, 3 points, and 10,000 points", () => {
    finiteRows([5, 5, 5, 5, 5, 100, 5, 5, 5, 5, 5, 5]);
    finiteRows([0, -3, 2, 0, -1, 4, 0, -2, 3, 0, -1, 5, 0, -2, 2, 0]);
    expect(describeModel([0, -3, 2, 0, -1, 4, 0, -2, 3, 0, -1, 5, 0, -2, 2, 0], 4).spec.error).toBe("A");
    finiteRows([1, 2, 3]);
    finiteRows([3, null, 5, 4]);
    finiteRows(seasonal(7, 1500), 1);
  });

  it("copes with huge and tiny magnitudes", () => {
    finiteRows(seasonal(4, 5).map((v) => v * 1e250));
    finiteRows(seasonal(4, 5).map((v) => v * 1e-250));
    finiteRows(seasonal(4, 5).map((v) => 1e9 + v));
  });
});

describe("properties", () => {
  it("never throws anything but a KpiError, and returns finite ordered rows", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(null)), {
          minLength: 0,
          maxLength: 40,
        }),
        fc.integer({ min: 1, max: 24 }),
        fc.integer({ min: 0, max: 6 }),
        (values, horizon, seasonLength) => {
          try {
            const { forecasts } = forecastEts(values, horizon, seasonLength, 0.9);
            expect(forecasts).toHaveLength(horizon);
            for (const row of forecasts) {
              expect(Number.isFinite(row.point) && Number.isFinite(row.lower) && Number.isFinite(row.upper)).toBe(true);
              expect(row.lower).toBeLessThanOrEqual(row.point);
              expect(row.point).toBeLessThanOrEqual(row.upper);
            }
          } catch (error) {
            expect(error).toBeInstanceOf(KpiError);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
