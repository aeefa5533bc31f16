import { countCells, keyOf, readKeys, type ReadAs, type ReadSpec } from "../coerce.js";
import { cellAt, readKey } from "../read/where.js";
import { because, fail, isKpiError, KpiError, quoteIn } from "../errors.js";
import { idFromName, isRangeKind } from "../host/boundary.js";
import { totalsPerGroup } from "../aggregate/groups.js";
import { evaluate } from "../run.js";
import { defineKpi, type AnyKpi, type HostArg, type ParamSpec, type SpillCell } from "../spec.js";

/**
 * Any single-value KPI per group. One pass assigns the rows to groups by their normalised label. A KPI with a
 * totals aggregate (the Σ KPIs, NPS, CSAT, WINRATE …) then adds each row to its group's totals and finishes each
 * group with its own formula (core/aggregate/groups.ts); any other KPI, and any group whose rows or result raise
 * an error, takes the same path as a direct call (`evaluate`) on the group's own cells, so every rule holds
 * unchanged: blanks, pairing, bounds, and errors naming the argument and the cell by its place in the range the
 * user gave. test/core/by-totals.test.ts holds both paths to the same answers.
 */

/** Looked up at call time: the registry lists BY itself, so it cannot be imported here. */
let lookUp: (id: string) => AnyKpi | undefined = () => undefined;
export const setKpiLookup = (find: (id: string) => AnyKpi | undefined): void => {
  lookUp = find;
};

const INNER_ARGS = 6;

const innerParam = (n: number, optional: boolean): ParamSpec => ({
  name: `arg${n}`,
  kind: "any",
  optional,
  description: {
    en: `Argument ${n} of the KPI: a range as many cells as groups (split by group), or a single value (given to every group)`,
    fr: `Argument ${n} de l'indicateur : une plage d'autant de cellules que groups (découpée par groupe), ou une valeur seule (donnée à chaque groupe)`,
  },
});

/**
 * The cell at a 0-based reading-order index of a host argument, without copying the range: rows of equal width
 * (what hosts pass) are indexed directly, anything else (ragged rows, a 1-D literal) is flattened once.
 */
interface CellReader {
  readonly count: number;
  /** The rows of a one-column range, read directly in the hot loop. */
  readonly column?: unknown[][];
  /**
   * Set when the rows were taken to be one cell each from the first row alone: whoever reads `column` checks each
   * row on the way (totalsPerGroup does), and anyone else gets a checked reader first (see `readSplit`).
   */
  readonly unchecked?: boolean;
  readonly at: (index: number) => unknown;
}

function cellReader(value: unknown[], optimistic: boolean): CellReader {
  const width = Array.isArray(value[0]) ? (value[0] as unknown[]).length : -1;
  if (optimistic && width === 1) {
    // What hosts pass: rows of one cell. Checking them all here would cost a pass over the range of its own.
    const rows = value as unknown[][];
    return { count: rows.length, column: rows, unchecked: true, at: (i) => (rows[i] as unknown[])[0] };
  }
  if (width > 0 && evenRows(value, width)) {
    const rows = value as unknown[][];
    const at = (i: number): unknown => (rows[(i / width) | 0] as unknown[])[i % width];
    return width === 1 ? { count: rows.length, column: rows, at } : { count: rows.length * width, at };
  }
  const cells: unknown[] = [];
  for (const row of value) {
    if (Array.isArray(row)) for (const cell of row) cells.push(cell);
    else cells.push(row);
  }
  return { count: cells.length, at: (i) => cells[i] };
}

/** Whether every row is an array of the given width: a plain loop (a callback per row costs more than the check). */
function evenRows(value: readonly unknown[], width: number): boolean {
  for (let r = 0; r < value.length; r++) {
    const row = value[r];
    if (!Array.isArray(row) || row.length !== width) return false;
  }
  return true;
}

