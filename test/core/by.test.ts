import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { describe, expect, it } from "vitest";
import { isKpiError, KpiError, type KpiResult } from "../../core/index.js";
import { expectResult } from "../helpers/expect.js";
import { col, expectError, run } from "../helpers/kpi.js";
import { PADDING, seeded, type Rng } from "../helpers/random.js";

const rows = (result: KpiResult | KpiError): unknown[][] => {
  if (isKpiError(result)) throw result;
  return result as unknown[][];
};

describe("BY", () => {
  it("applies a KPI to each group's rows, groups in order of first appearance, labels as first spelt", () => {
    expectResult(
      run("BY", col("Ann", "Bob", " ann ", "Bob", null), "WINRATE", col("Won", "Lost", "Lost", "Won", "Won")),
      [
        ["Ann", 0.5],
        ["Bob", 0.5],
      ],
    );
  });

  it("accepts the KPI as KPI.NAME or KPI_NAME, any case", () => {
    for (const name of ["KPI.WINRATE", "kpi_winrate", " winrate "])
      expectResult(run("BY", col("a", "b"), name, col("Won", "Lost")), [
        ["a", 1],
        ["b", 0],
      ]);
  });

  it("gives a single value (an option of the inner KPI) to every group", () => {
    expectResult(run("BY", col("a", "b", "a"), "WINRATE", col("Gagné", "Perdu", "Perdu"), "Gagné", "Perdu"), [
      ["a", 0.5],
      ["b", 0],
    ]);
    expectResult(run("BY", col("a", "b", "a"), "CSAT", col(5, 2, 3), 5, 3), [
      ["a", 1],
      ["b", 0],
    ]);
  });

  it("keeps a group's error in its cell, naming the group and the cell's place in the original range", () => {
    const out = rows(run("BY", col("Web", "Shop", "Web"), "CONVERSION", col(3, 1, "x"), col(10, 0, 20)));
    const [web, shop] = [out[0]?.[1], out[1]?.[1]] as [KpiError, KpiError];
    expect(web.code).toBe("#VALUE!");
    expect(web.detail).toBe('group "Web": CONVERSION: conversions: cell 3 is text "x", expected a number');
    expect(shop.code).toBe("#DIV/0!");
    expect(shop.fn).toBe("BY");
  });

  it("names a paired KPI's bad row by its row in the user's range", () => {
    const out = rows(run("BY", col("a", "b", "a"), "SALESCYCLE", col(46000, 46001, 46010), col(46005, 46009, 46002)));
    expect((out[0]?.[1] as KpiError).detail).toContain("closedDates: cell 3 is before its created date");
  });

  it("groups a number and its text together, a blank apart from the text null, and many labels as few", () => {
    expectResult(run("BY", col(2024, "2024 ", null, "null", true, "TRUE"), "NPS", col(10, 0, 10, 5, 9, 9)), [
      ["2024", 0],
      ["null", -100],
      ["TRUE", 100],
    ]);
    // Texts are property keys of an object without a prototype: Object's own property names are labels like any.
    expectResult(
      run("BY", col("__proto__", "constructor", "toString", "__PROTO__", "valueOf"), "NPS", col(10, 0, 9, 0, 10)),
      [
        ["__proto__", 0],
        ["constructor", -100],
        ["toString", 100],
        ["valueOf", 100],
      ],
    );
    // Past the first 16,384 spellings texts are looked up another way: a label spelt again after the switch
    // (upper case, surrounded by spaces, or exactly) still joins its group.
    const n = 20_000;
    const labels = [
      ...Array.from({ length: n }, (_, i) => `c${i}`),
      ...Array.from({ length: n }, (_, i) => (i % 2 ? ` C${i} ` : `c${i}`)),
    ];
    const scores = labels.map((_, i) => (i < n ? 10 : 0));
    const out = rows(run("BY", col(...labels), "NPS", col(...scores)));
    expect(out).toHaveLength(n);
    expect(out.every(([, nps]) => nps === 0)).toBe(true);
    expect(out[n - 1]?.[0]).toBe(`c${n - 1}`);
  });

  it("reads a range whose rows are not all one cell in reading order, though its first row is one cell", () => {
    // BY takes a one-column range's shape from its first row and checks each row as it reads it.
    expectResult(run("BY", col("a", "b", "a"), "CONVERSION", [[1], [2, 3], []], col(10, 10, 10)), [
      ["a", 0.2],
      ["b", 0.2],
    ]);
    expectResult(run("BY", col("a", null, "a"), "CONVERSION", [[1], [2, 3], []], col(10, 10, 10)), [["a", 0.2]]);
    expectResult(run("BY", col("a", "b", "a"), "WINRATE", [["Won"], "Lost", ["Lost"]]), [
      ["a", 0.5],
      ["b", 0],
    ]);
    expectResult(run("BY", [["a"], ["b", "a"], []], "NPS", col(9, 10, 0)), [
      ["a", 0],
      ["b", 100],
    ]);
    expectError(
      run("BY", col("a", "b", "a"), "CONVERSION", [[1], [2, 3], [4]], col(10, 10, 10)),
      "#VALUE!",
      "arg1 has 4",
    );
    expectError(run("BY", [["a"], ["b", "a"], [3]], "NPS", col(9, 10, 0)), "#VALUE!", "groups has 4, arg1 has 3");
  });

  it("refuses a table KPI, BY itself, an unknown name, mismatched sizes and too many arguments with #VALUE!", () => {
    expectError(run("BY", col("a"), "COHORT", col("x"), col(46000)), "#VALUE!", "returns a table");
    expectError(run("BY", col("a"), "BY", col("a"), "NPS"), "#VALUE!", "BY itself");
    expectError(run("BY", col("a"), "NOPE", col(1)), "#VALUE!", '"NOPE" is not a KPI');
    expectError(run("BY", col("a", "b"), "NPS", col(1, 2, 3)), "#VALUE!", "groups has 2, arg1 has 3");
    expectError(run("BY", col("a"), "NPS", col(9), col(9)), "#VALUE!", "NPS takes at most 1 arguments, got 2");
    expectError(run("BY", col(null, " "), "NPS", col(9, 9)), "#N/A", "groups has no values");
  });
});

