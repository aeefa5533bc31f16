import { describe, expect, it } from "vitest";
import { dateToSerial, isKpiError } from "../../core/index.js";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, row, run } from "../helpers/kpi.js";

describe("CONVERSION", () => {
  it("divides total conversions by total prospects", () => {
    expectResult(run("CONVERSION", col(12, 30), col(100, 200)), 0.14);
  });
  it("reads 2-D and row-shaped ranges row by row", () => {
    expectResult(run("CONVERSION", [[12, 30]], [[100], [200]]), 0.14);
    expectResult(
      run(
        "CONVERSION",
        [
          [5, 5],
          [1, 1],
        ],
        row(20, 20, 10),
      ),
      0.24,
    );
  });
  it("skips blank cells (null, empty text, spaces, undefined)", () => {
    expectResult(run("CONVERSION", col(12, null, "", 30, "  ", undefined), col(100, 200)), 0.14);
  });
  it("is #DIV/0! when prospects sum to 0 or are all blank", () => {
    expectError(run("CONVERSION", col(5), col(0)), "#DIV/0!", "prospects");
    expectError(run("CONVERSION", col(5), col(null, "")), "#DIV/0!", "prospects");
  });
  it("is #NUM! for negative counts, naming the cell", () => {
    expectError(run("CONVERSION", col(5, -1), col(100)), "#NUM!", "conversions: cell 2", "-1");
  });
  it("is #NUM! when conversions exceed prospects (documented: arguments probably swapped)", () => {
    expectError(run("CONVERSION", col(200), col(100)), "#NUM!", "argument order");
  });
  it("accepts a single cell for each argument", () => {
    expectResult(run("CONVERSION", 25, 100), 0.25);
  });
});

describe("CPL", () => {
  it("divides total spend by total leads", () => {
    expectResult(run("CPL", row(1000, 500), row(40, 20)), 25);
  });
  it("skips blanks in either range independently", () => {
    expectResult(run("CPL", col(1000, null, 500), col(40, 20, "")), 25);
  });
  it("is #DIV/0! when leads sum to 0", () => {
    expectError(run("CPL", col(100), col(0, 0)), "#DIV/0!", "leads sums to 0");
  });
  it("is #NUM! for a negative spend", () => {
    expectError(run("CPL", col(100, -5), col(10)), "#NUM!", "spend: cell 2");
  });
  it("names the row and column of a bad cell in a 2-D range", () => {
    expectError(
      run(
        "CPL",
        [
          [1, 2],
          [3, "x"],
        ],
        col(10),
      ),
      "#VALUE!",
      "spend: cell 4 (row 2, column 2)",
      'text "x"',
    );
  });
});

describe("CAC", () => {
  it("divides marketing plus sales costs by new customers", () => {
    expectResult(run("CAC", col(3000, 2000), col(4000, 1000), col(20, 30)), 200);
  });
  it("takes ranges of different sizes: they are not paired", () => {
    expectResult(run("CAC", col(3000, 2000, 0), col(5000), row(20, 30)), 200);
  });
  it("is #DIV/0! when newCustomers sums to 0, with the Sheets message of the catalogue", () => {
    const error = expectError(run("CAC", col(100), col(100), col(0)), "#DIV/0!");
    expect(error.format("KPI_CAC")).toBe("#DIV/0! KPI_CAC: newCustomers sums to 0");
  });
  it("is #NUM! for negative costs", () => {
    expectError(run("CAC", col(100), col(-1), col(1)), "#NUM!", "salesCosts: cell 1");
  });
});

describe("ROI", () => {
  it("is (returns − costs) / costs", () => {
    expectResult(run("ROI", col(15000), col(10000)), 0.5);
  });
  it("can be negative when returns fall short, and returns may be negative", () => {
    expectResult(run("ROI", col(5000, -1000), col(10000)), -0.6);
  });
  it("is #DIV/0! when costs sum to 0", () => {
    expectError(run("ROI", col(1), col(0)), "#DIV/0!", "costs");
  });
  it("is #NUM! for a negative cost", () => {
    expectError(run("ROI", col(1), col(-3)), "#NUM!", "costs: cell 1");
  });
});

