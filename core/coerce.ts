/**
 * The single coercion path: every host value that reaches a KPI passes through here once, so the
 * implementations only ever see finite numbers, serial dates, trimmed labels and well-formed options. The pieces
 * live in core/read/ by concern: cells and shapes, where a cell is and what is wrong with it, domain bounds, the
 * block scanners, the lazily read number range, and the readers by kind.
 */
export * from "./read/cells.js";
export { domainOf } from "./read/bounds.js";
export { type CellAt, type CellOrigin, type ReadAs, type ReadSpec, type RowMap } from "./read/where.js";
export { BLOCK_ROWS } from "./read/scan.js";
export { RangeOfNumbers } from "./read/number-range.js";
export { readKeys, readMatrix, readNumbers, readScalar, readSeries } from "./read/readers.js";