/** Width of a host range, so that a cell's position can be turned back into its row and column. */
const widthOf = (value: unknown): number =>
  Array.isArray(value) && Array.isArray(value[0]) ? Math.max(1, (value[0] as unknown[]).length) : countCells(value);

interface Grouping {
  /** Each cell's group in reading order, -1 for a blank. */
  readonly groupOf: Int32Array;
  /** Each group's label: its first spelling, trimmed. */
  readonly labels: string[];
}

/**
 * Past this many distinct texts, texts are looked up in a Map: each text met for the first time as a property key
 * enters V8's table of internalised strings, which costs more than a Map once there are tens of thousands of them
 * (measured: 10^6 rows in 10^5 groups, 1.5–2.4× slower than a Map; in 1,000 groups, 1.2–4× faster).
 */
const TEXTS_AS_PROPERTIES = 16_384;

/**
 * The groups met so far: by normalised label, and by spelling (the same text, number or boolean as a cell seen
 * before), so that a spelling met again costs one lookup and no reading or normalising. Texts are looked up as
 * properties of a prototype-less object while they are few: V8 resolves a string property key through its table of
 * internalised strings (where a host's JSON puts short strings, and where a string met once stays linked), faster
 * than a Map hashes and compares it. Other primitives go through a Map, so that the number 5 and the text "5 " stay
 * apart (as property keys both would be text, and `null` would be the text "null").
 */
class Groups {
  /** Texts as property keys, until there are too many; then undefined and texts go to `byValue`. */
  byText: Record<string, number> | undefined = Object.create(null) as Record<string, number>;
  private texts = 0;
  private readonly byValue = new Map<unknown, number>();
  private readonly byKey = new Map<string, number>();
  readonly labels: string[] = [];

  constructor(
    private readonly spec: ReadSpec,
    private readonly wide: boolean,
  ) {}

  /** A cell's group, -1 if blank. */
  of(cell: unknown, position: number, row: number, col: number): number {
    const g = typeof cell === "string" && this.byText ? this.byText[cell] : this.byValue.get(cell);
    return g === undefined ? this.learn(cell, position, row, col) : g;
  }

  /** A spelling met for the first time, read as any label cell (an error names the cell): its group, -1 if blank. */
  private learn(cell: unknown, position: number, row: number, col: number): number {
    const text = readKey(cell, cellAt(this.spec, position, row, col, this.wide));
    let g = -1;
    if (text !== undefined) {
      const key = keyOf(text);
      g = this.byKey.get(key) ?? this.labels.length;
      if (g === this.labels.length) {
        this.byKey.set(key, g);
        this.labels.push(text);
      }
    }
    if (typeof cell === "string" && this.byText) {
      this.byText[cell] = g;
      if (++this.texts > TEXTS_AS_PROPERTIES) {
        for (const [spelling, group] of Object.entries(this.byText)) this.byValue.set(spelling, group);
        this.byText = undefined;
      }
    }
    // Objects (a Date, a nested array) are read every time: a Map would hold them by identity.
    else if (typeof cell !== "object") this.byValue.set(cell, g);
    return g;
  }
}

/**
 * Each cell's group (-1 for a blank) by the normalised label, groups in order of first appearance, in one pass
 * over the host's rows, with no array of labels in between. A one-column range (the usual case) has a loop of
 * its own, without the inner loop over a row's cells.
 */
function assignGroups(arg: unknown, spec: ReadSpec): Grouping {
  // What hosts pass, one cell per row: taken on trust from the first row, each row checked as the pass goes.
  if (Array.isArray(arg) && Array.isArray(arg[0]) && (arg[0] as unknown[]).length === 1) {
    const groups = new Groups(spec, false);
    const groupOf = new Int32Array(arg.length);
    if (oneColumn(arg, groups, groupOf)) return { groupOf, labels: groups.labels };
  }
  const shape = hostShape(arg);
  const groups = new Groups(spec, shape?.wide ?? false);
  if (!shape) {
    // A literal array, not a host range: its labels read (and checked) first, blanks kept as "".
    const keys = readKeys(arg, spec, true);
    return { groupOf: Int32Array.from(keys, (key, i) => groups.of(key, i + 1, 0, i)), labels: groups.labels };
  }
  const rows = arg as unknown[][];
  const groupOf = new Int32Array(shape.cells);
  let position = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] as unknown[];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      position++;
      groupOf[position - 1] = groups.of(cell, position, r, c);
    }
  }
  return { groupOf, labels: groups.labels };
}

