import { describe, expect, it } from "vitest";
import { BLOCK_ROWS } from "../../core/coerce.js";
import { evaluate, KPIS, serialToDate, type AnyKpi, type ParamSpec } from "../../core/index.js";
import { expectResult } from "../helpers/expect.js";
import { expectError, NUMBER_AS_TEXT_HINT } from "../helpers/kpi.js";

/**
 * Rules of the catalogue that hold for every function, checked on every argument of every KPI from the
 * registry (each KPI's first example supplies valid values for the other arguments).
 */

/** The cells of a host argument in reading order, with a way to replace one. */
function cells(arg: unknown): unknown[] {
  if (!Array.isArray(arg)) return [arg];
  return arg.flatMap((r: unknown) => (Array.isArray(r) ? r : [r]));
}

function replaceCell(arg: unknown, position: number, value: unknown): unknown {
  if (!Array.isArray(arg)) return value;
  let seen = 0;
  return arg.map((r: unknown) => {
    if (!Array.isArray(r)) return ++seen === position ? value : r;
    return r.map((c: unknown) => (++seen === position ? value : c));
  });
}

const exampleArgs = (kpi: AnyKpi): unknown[] => [...(kpi.examples[0]?.args ?? [])];

/** Turns a column argument into the same values laid out as one row. */
const asRow = (arg: unknown): unknown =>
  Array.isArray(arg) && arg.every((r) => Array.isArray(r) && r.length === 1)
    ? [arg.map((r) => (r as unknown[])[0])]
    : arg;

/**
 * Visits every parameter of every KPI whose kind is one of `kinds`, with its position and a fresh copy of the KPI's
 * first example's arguments.
 */
function forEachParam(
  kinds: ReadonlySet<string>,
  visit: (kpi: AnyKpi, param: ParamSpec, index: number, args: unknown[]) => void,
): void {
  for (const kpi of KPIS)
    kpi.params.forEach((param, index) => {
      if (kinds.has(param.kind)) visit(kpi, param, index, exampleArgs(kpi));
    });
}

const NUMERIC_KINDS = new Set(["numberRange", "numberList", "series", "matrix", "number"]);
const DATE_KINDS = new Set(["dates", "date"]);

describe("a number stored as text", () => {
  forEachParam(NUMERIC_KINDS, (kpi, param, index, args) => {
    if (index >= args.length) return;
    const position = cells(args[index]).length;
    it(`${kpi.id} names ${param.name}, cell ${position} and hints at the text-to-number fix`, () => {
      args[index] = replaceCell(args[index], position, "1 234,5");
      expectError(evaluate(kpi, args), "#VALUE!", param.name, `cell ${position}`, "1 234,5", NUMBER_AS_TEXT_HINT);
    });
  });
});

describe("a boolean where a number is expected", () => {
  forEachParam(NUMERIC_KINDS, (kpi, param, index, args) => {
    if (index >= args.length) return;
    it(`${kpi.id} rejects TRUE in ${param.name} with #VALUE! naming it`, () => {
      args[index] = replaceCell(args[index], 1, true);
      expectError(evaluate(kpi, args), "#VALUE!", param.name, "cell 1", "TRUE");
    });
  });
});

describe("text where a date is expected", () => {
  forEachParam(DATE_KINDS, (kpi, param, index, args) => {
    it(`${kpi.id} names ${param.name} and hints at DATEVALUE for "2026-01-05"`, () => {
      args[index] = replaceCell(args[index], 1, "2026-01-05");
      expectError(evaluate(kpi, args), "#VALUE!", param.name, "cell 1", "DATEVALUE");
    });
  });
});

describe("paired ranges of different sizes", () => {
  for (const kpi of KPIS) {
    for (const [first, ...others] of kpi.paired ?? []) {
      const i = kpi.params.findIndex((p) => p.name === first);
      for (const other of others) {
        const j = kpi.params.findIndex((p) => p.name === other);
        const example = kpi.examples.find((e) => e.args.length > j && e.args[j] !== null);
        if (!example || i < 0 || j < 0) continue;
        it(`${kpi.id} is #VALUE! naming ${first} and ${other} and both sizes`, () => {
          const args = [...example.args];
          const size = cells(args[i]).length;
          args[j] = [...cells(args[j]), cells(args[j])[0]].map((v) => [v]);
          expectError(
            evaluate(kpi, args),
            "#VALUE!",
            `${first} and ${other} must be the same size`,
            `${first} has ${size} cells`,
            `${other} has ${size + 1}`,
          );
        });
      }
    }
  }
});

describe("row-shaped input", () => {
  for (const kpi of KPIS) {
    if (kpi.result === "spill") continue;
    kpi.examples.forEach((example, n) => {
      if (typeof example.result !== "number") return;
      it(`${kpi.id} example ${n + 1} gives the same result with its columns laid out as rows`, () => {
        expectResult(evaluate(kpi, example.args.map(asRow)), example.result);
      });
    });
  }
});

const RANGE_KINDS = new Set(["numberRange", "numberList", "dates", "keys", "series"]);

describe("blank cells", () => {
  for (const kpi of KPIS) {
    if (kpi.result === "spill") continue;
    kpi.examples.forEach((example, n) => {
      if (typeof example.result !== "number" && !/^[A-Z]+$/.test(String(example.result))) return;
      for (const blank of [null, "", undefined, "   "]) {
        it(`${kpi.id} example ${n + 1} is unchanged when every range gets a trailing ${JSON.stringify(blank) ?? "undefined"} cell`, () => {
          const args = example.args.map((arg, i) => {
            const param = kpi.params[i];
            if (!param || !RANGE_KINDS.has(param.kind)) return arg;
            return [...cells(arg).map((v) => [v]), [blank]];
          });
          expectResult(evaluate(kpi, args), example.result);
        });
      }
    });
  }
});

