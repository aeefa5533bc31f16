import { openKpiDatabase } from "./duckdb/register.js";

/** Runs a query on a fresh in-memory DuckDB with the KPI functions and prints its rows. */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const text = (value: Json): string =>
  value === null ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);

const csvField = (value: string): string => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export function formatTable(columns: readonly string[], rows: readonly Json[][]): string {
  const cells = rows.map((row) => row.map(text));
  const widths = columns.map((name, c) => Math.max(name.length, ...cells.map((row) => (row[c] ?? "").length)));
  const numeric = columns.map((_, c) => rows.every((row) => row[c] === null || typeof row[c] === "number"));
  const line = (values: readonly string[]): string =>
    values
      .map((v, c) => (numeric[c] ? v.padStart(widths[c] ?? 0) : v.padEnd(widths[c] ?? 0)))
      .join(" | ")
      .trimEnd();
  return [line(columns), widths.map((w) => "-".repeat(w)).join("-+-"), ...cells.map(line)].join("\n");
}

export const formatCsv = (columns: readonly string[], rows: readonly Json[][]): string =>
  [columns, ...rows.map((row) => row.map(text))].map((row) => row.map(csvField).join(",")).join("\n");

export async function runQuery(query: string): Promise<{ columns: string[]; rows: Json[][] }> {
  const { instance, connection } = await openKpiDatabase();
  try {
    const reader = await connection.runAndReadAll(query);
    return { columns: reader.columnNames(), rows: reader.getRowsJson() };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
