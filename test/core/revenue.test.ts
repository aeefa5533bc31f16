import { describe, it } from "vitest";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, row, run } from "../helpers/kpi.js";

describe("AOV", () => {
  it("without order ids, divides total revenue by the number of non-blank revenue cells", () => {
    expectResult(run("AOV", col(120, 80, null, 100, "")), 100);
  });
  it("with order ids, adds up the lines of an order, ids trimmed and case-insensitive", () => {
    expectResult(run("AOV", col(120, 80, 100), col("A-1", " a-1 ", "A-2")), 150);
  });
  it("skips a line whose revenue or order id is blank", () => {
    expectResult(run("AOV", col(120, 80, 100, null), col("A-1", "", "A-2", "A-3")), 110);
  });
  it("accepts row-shaped and 2-D ranges", () => {
    expectResult(run("AOV", row(120, 80, 100), row("A", "A", "B")), 150);
    expectResult(
      run("AOV", [
        [120, 80],
        [100, 0],
      ]),
      75,
    );
  });
  it("is #DIV/0! with no revenue", () => {
    expectError(run("AOV", col(null, "")), "#DIV/0!", "revenue");
  });
  it("is #VALUE! naming both arguments and sizes when revenue and ids differ in size", () => {
    expectError(
      run("AOV", col(1, 2), col("A")),
      "#VALUE!",
      "revenue and orderIds",
      "revenue has 2 cells",
      "orderIds has 1",
    );
  });
  it("treats numeric order ids as labels", () => {
    expectResult(run("AOV", col(10, 20, 30), col(1001, 1001, 1002)), 30);
  });
});

describe("GROWTH", () => {
  it("is (Σcurrent − Σprevious) / |Σprevious|", () => {
    expectResult(run("GROWTH", col(120000), col(100000)), 0.2);
    expectResult(run("GROWTH", col(60000, 60000), row(50000, 50000)), 0.2);
  });
  it("divides by the absolute previous value, so a smaller loss is positive growth", () => {
    expectResult(run("GROWTH", col(-50), col(-100)), 0.5);
  });
  it("is #DIV/0! when previous sums to 0", () => {
    expectError(run("GROWTH", col(5), col(5, -5)), "#DIV/0!", "previous sums to 0");
  });
});

describe("GROWTHSERIES", () => {
  it("gives period-over-period growth with the first cell blank, as a column for a column", () => {
    expectResult(run("GROWTHSERIES", col(100, 110, 99)), [[""], [0.1], [-0.1]]);
  });
  it("returns a row for a row", () => {
    expectResult(run("GROWTHSERIES", row(100, 110, 121)), [["", 0.1, 0.1]]);
  });
  it("keeps the shape of a 2-D input, reading it row by row", () => {
    expectResult(
      run("GROWTHSERIES", [
        [100, 200],
        [300, 600],
      ]),
      [
        ["", 1],
        [0.5, 1],
      ],
    );
  });
  it("leaves a cell blank when it or its base is blank", () => {
    expectResult(run("GROWTHSERIES", col(100, 110, null, 120, 132)), [[""], [0.1], [""], [""], [0.1]]);
  });
  it("shows #DIV/0! in a cell with a zero base only", () => {
    expectResult(run("GROWTHSERIES", row(100, 0, 50)), [["", -1, "#DIV/0!"]]);
  });
  it("compares with lag periods back, the first lag cells blank", () => {
    expectResult(run("GROWTHSERIES", col(100, 200, 110, 250), 2), [[""], [""], [0.1], [0.25]]);
  });
  it("defaults lag to 1 when omitted or blank", () => {
    expectResult(run("GROWTHSERIES", col(1, 2), null), [[""], [1]]);
  });
  it("is #NUM! for a lag below 1 or not a whole number", () => {
    expectError(run("GROWTHSERIES", col(1, 2), 0), "#NUM!", "lag");
    expectError(run("GROWTHSERIES", col(1, 2), 1.5), "#NUM!", "lag");
  });
  it("divides by the absolute base", () => {
    expectResult(run("GROWTHSERIES", col(-100, -50)), [[""], [0.5]]);
  });
});

describe("CAGR", () => {
  it("is (end / start)^(1 / periods) − 1", () => {
    expectResult(run("CAGR", 100000, 121000, 2), 0.1);
    expectResult(run("CAGR", 100, 50, 1), -0.5);
  });
  it("accepts fractional periods", () => {
    expectResult(run("CAGR", 100, 121, 4), Math.sqrt(1.1) - 1);
  });
  it("is #NUM! for a zero start (as RRI), negative values or non-positive periods", () => {
    expectError(run("CAGR", 0, 100, 3), "#NUM!", "startValue");
    expectError(run("CAGR", -1, 100, 3), "#NUM!", "startValue");
    expectError(run("CAGR", 1, 100, 0), "#NUM!", "periods");
  });
  it("is #VALUE! when an argument is missing", () => {
    expectError(run("CAGR", 1, 100), "#VALUE!", "periods");
  });
});

describe("MARGIN", () => {
  it("is (Σrevenue − Σcosts) / Σrevenue", () => {
    expectResult(run("MARGIN", col(600, 400), col(300, 450)), 0.25);
  });
  it("can be negative", () => {
    expectResult(run("MARGIN", col(100), col(150)), -0.5);
  });
  it("is #DIV/0! when revenue sums to 0, #NUM! for a negative cost", () => {
    expectError(run("MARGIN", col(0), col(1)), "#DIV/0!", "revenue");
    expectError(run("MARGIN", col(10), col(-1)), "#NUM!", "costs: cell 1");
  });
});