describe("dates as Date objects", () => {
  for (const kpi of KPIS) {
    const dateParams = new Set(kpi.params.flatMap((p, i) => (DATE_KINDS.has(p.kind) ? [i] : [])));
    if (dateParams.size === 0) continue;
    kpi.examples.forEach((example, n) => {
      it(`${kpi.id} example ${n + 1} gives the same result with Date objects as with serial numbers`, () => {
        const toDate = (v: unknown): unknown => (typeof v === "number" ? serialToDate(v) : v);
        const args = example.args.map((arg, i) => {
          if (!dateParams.has(i)) return arg;
          return Array.isArray(arg)
            ? arg.map((r: unknown) => (Array.isArray(r) ? r.map(toDate) : toDate(r)))
            : toDate(arg);
        });
        expectResult(evaluate(kpi, args), example.result);
      });
    });
  }
});

describe("too many arguments", () => {
  for (const kpi of KPIS) {
    it(`${kpi.id} with ${kpi.params.length + 1} arguments is #VALUE! saying how many it takes`, () => {
      const args = [...exampleArgs(kpi)];
      while (args.length < kpi.params.length) args.push(null);
      args.push(1);
      const most = kpi.params.length;
      expectError(
        evaluate(kpi, args),
        "#VALUE!",
        `takes at most ${most} argument${most === 1 ? "" : "s"}, got ${most + 1}`,
      );
    });
  }
});

describe("errors carry the function name", () => {
  it("format() gives the Sheets message: code, qualified name, cause", () => {
    const cac = KPIS.find((k) => k.id === "CAC") as AnyKpi;
    const error = expectError(evaluate(cac, [[[100]], [[100]], [[0]]]), "#DIV/0!");
    expect(error.fn).toBe("CAC");
    expect(error.format("KPI_CAC")).toBe("#DIV/0! KPI_CAC: newCustomers sums to 0");
  });
});

describe("long ranges, read block by block", () => {
  // The readers walk long ranges in blocks of rows; these rows sit on both sides of several block edges, so a
  // count or position carried wrongly from one block to the next shows.
  const B = BLOCK_ROWS;
  const ROWS = 5 * B - 120;
  const EDGES = [1, B - 1, B, B + 1, 2 * B, 2 * B + 1, 4 * B + 1, ROWS];
  const rows = ROWS.toLocaleString("en");
  const kpiOf = (id: string): AnyKpi => KPIS.find((k) => k.id === id) as AnyKpi;
  const scores = (): unknown[][] => Array.from({ length: ROWS }, (_, i) => [i % 11]);

  it(`NPS over ${rows} rows with blanks at the block edges counts every score once`, () => {
    const column = scores();
    for (const r of EDGES) column[r - 1] = [null];
    const kept = column.flat().filter((v): v is number => typeof v === "number");
    const share = (keep: (v: number) => boolean): number => kept.filter(keep).length / kept.length;
    expectResult(evaluate(kpiOf("NPS"), [column]), 100 * (share((v) => v >= 9) - share((v) => v <= 6)));
  });

  for (const r of EDGES) {
    it(`NPS names cell ${r} of ${rows} when it holds text`, () => {
      const column = scores();
      column[r - 1] = ["n/a"];
      expectError(evaluate(kpiOf("NPS"), [column]), "#VALUE!", "scores", `cell ${r} `, '"n/a"');
    });

    it(`WEIGHTEDPIPELINE names row ${r} of a two-column ${rows}-row range when a probability is out of [0, 1]`, () => {
      const amounts = Array.from({ length: ROWS }, (_, i) => [i, i + 1]);
      const probabilities = Array.from({ length: ROWS }, () => [0.5, 0.5]);
      probabilities[r - 1] = [0.5, 40];
      expectError(
        evaluate(kpiOf("WEIGHTEDPIPELINE"), [amounts, probabilities]),
        "#NUM!",
        "probabilities",
        `cell ${2 * r} (row ${r}, column 2)`,
        "40% is 0.4",
      );
    });
  }

  it(`WEIGHTEDPIPELINE over ${rows} rows skips rows blank on either side, across block edges`, () => {
    const amounts: unknown[][] = Array.from({ length: ROWS }, (_, i) => [1_000 + i]);
    const probabilities: unknown[][] = Array.from({ length: ROWS }, (_, i) => [(i % 101) / 100]);
    EDGES.forEach((r, n) => ((n % 2 ? amounts : probabilities)[r - 1] = [""]));
    let expected = 0;
    for (let i = 0; i < ROWS; i++) {
      const [a] = amounts[i] as [unknown];
      const [p] = probabilities[i] as [unknown];
      if (typeof a === "number" && typeof p === "number") expected += a * p;
    }
    expectResult(evaluate(kpiOf("WEIGHTEDPIPELINE"), [amounts, probabilities]), expected);
  });

  it("WEIGHTEDPIPELINE falls back to reading order when the layouts part after the first block", () => {
    // Same row and cell counts, but the first two rows of the third block differ in length (a ragged literal
    // array): the walk finds it mid-way and pairs the cells by reading order instead.
    const amounts: unknown[][] = Array.from({ length: ROWS }, () => [10]);
    const probabilities: unknown[][] = Array.from({ length: ROWS }, () => [0.5]);
    probabilities[2 * B] = [0.1, 0.9];
    probabilities[2 * B + 1] = [];
    const expected = 10 * (0.5 * (ROWS - 2) + 0.1 + 0.9);
    expectResult(evaluate(kpiOf("WEIGHTEDPIPELINE"), [amounts, probabilities]), expected);
  });
});
