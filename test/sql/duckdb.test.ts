import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { isKpiError } from "../../core/errors.js";
import { KPIS, kpiById } from "../../core/registry.js";
import { evaluate } from "../../core/run.js";
import type { AnyKpi } from "../../core/spec.js";
import { signature } from "../../sql/catalogue.js";
import { openKpiDatabase } from "../../sql/duckdb/register.js";
import { formatCsv, formatTable } from "../../sql/query.js";
import { errorMessage, spillShape, sqlName } from "../../sql/spill.js";
import { expectedJson, sqlCall, type DateStyle } from "./literals.js";

let instance: DuckDBInstance;
let db: DuckDBConnection;

beforeAll(async () => {
  ({ instance, connection: db } = await openKpiDatabase());
});
afterAll(() => {
  db.closeSync();
  instance.closeSync();
});

const one = async (sql: string): Promise<unknown> => (await db.runAndReadAll(sql)).getRowsJson()[0]?.[0];

const kpi = (id: string): AnyKpi => kpiById(id) as AnyKpi;

/** Runs a SQL call and checks it against the core on the same data, values and errors alike. */
async function expectSameAsCore(target: AnyKpi, sql: string, hostArgs: unknown[]): Promise<void> {
  const expected = evaluate(target, hostArgs);
  if (isKpiError(expected)) {
    await expect(one(sql)).rejects.toThrow(errorMessage(target, expected));
  } else {
    expect(await one(sql)).toEqual(expectedJson(target, expected));
  }
}

describe("every catalogue function in DuckDB", () => {
  const styles: DateStyle[] = ["serial", "date", "timestamp"];
  const cases = KPIS.flatMap((target) =>
    target.examples.flatMap((example, index) =>
      styles
        .filter((style) => style === "serial" || target.params.some((p) => p.kind === "date" || p.kind === "dates"))
        .map((style) => ({ target, index, style, call: sqlCall(target, example.args, sqlName(target), style) })),
    ),
  );

  it("has an SQL form for nearly every registry example", () => {
    const missing = cases.filter((c) => !c.call).map((c) => `${c.target.id}#${c.index}`);
    // Only examples whose ranges mix text and numbers (a #VALUE! demonstration) have no SQL list.
    expect(missing.length).toBeLessThanOrEqual(cases.length / 10);
  });

  it.each(cases.filter((c) => c.call).map((c) => [`${c.target.id} example ${c.index + 1} (${c.style})`, c] as const))(
    "%s gives the core's result on the same data",
    async (_name, { target, call }) => {
      if (!call) return;
      await expectSameAsCore(target, call.sql, call.hostArgs);
    },
  );

  it("registers one function per KPI with a signature", async () => {
    const names = (await db.runAndReadAll("SELECT DISTINCT function_name FROM duckdb_functions()")).getRowsJson();
    const registered = new Set(names.map((row) => row[0]));
    for (const target of KPIS) {
      expect(registered.has(sqlName(target))).toBe(true);
      expect(signature(target, "duckdb")).toMatch(/^kpi_[a-z]+\(.*\) → .+/);
    }
  });
});