/** Native per-group formulas in HyperFormula, one cell per group, over columns A… of a "Data" sheet. */
function native(data: Record<string, (string | number | null)[]>, formulas: string[]): number[] {
  const columns = Object.keys(data);
  const n = data[columns[0] as string]?.length ?? 0;
  const sheet = Array.from({ length: n }, (_, r) => columns.map((c) => data[c]?.[r] ?? null));
  const hf = HyperFormula.buildFromSheets({ Data: sheet, Out: formulas.map((f) => [f]) }, { licenseKey: "gpl-v3" });
  const out = hf.getSheetId("Out") as number;
  const values = formulas.map((_, r) => hf.getCellValue({ sheet: out, row: r, col: 0 }) as number);
  hf.destroy();
  return values;
}

const labels = (rng: Rng, n: number, names: string[]): string[] => Array.from({ length: n }, () => rng.pick(names));
const first = (groups: string[]): string[] => [...new Set(groups)];

/** BY's expected rows: [group, the native formula's value for it], groups in order of first appearance. */
function expectedRows(
  groups: string[],
  data: Record<string, (string | number | null)[]>,
  formulaOf: (group: string) => string,
): [string, number][] {
  const names = first(groups);
  const values = native(data, names.map(formulaOf));
  return names.map((g, i) => [g, values[i] as number]);
}