describe("ROMI", () => {
  it("defaults grossMargin to 1", () => {
    expectResult(run("ROMI", col(50000), col(10000)), 4);
    expectResult(run("ROMI", col(50000), col(10000), null), 4);
    expectResult(run("ROMI", col(50000), col(10000), ""), 4);
  });
  it("applies the gross margin to revenue", () => {
    expectResult(run("ROMI", col(50000), col(10000), 0.4), 1);
  });
  it("is #NUM! for a gross margin outside (0, 1]", () => {
    expectError(run("ROMI", col(1), col(1), 0), "#NUM!", "grossMargin");
    expectError(run("ROMI", col(1), col(1), 1.5), "#NUM!", "grossMargin");
  });
  it("is #DIV/0! when marketingCosts sum to 0", () => {
    expectError(run("ROMI", col(1), col(0)), "#DIV/0!", "marketingCosts");
  });
  it("is #VALUE! when grossMargin is a range of several values", () => {
    expectError(run("ROMI", col(1), col(1), col(0.5, 0.6)), "#VALUE!", "grossMargin", "single value");
  });
});

describe("WINRATE", () => {
  it("is won / (won + lost), ignoring other outcomes", () => {
    expectResult(run("WINRATE", col("Won", "Lost", "Open", "Won", "Lost", "Stalled")), 0.5);
  });
  it("compares labels trimmed and case-insensitively", () => {
    expectResult(run("WINRATE", col(" won", "WON ", "lost", "Lost")), 0.5);
  });
  it("accepts custom labels, themselves trimmed and case-insensitive", () => {
    expectResult(run("WINRATE", col("Gagné", "Perdu", "gagné"), " GAGNÉ ", "perdu"), 2 / 3);
  });
  it("skips blank outcomes", () => {
    expectResult(run("WINRATE", col("Won", null, "", "Lost")), 0.5);
  });
  it("is #DIV/0! when no outcome is won or lost", () => {
    expectError(run("WINRATE", col("Open", "Open")), "#DIV/0!", '"Won"', '"Lost"');
  });
  it("is #VALUE! when the won and lost labels are the same", () => {
    expectError(run("WINRATE", col("Won"), "Won", " won"), "#VALUE!", "wonLabel and lostLabel");
  });
  it("reads 2-D and row-shaped outcome ranges", () => {
    expectResult(
      run("WINRATE", [
        ["Won", "Lost"],
        ["Won", "Open"],
      ]),
      2 / 3,
    );
    expectResult(run("WINRATE", row("Won", "Lost")), 0.5);
  });
  it("treats booleans and numbers as labels", () => {
    expectResult(run("WINRATE", col(true, false, true), true, false), 2 / 3);
    expectResult(run("WINRATE", col(1, 0, 0), 1, 0), 1 / 3);
  });
});

