import type { AnyKpi } from "../spec.js";
import type { NumberReader } from "./read.js";
import { hasTotals, totalsAggregate, totalsOptions, type TotalsAggregate } from "./totals.js";
import type { MergeableKpi, State } from "./types.js";

/**
 * A KPI per group through its mergeable aggregate (BY's fast path). One sequential pass adds each row to its
 * group's totals; each group then finishes with the KPI's own formula (core/aggregate/finish.ts, the function the
 * direct call ends with). The direct path per group would first copy every cell into its group's range, then
 * read each range as a call does: the totals cost one add per row and allocate nothing per row.
 *
 * The aggregate reads a row's values as the sheet reads them, but an error it raises cannot name the cell. So a
 * group whose row or whose finish fails comes back undefined, and BY takes that group through the direct path,
 * whose error names the cell in the user's range. The answers agree by construction and by test
 * (test/core/by-totals.test.ts compares both paths on random rows, bad cells included).
 */

/**
 * The cells of one range argument by 0-based row: a one-column range's rows read in place (each checked to hold
 * one cell as it is read: BY may take a range's shape from its first row), any other through `at`.
 */
export interface ColumnCells {
  readonly column?: unknown[][];
  readonly at: (index: number) => unknown;
}

/** How BY hands the inner KPI's arguments: per parameter, a split range's cells or a value given to every group. */
export interface GroupArgs {
  /** Per inner parameter, the split range's cells (same count as rows), or undefined. */
  readonly split: readonly (ColumnCells | undefined)[];
  /** Per inner parameter, the raw argument (a value given to every group), or undefined when omitted. */
  readonly given: readonly unknown[];
}

/**
 * Each group's value (undefined for a group the direct path must take), or undefined when the aggregate path
 * does not apply: the KPI has no totals aggregate, a range parameter got no split range (omitted, or a single
 * value given to every group), an option is a range, or the options themselves are invalid (the direct path
 * then reports it in every group, as before).
 */
export function totalsPerGroup(
  kpi: AnyKpi,
  args: GroupArgs,
  groupOf: Int32Array,
  groups: number,
): (number | undefined)[] | undefined {
  if (!hasTotals(kpi.id)) return undefined;
  const positionOf = (name: string): number => kpi.params.findIndex((p) => p.name === name);
  let aggregate: TotalsAggregate;
  try {
    const options = totalsOptions(kpi.id).map((name) => args.given[positionOf(name)]);
    if (options.some((value) => Array.isArray(value))) return undefined;
    aggregate = totalsAggregate(kpi, options);
  } catch {
    return undefined;
  }
  const columns = aggregate.columns.map((name) => args.split[positionOf(name)]);
  if (columns.length > 4 || columns.some((c) => c === undefined)) return undefined;

  const failed = new Uint8Array(groups);
  const readers = aggregate.summedColumns;
  let states: State[];
  try {
    states = readers
      ? sumColumns(readers, columns as readonly ColumnCells[], groupOf, groups, failed)
      : Array.from({ length: groups }, () => aggregate.init());
    if (!readers) addRows(aggregate, states, failed, groupOf, columns[0], columns[1], columns[2], columns[3]);
  } catch (error) {
    // A range taken to be one cell per row is not (a literal array, not a host range): BY reads it again.
    if (error === UNEVEN) return undefined;
    throw error;
  }
  return states.map((state, g) => {
    if (failed[g] === 1) return undefined;
    try {
      return aggregate.finish(state);
    } catch {
      return undefined;
    }
  });
}

/**
 * A Σ KPI's totals per group, one column at a time: each column is read in order into its groups' sums, a loop as
 * tight as the KPI's own over one column. The sums add each group's values in row order, as the row-wise adder
 * and the direct path do, so the totals are the same to the last bit.
 */
function sumColumns(
  readers: readonly NumberReader[],
  columns: readonly ColumnCells[],
  groupOf: Int32Array,
  groups: number,
  failed: Uint8Array,
): State[] {
  const n = columns.length;
  const sums = new Float64Array(groups * n);
  columns.forEach((cells, j) => sumColumn(readers[j] as NumberReader, cells, groupOf, sums, n, j, failed));
  return Array.from({ length: groups }, (_, g) => ({ t: Array.from(sums.subarray(g * n, g * n + n)) }));
}

function sumColumn(
  reader: NumberReader,
  cells: ColumnCells,
  groupOf: Int32Array,
  sums: Float64Array,
  n: number,
  j: number,
  failed: Uint8Array,
): void {
  const rows = groupOf.length;
  let row = 0;
  while (row < rows) {
    try {
      for (; row < rows; row++) {
        // Every row's cell is taken, even one skipped: taking it checks the row's shape (see ColumnCells).
        const cell = cellOf(cells, row);
        const g = groupOf[row] as number;
        if (g < 0 || failed[g] === 1) continue;
        const v = reader.read(cell);
        if (v !== undefined) sums[g * n + j] = (sums[g * n + j] as number) + v;
      }
    } catch (error) {
      row = failRow(error, groupOf, failed, row);
    }
  }
}

/**
 * The rule both row loops resume by: a row's error marks its group failed (the direct path takes it) and the pass
 * goes on at the next row; a range found not to be one cell per row ends the pass (BY reads it again). Off the hot
 * path: only a catch calls it.
 */
function failRow(error: unknown, groupOf: Int32Array, failed: Uint8Array, row: number): number {
  if (error === UNEVEN) throw UNEVEN;
  failed[groupOf[row] as number] = 1;
  return row + 1;
}

/** Thrown when a row of a one-column range turns out not to hold exactly one cell: made once, thrown as is. */
const UNEVEN = new Error("a row of a one-column range holds more or fewer than one cell");

/** A row's cell; a one-column range's row is checked to be one cell, as the pass goes. */
function cellOf(cells: ColumnCells | undefined, row: number): unknown {
  if (cells === undefined) return undefined;
  const column = cells.column;
  if (!column) return cells.at(row);
  const cellsOfRow = column[row];
  if (!Array.isArray(cellsOfRow) || cellsOfRow.length !== 1) throw UNEVEN;
  return cellsOfRow[0];
}

/**
 * Adds every row to its group's state; a row that raises an error marks its group failed (its later rows are
 * skipped) and the pass goes on. The loop lives in a function of its own so that V8 optimises it as a whole.
 */
function addRows(
  aggregate: MergeableKpi,
  states: readonly State[],
  failed: Uint8Array,
  groupOf: Int32Array,
  a: ColumnCells | undefined,
  b: ColumnCells | undefined,
  c: ColumnCells | undefined,
  d: ColumnCells | undefined,
): void {
  const n = groupOf.length;
  let row = 0;
  while (row < n) {
    try {
      for (; row < n; row++) {
        const x = cellOf(a, row);
        const y = cellOf(b, row);
        const z = cellOf(c, row);
        const w = cellOf(d, row);
        const g = groupOf[row] as number;
        if (g < 0 || failed[g] === 1) continue;
        aggregate.add(states[g] as State, x, y, z, w);
      }
    } catch (error) {
      row = failRow(error, groupOf, failed, row);
    }
  }
}