describe("ATTAINMENT", () => {
  it("is Σactual / Σtarget", () => {
    expectResult(run("ATTAINMENT", col(90, 120), col(100, 100)), 1.05);
  });
  it("skips blanks", () => {
    expectResult(run("ATTAINMENT", col(90, null), col(100, "")), 0.9);
  });
  it("is #DIV/0! when the target sums to 0", () => {
    expectError(run("ATTAINMENT", col(1), col(0)), "#DIV/0!", "target");
  });
});

describe("BREAKDOWN", () => {
  const keys = col("Web", "Shop", "web ", "Phone");
  const values = col(100, 50, 150, 200);
  it("spills [key, sum, share] per distinct key, largest first, first spelling shown trimmed", () => {
    expectResult(run("BREAKDOWN", keys, values), [
      ["Web", 250, 0.5],
      ["Phone", 200, 0.4],
      ["Shop", 50, 0.1],
    ]);
    expectResult(run("BREAKDOWN", col("  SHOP ", "shop"), col(1, 1)), [["SHOP", 2, 1]]);
  });
  it("counts rows with statistic count, its share the count over all rows", () => {
    expectResult(run("BREAKDOWN", keys, values, "count"), [
      ["Web", 2, 0.5],
      ["Shop", 1, 0.25],
      ["Phone", 1, 0.25],
    ]);
  });
  it("averages with statistic average, its share still the key's sum over the total", () => {
    expectResult(run("BREAKDOWN", keys, values, "Average"), [
      ["Phone", 200, 0.4],
      ["Web", 125, 0.5],
      ["Shop", 50, 0.1],
    ]);
  });
  it("keeps ties in order of first appearance", () => {
    expectResult(run("BREAKDOWN", col("B", "A", "C"), col(5, 5, 5)), [
      ["B", 5, 1 / 3],
      ["A", 5, 1 / 3],
      ["C", 5, 1 / 3],
    ]);
  });
  it("skips a row whose key or value is blank", () => {
    expectResult(run("BREAKDOWN", col("A", "", "B", "C"), col(1, 2, null, 3)), [
      ["C", 3, 0.75],
      ["A", 1, 0.25],
    ]);
  });
  it("defaults statistic to sum and rejects an unknown one with #VALUE!", () => {
    expectResult(run("BREAKDOWN", col("A"), col(2), null), [["A", 2, 1]]);
    expectError(run("BREAKDOWN", col("A"), col(2), "max"), "#VALUE!", "statistic", "sum, count, average");
  });
  it("shows #DIV/0! shares when the values sum to 0", () => {
    expectResult(run("BREAKDOWN", col("A", "B"), col(5, -5)), [
      ["A", 5, "#DIV/0!"],
      ["B", -5, "#DIV/0!"],
    ]);
  });
  it("is #NUM!, never Infinity or a share of 0, when the values add up beyond what a number can hold", () => {
    expectError(run("BREAKDOWN", col("A", "A"), col(1e308, 1e308)), "#NUM!", "values add up");
    expectError(run("BREAKDOWN", col("A", "B"), col(1e308, 1e308)), "#NUM!", "values add up");
    expectError(run("BREAKDOWN", col("A", "B", "A", "B"), col(1e308, -1e308, 1e308, -1e308)), "#NUM!");
    expectResult(run("BREAKDOWN", col("A", "B", "A"), col(1e308, -1e308, -5e-324)), [
      ["A", 1e308, "#NUM!"],
      ["B", -1e308, "#NUM!"],
    ]);
  });
  it("is #N/A with no complete row and #VALUE! for mismatched sizes", () => {
    expectError(run("BREAKDOWN", col("A", ""), col(null, 1)), "#N/A");
    expectError(
      run("BREAKDOWN", col("A", "B"), col(1)),
      "#VALUE!",
      "keys and values",
      "keys has 2 cells",
      "values has 1",
    );
  });
  it("shows booleans used as keys as TRUE and FALSE (documented)", () => {
    expectResult(run("BREAKDOWN", col(true, false, true), col(1, 1, 1)), [
      ["TRUE", 2, 2 / 3],
      ["FALSE", 1, 1 / 3],
    ]);
  });
  it("pairs row-shaped keys with column-shaped values of the same size", () => {
    expectResult(run("BREAKDOWN", row("A", "B", "A"), col(1, 2, 3)), [
      ["A", 4, 2 / 3],
      ["B", 2, 1 / 3],
    ]);
  });
});

describe("PRICEINDEX", () => {
  it("is the average of our prices over the average of competitor prices", () => {
    expectResult(run("PRICEINDEX", col(110, 90), col(80, 120, 100)), 1);
    expectResult(run("PRICEINDEX", col(120), row(100, 100)), 1.2);
  });
  it("averages only non-blank prices", () => {
    expectResult(run("PRICEINDEX", col(110, null, 90), col(100, "")), 1);
  });
  it("is #DIV/0! with no prices on either side or competitor prices averaging 0", () => {
    expectError(run("PRICEINDEX", col(null), col(100)), "#DIV/0!", "ourPrices");
    expectError(run("PRICEINDEX", col(100), col("")), "#DIV/0!", "competitorPrices");
    expectError(run("PRICEINDEX", col(100), col(0, 0)), "#DIV/0!", "competitorPrices");
  });
  it("is #NUM! for a negative price", () => {
    expectError(run("PRICEINDEX", col(-1), col(1)), "#NUM!", "ourPrices: cell 1");
  });
});

describe("PENETRATION", () => {
  it("is Σcustomers / ΣmarketSize", () => {
    expectResult(run("PENETRATION", col(300, 200), col(5000)), 0.1);
  });
  it("is #NUM! when customers exceed the market (documented), #DIV/0! for an empty market", () => {
    expectError(run("PENETRATION", col(6000), col(5000)), "#NUM!", "exceed");
    expectError(run("PENETRATION", col(1), col(0)), "#DIV/0!", "marketSize");
  });
});
