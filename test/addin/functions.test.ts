import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { KPIS } from "../../core/index.js";
import { BUILD_TIMEOUT, DIST_ADDIN, ensureBuilt } from "../hosts/build.js";
import {
  callExcel,
  FakeCustomFunctionsError,
  loadExcelFunctions,
  type ExcelFunction,
  type ExcelOutcome,
} from "../hosts/excel-sandbox.js";

interface Metadata {
  functions: { id: string; parameters: unknown[] }[];
}

let metadata: Metadata;
let functions: Map<string, ExcelFunction>;

beforeAll(() => {
  ensureBuilt();
  metadata = JSON.parse(readFileSync(path.join(DIST_ADDIN, "functions.json"), "utf8")) as Metadata;
  functions = loadExcelFunctions();
}, BUILD_TIMEOUT);

const fn = (id: string): ExcelFunction => {
  const found = functions.get(id);
  if (!found) throw new Error(`${id} not associated`);
  return found;
};

const errorOf = (outcome: ExcelOutcome): FakeCustomFunctionsError => {
  if (!("error" in outcome)) throw new Error(`expected an error, got ${JSON.stringify(outcome.value)}`);
  return outcome.error;
};

type Cells = (number | null)[][];

/** The used range of `values` (null = an empty cell), as getUsedRangeOrNullObject(true) loads it. */
function usedRangeOf(values: Cells) {
  const rows = values.map((row, r) => ({ row, r })).filter(({ row }) => row.some((v) => v !== null));
  const first = rows[0]?.r ?? 0;
  const last = rows[rows.length - 1]?.r ?? -1;
  return {
    isNullObject: rows.length === 0,
    rowIndex: first,
    columnIndex: 0,
    rowCount: last - first + 1,
    columnCount: values[0]?.length ?? 0,
    valueTypes: values.slice(first, last + 1).map((row) => row.map((v) => (v === null ? "Empty" : "Double"))),
    load: () => undefined,
  };
}

/**
 * Excel desktop: ranges over cells of which only some hold values, the rest passed as 0; `values` is what
 * every range holds, or what each range address holds. `calls` records the runs, reads and round trips.
 */
function fakeExcel(sheet: string, values: Cells | Record<string, Cells>, calls: string[]) {
  return {
    RangeValueType: { empty: "Empty", double: "Double" },
    run: async (batch: (context: unknown) => Promise<unknown>) => {
      calls.push("run");
      const context = {
        workbook: {
          worksheets: {
            getItem: (name: string) => {
              calls.push(`sheet ${name}`);
              if (name !== sheet) throw new Error(`no sheet ${name}`);
              return {
                getRange: (cells: string) => {
                  calls.push(`range ${cells}`);
                  const used = usedRangeOf(Array.isArray(values) ? values : (values[cells] ?? []));
                  return { rowIndex: 0, columnIndex: 0, load: () => undefined, getUsedRangeOrNullObject: () => used };
                },
              };
            },
          },
        },
        sync: async () => void calls.push("sync"),
      };
      return batch(context);
    },
  };
}

