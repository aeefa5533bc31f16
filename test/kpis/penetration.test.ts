import { describe, it } from "vitest";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, run } from "../helpers/kpi.js";

describe("PENETRATION", () => {
  it("is Σcustomers / ΣmarketSize", () => {
    expectResult(run("PENETRATION", col(300, 200), col(5000)), 0.1);
  });
  it("is #NUM! when customers exceed the market (documented), #DIV/0! for an empty market", () => {
    expectError(run("PENETRATION", col(6000), col(5000)), "#NUM!", "exceed");
    expectError(run("PENETRATION", col(1), col(0)), "#DIV/0!", "marketSize");
  });
});
