/**
 * Accuracy and speed of FORECAST's engine on the R fixtures (test/fixtures/ets): for each series the last two
 * seasons (18 points for monthly data) are held out; our automatic forecast is scored against R's ets(),
 * R's ETS(A,A,A) and the seasonal naive forecast by sMAPE and MASE, with the coverage of our 95% intervals.
 * Run: npx tsx bench/forecast.ts
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { forecastEts } from "../core/forecast/index.js";

interface Holdout {
  name: string;
  frequency: number;
  y: number[];
  holdout: { h: number; train_length: number; test: number[]; auto: number[]; aaa: number[]; snaive: number[] };
}

const smape = (actual: readonly number[], forecast: readonly number[]): number =>
  actual.reduce((s, a, i) => s + (2 * Math.abs(a - forecast[i]!)) / (Math.abs(a) + Math.abs(forecast[i]!)), 0) /
  actual.length;

function mase(train: readonly number[], m: number, actual: readonly number[], forecast: readonly number[]): number {
  let naive = 0;
  for (let t = m; t < train.length; t++) naive += Math.abs(train[t]! - train[t - m]!);
  naive /= train.length - m;
  return actual.reduce((s, a, i) => s + Math.abs(a - forecast[i]!), 0) / actual.length / naive;
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

export function runForecastBench(repeats = 15): Record<string, unknown> {
  const directory = fileURLToPath(new URL("../test/fixtures/ets/", import.meta.url));
  const fixtures = readdirSync(directory)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(directory + f, "utf8")) as Holdout);
  const air = fixtures.find((f) => f.name === "AirPassengers")!.y;
  // Cold: the first call in the process, before anything is compiled.
  const coldStart = performance.now();
  forecastEts(air, 24, 1, 0.95);
  const cold = performance.now() - coldStart;
  const rows = fixtures.map((fx) => {
    const { h, train_length, test } = fx.holdout;
    const train = fx.y.slice(0, train_length);
    // seasonLength = 1: our season detection and model choice, end to end.
    const ours = forecastEts(train, h, 1, 0.95);
    const point = ours.forecasts.map((r) => r.point);
    const covered = test.filter((v, i) => v >= ours.forecasts[i]!.lower && v <= ours.forecasts[i]!.upper).length;
    const m = fx.frequency;
    return {
      series: fx.name,
      model: ours.model.model,
      season: ours.model.seasonLength,
      smape: {
        ours: smape(test, point),
        ets: smape(test, fx.holdout.auto),
        aaa: smape(test, fx.holdout.aaa),
        snaive: smape(test, fx.holdout.snaive),
      },
      mase: {
        ours: mase(train, m, test, point),
        ets: mase(train, m, test, fx.holdout.auto),
        aaa: mase(train, m, test, fx.holdout.aaa),
        snaive: mase(train, m, test, fx.holdout.snaive),
      },
      coverage95: covered / test.length,
    };
  });
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    forecastEts(air, 24, 1, 0.95);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const summary = {
    meanSmape: {
      ours: mean(rows.map((r) => r.smape.ours)),
      ets: mean(rows.map((r) => r.smape.ets)),
      aaa: mean(rows.map((r) => r.smape.aaa)),
      snaive: mean(rows.map((r) => r.smape.snaive)),
    },
    meanMase: {
      ours: mean(rows.map((r) => r.mase.ours)),
      ets: mean(rows.map((r) => r.mase.ets)),
      aaa: mean(rows.map((r) => r.mase.aaa)),
      snaive: mean(rows.map((r) => r.mase.snaive)),
    },
    coverage95: mean(rows.map((r) => r.coverage95)),
    medianMsAutoSelection144: times[Math.floor(times.length / 2)],
    coldMsAutoSelection144: cold,
  };
  return { rows, summary };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { rows, summary } = runForecastBench() as {
    rows: {
      series: string;
      model: string;
      season: number;
      smape: Record<string, number>;
      mase: Record<string, number>;
      coverage95: number;
    }[];
    summary: unknown;
  };
  console.log(
    "series          model         m   sMAPE ours / ets / AAA / snaive        MASE ours / ets / AAA / snaive   cover95",
  );
  for (const r of rows) {
    const f = (o: Record<string, number>): string =>
      [o.ours, o.ets, o.aaa, o.snaive].map((v) => v!.toFixed(3)).join(" / ");
    console.log(
      `${r.series.padEnd(15)} ${r.model.padEnd(13)} ${String(r.season).padEnd(3)} ${f(r.smape)}   ${f(r.mase)}   ${r.coverage95.toFixed(2)}`,
    );
  }
  console.log(JSON.stringify(summary, null, 2));
}
