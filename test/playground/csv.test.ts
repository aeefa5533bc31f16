import { describe, expect, it } from "vitest";
import {
  CONVENTIONS,
  dateSerial,
  detectConventions,
  detectSeparator,
  formatOf,
  formulaFromFrench,
  formulaToFrench,
  localPattern,
  readCell,
  readCsv,
  splitCsv,
} from "../../playground/csv.js";

const JAN_3_2025 = 45660;
const MAR_1_2025 = 45717;

describe("splitCsv", () => {
  it("keeps separators, doubled quotes and line breaks inside quoted fields", () => {
    expect(splitCsv('a,"b,c","say ""hi""","two\nlines"\r\nx,y,z,w\n', ",")).toEqual([
      ["a", "b,c", 'say "hi"', "two\nlines"],
      ["x", "y", "z", "w"],
    ]);
  });

  it("drops a byte-order mark and keeps empty fields", () => {
    expect(splitCsv("\uFEFFa;;c", ";")).toEqual([["a", "", "c"]]);
  });
});

describe("detectSeparator", () => {
  it("finds the semicolon of a French export even though its decimals hold commas", () => {
    expect(detectSeparator("Date;Client;Montant\n03/01/2025;Dupont SA;1 250,50\n15/01/2025;Martin;99,90\n")).toBe(";");
  });

  it("finds tabs in pasted cells and commas in an English export", () => {
    expect(detectSeparator("03/01/2025\tDupont SA\tMarie\t1 250,50\tGagné")).toBe("\t");
    expect(detectSeparator('Date,Customer,Amount\n2025-01-03,"Smith, Inc",1250.5\n')).toBe(",");
  });
});

describe("detectConventions", () => {
  it("settles day-first from a day above 12 and the decimal comma from 1 250,50", () => {
    expect(detectConventions(["03/01/2025", "15/01/2025", "1 250,50"], "en")).toEqual({ decimal: ",", dayFirst: true });
  });

  it("settles month-first from 01/15/2025 even on a French page", () => {
    expect(detectConventions(["01/15/2025", "1,250.50"], "fr")).toEqual({ decimal: ".", dayFirst: false });
  });

  it("follows the page's language where the texts leave it open", () => {
    expect(detectConventions(["03/01/2025", "1,250"], "fr")).toEqual(CONVENTIONS.fr);
    expect(detectConventions(["03/01/2025", "1,250"], "en")).toEqual(CONVENTIONS.en);
  });
});

describe("readCell", () => {
  const fr = CONVENTIONS.fr;
  const en = CONVENTIONS.en;

  it("reads 03/01/2025 as 3 January in French and 1 March in English", () => {
    expect(readCell("03/01/2025", fr)).toEqual({ value: JAN_3_2025, kind: "date" });
    expect(readCell("03/01/2025", en)).toEqual({ value: MAR_1_2025, kind: "date" });
    expect(readCell("2025-01-03", en)).toEqual({ value: JAN_3_2025, kind: "date" });
  });

  it("reads French thousands spaces (plain, no-break, narrow) and the decimal comma", () => {
    for (const text of ["1 250,50", "1\u00a0250,50", "1\u202f250,50", "1250,5"])
      expect(readCell(text, fr)).toEqual({ value: 1250.5, kind: "decimal" });
    expect(readCell("-1 000 000", fr)).toEqual({ value: -1_000_000, kind: "integer" });
    expect(readCell("1,250.50", en)).toEqual({ value: 1250.5, kind: "decimal" });
  });

  it("reads 12,5 % and 12,5% as 0.125, and 12.5% in English", () => {
    expect(readCell("12,5 %", fr)).toEqual({ value: 0.125, kind: "percent" });
    expect(readCell("12,5%", fr)).toEqual({ value: 0.125, kind: "percent" });
    expect(readCell("12.5%", en)).toEqual({ value: 0.125, kind: "percent" });
  });

  it("leaves text, impossible dates and codes that look numeric but are not numbers as text", () => {
    expect(readCell("Dupont SA", fr)).toEqual({ value: "Dupont SA" });
    expect(readCell("31/02/2025", fr)).toEqual({ value: "31/02/2025" });
    expect(readCell("SO-1001", fr)).toEqual({ value: "SO-1001" });
    expect(readCell("1,2,3", fr)).toEqual({ value: "1,2,3" });
    expect(readCell("  ", fr)).toEqual({ value: null });
  });
});

