import { describe, it } from "vitest";
import { evaluate, KPIS } from "../../core/index.js";
import { expectResult } from "../helpers/expect.js";

describe("every registry example", () => {
  for (const kpi of KPIS) {
    kpi.examples.forEach((example, i) => {
      it(`${kpi.id} example ${i + 1} gives ${JSON.stringify(example.result)}`, () => {
        expectResult(evaluate(kpi, example.args), example.result);
      });
    });
  }
});