describe("SALESCYCLE", () => {
  const created = col(46023, 46030, 46040);
  it("averages closed − created over rows with both dates", () => {
    expectResult(run("SALESCYCLE", created, col(46053, 46040, "")), 20);
  });
  it("uses only won rows when outcomes are given, labels trimmed and case-insensitive", () => {
    expectResult(run("SALESCYCLE", created, col(46053, 46040, 46041), col(" won", "Lost", "WON")), 15.5);
  });
  it("takes the median on request", () => {
    expectResult(
      run("SALESCYCLE", created, col(46053, 46040, 46041), col("Won", "Lost", "Won"), "Won", "median"),
      15.5,
    );
    expectResult(run("SALESCYCLE", col(1, 1, 1), col(2, 3, 11), null, null, "MEDIAN"), 2);
  });
  it("defaults wonLabel to Won and statistic to mean", () => {
    expectResult(run("SALESCYCLE", col(1, 1, 1), col(2, 3, 11), col("Won", "Won", "Won")), 13 / 3);
  });
  it("skips a row where any of its paired cells is blank", () => {
    expectResult(run("SALESCYCLE", col(1, null, 1), col(11, 5, 21), col("Won", "Won", "")), 10);
  });
  it("gives the same result for Date objects and serial numbers", () => {
    const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
    const asDates = run("SALESCYCLE", col(d("2026-01-01"), d("2026-01-10")), col(d("2026-01-31"), d("2026-01-20")));
    const asSerials = run(
      "SALESCYCLE",
      col(dateToSerial(d("2026-01-01")), dateToSerial(d("2026-01-10"))),
      col(dateToSerial(d("2026-01-31")), dateToSerial(d("2026-01-20"))),
    );
    expectResult(asDates, 20);
    expectResult(asSerials, 20);
  });
  it("is #N/A when no row has both dates, or no won row does", () => {
    expectError(run("SALESCYCLE", col(1, 2), col(null, "")), "#N/A");
    expectError(run("SALESCYCLE", col(1, 2), col(3, 4), col("Lost", "Open")), "#N/A", "won");
  });
  it("is #NUM! when a closed date is before its created date, naming the cell", () => {
    expectError(run("SALESCYCLE", col(10, 20, 30), col(15, "", 25)), "#NUM!", "closedDates: cell 3");
  });
  it("is #VALUE! for an unknown statistic or mismatched sizes", () => {
    expectError(run("SALESCYCLE", col(1), col(2), null, null, "mode"), "#VALUE!", "statistic", "mean, median");
    expectError(run("SALESCYCLE", col(1, 2), col(2)), "#VALUE!", "createdDates and closedDates", "2 cells", "has 1");
  });
  it("is #NUM!, never Infinity, when the day counts add up beyond what a number can hold", () => {
    expectError(run("SALESCYCLE", col(0, 0), col(1e308, 1e308)), "#NUM!", "too large");
  });
  it("takes the median of two huge day counts without overflowing", () => {
    expectResult(run("SALESCYCLE", col(0, 0), col(1e308, 1e308), null, null, "median"), 1e308);
  });
  it("is #NUM! for a negative serial date", () => {
    expectError(run("SALESCYCLE", col(-1), col(2)), "#NUM!", "createdDates: cell 1");
  });
});

describe("VELOCITY", () => {
  it("is opportunities × winRate × averageDealSize / cycleDays", () => {
    expectResult(run("VELOCITY", 50, 0.2, 10000, 40), 2500);
  });
  it("accepts one-cell ranges for its scalar arguments", () => {
    expectResult(run("VELOCITY", [[50]], [[0.2]], [[10000]], [[40]]), 2500);
  });
  it("is #DIV/0! when cycleDays is 0", () => {
    expectError(run("VELOCITY", 50, 0.2, 10000, 0), "#DIV/0!", "cycleDays");
  });
  it("is #NUM! for a win rate outside [0, 1] or a negative count", () => {
    expectError(run("VELOCITY", 50, 1.2, 10000, 40), "#NUM!", "winRate");
    expectError(run("VELOCITY", -1, 0.2, 10000, 40), "#NUM!", "opportunities");
  });
  it("is #VALUE! when a required argument is empty or a range of several values", () => {
    expectError(run("VELOCITY", 50, null, 10000, 40), "#VALUE!", "winRate", "required");
    expectError(run("VELOCITY", col(1, 2), 0.2, 10000, 40), "#VALUE!", "opportunities", "single value");
  });
});

