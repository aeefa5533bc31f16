import { isBlank, readMatrix, readNumbersFast, readRange, readScalar, readSeries, shapeOf } from "./coerce.js";
import { fail, KpiError } from "./errors.js";
import type { AnyKpi, KpiResult, ParamSpec } from "./spec.js";

/** An omitted optional argument: Excel passes null, Sheets undefined; a blank cell counts as omitted. */
const RANGE_KINDS = new Set(["numbers", "dates", "keys"]);

const isOmitted = (arg: unknown): boolean =>
  isBlank(arg) || (Array.isArray(arg) && arg.every((row) => (Array.isArray(row) ? row.every(isBlank) : isBlank(row))));

function countCells(arg: unknown): number {
  const { rows, cols } = shapeOf(arg);
  return Array.isArray(arg) && arg.some((r) => Array.isArray(r))
    ? arg.reduce((n: number, r: unknown) => n + (Array.isArray(r) ? r.length : 1), 0)
    : rows * cols;
}

/** Where the kept rows of a paired group were, 1-based, so an implementation can name the cell. */
export const PAIRED_POSITIONS = "$positions";

/** The 1-based cell position of the i-th kept row of a paired group. */
export const pairedPosition = (args: object, index: number): number =>
  ((args as Record<string, number[] | undefined>)[PAIRED_POSITIONS] ?? [])[index] ?? index + 1;

/**
 * Reads a group of paired ranges row-aligned: they must hold the same number of cells, and a row where any
 * of them is blank is skipped in all of them.
 */
function readPaired(params: ParamSpec[], raw: unknown[], into: Record<string, unknown>): void {
  const columns = params.map((p, i) => readRange(raw[i], p as ParamSpec & { kind: "numbers" }, true) as unknown[]);
  const first = params[0];
  const firstColumn = columns[0];
  if (!first || !firstColumn) return;
  for (let i = 1; i < params.length; i++) {
    const column = columns[i] as unknown[];
    if (column.length !== firstColumn.length) {
      const other = params[i] as ParamSpec;
      throw fail.value(
        `${first.name} and ${other.name} must be the same size: ${first.name} has ${countCells(raw[0])} cells, ${other.name} has ${countCells(raw[i])}`,
      );
    }
  }
  const kept = columns.map(() => [] as unknown[]);
  const positions: number[] = [];
  for (let row = 0; row < firstColumn.length; row++) {
    if (columns.some((column) => column[row] === undefined)) continue;
    for (let i = 0; i < columns.length; i++) (kept[i] as unknown[]).push((columns[i] as unknown[])[row]);
    positions.push(row + 1);
  }
  params.forEach((p, i) => (into[p.name] = kept[i]));
  into[PAIRED_POSITIONS] = positions;
}

/** Turns host values into the clean arguments of `kpi`, or throws the KpiError that explains why not. */
export function coerceArgs(kpi: AnyKpi, rawArgs: readonly unknown[]): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  const pairedNames = new Set(kpi.paired?.flat() ?? []);
  const rawOf = (p: ParamSpec): unknown => rawArgs[kpi.params.indexOf(p)];

  kpi.params.forEach((param, index) => {
    const raw = rawArgs[index];
    // Only optional arguments are scanned for blankness: a required range goes straight to its reader.
    if (param.optional && isOmitted(raw)) {
      // A range parameter's default is a one-cell range.
      args[param.name] = RANGE_KINDS.has(param.kind) && param.default !== undefined ? [param.default] : param.default;
      return;
    }
    if (pairedNames.has(param.name)) return;
    switch (param.kind) {
      case "numbers": {
        const plain = param.min === undefined && param.max === undefined && param.above === undefined && !param.integer;
        args[param.name] = plain
          ? readNumbersFast(raw, param.name)
          : readRange(raw, param as ParamSpec & { kind: "numbers" }, false);
        return;
      }
      case "dates":
      case "keys":
        args[param.name] = readRange(raw, param as ParamSpec & { kind: "dates" }, false);
        return;
      case "series":
        args[param.name] = readSeries(raw, param);
        return;
      case "matrix":
        args[param.name] = readMatrix(raw, param);
        return;
      default: {
        const value = readScalar(raw, param);
        if (value === undefined) {
          if (!param.optional) throw fail.value(`${param.name} is required but empty`);
          args[param.name] = param.default;
        } else args[param.name] = value;
      }
    }
  });

  for (const group of kpi.paired ?? []) {
    const present = kpi.params.filter((p) => group.includes(p.name) && !(p.optional && isOmitted(rawOf(p))));
    readPaired(present, present.map(rawOf), args);
  }
  return args;
}

/**
 * Evaluates a KPI on host values. Returns the result or the KpiError explaining the failure (errors are
 * values from here on). Anything else thrown is a bug in the core and is deliberately not swallowed.
 */
export function evaluate(kpi: AnyKpi, rawArgs: readonly unknown[]): KpiResult | KpiError {
  try {
    if (rawArgs.length > kpi.params.length) {
      throw fail.value(`takes at most ${kpi.params.length} arguments, got ${rawArgs.length}`);
    }
    return kpi.compute(coerceArgs(kpi, rawArgs));
  } catch (error) {
    if (error instanceof KpiError) {
      error.fn = kpi.id;
      return error;
    }
    throw error;
  }
}