/** The groups of a one-column range's rows; false at the first row that is not one cell (then read it otherwise). */
function oneColumn(rows: readonly unknown[], groups: Groups, groupOf: Int32Array): boolean {
  let r = 0;
  // The common case written out, where V8 keeps it in the loop: a text among few, as a property key.
  for (let byText = groups.byText; r < rows.length && byText; r++, byText = groups.byText) {
    const row = rows[r];
    if (!Array.isArray(row) || row.length !== 1) return false;
    const cell: unknown = row[0];
    const g = typeof cell === "string" ? byText[cell] : undefined;
    groupOf[r] = g === undefined ? groups.of(cell, r + 1, r, 0) : g;
  }
  for (; r < rows.length; r++) {
    const row = rows[r];
    if (!Array.isArray(row) || row.length !== 1) return false;
    groupOf[r] = groups.of(row[0], r + 1, r, 0);
  }
  return true;
}

/**
 * A range as hosts pass it (an array of row arrays): its cells and whether a row is wider than one cell, in one
 * plain loop; undefined for any other shape.
 */
function hostShape(arg: unknown): { cells: number; wide: boolean } | undefined {
  if (!Array.isArray(arg)) return undefined;
  let cells = 0;
  let widest = 0;
  for (let r = 0; r < arg.length; r++) {
    const row: unknown = arg[r];
    if (!Array.isArray(row)) return undefined;
    cells += row.length;
    if (row.length > widest) widest = row.length;
  }
  return { cells, wide: widest > 1 };
}

/** The rows of the groups the totals left undefined (the others as -1, skipped), in a plain loop. */
function onlyGroups(groupOf: Int32Array, totals: readonly (number | undefined)[]): Int32Array {
  const out = new Int32Array(groupOf.length);
  for (let row = 0; row < groupOf.length; row++) {
    const g = groupOf[row] as number;
    out[row] = g >= 0 && totals[g] === undefined ? g : -1;
  }
  return out;
}

/**
 * Each group's rows (as 0-based row numbers) and each split argument's cells, in one sequential pass over the
 * rows: reading the user's rows in order keeps memory access linear, where gathering a group's rows at random
 * would miss the cache on every row.
 */
function scatter(
  groupOf: Int32Array,
  groups: number,
  columns: readonly (CellReader | undefined)[],
): { rows: Int32Array[]; cells: (unknown[] | undefined)[][] } {
  const counts = new Int32Array(groups);
  for (let row = 0; row < groupOf.length; row++) {
    const g = groupOf[row] as number;
    if (g >= 0) counts[g]! += 1;
  }
  const rows = Array.from(counts, (count) => new Int32Array(count));
  const fill = new Int32Array(groups);
  for (let row = 0; row < groupOf.length; row++) {
    const g = groupOf[row] as number;
    if (g >= 0) (rows[g] as Int32Array)[fill[g]!++] = row;
  }
  const cells = columns.map((reader) => (reader ? scatterCells(reader, groupOf, counts) : undefined));
  // Transposed: per group, the cells of each argument.
  return { rows, cells: Array.from(counts, (_, g) => cells.map((perGroup) => perGroup?.[g])) };
}

