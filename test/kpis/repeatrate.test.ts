import { describe, it } from "vitest";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, row, run } from "../helpers/kpi.js";

describe("REPEATRATE", () => {
  it("without order ids counts each non-blank row as an order, customers trimmed and case-insensitive", () => {
    expectResult(run("REPEATRATE", col("Ann", "Bob", " ann", "Cid")), 1 / 3);
    expectResult(run("REPEATRATE", col("Ann", null, "", "ANN")), 1);
  });
  it("with order ids counts the distinct orders of each customer", () => {
    expectResult(run("REPEATRATE", col("Ann", "Ann", "Bob"), col("O1", "o1 ", "O2")), 0);
    expectResult(run("REPEATRATE", col("Ann", "Ann", "Bob"), col("O1", "O2", "O3")), 0.5);
  });
  it("skips a row whose customer or order id is blank", () => {
    expectResult(run("REPEATRATE", col("Ann", "Ann", "", "Bob"), col("O1", "", "O9", "O2")), 0);
  });
  it("reads row-shaped and 2-D ranges", () => {
    expectResult(run("REPEATRATE", row("Ann", "Bob", "Ann")), 0.5);
    expectResult(
      run("REPEATRATE", [
        ["Ann", "Bob"],
        ["Ann", "Cid"],
      ]),
      1 / 3,
    );
  });
  it("is #DIV/0! with no customer and #VALUE! for mismatched sizes", () => {
    expectError(run("REPEATRATE", col(null, "")), "#DIV/0!", "customerIds");
    expectError(run("REPEATRATE", col("A", "B"), col("O1")), "#VALUE!", "customerIds and orderIds", "2 cells", "has 1");
  });
});
