import type { Series, SpillCell } from "./spec.js";

/** Series results follow the input's orientation: a row in gives a row out, anything else a column. */
export function orient(cells: SpillCell[], input: Series): SpillCell[][] {
  return input.rows === 1 && input.cols > 1 ? [cells] : cells.map((cell) => [cell]);
}