describe("BY against HyperFormula's COUNTIFS, SUMIFS and per-row differences", () => {
  for (const seed of [1, 2, 3]) {
    const rng = seeded(seed);
    const n = 300;
    it(`WINRATE by rep is the COUNTIFS win rate of each rep (seed ${seed})`, () => {
      const reps = labels(rng, n, ["Marie", "Paul", "Léa", "Tom", "Ana"]);
      const outcomes = Array.from({ length: n }, () => rng.pick(["Won", "Lost", "Open"]));
      const got = rows(run("BY", col(...reps), "WINRATE", col(...outcomes)));
      expectResult(
        got as never,
        expectedRows(
          reps,
          { A: reps, B: outcomes },
          (g) =>
            `=COUNTIFS(Data!A:A,"${g}",Data!B:B,"Won")/(COUNTIFS(Data!A:A,"${g}",Data!B:B,"Won")+COUNTIFS(Data!A:A,"${g}",Data!B:B,"Lost"))`,
        ),
      );
    });

    it(`CONVERSION by channel is the SUMIFS ratio of each channel (seed ${seed})`, () => {
      const channels = labels(rng, n, ["Web", "Salon", "Partenaire", "Email"]);
      const prospects = Array.from({ length: n }, () => rng.int(1, 400));
      const conversions = prospects.map((p) => Math.floor(p * rng.next() * 0.3));
      const got = rows(run("BY", col(...channels), "CONVERSION", col(...conversions), col(...prospects)));
      expectResult(
        got as never,
        expectedRows(
          channels,
          { A: channels, B: conversions, C: prospects },
          (g) => `=SUMIFS(Data!B:B,Data!A:A,"${g}")/SUMIFS(Data!C:C,Data!A:A,"${g}")`,
        ),
      );
    });

    it(`SALESCYCLE by segment is the mean of its closed − created days (seed ${seed})`, () => {
      const segments = labels(rng, n, ["PME", "ETI", "Grand compte"]);
      const created = Array.from({ length: n }, () => 46_000 + rng.int(0, 300));
      const closed = created.map((c) => (rng.chance(0.2) ? null : c + rng.int(0, 120)));
      const got = rows(run("BY", col(...segments), "SALESCYCLE", col(...created), col(...closed)));
      const flag = closed.map((c) => (c === null ? 0 : 1));
      const days = closed.map((c, i) => (c === null ? 0 : c - (created[i] as number)));
      expectResult(
        got as never,
        expectedRows(
          segments,
          { A: segments, B: days, C: flag },
          (g) => `=SUMIFS(Data!B:B,Data!A:A,"${g}")/SUMIFS(Data!C:C,Data!A:A,"${g}")`,
        ),
      );
    });
  }
});

/** Σ KPIs: each group's value weighted by its denominator (or summed) gives back the ungrouped value. */
describe("for every Σ-type KPI the group results combine to the ungrouped result", () => {
  const rng = seeded(9);
  const n = 200;
  const groups = labels(rng, n, ["N", "S", "E", "W", "C"]);
  const a = Array.from({ length: n }, () => rng.int(1, 1000));
  const b = Array.from({ length: n }, () => rng.int(1, 1000));
  const c = Array.from({ length: n }, () => rng.int(1, 50));
  const scores = Array.from({ length: n }, () => rng.int(0, 10));
  const stars = Array.from({ length: n }, () => rng.int(1, 5));
  const probabilities = Array.from({ length: n }, () => rng.next());
  const sumOf = (values: number[], g: string): number => values.reduce((s, v, i) => (groups[i] === g ? s + v : s), 0);
  const countOf = (g: string): number => groups.filter((x) => x === g).length;
  const cases: [string, unknown[], ((g: string) => number) | "sum"][] = [
    ["CONVERSION", [col(...c), col(...a)], (g) => sumOf(a, g)],
    ["CPL", [col(...a), col(...c)], (g) => sumOf(c, g)],
    ["CAC", [col(...a), col(...b), col(...c)], (g) => sumOf(c, g)],
    ["ROI", [col(...a), col(...b)], (g) => sumOf(b, g)],
    ["MARGIN", [col(...a), col(...b)], (g) => sumOf(a, g)],
    ["ATTAINMENT", [col(...a), col(...b)], (g) => sumOf(b, g)],
    ["PENETRATION", [col(...c), col(...a)], (g) => sumOf(a, g)],
    ["NPS", [col(...scores)], countOf],
    ["CSAT", [col(...stars)], countOf],
    ["CES", [col(...stars), 5], countOf],
    ["AOV", [col(...a)], countOf],
    ["WEIGHTEDPIPELINE", [col(...a), col(...probabilities)], "sum"],
    ["VARIANCE", [col(...a), col(...b)], "sum"],
  ];
  for (const [id, args, weight] of cases) {
    it(id, () => {
      const total = run(id, ...args) as number;
      const parts = rows(run("BY", col(...groups), id, ...args));
      const combined =
        weight === "sum"
          ? parts.reduce((s, [, v]) => s + (v as number), 0)
          : parts.reduce((s, [g, v]) => s + (v as number) * weight(g as string), 0) /
            first(groups).reduce((s, g) => s + weight(g), 0);
      expect(combined).toBeCloseTo(total, 9);
    });
  }
});

