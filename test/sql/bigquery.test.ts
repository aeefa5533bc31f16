import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import vm from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { AGGREGATE_IDS } from "../../core/aggregate/index.js";
import { isKpiError } from "../../core/errors.js";
import { KPIS, kpiById } from "../../core/registry.js";
import { evaluate } from "../../core/run.js";
import type { AnyKpi, Spill } from "../../core/spec.js";
import { buildBigQuery, INLINE_LIMIT, LIBRARY_LIMIT } from "../../sql/bigquery/build.js";
import { paramName, routineDdl, routines, udafRoutine, udfRoutine, type Routine } from "../../sql/bigquery/ddl.js";
import { errorMessage, spillRows } from "../../sql/spill.js";
import { isoDate } from "./literals.js";
import { aggregateCases, randomSplit, seededRandom, type AggregateCase } from "./random-rows.js";

/**
 * A BigQuery stand-in: the generated UDF and UDAF JavaScript runs in a vm context with the bundled library,
 * called as BigQuery documents it: FLOAT64 as a number, INT64 as a BigInt (aggregates), STRING as a string,
 * DATE and TIMESTAMP as a Date, ARRAY as an Array; a UDAF's state is serialised between workers (here a
 * JSON round trip) and partial states merge in any order.
 */

let library = "";
let bytes = 0;

beforeAll(async () => {
  const built = await buildBigQuery(mkdtempSync(join(tmpdir(), "kpi-bq-")), {
    dataset: "p.kpi",
    library: "gs://b/k.js",
  });
  library = readFileSync(built.library, "utf8");
  bytes = built.bytes;
});

const context = (): vm.Context => {
  const ctx = vm.createContext({});
  vm.runInContext(library, ctx);
  return ctx;
};

type Udf = (...args: unknown[]) => unknown;
const compileUdf = (routine: Routine, ctx: vm.Context): Udf =>
  vm.runInContext(`(function (${routine.params.map((p) => p.name).join(", ")}) {\n${routine.body}\n})`, ctx) as Udf;

interface Udaf {
  initialState: (...options: unknown[]) => object;
  aggregate: (state: object, ...args: unknown[]) => void;
  merge: (state: object, partial: object, ...options: unknown[]) => void;
  finalize: (state: object, ...options: unknown[]) => unknown;
}
const compileUdaf = (routine: Routine, ctx: vm.Context): Udaf =>
  vm.runInContext(
    `(() => {\n${routine.body.replace(/^export function/gm, "function")}\nreturn { initialState, aggregate, merge, finalize };\n})()`,
    ctx,
  ) as Udaf;

/** A spill as BigQuery's JSON shows the UDF's result: dates as UTC midnights. */
const spillJson = (kpi: AnyKpi, spill: Spill): unknown =>
  JSON.parse(
    JSON.stringify(spillRows(kpi, spill), (_key, value: unknown) =>
      value && typeof value === "object" && "serial" in value
        ? `${isoDate((value as { serial: number }).serial)}T00:00:00.000Z`
        : value,
    ),
  ) as unknown;

const roundTrip = <T>(state: T): T => JSON.parse(JSON.stringify(state)) as T;

/** The cells of an example argument, row by row, blanks as null. */
const flat = (arg: unknown): unknown[] =>
  Array.isArray(arg) ? (arg as unknown[]).flatMap((row) => (Array.isArray(row) ? row : [row])) : [arg];
const blankToNull = (v: unknown): unknown => (v === "" || v === undefined ? null : v);
const asDate = (serial: unknown): unknown =>
  typeof serial === "number" && Number.isInteger(serial) ? new Date(`${isoDate(serial)}T00:00:00Z`) : serial;

describe("BigQuery build", () => {
  it("bundles the core in one library under 1 MB", () => {
    expect(bytes).toBeGreaterThan(10_000);
    expect(bytes).toBeLessThanOrEqual(LIBRARY_LIMIT);
  });

  it("writes one UDF per catalogue function and one UDAF per mergeable KPI, each inline body under 32 KB", () => {
    const all = routines();
    expect(all.filter((r) => r.kind === "udf").map((r) => r.id)).toEqual(KPIS.map((k) => k.id));
    expect(all.filter((r) => r.kind === "udaf").map((r) => r.id)).toEqual([...AGGREGATE_IDS]);
    for (const routine of all) {
      expect(Buffer.byteLength(routine.body)).toBeLessThan(INLINE_LIMIT);
      const ddl = routineDdl(routine, { dataset: "p.kpi", library: "gs://b/k.js" });
      expect(ddl).toMatch(
        /^CREATE OR REPLACE (AGGREGATE )?FUNCTION `p\.kpi\.kpi_[a-z]+(_agg)?`\(.*\)\nRETURNS .+\nLANGUAGE js\nOPTIONS \(library = \["gs:\/\/b\/k\.js"\]\)\nAS r"""\n[\s\S]+\n""";$/,
      );
      expect(routine.body).not.toContain('"""');
      // Numbers are FLOAT64 (INT64 and NUMERIC columns coerce to it), never INT64 (a BigInt per row in JavaScript).
      expect(routine.params.every((p) => !/INT64/.test(p.type))).toBe(true);
      if (routine.kind === "udaf") {
        for (const fn of ["initialState", "aggregate", "merge", "finalize"])
          expect(routine.body).toContain(`export function ${fn}(`);
      }
    }
  });

  it("names no parameter with a BigQuery reserved word", () => {
    expect(KPIS.flatMap((k) => k.params.map(paramName))).not.toContain("groups");
  });
});