/** One argument's cells, per group, each group's in a single row: the readers' fast path. */
function scatterCells(reader: CellReader, groupOf: Int32Array, counts: Int32Array): unknown[][] {
  const out = Array.from(counts, (count) => new Array<unknown>(count));
  const fill = new Int32Array(counts.length);
  const column = reader.column;
  for (let row = 0; row < groupOf.length; row++) {
    const g = groupOf[row] as number;
    if (g < 0) continue;
    (out[g] as unknown[])[fill[g]!++] = column ? (column[row] as unknown[])[0] : reader.at(row);
  }
  return out;
}

export const BY = defineKpi({
  id: "BY",
  category: "analysis",
  title: { en: "Any KPI by group", fr: "Indicateur par groupe" },
  description: {
    en: 'Any single-value KPI per group: one row per distinct group (first appearance order), [group, the KPI on that group\'s rows]. kpi names the function ("WINRATE" or "KPI.WINRATE"); each range argument must have as many cells as groups and is split by group, a single value goes to every group. Rows with a blank group are skipped; a group\'s error stays in its cell.',
    fr: "N'importe quel indicateur à valeur unique par groupe : une ligne par groupe distinct (ordre d'apparition), [groupe, l'indicateur sur les lignes du groupe]. kpi nomme la fonction (\"WINRATE\" ou \"KPI.WINRATE\") ; chaque plage doit avoir autant de cellules que groups et est découpée par groupe, une valeur seule va à chaque groupe. Les lignes sans groupe sont ignorées ; l'erreur d'un groupe reste dans sa cellule.",
  },
  formula: "for each group g: KPI(args restricted to the rows where groups = g)",
  keywords: [
    "by",
    "par",
    "group by",
    "regrouper",
    "per salesperson",
    "par commercial",
    "par vendeur",
    "per channel",
    "par canal",
    "par région",
    "par segment",
    "dimension",
    "pivot",
  ],
  params: [
    {
      name: "groups",
      kind: "any",
      description: {
        en: "Group of each row: salesperson, channel, region, segment…",
        fr: "Groupe de chaque ligne : commercial, canal, région, segment…",
      },
    },
    {
      name: "kpi",
      kind: "text",
      description: {
        en: 'The KPI to compute per group, by name: "WINRATE", "CONVERSION", "SALESCYCLE"…',
        fr: 'L\'indicateur à calculer par groupe, par son nom : "WINRATE", "CONVERSION", "SALESCYCLE"…',
      },
    },
    innerParam(1, false),
    ...Array.from({ length: INNER_ARGS - 1 }, (_, i) => innerParam(i + 2, true)),
  ],
  result: "spill",
  unit: ["text", "number"],
  examples: [
    {
      args: [[["Ann"], ["Bob"], ["ann"], ["Bob"]], "WINRATE", [["Won"], ["Lost"], ["Lost"], ["Won"]]],
      result: [
        ["Ann", 0.5],
        ["Bob", 0.5],
      ],
    },
    {
      args: [[["Web"], ["Shop"], ["Web"]], "CONVERSION", [[3], [1], [0]], [[10], [0], [20]]],
      result: [
        ["Web", 0.1],
        ["Shop", "#DIV/0!"],
      ],
      note: {
        en: "A group's error stays in its cell",
        fr: "L'erreur d'un groupe reste dans sa cellule",
      },
    },
  ],
  compute: (args) => {
    const { groups, kpi } = args as unknown as { groups: HostArg; kpi: string };
    const inner = lookUp(idFromName(kpi) ?? kpi.trim());
    if (!inner)
      throw fail.value({
        en: `kpi "${kpi}" is not a KPI function`,
        fr: `kpi ${quoteIn(kpi, "fr")} n'est pas une fonction KPI`,
      });
    if (inner.id === "BY") throw fail.value({ en: "kpi cannot be BY itself", fr: "kpi ne peut pas être BY lui-même" });
    if (inner.result === "spill")
      throw fail.value({
        en: `kpi ${inner.id} returns a table; BY takes single-value KPIs`,
        fr: `kpi ${inner.id} renvoie un tableau ; BY prend des indicateurs à valeur unique`,
      });
    const given = Array.from(
      { length: INNER_ARGS },
      (_, i) => (args as Record<string, HostArg | undefined>)[`arg${i + 1}`],
    );
    while (given.length > 0 && given[given.length - 1] === undefined) given.pop();
    if (given.length > inner.params.length) {
      throw fail.value({
        en: `${inner.id} takes at most ${inner.params.length} arguments, got ${given.length}`,
        fr: `${inner.id} prend au plus ${inner.params.length} arguments, reçu ${given.length}`,
      });
    }

    const groupSpec: ReadSpec = { name: "groups", kind: "keys", description: { en: "", fr: "" } };
    const { groupOf, labels } = assignGroups(
      groups.value,
      groups.origin ? { ...groupSpec, origin: groups.origin } : groupSpec,
    );
    const n = groupOf.length;
    if (labels.length === 0) throw fail.na(because.noValues("groups"));

    // Range arguments are split by group; a single value (or an argument of a scalar parameter) is passed as is.
    // Each range argument's cells, split by group later; `optimistic` takes a one-column range's rows on trust.
    const readSplit = (optimistic: boolean) =>
      given.map((arg, i) => {
        const param = inner.params[i];
        if (!arg || !param || !isRangeKind(param.kind) || !Array.isArray(arg.value)) return undefined;
        const cells = cellReader(arg.value, optimistic);
        if (cells.count !== n) {
          throw fail.value({
            en: `arg${i + 1} (${param.name}) must have as many cells as groups: groups has ${n}, arg${i + 1} has ${cells.count}`,
            fr: `arg${i + 1} (${param.name}) doit avoir autant de cellules que groups : groups en a ${n}, arg${i + 1} en a ${cells.count}`,
          });
        }
        return { cells, cols: widthOf(arg.value), origin: arg.origin };
      });
    let split = readSplit(true);

    // Σ-type KPIs add each row to its group's totals in one pass; the other KPIs, and any group whose rows or
    // result raise an error (so that the error names its cell), take the direct path on the group's own cells.
    const totals = totalsPerGroup(
      inner,
      { split: split.map((s) => s?.cells), given: given.map((arg) => arg?.value) },
      groupOf,
      labels.length,
    );
    const allTotalled = totals?.every((t) => t !== undefined) === true;
    // The direct path reads through checked readers: a ragged range gets its size error here.
    if (!allTotalled && split.some((s) => s?.cells.unchecked)) split = readSplit(false);
    const parts = allTotalled
      ? undefined
      : scatter(
          totals ? onlyGroups(groupOf, totals) : groupOf,
          labels.length,
          split.map((s) => s?.cells),
        );
    return labels.map((label, g): SpillCell[] => {
      const total = totals?.[g];
      if (total !== undefined || !parts) return [label, total as number];
      const rowsOfGroup = parts.rows[g] as Int32Array;
      const own = parts.cells[g] as (unknown[] | undefined)[];
      const groupArgs = given.map((arg, i) => {
        const cells = own[i];
        return cells ? [cells] : arg?.value;
      });
      // Problems are named by the cell's place in the user's range, not in the group's selection of it.
      const original = (position: number): number => (rowsOfGroup[position - 1] as number) + 1;
      const readAs = split.map((s): ReadAs | undefined =>
        s ? { rows: { original, cols: s.cols }, ...(s.origin ? { origin: s.origin } : {}) } : undefined,
      );
      const result = evaluate(inner, groupArgs, readAs);
      if (isKpiError(result))
        return [
          label,
          new KpiError(result.code, {
            en: `group "${label}": ${inner.id}: ${result.causes.en}`,
            fr: `groupe ${quoteIn(label, "fr")} : ${inner.id} : ${result.causes.fr}`,
          }),
        ];
      return [label, result as SpillCell];
    });
  },
});
