import {
  BLANK_KEY,
  isBlank,
  RangeOfNumbers,
  readKeys,
  readMatrix,
  readNumbers,
  readScalar,
  readSeries,
  sizeMismatch,
  type ReadAs,
  type ReadSpec,
} from "../coerce.js";
import { fail } from "../errors.js";
import { readNumericPair } from "./pairs.js";
import type { AnyKpi, CallInfo, ParamSpec } from "../spec.js";

/**
 * A KPI's arguments as its implementation receives them: each host argument through the reader of its
 * parameter's kind, optional ones defaulted, paired ranges aligned row by row.
 */

/** An omitted optional argument: Excel passes null, Sheets undefined; a blank cell counts as omitted. */
const RANGE_KINDS = new Set(["numberRange", "numberList", "dates", "keys"]);

const isOmitted = (arg: unknown): boolean =>
  isBlank(arg) || (Array.isArray(arg) && arg.every((row) => (Array.isArray(row) ? row.every(isBlank) : isBlank(row))));

/**
 * A required argument the formula does not give at all, as opposed to one given as empty cells: Sheets and the
 * playground pass `undefined` for it, Excel `null`. A range Excel does receive is always a 2-D array (even one
 * empty cell is [[null]]), so a bare null there is an omitted range; a bare null for a single value may be an
 * empty cell on Excel on the web, which keeps its own "required but empty" cause.
 */
const isMissing = (arg: unknown, param: ParamSpec): boolean =>
  arg === undefined || (arg === null && RANGE_KINDS.has(param.kind));

/** What the reading of a call learnt besides the clean values: the KPI's `call` (core/spec.ts CallInfo). */
function callInfo(omitted: ReadonlySet<string>, positionOf: Position | undefined): CallInfo {
  return {
    pairedPosition: (index) => (positionOf ? positionOf(index) : index + 1),
    omitted: (name) => omitted.has(name),
  };
}

/** The 1-based row in the user's range of the paired values' index-th row. */
type Position = (index: number) => number;

/** Positions from a list of them: the row itself past its end. */
const fromList =
  (positions: readonly number[]): Position =>
  (index) =>
    positions[index] ?? index + 1;

/**
 * Reads a group of paired ranges row-aligned: they must hold the same number of cells, and a row where any
 * of them is blank is skipped in all of them. Returns where each kept row stands in the user's range, when
 * that is not simply its index.
 */
function readPaired(params: ReadSpec[], raw: unknown[], into: Record<string, unknown>): Position | undefined {
  if (params.every((p) => p.kind === "numberRange")) {
    // Numeric pairs are streamed (NumberRange.sumProduct), which check their sizes in the same pass
    // that compares their layouts.
    params.forEach((p, i) => (into[p.name] = new RangeOfNumbers(raw[i], p)));
    return undefined;
  }
  const numeric = (p: ReadSpec): boolean => p.kind === "numberList" || p.kind === "dates";
  const [p0, p1] = params;
  if (params.length === 2 && p0 && p1 && numeric(p0) && numeric(p1)) {
    const pair = readNumericPair([p0, p1], raw);
    if (pair) {
      into[p0.name] = pair.first;
      into[p1.name] = pair.second;
      // Cells that are a selection of the user's range (BY's groups) are named by their place in that range.
      const original = p0.rows;
      return original ? (index) => original.original(pair.positionOf(index)) : pair.positionOf;
    }
  }
  const columns: (number[] | string[])[] = params.map((p, i) =>
    p.kind === "keys" ? readKeys(raw[i], p, true) : readNumbers(raw[i], p, true),
  );
  const first = params[0];
  const firstColumn = columns[0];
  if (!first || !firstColumn) return undefined;
  const length = firstColumn.length;
  for (let i = 1; i < params.length; i++) {
    if ((columns[i] as unknown[]).length !== length) {
      throw sizeMismatch(first.name, raw[0], (params[i] as ParamSpec).name, raw[i]);
    }
  }
  // One pass marks the complete rows; the columns are only copied when some row has a blank.
  const keep = new Uint8Array(length).fill(1);
  let kept = length;
  for (const column of columns) {
    const isKeys = typeof column[0] === "string";
    for (let row = 0; row < length; row++) {
      const v = column[row];
      if (keep[row] && (isKeys ? v === BLANK_KEY : v !== v)) {
        keep[row] = 0;
        kept--;
      }
    }
  }
  // Cells that are a selection of the user's range (BY's groups) are named by their place in that range.
  const original = (params[0] as ReadSpec).rows;
  if (kept === length) {
    params.forEach((p, i) => (into[p.name] = columns[i]));
    return original ? (index) => original.original(index + 1) : undefined;
  }
  const positions: number[] = [];
  for (let row = 0; row < length; row++) if (keep[row]) positions.push(row + 1);
  params.forEach((p, i) => {
    const column = columns[i] as unknown[];
    into[p.name] = positions.map((position) => column[position - 1]);
  });
  return original ? fromList(positions.map((position) => original.original(position))) : fromList(positions);
}