describe("BigQuery UDFs in a JavaScript sandbox", () => {
  const cases = KPIS.flatMap((kpi) => kpi.examples.map((example, index) => ({ kpi, example, index })));

  it.each(cases.map((c) => [`${c.kpi.id} example ${c.index + 1}`, c] as const))(
    "%s gives the core's result",
    (_name, { kpi, example }) => {
      const ctx = context();
      const udf = compileUdf(udfRoutine(kpi), ctx);
      const bqArgs = kpi.params.map((p, i) => {
        const arg = example.args[i];
        if (arg === undefined) return null;
        const dates = p.kind === "date" || p.kind === "dates";
        if (p.kind === "matrix") return (arg as unknown[][]).map((row) => ({ cells: row.map(blankToNull) }));
        const cells = flat(arg).map(blankToNull);
        const list = ["number", "date", "text", "boolean"].includes(p.kind) ? cells[0] : cells;
        return dates ? (Array.isArray(list) ? list.map(asDate) : asDate(list)) : list;
      });
      const hostArgs = kpi.params
        .slice(0, example.args.length)
        .map((p, i) =>
          ["number", "date", "text", "boolean"].includes(p.kind) || p.kind === "matrix"
            ? example.args[i]
            : flat(example.args[i]).map((c) => [c]),
        );
      const expected = evaluate(kpi, hostArgs);
      if (isKpiError(expected)) {
        expect(() => udf(...bqArgs)).toThrow(errorMessage(kpi, expected));
        return;
      }
      const actual = udf(...bqArgs);
      if (!Array.isArray(expected)) expect(actual).toBe(expected);
      else expect(JSON.parse(JSON.stringify(actual)) as unknown).toEqual(spillJson(kpi, expected));
    },
  );
});

describe("BigQuery UDAFs over random partitions and merge trees", () => {
  const random = seededRandom(2025);

  function runUdaf(c: AggregateCase, udaf: Udaf, parts: number): unknown {
    const options = c.options.map((o) => (o === undefined ? null : o));
    const partitions = randomSplit(c.bigQueryRows, parts, random);
    const states = partitions.map((rows) => {
      let state = udaf.initialState(...options);
      for (const row of rows) {
        udaf.aggregate(state, ...row, ...options);
        if (random() < 0.05) state = roundTrip(state);
      }
      return roundTrip(state);
    });
    while (states.length > 1) {
      const i = Math.floor(random() * states.length);
      const [a] = states.splice(i, 1);
      const j = Math.floor(random() * states.length);
      const b = states[j] as object;
      udaf.merge(b, roundTrip(a as object), ...options);
      states[j] = roundTrip(b);
    }
    return udaf.finalize(states[0] as object, ...options);
  }

  const cases = aggregateCases(random);

  it("reports a value off its domain without a cell position, under the UDAF's name", () => {
    const udaf = compileUdaf(udafRoutine("NPS"), context());
    const state = udaf.initialState();
    udaf.aggregate(state, 10n);
    expect(() => udaf.aggregate(state, 11n)).toThrow(/^#NUM! kpi_nps_agg: scores: a value is 11, expected/);
    const csat = compileUdaf(udafRoutine("CSAT"), context());
    expect(() => csat.initialState(5, 6)).toThrow("#NUM! kpi_csat_agg: threshold 6 is outside the scale 1 to 5");
  });

  it("keeps any label as a distinct key, including the names of Object's own properties", () => {
    const customers = ["__proto__", "constructor", "toString", "__PROTO__", "hasOwnProperty", "Ann", "ann"];
    const orders = ["O1", "O2", "O3", "O4", "O5", "O6", "O7"];
    const udaf = compileUdaf(udafRoutine("REPEATRATE"), context());
    const [first, second] = [udaf.initialState(), udaf.initialState()];
    customers.forEach((customer, i) => udaf.aggregate(i % 2 ? first : second, customer, orders[i]));
    const merged = roundTrip(first);
    udaf.merge(merged, roundTrip(second));
    const expected = evaluate(kpiById("REPEATRATE") as AnyKpi, [customers.map((c) => [c]), orders.map((o) => [o])]);
    expect(udaf.finalize(merged)).toBe(expected);
    expect(expected).toBe(2 / 5);
  });

  it("covers every mergeable KPI", () => {
    expect(new Set(cases.map((c) => c.id))).toEqual(new Set(AGGREGATE_IDS));
  });

  it.each(cases.map((c) => [`${c.id} (${c.label})`, c] as const))("%s equals the single-pass core", (_name, c) => {
    const kpi = kpiById(c.id) as AnyKpi;
    const udaf = compileUdaf(udafRoutine(c.id), context());
    const expected = evaluate(kpi, c.hostArgs);
    for (const parts of [1, 2, 7]) {
      if (isKpiError(expected)) {
        expect(() => runUdaf(c, udaf, parts)).toThrow(expected.format(`kpi_${c.id.toLowerCase()}_agg`));
      } else expect(runUdaf(c, udaf, parts)).toBe(expected);
    }
  });
});
