import { beforeAll, describe, expect, it } from "vitest";
import { aggregateFor } from "../../core/aggregate/index.js";
import { sampleSheets } from "../../core/dashboard/sample-data.js";
import { evaluate, isKpiError, KPIS, type KpiError } from "../../core/index.js";
import { BUILD_TIMEOUT, ensureBuilt } from "../hosts/build.js";
import { callExcel, loadExcelFunctions } from "../hosts/excel-sandbox.js";
import { loadCodeJs } from "../hosts/sheets-sandbox.js";
import { col, expectError, kpi, run } from "../helpers/kpi.js";
import { displayValue } from "../../pane/format.js";
import { ErrorCauses, registerKpis, type UniverExecutor, type UniverValue } from "../../playground/kpi-functions.js";

const NBSP = "\u00a0";
const NNBSP = "\u202f";

const errorOf = (outcome: unknown): KpiError => {
  expect(isKpiError(outcome), `expected an error, got ${JSON.stringify(outcome)}`).toBe(true);
  return outcome as KpiError;
};

/** Calls that fail, one or more per kind of cause, with a spreadsheet-like origin where a cell is named. */
const FAILING: readonly (readonly [string, unknown[]])[] = [
  ["CAC", [col(100), col(50), col(0)]],
  ["CAC", [col(100), col(50)]],
  ["NPS", [col(10, 11)]],
  ["NPS", [col(10, "1 234,5")]],
  ["NPS", [col(true)]],
  ["CONVERSION", [col(20), col(10)]],
  ["WEIGHTEDPIPELINE", [col(1, 2, 3), col(0.5, 0.5)]],
  ["WEIGHTEDPIPELINE", [col(100), col(40)]],
  ["TREND", [col(5), 3]],
  ["SALESCYCLE", [col(46063), col(46054)]],
  ["SALESCYCLE", [col(1, 2), col(3, 4), col("Lost", "Open")]],
  ["SALESCYCLE", [col("01/02/2026"), col(46054)]],
  ["SALESCYCLE", [col(1), col(2), null, null, "mode"]],
  ["RUNRATE", [col(100), 46023, 46053, 46100]],
  ["RUNRATE", [col(100), 46053, 46023, 46030]],
  ["PERIODS", [col(46023, 2_958_466), col(1, 2)]],
  ["COHORT", [col("a"), col(2_958_466)]],
  ["WINRATE", [col("Open")]],
  ["WINRATE", [col("Won"), "Perdu"]],
  ["CSAT", [col(5), 5, 6]],
  ["FORECAST", [col(1, 2), 3]],
  ["GROWTHSERIES", [col(0, 5)]],
  ["BY", [col("a", "b"), "NOPE", col(1, 2)]],
  ["BY", [col("a", "b"), "CAC", col(1, 2), col(1, 2), col(0, 0)]],
  ["SCORE", [[[1, 2]], col(1)]],
  ["CAGR", [0, 100, 3]],
  ["COVERAGE", [col(100), col(50), col(60)]],
  ["STATUS", [95, 100, "maybe"]],
  ["NPS", [col(10), col(1)]],
];

