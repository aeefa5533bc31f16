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