describe("WEIGHTEDPIPELINE", () => {
  it("sums amount × probability over paired rows", () => {
    expectResult(run("WEIGHTEDPIPELINE", col(10000, 5000, 20000), col(0.5, 0.2, 0.1)), 8000);
  });
  it("skips a row whose amount or probability is blank", () => {
    expectResult(run("WEIGHTEDPIPELINE", col(10000, 5000, 20000, null), col(0.5, 0.2, "", 1)), 6000);
  });
  it("pairs 2-D ranges cell by cell in reading order", () => {
    expectResult(
      run(
        "WEIGHTEDPIPELINE",
        [
          [100, 200],
          [300, 400],
        ],
        row(1, 0.5, 0, 0.25),
      ),
      300,
    );
  });
  it("is #NUM! for a probability outside [0, 1], naming the cell", () => {
    expectError(run("WEIGHTEDPIPELINE", col(1, 2), col(0.5, 50)), "#NUM!", "probabilities: cell 2");
  });
  it("is #VALUE! naming both arguments and sizes when they differ", () => {
    expectError(
      run("WEIGHTEDPIPELINE", col(1, 2, 3), col(0.5, 0.5)),
      "#VALUE!",
      "amounts and probabilities must be the same size",
      "amounts has 3 cells",
      "probabilities has 2",
    );
  });
  it("is 0 when every row has a blank", () => {
    expectResult(run("WEIGHTEDPIPELINE", col(1, null), col(null, 0.5)), 0);
  });
});

describe("COVERAGE", () => {
  it("divides open pipeline by quota minus closed won", () => {
    expectResult(run("COVERAGE", col(300000), 200000, 50000), 2);
  });
  it("defaults closedWon to 0", () => {
    expectResult(run("COVERAGE", col(100000, 200000), 200000), 1.5);
    expectResult(run("COVERAGE", col(100000, 200000), 200000, null), 1.5);
  });
  it("is #NUM! when the quota is already met (remaining ≤ 0)", () => {
    expectError(run("COVERAGE", col(300000), 200000, 250000), "#NUM!", "remaining quota");
    expectError(run("COVERAGE", col(300000), 200000, 200000), "#NUM!", "remaining quota");
  });
  it("is #NUM! for a negative pipeline amount", () => {
    expectError(run("COVERAGE", col(5, -5), 10), "#NUM!", "openPipeline: cell 2");
  });
});

describe("FUNNEL", () => {
  it("spills one row per stage: count, step, cumulative and drop-off", () => {
    expectResult(run("FUNNEL", col(1000, 250, 50)), [
      [1000, 1, 1, 0],
      [250, 0.25, 0.25, 0.75],
      [50, 0.2, 0.05, 0.8],
    ]);
  });
  it("adds the stage names as a first column, trimmed", () => {
    expectResult(run("FUNNEL", row(200, 50), row(" Leads ", "Deals")), [
      ["Leads", 200, 1, 1, 0],
      ["Deals", 50, 0.25, 0.25, 0.75],
    ]);
  });
  it("shows #DIV/0! only in the ratio cells after a stage of 0", () => {
    expectResult(run("FUNNEL", col(100, 0, 0)), [
      [100, 1, 1, 0],
      [0, 0, 0, 1],
      [0, "#DIV/0!", 0, "#DIV/0!"],
    ]);
    expectResult(run("FUNNEL", col(0, 5)), [
      [0, 1, "#DIV/0!", 0],
      [5, "#DIV/0!", "#DIV/0!", "#DIV/0!"],
    ]);
  });
  it("names the function in the errors inside its spill, as in a thrown one", () => {
    const cells = (run("FUNNEL", col(0, 5)) as unknown[][]).flat().filter(isKpiError);
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) expect(cell.format(`KPI_${cell.fn}`)).toMatch(/^#DIV\/0! KPI_FUNNEL: /);
  });
  it("skips blank counts, and a stage whose name or count is blank", () => {
    expectResult(run("FUNNEL", col(100, null, 50)), [
      [100, 1, 1, 0],
      [50, 0.5, 0.5, 0.5],
    ]);
    expectResult(run("FUNNEL", col(100, 80, 50), col("A", "", "C")), [
      ["A", 100, 1, 1, 0],
      ["C", 50, 0.5, 0.5, 0.5],
    ]);
  });
  it("is #N/A with no stage, #NUM! for a negative count, #VALUE! for mismatched names", () => {
    expectError(run("FUNNEL", col(null, "")), "#N/A", "stageCounts");
    expectError(run("FUNNEL", col(10, -1)), "#NUM!", "stageCounts: cell 2");
    expectError(run("FUNNEL", col(10, 5), col("A")), "#VALUE!", "stageCounts and stageNames", "2 cells", "has 1");
  });
});