describe("every cause in English and in French", () => {
  const errors = FAILING.map(([id, args]) => {
    const outcome = evaluate(kpi(id), args);
    // GROWTHSERIES keeps its error inside the spill.
    const found = Array.isArray(outcome) ? outcome.flat().find(isKpiError) : outcome;
    return { id, error: errorOf(found) };
  });

  it("gives each failing call a French cause that is not the English one", () => {
    for (const { id, error } of errors) {
      expect(error.detailIn("fr"), `${id}: ${error.detail}`).not.toBe(error.detail);
      expect(error.detailIn("en")).toBe(error.detail);
    }
  });

  it("writes French causes with no-break spaces before : ; ? ! and inside « », never a plain one", () => {
    for (const { id, error } of errors) {
      const fr = error.detailIn("fr");
      expect(fr, id).not.toMatch(/ [:;?!]|« | »/);
      expect(fr, id).not.toMatch(/"/);
      expect(error.format(`KPI.${id}`, "fr")).toBe(`${error.code} KPI.${id}${NBSP}: ${fr}`);
    }
  });

  it("keeps the English format and the error codes whatever the language", () => {
    const error = errorOf(run("CAC", col(100), col(50), col(0)));
    expect(error.format("KPI_CAC")).toBe("#DIV/0! KPI_CAC: newCustomers sums to 0");
    expect(error.format("KPI_CAC", "fr")).toBe(`#DIV/0! KPI_CAC${NBSP}: la somme de newCustomers est 0`);
  });

  it("names a cell by its address and a number stored as text in French words", () => {
    const origin = { sheet: "Enquête", row: 1, col: 1 };
    const error = errorOf(evaluate(kpi("NPS"), [col(9, 10, "1 234,5")], [{ origin }]));
    expect(error.detail).toBe(
      "scores: 'Enquête'!B4 is text \"1 234,5\", expected a number; it looks like a number stored as text: convert it with VALUE() or NUMBERVALUE(), or fix the column format",
    );
    expect(error.detailIn("fr")).toBe(
      `scores${NBSP}: 'Enquête'!B4 est le texte «${NBSP}1 234,5${NBSP}»${NNBSP}; un nombre est attendu${NNBSP}; on dirait un nombre stocké comme texte${NBSP}: convertissez-le avec CNUM() ou VALEURNOMBRE(), ou corrigez le format de la colonne`,
    );
  });

  it("names a cell by position in French when the host gave no address", () => {
    const error = errorOf(run("NPS", [[9, "abc"]]));
    expect(error.detailIn("fr")).toBe(
      `scores${NBSP}: cellule 2 (ligne 1, colonne 2) est le texte «${NBSP}abc${NBSP}»${NNBSP}; un nombre est attendu`,
    );
  });
});

describe("a missing argument says so, an empty one keeps its cause", () => {
  it("is #VALUE! 'argument missing' when a required range is left out (Sheets and the playground pass undefined)", () => {
    const error = expectError(run("CAC", col(100), col(50)), "#VALUE!", "newCustomers: argument missing");
    expect(error.detailIn("fr")).toBe(`newCustomers${NBSP}: argument manquant`);
  });

  it("reads Excel's null for a range as left out: a range Excel receives is always rows of cells", () => {
    expectError(run("CAC", col(100), col(50), null), "#VALUE!", "newCustomers: argument missing");
    expectError(run("CONVERSION", undefined, col(10)), "#VALUE!", "conversions: argument missing");
  });

  it("keeps 'sums to 0' and 'has no values' for a range given with only empty cells", () => {
    expectError(run("CAC", col(100), col(50), col(null, "")), "#DIV/0!", "newCustomers sums to 0");
    expectError(run("AOV", col(null), col(null)), "#DIV/0!", "revenue has no values");
  });

  it("keeps 'required but empty' for a single value given as an empty cell, and 'missing' when left out", () => {
    expectError(run("CAGR", 100, 120, null), "#VALUE!", "periods is required but empty");
    expectError(run("CAGR", 100, 120), "#VALUE!", "periods: argument missing");
  });
});

describe("dates in causes are dates", () => {
  it("writes SALESCYCLE's dates as ISO days in English and dd/mm/yyyy in French", () => {
    const error = expectError(run("SALESCYCLE", col(46063), col(46054)), "#NUM!", "closedDates: cell 1");
    expect(error.detail).toBe("closedDates: cell 1 is before its created date (closed 2026-02-01, created 2026-02-10)");
    expect(error.detailIn("fr")).toBe(
      `closedDates${NBSP}: cellule 1 est avant sa date de création (clôture 01/02/2026, création 10/02/2026)`,
    );
  });

  it("writes RUNRATE's period and PERIODS' late dates as dates, never as serials", () => {
    const outside = errorOf(run("RUNRATE", col(100), 46023, 46053, 46100));
    expect(outside.detail).toBe("asOf (2026-03-19) is outside the period 2026-01-01 to 2026-01-31");
    expect(outside.detailIn("fr")).toContain("19/03/2026");
    const late = errorOf(run("PERIODS", col(46023, 2_958_466), col(1, 2)));
    expect(late.detail).toBe("dates: cell 2 is 10000-01-01, after 9999-12-31");
    expect(late.detailIn("fr")).toBe(`dates${NBSP}: cellule 2 est le 01/01/10000, après le 31/12/9999`);
    for (const serial of ["46100", "46023", "2958466"])
      expect(outside.detail + outside.detailIn("fr") + late.detail + late.detailIn("fr")).not.toContain(serial);
  });
});

describe("the asOf date of the customer models is a date too", () => {
  it("names RFM's asOf as a day when no order is on or before it", () => {
    const error = expectError(run("RFM", col("a"), col(46100), col(10), 46023), "#N/A", "asOf");
    expect(error.detail).toBe("no order on or before asOf (2026-01-01)");
    expect(error.detailIn("fr")).toBe("aucune commande à la date asOf (01/01/2026) ou avant");
  });
});

describe("WINRATE and SALESCYCLE read French outcomes when no label is given", () => {
  it("counts Gagné, Gagnée, Perdu and Perdue, in any case and with or without accents", () => {
    expect(run("WINRATE", col("Gagné", "perdue", "GAGNEE", "En cours", "Perdu", "won"))).toBe(3 / 5);
  });

  it("keeps an explicit label's exact meaning: 'Won' given does not count Gagné", () => {
    expect(run("WINRATE", col("Gagné", "Won", "Lost", "Perdu"), "Won", "Lost")).toBe(1 / 2);
    expect(run("WINRATE", col("Gagné", "gagne", "Perdu"), "Gagné", "Perdu")).toBe(1 / 2);
  });

  it("refuses a given label that the other side's default also reads", () => {
    const error = expectError(run("WINRATE", col("Won"), "Perdu"), "#VALUE!", 'both "Perdu"');
    expect(error.detailIn("fr")).toContain("«\u00a0Perdu\u00a0»");
  });

  it("names both languages' defaults when no outcome is won or lost", () => {
    const error = expectError(run("WINRATE", col("Open")), "#DIV/0!", 'no outcome is "Won" or "Lost"');
    expect(error.detailIn("fr")).toContain("Gagné");
  });

  it("gives SALESCYCLE's default won label both languages", () => {
    expect(run("SALESCYCLE", col(1, 2, 3), col(11, 32, 4), col("Gagnée", "perdu", "Won"))).toBe(5.5);
    expect(run("SALESCYCLE", col(1, 2, 3), col(11, 32, 4), col("Gagnée", "perdu", "Won"), "Won")).toBe(1);
  });

  it("gives the mergeable aggregate the same defaults as the sheet", () => {
    const agg = aggregateFor("WINRATE");
    const state = ["Gagné", "Perdu", "perdue", "Won"].reduce((s, o) => agg.add(s, o), agg.init());
    expect(agg.finish(state)).toBe(1 / 2);
    const exact = aggregateFor("WINRATE", ["Won", "Lost"]);
    const exactState = ["Gagné", "Perdu", "Won", "Lost"].reduce((s, o) => exact.add(s, o), exact.init());
    expect(exact.finish(exactState)).toBe(1 / 2);
  });

  it("says 'a value' for a bad row of an aggregate, in French too", () => {
    const agg = aggregateFor("NPS");
    let caught: unknown;
    try {
      agg.add(agg.init(), "abc");
    } catch (error) {
      caught = error;
    }
    expect(errorOf(caught).detailIn("fr")).toBe(
      `scores${NBSP}: une valeur est le texte «${NBSP}abc${NBSP}»${NNBSP}; un nombre est attendu`,
    );
  });

  it("computes a win rate over the French sample's Statut column, the same as with its labels given", () => {
    const sheet = sampleSheets("fr").find((s) => s.role === "opportunities");
    if (!sheet) throw new Error("no opportunities sample");
    const outcome = sheet.headers.indexOf("Statut");
    const outcomes = sheet.rows.map((row) => [row[outcome] ?? null]);
    expect(outcomes.flat()).toContain("Gagné");
    const rate = run("WINRATE", outcomes);
    expect(typeof rate).toBe("number");
    expect(rate).toBe(run("WINRATE", outcomes, "Gagné", "Perdu"));
  });

  it("describes the defaults of the label parameters in both languages", () => {
    const winrate = KPIS.find((k) => k.id === "WINRATE");
    const labels = winrate?.params.filter((p) => p.name.endsWith("Label")) ?? [];
    expect(labels.map((p) => p.description.fr).join(" ")).toMatch(/Gagné.*Perdu/s);
    expect(labels.map((p) => p.description.en).join(" ")).toMatch(/Gagné.*Perdu/s);
  });
});

describe("hosts write causes in the language they tell", () => {
  beforeAll(() => ensureBuilt(), BUILD_TIMEOUT);

  it("Excel: French causes when Office's display language is French, English without Office", async () => {
    const args = [col(100), col(50), col(0, "abc")];
    const french = loadExcelFunctions({ Office: { context: { displayLanguage: "fr-FR" } } }).get("CAC");
    const plain = loadExcelFunctions().get("CAC");
    if (!french || !plain) throw new Error("KPI.CAC is not associated");
    const inFrench = await callExcel(french, args);
    const inEnglish = await callExcel(plain, args);
    expect("error" in inFrench && inFrench.error.message).toBe(
      `KPI.CAC${NBSP}: newCustomers${NBSP}: cellule 2 est le texte «${NBSP}abc${NBSP}»${NNBSP}; un nombre est attendu`,
    );
    expect("error" in inEnglish && inEnglish.error.message).toBe(
      'KPI.CAC: newCustomers: cell 2 is text "abc", expected a number',
    );
  });

  it("Sheets: French causes in a French-locale spreadsheet, the locale read once, English when it cannot be read", () => {
    let lookups = 0;
    const spreadsheet = (locale: () => string) => ({
      getActive: () => ({ getSpreadsheetTimeZone: () => "Europe/Paris", getSpreadsheetLocale: locale }),
    });
    const french = loadCodeJs({
      spreadsheetTimeZone: "Europe/Paris",
      globals: { SpreadsheetApp: spreadsheet(() => (lookups++, "fr_FR")) },
    });
    expect(french.call("KPI_NPS", [[[10], [9]]])).toBe(100);
    expect(lookups).toBe(0);
    expect(() => french.call("KPI_CAC", [[[100]], [[50]]])).toThrow(
      `#VALUE! KPI_CAC${NBSP}: newCustomers${NBSP}: argument manquant`,
    );
    expect(() => french.call("KPI_CAC", [[[100]], [[50]], [[0]]])).toThrow("la somme de newCustomers est 0");
    expect(lookups).toBe(1);
    const failing = loadCodeJs({
      spreadsheetTimeZone: "Europe/Paris",
      globals: {
        SpreadsheetApp: spreadsheet(() => {
          throw new Error("no active spreadsheet");
        }),
      },
    });
    expect(() => failing.call("KPI_CAC", [[[100]], [[50]]])).toThrow("#VALUE! KPI_CAC: newCustomers: argument missing");
  });
});

describe("the playground and the pane write causes in their language", () => {
  const value = (v: unknown): UniverValue => ({
    isNull: () => false,
    isError: () => false,
    isArray: () => false,
    getValue: () => v,
  });

  for (const lang of ["en", "fr"] as const) {
    it(`records a ${lang === "fr" ? "French" : "English"} cause at the cell with ?lang=${lang}`, () => {
      const executors = new Map<string, UniverExecutor>();
      const causes = new ErrorCauses();
      registerKpis(
        {
          registerFunction: (name) =>
            executors.set(name, { needsReferenceObject: false, isCustom: () => true, calculate: () => null }),
        },
        { lang, executor: (name) => executors.get(name), toObjects: (r) => r, sheetName: () => undefined, causes },
      );
      const cac = executors.get("KPI.CAC");
      if (!cac) throw new Error("KPI.CAC is not registered");
      const at = { _unitId: "book", _subUnitId: "s1", _row: 2, _column: 3 };
      expect(cac.calculate.call({ ...cac, ...at }, value(100), value(50))).toBe("#VALUE!");
      expect(causes.at({ unitId: "book", sheetId: "s1", row: 2, col: 3 })).toBe(
        lang === "fr"
          ? `#VALUE! KPI.CAC${NBSP}: newCustomers${NBSP}: argument manquant`
          : "#VALUE! KPI.CAC: newCustomers: argument missing",
      );
    });
  }

  it("shows the pane's preview of an error in the pane's language", () => {
    const error = errorOf(run("CAC", col(100), col(50), col(0)));
    expect(displayValue(error, "fr", undefined, "KPI.CAC")).toBe(
      `#DIV/0! KPI.CAC${NBSP}: la somme de newCustomers est 0`,
    );
    expect(displayValue(error, "en", undefined, "KPI.CAC")).toBe("#DIV/0! KPI.CAC: newCustomers sums to 0");
  });
});
