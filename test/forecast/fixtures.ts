import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { EtsParams, EtsSpec, EtsStates } from "../../core/forecast/index.js";

/** One R fit (scripts/oracles/ets.R). */
export interface RFit {
  readonly method: string;
  readonly components: [string, string, string, string];
  readonly m: number;
  readonly alpha: number;
  readonly beta: number | null;
  readonly gamma: number | null;
  readonly phi: number | null;
  readonly initstate: number[];
  readonly loglik: number;
  readonly aicc: number;
  readonly sigma2: number;
  readonly mean: number[];
  readonly lower95: number[];
  readonly upper95: number[];
}

export interface Fixture {
  readonly name: string;
  readonly r_version: string;
  readonly forecast_version: string;
  readonly frequency: number;
  readonly y: number[];
  readonly h: number;
  readonly auto: RFit;
  readonly forced: Record<string, RFit>;
  readonly holdout: {
    readonly h: number;
    readonly train_length: number;
    readonly test: number[];
    readonly auto_method: string;
    readonly auto: number[];
    readonly auto_lower95: number[];
    readonly auto_upper95: number[];
    readonly aaa: number[];
    readonly snaive: number[];
  };
}

const directory = fileURLToPath(new URL("../fixtures/ets/", import.meta.url));

export const fixtures: Fixture[] = readdirSync(directory)
  .filter((file) => file.endsWith(".json"))
  .sort()
  .map((file) => JSON.parse(readFileSync(directory + file, "utf8")) as Fixture);

/** Our spec for an R fit; undefined for the multiplicative trends the engine leaves out. */
export function specOf(fit: RFit, frequency: number): EtsSpec | undefined {
  const [error, trend, season, damped] = fit.components;
  if (trend === "M") return undefined;
  return {
    error: error as EtsSpec["error"],
    trend: trend === "N" ? "N" : damped === "TRUE" ? "Ad" : "A",
    season: season as EtsSpec["season"],
    m: season === "N" ? 1 : frequency,
  };
}

export function paramsOf(fit: RFit): EtsParams {
  return { alpha: fit.alpha, beta: fit.beta ?? 0, gamma: fit.gamma ?? 0, phi: fit.phi ?? 1 };
}

export function statesOf(fit: RFit, spec: EtsSpec): EtsStates {
  const states = ([] as number[]).concat(fit.initstate);
  const trended = spec.trend !== "N";
  return {
    level: states[0] as number,
    trend: trended ? (states[1] as number) : 0,
    seasons: states.slice(trended ? 2 : 1),
  };
}
