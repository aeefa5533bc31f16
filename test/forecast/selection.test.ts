import { describe, expect, it } from "vitest";
import { detectSeason, fitEts } from "../../core/forecast/index.js";
import { initialParams, initialStates } from "../../core/forecast/init.js";
import { likelihood, type EtsSpec, type EtsStates } from "../../core/forecast/model.js";
import { refineStates } from "../../core/forecast/screen.js";
import { candidateSpecs, selectEts } from "../../core/forecast/select.js";
import { fixtures } from "./fixtures.js";

/** R's `lik` of `spec` at R's starting parameters and the given states. */
function likAt(y: readonly number[], spec: EtsSpec, states: EtsStates): number {
  return likelihood(y, spec, initialParams(spec), states, new Float64Array(Math.max(1, spec.m)));
}

const shifted = (states: EtsStates, index: number, by: number): EtsStates => {
  const seasons = [...states.seasons];
  if (index === 0) return { ...states, level: states.level + by };
  if (index === 1) return { ...states, trend: states.trend + by };
  // A free season moves with the last one, which keeps the seasons' sum.
  seasons[index - 2] = (seasons[index - 2] as number) + by;
  seasons[seasons.length - 1] = (seasons[seasons.length - 1] as number) - by;
  return { ...states, seasons };
};

describe("staged model selection (screening, finalists, winner)", () => {
  const air = fixtures.find((f) => f.name === "AirPassengers")!.y;

  it("sets the states of a linear model to the exact least-squares minimum in one step", () => {
    const spec: EtsSpec = { error: "A", trend: "A", season: "A", m: 12 };
    const refined = refineStates(air, spec, initialParams(spec), initialStates(air, spec));
    const at = likAt(air, spec, refined);
    expect(at).toBeLessThan(likAt(air, spec, initialStates(air, spec)) - 10);
    // A minimum: moving any free state either way costs likelihood, and a second step stays put.
    for (let index = 0; index < 2 + 11; index++) {
      for (const by of [-0.5, 0.5]) expect(likAt(air, spec, shifted(refined, index, by))).toBeGreaterThan(at);
    }
    const again = refineStates(air, spec, initialParams(spec), refined);
    expect(Math.abs(again.level - refined.level)).toBeLessThan(1e-6 * Math.abs(refined.level));
  });

  it("lowers the likelihood of multiplicative models too, keeping the seasons positive", () => {
    for (const spec of [
      { error: "M", trend: "A", season: "A", m: 12 },
      { error: "M", trend: "Ad", season: "M", m: 12 },
    ] as const satisfies readonly EtsSpec[]) {
      const start = initialStates(air, spec);
      const refined = refineStates(air, spec, initialParams(spec), start);
      expect(likAt(air, spec, refined)).toBeLessThan(likAt(air, spec, start));
      if (spec.season === "M") expect(refined.seasons.every((s) => s > 0)).toBe(true);
    }
  });

  // The exhaustive search fits every candidate fully, as the engine did before the stages: about 15 times
  // the work. On R's series and their training parts, the stages lose nothing that matters.
  it.each(
    fixtures.map((f) => {
      const train = f.y.slice(0, f.holdout.train_length);
      return [`${f.name} (training part)`, train, detectSeason(train)] as const;
    }),
  )("%s: chooses a model within 0.5 AICc of the exhaustive search", (_, y, m) => {
    let exhaustive = Infinity;
    for (const spec of candidateSpecs(y, m)) exhaustive = Math.min(exhaustive, fitEts(y, spec)?.aicc ?? Infinity);
    const staged = selectEts(y, m);
    expect(staged?.aicc).toBeLessThanOrEqual(exhaustive + 0.5);
  });
});
