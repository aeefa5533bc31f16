import { describe, it } from "vitest";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, row, run } from "../helpers/kpi.js";

describe("CHURN", () => {
  it("is Σlost / Σstart", () => {
    expectResult(run("CHURN", col(500, 500), col(30, 20)), 0.05);
    expectResult(run("CHURN", row(500, 500), [[30], [20]]), 0.05);
  });
  it("skips blanks", () => {
    expectResult(run("CHURN", col(1000, null), col(50, "")), 0.05);
  });
  it("is #NUM! when more customers are lost than there were", () => {
    expectError(run("CHURN", col(10), col(11)), "#NUM!", "customersLost", "customersAtStart");
  });
  it("is #DIV/0! with no customers at the start, #NUM! for a negative count", () => {
    expectError(run("CHURN", col(0), col(0)), "#DIV/0!", "customersAtStart");
    expectError(run("CHURN", col(10), col(-1)), "#NUM!", "customersLost: cell 1");
  });
});

describe("RETENTION", () => {
  it("is (end − new) / start", () => {
    expectResult(run("RETENTION", col(1000), col(1050), col(150)), 0.9);
  });
  it("sums each range, skipping blanks", () => {
    expectResult(run("RETENTION", col(600, 400, null), row(500, 550), col(100, 50, "")), 0.9);
  });
  it("is #NUM! when new customers exceed customers at the end", () => {
    expectError(run("RETENTION", col(100), col(50), col(60)), "#NUM!", "newCustomers");
  });
  it("is #DIV/0! with no customers at the start", () => {
    expectError(run("RETENTION", col(0), col(50), col(10)), "#DIV/0!", "customersAtStart");
  });
});

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

describe("CROSSSELL", () => {
  it("is customers with at least 2 distinct products / distinct customers", () => {
    expectResult(run("CROSSSELL", col("Ann", "Ann", "Bob", "Bob"), col("Shoes", "Bag", "Shoes", " shoes")), 0.5);
  });
  it("skips a row whose customer or product is blank", () => {
    expectResult(run("CROSSSELL", col("Ann", "Ann", "Bob"), col("Shoes", "", "Bag")), 0);
  });
  it("is #DIV/0! with no complete row and #VALUE! for mismatched sizes", () => {
    expectError(run("CROSSSELL", col("Ann"), col(null)), "#DIV/0!");
    expectError(run("CROSSSELL", col("Ann"), col("A", "B")), "#VALUE!", "customerIds and products", "1 cells", "has 2");
  });
});

describe("LTV", () => {
  it("multiplies order value, purchases per period, lifespan and margin", () => {
    expectResult(run("LTV", 80, 4, 3, 0.5), 480);
  });
  it("defaults grossMargin to 1", () => {
    expectResult(run("LTV", 80, 4, 3), 960);
    expectResult(run("LTV", 80, 4, 3, null), 960);
  });
  it("is #NUM! for negative inputs or a margin outside (0, 1]", () => {
    expectError(run("LTV", -80, 4, 3), "#NUM!", "averageOrderValue");
    expectError(run("LTV", 80, 4, 3, 0), "#NUM!", "grossMargin");
  });
  it("is #VALUE! for text in a number argument, with the stored-as-text hint", () => {
    expectError(run("LTV", "1 234,5", 4, 3), "#VALUE!", "averageOrderValue", "stored as text");
  });
});

describe("LTVCHURN", () => {
  it("is revenue × margin / churn", () => {
    expectResult(run("LTVCHURN", 50, 0.05, 0.8), 800);
  });
  it("defaults grossMargin to 1", () => {
    expectResult(run("LTVCHURN", 50, 0.05), 1000);
  });
  it("is #DIV/0! for a churn rate of 0, #NUM! for a churn rate above 1", () => {
    expectError(run("LTVCHURN", 50, 0), "#DIV/0!", "churnRate");
    expectError(run("LTVCHURN", 50, 1.5), "#NUM!", "churnRate");
  });
});

describe("LTVCAC", () => {
  it("is ltv / cac", () => {
    expectResult(run("LTVCAC", 960, 320), 3);
  });
  it("is #DIV/0! for a cac of 0 and #NUM! for a negative cac", () => {
    expectError(run("LTVCAC", 960, 0), "#DIV/0!", "cac");
    expectError(run("LTVCAC", 960, -1), "#NUM!", "cac");
  });
});

describe("PAYBACK", () => {
  it("is cac / (monthly revenue × margin), in months", () => {
    expectResult(run("PAYBACK", 300, 50, 0.5), 12);
  });
  it("defaults grossMargin to 1", () => {
    expectResult(run("PAYBACK", 300, 50), 6);
  });
  it("is #DIV/0! with no monthly revenue", () => {
    expectError(run("PAYBACK", 300, 0), "#DIV/0!", "revenuePerMonth");
  });
});

describe("NRR", () => {
  it("is (start + expansion − contraction − churned) / start", () => {
    expectResult(run("NRR", col(100000), col(15000), col(5000), col(3000)), 1.07);
  });
  it("sums each range", () => {
    expectResult(run("NRR", col(50000, 50000), row(10000, 5000), col(5000, null), col(3000, "")), 1.07);
  });
  it("is #NUM! when contraction and churn exceed the start, #DIV/0! for a zero start", () => {
    expectError(run("NRR", col(100), col(0), col(60), col(50)), "#NUM!", "startingRevenue");
    expectError(run("NRR", col(0), col(10), col(0), col(0)), "#DIV/0!", "startingRevenue");
  });
});

describe("GRR", () => {
  it("is (start − contraction − churned) / start", () => {
    expectResult(run("GRR", col(100000), col(5000), col(3000)), 0.92);
  });
  it("is #NUM! when losses exceed the start, #DIV/0! for a zero start", () => {
    expectError(run("GRR", col(100), col(60), col(50)), "#NUM!", "startingRevenue");
    expectError(run("GRR", col(0), col(0), col(0)), "#DIV/0!", "startingRevenue");
  });
});