describe("BY properties", () => {
  const log = fc.array(
    fc.tuple(
      fc.constantFrom("Nord", "Sud", "Est", "Île", "ouest"),
      fc.constantFrom("Won", "Lost", "Open", "", null),
      fc.integer({ min: -5, max: 12 }),
    ),
    { maxLength: 40 },
  );

  it("never throws: a spill with one row per distinct group, or a typed error", () => {
    fc.assert(
      fc.property(
        log,
        fc.constantFrom("WINRATE", "NPS", "AOV", "CONVERSION", "COHORT", "BY", "nope"),
        (rowsIn, kpi) => {
          const groups = col(...rowsIn.map((r) => r[0]));
          const inner =
            kpi === "CONVERSION"
              ? [col(...rowsIn.map((r) => r[2])), col(...rowsIn.map((r) => Math.abs(r[2])))]
              : kpi === "WINRATE"
                ? [col(...rowsIn.map((r) => r[1]))]
                : [col(...rowsIn.map((r) => r[2]))];
          const result = run("BY", groups, kpi, ...inner);
          if (isKpiError(result)) return;
          const distinct = new Set(rowsIn.map((r) => r[0].toLowerCase()));
          expect(result).toHaveLength(distinct.size);
          for (const row of result as unknown[][]) {
            expect(row).toHaveLength(2);
            const value = row[1];
            expect(typeof value === "number" ? Number.isFinite(value) : value instanceof KpiError).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("re-spelling group labels (case, ASCII and Unicode spaces) changes nothing but the labels' case", () => {
    fc.assert(
      fc.property(
        log,
        fc.array(fc.tuple(fc.constantFrom(...PADDING, ""), fc.boolean()), { minLength: 40, maxLength: 40 }),
        (rowsIn, spelling) => {
          const plain = run(
            "BY",
            col(...rowsIn.map((r) => r[0])),
            "NPS",
            col(...rowsIn.map((r) => Math.max(0, Math.min(10, r[2])))),
          );
          const respelt = run(
            "BY",
            col(
              ...rowsIn.map((r, i) => {
                const [pad, upper] = spelling[i] ?? ["", false];
                return `${pad}${upper ? r[0].toUpperCase() : r[0]}${pad}`;
              }),
            ),
            "NPS",
            col(...rowsIn.map((r) => Math.max(0, Math.min(10, r[2])))),
          );
          const lower = (x: KpiResult | KpiError): unknown =>
            isKpiError(x)
              ? x.code
              : (x as unknown[][]).map(([g, v]) => [String(g).toLowerCase(), v instanceof KpiError ? v.code : v]);
          expect(lower(respelt)).toEqual(lower(plain));
        },
      ),
      { numRuns: 200 },
    );
  });
});
