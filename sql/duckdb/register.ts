import {
  ANY,
  DOUBLE,
  DuckDBInstance,
  DuckDBScalarFunction,
  VARCHAR,
  type DuckDBConnection,
  type DuckDBType,
} from "@duckdb/node-api";
import { isKpiError } from "../../core/errors.js";
import { takesNumberView } from "../../core/read/args.js";
import { KPIS } from "../../core/registry.js";
import type { AnyKpi } from "../../core/spec.js";
import { evaluateSql, trimTrailingBlanks } from "../evaluate.js";
import { errorMessage, spillRows, spillShape, sqlName } from "../spill.js";
import { argumentVectors, duckSpill, readArgument, spillType } from "./values.js";

/**
 * Every catalogue function as a DuckDB scalar function, generated from the registry. DuckDB's node API has
 * no user aggregates, so a KPI over a column takes the column as a list (`kpi_nps(list(score))`, one call
 * per group); a table result is a list of structs (`unnest(kpi_cohort(...), recursive := true)` gives the
 * rows), because table functions only take constants and could not run per group or over a query's rows.
 */

const resultType = (kpi: AnyKpi): DuckDBType =>
  kpi.result === "number" ? DOUBLE : kpi.result === "text" ? VARCHAR : spillType(spillShape(kpi));

export function kpiFunction(kpi: AnyKpi): DuckDBScalarFunction {
  // The arguments whose numeric lists the core reads as typed arrays, uncopied.
  const views = kpi.params.map((_, i) => takesNumberView(kpi, i));
  return DuckDBScalarFunction.create({
    name: sqlName(kpi),
    returnType: resultType(kpi),
    // Arguments of any type and number: the core's one coercion path checks them as it does for a sheet.
    varArgsType: ANY,
    // NULL arguments reach the core as blanks (an omitted optional, a list over no rows).
    specialHandling: true,
    mainFunction: (info, input, output) => {
      const vectors = argumentVectors(input);
      for (let row = 0; row < input.rowCount; row++) {
        const args = trimTrailingBlanks(
          vectors.map((vector, i) => readArgument(vector, row, views[i])),
          kpi,
        );
        const result = evaluateSql(kpi, args);
        if (isKpiError(result)) {
          info.setError(errorMessage(kpi, result));
          return;
        }
        output.setItem(row, Array.isArray(result) ? duckSpill(spillRows(kpi, result), spillShape(kpi)) : result);
      }
      output.flush();
    },
  });
}

/** Registers `kpi_*` for every KPI of the registry on a connection. */
export function registerKpis(connection: DuckDBConnection, kpis: readonly AnyKpi[] = KPIS): void {
  for (const kpi of kpis) connection.registerScalarFunction(kpiFunction(kpi));
}

/** An in-memory DuckDB with every KPI registered. */
export async function openKpiDatabase(path = ":memory:"): Promise<{
  instance: DuckDBInstance;
  connection: DuckDBConnection;
}> {
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  registerKpis(connection);
  return { instance, connection };
}