/**
 * Whether argument `index` of `kpi` may be a one-row range holding a typed array of numbers (`[view]`, see
 * NumberView in scan.ts): the numeric kinds read by scanNumbers alone, not paired ones (aligned row by row).
 */
export function takesNumberView(kpi: AnyKpi, index: number): boolean {
  const param = kpi.params[index];
  if (!param || !["numberRange", "numberList", "dates"].includes(param.kind)) return false;
  return !(kpi.paired ?? []).some((group) => group.includes(param.name));
}

/** Turns host values into the clean arguments of `kpi`, or throws the KpiError that explains why not. */
export function coerceArgs(
  kpi: AnyKpi,
  rawArgs: readonly unknown[],
  readAs?: readonly (ReadAs | undefined)[],
): { args: Record<string, unknown>; call: CallInfo } {
  const args: Record<string, unknown> = {};
  const pairedNames = new Set(kpi.paired?.flat() ?? []);
  // Each parameter as read for this call: with where its range starts and which cells it holds, when known.
  const specs: ReadSpec[] = kpi.params.map((param, i) => {
    const how = readAs?.[i];
    return how ? { ...param, ...how } : param;
  });
  const rawOf = (p: ParamSpec): unknown => rawArgs[specs.indexOf(p)];

  const omitted = new Set<string>();
  specs.forEach((param, index) => {
    const raw = rawArgs[index];
    // Present but empty is not missing: an empty range keeps its "has no values" or "sums to 0".
    if (!param.optional && isMissing(raw, param)) throw fail.missing(param.name);
    // Only optional arguments are scanned for blankness: a required range goes straight to its reader.
    if (param.optional && isOmitted(raw)) {
      omitted.add(param.name);
      // A range parameter's default is a one-cell range.
      args[param.name] =
        !RANGE_KINDS.has(param.kind) || param.default === undefined
          ? param.default
          : param.kind === "numberRange"
            ? new RangeOfNumbers(param.default, param)
            : [param.default];
      return;
    }
    if (pairedNames.has(param.name)) return;
    switch (param.kind) {
      case "any":
        args[param.name] = param.origin ? { value: raw, origin: param.origin } : { value: raw };
        return;
      case "numberRange":
        args[param.name] = new RangeOfNumbers(raw, param);
        return;
      case "numberList":
      case "dates":
        args[param.name] = readNumbers(raw, param);
        return;
      case "keys":
        args[param.name] = readKeys(raw, param);
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
          if (!param.optional)
            throw fail.value({
              en: `${param.name} is required but empty`,
              fr: `${param.name} est obligatoire mais vide`,
            });
          args[param.name] = param.default;
        } else args[param.name] = value;
      }
    }
  });

  let positionOf: Position | undefined;
  for (const group of kpi.paired ?? []) {
    const present = specs.filter((p) => group.includes(p.name) && !(p.optional && isOmitted(rawOf(p))));
    positionOf = readPaired(present, present.map(rawOf), args) ?? positionOf;
  }
  return { args, call: callInfo(omitted, positionOf) };
}