describe("the built functions.js in a sandbox with a fake CustomFunctions", () => {
  it("associates every id of the built functions.json, and nothing else", () => {
    const ids = metadata.functions.map((f) => f.id);
    expect([...functions.keys()].sort()).toStrictEqual([...ids].sort());
    expect(ids).toHaveLength(KPIS.length);
  });

  it("maps each core error code to the matching CustomFunctions.ErrorCode", async () => {
    const cases: [string, unknown[], string][] = [
      ["CAC", [[[1]], [[1]], [[0]]], "#DIV/0!"],
      ["NPS", [[[12]]], "#NUM!"],
      ["CONVERSION", [[["x"]], [[1]]], "#VALUE!"],
      ["TREND", [[[1]], 2], "#N/A"],
    ];
    for (const [id, args, code] of cases) expect(errorOf(await callExcel(fn(id), args)).code).toBe(code);
  });

  it("puts the function and the cause in the message of #VALUE! and #N/A, the codes Excel shows a message for", async () => {
    const value = errorOf(await callExcel(fn("CONVERSION"), [[["x"]], [[1]]]));
    expect(value.message).toMatch(/^KPI\.CONVERSION: conversions: cell 1 is text "x"/);
    const na = errorOf(await callExcel(fn("TREND"), [[[1]], 2]));
    expect(na.message).toMatch(/^KPI\.TREND: /);
  });

  it("returns an error inside a spill as a CustomFunctions.Error cell, and never null", async () => {
    const outcome = await callExcel(fn("GROWTHSERIES"), [[[100], [0], [50], [null]], null]);
    if (!("value" in outcome)) throw new Error("expected a spill");
    const cells = (outcome.value as unknown[][]).flat();
    expect(cells[0]).toBe("");
    expect(cells[2]).toBeInstanceOf(FakeCustomFunctionsError);
    expect((cells[2] as FakeCustomFunctionsError).code).toBe("#DIV/0!");
    expect(cells).not.toContain(null);
    expect(cells).not.toContain(undefined);
  });

  it("returns cohort months as serial numbers Excel can format as dates", async () => {
    const outcome = await callExcel(fn("COHORT"), [[["a"], ["b"]], [[46023], [46054]], null]);
    if (!("value" in outcome)) throw new Error("expected a spill");
    const rows = outcome.value as unknown[][];
    expect(Array.from(rows, (row) => row[0])).toStrictEqual([46023, 46054]);
    expect(rows.flat()).not.toContain(null);
  });

  it("turns an unexpected exception into #VALUE! with a message instead of crashing", async () => {
    const hostile = new Proxy([], {
      get() {
        throw new Error("boom");
      },
    });
    const error = errorOf(await callExcel(fn("NPS"), [hostile]));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/^KPI\.NPS: internal error: boom/);
  });
});

describe("the size of what Excel loads", () => {
  // 100 KB until BY added its per-group totals (the SQL aggregates' adders, about 6 KB): one definition of each
  // Σ KPI's rows for the sheet, BY and SQL, rather than a smaller bundle with a second copy of them.
  it("keeps functions.js under 110 KB (the forecasting and customer-value models and BY's totals included), without pane code or documentation text (functions.json carries that)", () => {
    const bundle = readFileSync(path.join(DIST_ADDIN, "functions.js"), "utf8");
    expect(Buffer.byteLength(bundle)).toBeLessThanOrEqual(110 * 1024);
    expect(bundle).not.toMatch(/\bdocument\.|createElement/);
    const nps = KPIS.find((k) => k.id === "NPS");
    expect(bundle).not.toContain(nps?.description.en.slice(0, 40));
    // Parameters shared between KPIs are documented once, in core/params.ts and core/clv/params.ts: stripped too.
    const clv = KPIS.find((k) => k.id === "CLV");
    for (const shared of ["asOf", "horizonMonths"]) {
      const described = clv?.params.find((p) => p.name === shared)?.description.en ?? "";
      expect(described.length).toBeGreaterThan(30);
      expect(bundle).not.toContain(described.slice(0, 30));
    }
  });
});

