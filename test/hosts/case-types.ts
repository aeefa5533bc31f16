/** The vocabulary of the host conformance table (test/hosts/cases.ts): cells, arguments and cases, host-neutral. */

export class Day {
  constructor(readonly serial: number) {}
}

/** A date cell, written as an ISO day. */
export const day = (iso: string): Day => new Day(Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25_569);

export const OMITTED = Symbol("omitted");
/** A scalar argument given as a reference to an empty cell (a cleared threshold): the default applies. */
export const EMPTY_CELL = Symbol("empty cell");

export type Cell = number | string | boolean | null | Day;
export type Arg = Cell | Cell[] | Cell[][] | typeof OMITTED | typeof EMPTY_CELL;

/** The hosts the table runs against: Excel on the web (null blanks), Excel desktop (0 blanks), Sheets, the playground. */
export type HostId = "excel-web" | "excel-desktop" | "sheets" | "playground";

export interface HostCase {
  name: string;
  fn: string;
  args: Arg[];
  /** An error code every host must show, or a value every host must return (dates as Day). */
  expect?: unknown;
  /** Hosts that cannot be asked this case, and why: the table says so rather than skipping silently. */
  differs?: Partial<Record<HostId, string>>;
  /** Relative agreement asked of numbers, when not 1e-9; with the reason. */
  tolerance?: { readonly relative: number; readonly why: string };
}

/** A one-column range from its cells. */
export const col = (...cells: Cell[]): Cell[][] => cells.map((c) => [c]);