describe("readCsv", () => {
  it("reads a French CRM export into numbers, dates and text, with each column's kind", () => {
    const table = readCsv(
      "Date;Client;Commercial;Montant;Statut;Remise\n03/01/2025;Dupont SA;Marie;1 250,50;Gagné;12,5 %\n15/01/2025;Martin;Luc;980;Perdu;5 %\n",
      "fr",
    );
    expect(table.separator).toBe(";");
    expect(table.header).toBe(true);
    expect(table.rows).toEqual([
      ["Date", "Client", "Commercial", "Montant", "Statut", "Remise"],
      [JAN_3_2025, "Dupont SA", "Marie", 1250.5, "Gagné", 0.125],
      [JAN_3_2025 + 12, "Martin", "Luc", 980, "Perdu", 0.05],
    ]);
    expect(table.columnKinds).toEqual(["date", undefined, undefined, "decimal", undefined, "percent"]);
  });

  it("takes pasted rows without a header row as data, their first row's kinds included", () => {
    const table = readCsv("03/01/2025\tDupont SA\t1 250,50\n15/01/2025\tMartin\t980", "fr", "\t");
    expect(table.header).toBe(false);
    expect(table.columnKinds).toEqual(["date", undefined, "decimal"]);
  });

  it("reads the same dates month-first in an English export", () => {
    const table = readCsv("Date,Amount\n03/01/2025,1250.50\n03/15/2025,2\n", "en");
    expect(table.rows.slice(1).map((row) => row[0])).toEqual([MAR_1_2025, MAR_1_2025 + 14]);
  });
});

describe("number formats", () => {
  it("gives French dates day-first and a no-break space before %", () => {
    expect(formatOf("date", "fr")).toBe("dd/mm/yyyy");
    expect(localPattern("yyyy-mm-dd", "fr")).toBe("dd/mm/yyyy");
    expect(localPattern("0.0%", "fr")).toBe("0.0\u00a0%");
    expect(localPattern("0.0\u00a0%", "fr")).toBe("0.0\u00a0%");
    expect(localPattern("yyyy-mm-dd", "en")).toBe("yyyy-mm-dd");
    expect(localPattern("#,##0.00", "fr")).toBe("#,##0.00");
  });

  it("computes serials of real dates only", () => {
    expect(dateSerial(2025, 1, 3)).toBe(JAN_3_2025);
    expect(dateSerial(2025, 2, 29)).toBeUndefined();
  });
});

describe("formulaFromFrench", () => {
  it("turns ; into , and decimal commas into dots, outside strings and sheet names", () => {
    expect(formulaFromFrench("=KPI.CONVERSION(5;10)")).toBe("=KPI.CONVERSION(5,10)");
    expect(formulaFromFrench("=KPI.GROWTH(120,5;100)")).toBe("=KPI.GROWTH(120.5,100)");
    expect(formulaFromFrench(`=KPI.WINRATE('Opp;1'!D2:D9;"Gagné;x";"1,5")`)).toBe(
      `=KPI.WINRATE('Opp;1'!D2:D9,"Gagné;x","1,5")`,
    );
  });

  it("writes an English formula back the French way, sheet names and function names untouched", () => {
    const english = `=KPI.WINRATE('Opp, 1'!D2:D9,"Won, yes",0.5)`;
    expect(formulaToFrench(english)).toBe(`=KPI.WINRATE('Opp, 1'!D2:D9;"Won, yes";0,5)`);
    expect(formulaFromFrench(formulaToFrench(english))).toBe(english);
  });

  it("leaves an English formula alone", () => {
    expect(formulaFromFrench("=KPI.CONVERSION(5,10)")).toBe("=KPI.CONVERSION(5,10)");
  });
});