// Results are compared with toEqual: their arrays come from the sandbox's realm. A single value is a 1×1 matrix.
describe("Excel desktop's zeros for empty cells", () => {
  const scores = [[9], [10], [0], [0], [0]];

  it("are read back as blanks when the referenced cells are empty, so NPS counts no phantom detractors", async () => {
    const calls: string[] = [];
    const excel = fakeExcel("Survey data", [[9], [10], [null], [null], [null]], calls);
    const desktop = loadExcelFunctions({ Excel: excel });
    const outcome = await callExcel(desktop.get("NPS") as ExcelFunction, [
      scores,
      { parameterAddresses: ["'Survey data'!A2:A6"] },
    ]);
    expect(outcome).toEqual({ value: [[100]] });
    expect(calls).toStrictEqual(["run", "sheet Survey data", "range A2:A6", "sync"]);
  });

  it("still count when the cells really hold 0", async () => {
    const excel = fakeExcel("Sheet1", [[9], [10], [0], [null], [null]], []);
    const desktop = loadExcelFunctions({ Excel: excel });
    const outcome = await callExcel(desktop.get("NPS") as ExcelFunction, [
      scores,
      { parameterAddresses: ["Sheet1!A2:A6"] },
    ]);
    expect("value" in outcome && (outcome.value as number[][])[0]?.[0]).toBeCloseTo(100 / 3, 12);
  });

  it("leave an optional scalar given as an empty cell at its default instead of 0", async () => {
    const excel = fakeExcel("Sheet1", [[null]], []);
    const desktop = loadExcelFunctions({ Excel: excel });
    const romi = desktop.get("ROMI") as ExcelFunction;
    const addresses = { parameterAddresses: ["Sheet1!A1:A2", "Sheet1!B1:B2", "Sheet1!C1"] };
    // grossMargin 0 would be #NUM! (it must lie in (0, 1]); blank means the default, 1.
    expect(await callExcel(romi, [[[300], [100]], [[100], [100]], 0, addresses])).toEqual({ value: [[1]] });
  });

  it("are used as given when the sheet cannot be read, and the call still settles", async () => {
    const excel = { RangeValueType: { empty: "Empty" }, run: () => Promise.reject(new Error("workbook busy")) };
    const desktop = loadExcelFunctions({ Excel: excel });
    const outcome = await callExcel(desktop.get("NPS") as ExcelFunction, [
      scores,
      { parameterAddresses: ["Sheet1!A2:A6"] },
    ]);
    expect(outcome).toEqual({ value: [[-20]] });
  });

  // AOV(revenue, orderIds): 100 over one order once the empty cells are blanks again, 100 / 2 with the zeros.
  /** Calls AOV on those arguments read from the given addresses of a Sheet1 holding `cells`; logs the reads. */
  async function callAov(cells: Record<string, Cells>, orderIdsAddress: string, calls: string[]) {
    const desktop = loadExcelFunctions({ Excel: fakeExcel("Sheet1", cells, calls) });
    return callExcel(desktop.get("AOV") as ExcelFunction, [
      [[100], [0], [0]],
      [[7], [0], [0]],
      { parameterAddresses: ["Sheet1!A1:A3", orderIdsAddress] },
    ]);
  }

  it("are checked for every suspect argument in one Excel.run and one round trip", async () => {
    const calls: string[] = [];
    const cells = { "A1:A3": [[100], [null], [null]], "B1:B3": [[7], [null], [null]] };
    expect(await callAov(cells, "Sheet1!B1:B3", calls)).toEqual({ value: [[100]] });
    expect(calls).toStrictEqual(["run", "sheet Sheet1", "range A1:A3", "sheet Sheet1", "range B1:B3", "sync"]);
  });

  it("are still repaired in the readable arguments when another argument's sheet is gone", async () => {
    const calls: string[] = [];
    expect(await callAov({ "A1:A3": [[100], [null], [null]] }, "Deleted!B1:B3", calls)).toEqual({ value: [[100]] });
    // The batch fails on the deleted sheet, then each argument is read on its own.
    expect(calls.filter((c) => c === "run")).toHaveLength(3);
  });

  it("cost nothing when a range holds no zero: the answer is synchronous and the sheet is not read", () => {
    const calls: string[] = [];
    const desktop = loadExcelFunctions({ Excel: fakeExcel("Sheet1", [[9]], calls) });
    const result = (desktop.get("NPS") as ExcelFunction)([[9], [10]], { parameterAddresses: ["Sheet1!A1:A2"] });
    expect(result).toEqual([[100]]);
    expect(calls).toStrictEqual([]);
  });
});
