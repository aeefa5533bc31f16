import { describe, it } from "vitest";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, row, run } from "../helpers/kpi.js";

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
