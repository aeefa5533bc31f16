/**
 * Whether a spill's cells other than the formula's own are empty. Formats go on them only then: a spill that
 * would land on data shows #SPILL! and must not restyle the user's cells.
 */
export const spillAreaIsFree = (cells: readonly (readonly unknown[])[]): boolean =>
  cells.every((row, r) =>
    row.every((cell, c) => (r === 0 && c === 0) || cell === "" || cell === null || cell === undefined),
  );