describe("KPIs over tables", () => {
  beforeAll(async () => {
    await db.run(`CREATE OR REPLACE TABLE orders AS
      SELECT i, 'C' || (i * 7919 % 53) AS customer, 'O' || (i // 2) AS order_id,
             DATE '2025-01-01' + (i * 37 % 300)::INT AS order_date, (i * 13 % 97) + 0.5 AS amount,
             (i * 31 % 11)::INT AS score, ['Web', 'Shop', 'Phone'][i % 3 + 1] AS channel
      FROM range(1, 2001) t(i)`);
  });

  it("computes a KPI per group as the core does on each group's rows", async () => {
    const rows = (
      await db.runAndReadAll(`SELECT channel, kpi_nps(list(score ORDER BY i)), list(score ORDER BY i),
        kpi_repeatrate(list(customer ORDER BY i), list(order_id ORDER BY i)), list(customer ORDER BY i), list(order_id ORDER BY i)
        FROM orders GROUP BY channel ORDER BY channel`)
    ).getRowsJson() as [string, number, number[], number, string[], string[]][];
    expect(rows).toHaveLength(3);
    for (const [, nps, scores, repeat, customers, orders] of rows) {
      expect(nps).toBe(evaluate(kpi("NPS"), [scores.map((s) => [s])]));
      expect(repeat).toBe(evaluate(kpi("REPEATRATE"), [customers.map((c) => [c]), orders.map((o) => [o])]));
    }
  });

  it("reads DATE columns as spreadsheet serials and returns cohort months as DATE", async () => {
    const result = (
      await db.runAndReadAll(
        `SELECT c.cohort, c.size, c.retention FROM (SELECT unnest(kpi_cohort(list(customer ORDER BY i), list(order_date ORDER BY i), 3)) AS c FROM orders)`,
      )
    ).getRowsJson();
    const data = (await db.runAndReadAll("SELECT customer, order_date FROM orders ORDER BY i")).getRowsJson();
    const serial = (iso: string): number => Date.parse(iso) / 86_400_000 + 25_569;
    const core = evaluate(kpi("COHORT"), [data.map((r) => [r[0]]), data.map((r) => [serial(r[1] as string)]), 3]);
    expect(result).toEqual(
      (expectedJson(kpi("COHORT"), core) as Record<string, unknown>[]).map((r) => [r.cohort, r.size, r.retention]),
    );
  });

  it("raises the core's typed error as the SQL error message", async () => {
    await expect(one("SELECT kpi_cac([100], [100], [0])")).rejects.toThrow("#DIV/0! kpi_cac: newCustomers sums to 0");
    await expect(one("SELECT kpi_nps([10, 11])")).rejects.toThrow(/#NUM! kpi_nps: scores: cell 2 is 11/);
  });

  it.each(["INTEGER", "DOUBLE", "SMALLINT", "FLOAT", "BIGINT", "DECIMAL(4,1)"])(
    "reads %s lists with NULLs scattered over several validity words and groups as blanks",
    async (type) => {
      // 300 rows in 3 groups: each group's list starts inside the engine's child vector, past 64-bit mask words.
      const rows = Array.from({ length: 300 }, (_, i) => ({ g: i % 3, s: i % 7 === 0 ? null : (i * 7) % 11 }));
      const sql = `SELECT g, kpi_nps(list(s::${type} ORDER BY i)) AS nps
        FROM (SELECT i, i % 3 AS g, CASE WHEN i % 7 = 0 THEN NULL ELSE (i * 7) % 11 END AS s FROM range(300) t(i))
        GROUP BY g ORDER BY g`;
      const got = (await db.runAndReadAll(sql)).getRowsJson().map((row) => row[1]);
      const expected = [0, 1, 2].map((g) => evaluate(kpi("NPS"), [rows.filter((r) => r.g === g).map((r) => [r.s])]));
      expect(got).toEqual(expected);
    },
  );

  it.each(["'nan'::DOUBLE", "'inf'::DOUBLE", "9.5::DOUBLE", "11::INTEGER"])(
    "reports %s in a list without NULLs (read in place, uncopied) as the core does",
    async (odd) => {
      const sql = `SELECT kpi_nps([10::DOUBLE, 3, ${odd}, 9])`;
      const cell = Number(
        odd
          .replace(/'inf'.*/, "Infinity")
          .replace(/'nan'.*/, "NaN")
          .replace(/::.*/, ""),
      );
      await expectSameAsCore(kpi("NPS"), sql, [[[10], [3], [cell], [9]]]);
    },
  );

  it("treats NULL as a blank cell and an omitted optional argument", async () => {
    expect(await one("SELECT kpi_csat([5, NULL, 3, 4], NULL, 3)")).toBe(1);
    expect(await one("SELECT kpi_csat([5, 3, 4, 2])")).toBe(0.5);
    await expect(one("SELECT kpi_nps(list(score)) FROM orders WHERE false")).rejects.toThrow(/#DIV\/0! kpi_nps/);
  });

  it("keeps a spill cell's error in the row's error column", async () => {
    const rows = (
      await db.runAndReadAll("SELECT unnest(kpi_funnel([100, 0, 5]), recursive := true)")
    ).getRowObjectsJson();
    expect(rows[2]).toMatchObject({ count: 5, step: null, error: expect.stringMatching(/^#DIV\/0! kpi_funnel: /) });
  });

  it("gives every spill a typed shape", () => {
    for (const target of KPIS.filter((k) => k.result === "spill"))
      expect(spillShape(target).columns.length).toBeGreaterThan(0);
  });

  it("prints results as a table or as CSV", () => {
    expect(formatTable(["a", "b"], [[1, "x,y"]])).toBe("a | b\n--+----\n1 | x,y");
    expect(
      formatCsv(
        ["a", "b"],
        [
          [1, "x,y"],
          [null, [1, 2]],
        ],
      ),
    ).toBe('a,b\n1,"x,y"\n,"[1,2]"');
  });
});
