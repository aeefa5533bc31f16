import { KPIS } from "../core/registry.js";
import { signature } from "./catalogue.js";
import { formatCsv, formatTable, runQuery } from "./query.js";

/**
 * `npm run sql -- "<query>"` / `kpi-sql "<query>"`: an in-memory DuckDB with every `kpi_*` function,
 * runs the query (several statements separated by `;` are fine: the last one's rows are printed) and
 * prints a table, or CSV with `--csv`. `--functions` lists the signatures.
 */

const USAGE = `usage: kpi-sql [--csv] "<query>"
       kpi-sql --functions
example: kpi-sql "SELECT kpi_nps(list(score)) FROM 'survey.csv'"`;

export async function main(argv: readonly string[]): Promise<number> {
  const csv = argv.includes("--csv");
  if (argv.includes("--functions")) {
    for (const kpi of KPIS) console.log(signature(kpi, "duckdb"));
    return 0;
  }
  const query = argv.filter((a) => a !== "--csv").join(" ");
  if (!query.trim() || argv.includes("--help")) {
    console.error(USAGE);
    return query.trim() ? 0 : 2;
  }
  try {
    const { columns, rows } = await runQuery(query);
    console.log(csv ? formatCsv(columns, rows) : formatTable(columns, rows));
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
