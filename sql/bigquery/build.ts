import { build } from "esbuild";
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ddlScript, routines, type DdlOptions } from "./ddl.js";

/** Builds dist/bigquery/: the bundled library and the DDL script (see scripts/build-bigquery.ts). */

export const LIBRARY_LIMIT = 1_000_000;
export const INLINE_LIMIT = 32 * 1024;

export async function buildBigQuery(
  out: string,
  options: DdlOptions,
): Promise<{ library: string; ddl: string; bytes: number }> {
  mkdirSync(out, { recursive: true });
  const library = join(out, "kpi-core.js");
  await build({
    entryPoints: [fileURLToPath(new URL("./library.ts", import.meta.url))],
    bundle: true,
    minify: true,
    format: "iife",
    globalName: "kpiCore",
    target: "es2020",
    platform: "neutral",
    outfile: library,
    legalComments: "none",
  });
  const bytes = statSync(library).size;
  if (bytes > LIBRARY_LIMIT) throw new Error(`${library} is ${bytes} bytes, over BigQuery's 1 MB library limit`);
  for (const routine of routines()) {
    if (Buffer.byteLength(routine.body) > INLINE_LIMIT) throw new Error(`${routine.name}: inline code over 32 KB`);
  }
  const ddl = join(out, "kpi-functions.sql");
  writeFileSync(ddl, ddlScript(options));
  return { library, ddl, bytes };
}
