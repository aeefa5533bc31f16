import { countCells, keyOf, readKeys, BLANK_KEY, type ReadAs, type ReadSpec } from "../coerce.js";
import { because, fail, isKpiError, KpiError, quoteIn } from "../errors.js";
import { idFromName, isRangeKind } from "../host/boundary.js";
import { evaluate } from "../run.js";
import { defineKpi, type AnyKpi, type HostArg, type ParamSpec, type SpillCell } from "../spec.js";

/**
 * Any single-value KPI per group. One pass partitions the rows by their normalised group label; each group's
 * rows then go through the same path as a direct call (`evaluate`), so every rule holds unchanged: blanks,
 * pairing, bounds, and errors naming the argument and the cell by its place in the range the user gave.
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
  readonly at: (index: number) => unknown;
}

function cellReader(value: unknown[]): CellReader {
  const width = Array.isArray(value[0]) ? (value[0] as unknown[]).length : -1;
  if (width > 0 && value.every((row) => Array.isArray(row) && row.length === width)) {
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

/** Width of a host range, so that a cell's position can be turned back into its row and column. */
const widthOf = (value: unknown): number =>
  Array.isArray(value) && Array.isArray(value[0]) ? Math.max(1, (value[0] as unknown[]).length) : countCells(value);

/**
 * Each row's group (-1 for a blank) by the normalised label, groups in order of first appearance. A spelling
 * seen before skips the normalisation: one hash lookup per row. Hot loops live in functions of their own, so V8
 * optimises each as a whole (see BLOCK_ROWS in coerce.ts).
 */
function assignGroups(keys: readonly string[]): { groupOf: Int32Array; labels: string[] } {
  const n = keys.length;
  const groupOf = new Int32Array(n);
  const bySpelling = new Map<string, number>();
  const byKey = new Map<string, number>();
  const labels: string[] = [];
  for (let row = 0; row < n; row++) {
    const label = keys[row] as string;
    let g = bySpelling.get(label);
    if (g === undefined) {
      if (label === BLANK_KEY) g = -1;
      else {
        const key = keyOf(label);
        g = byKey.get(key);
        if (g === undefined) {
          g = labels.length;
          byKey.set(key, g);
          labels.push(label);
        }
      }
      bySpelling.set(label, g);
    }
    groupOf[row] = g;
  }
  return { groupOf, labels };
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
    const keys = readKeys(groups.value, groups.origin ? { ...groupSpec, origin: groups.origin } : groupSpec, true);
    const n = keys.length;
    const { groupOf, labels } = assignGroups(keys);
    if (labels.length === 0) throw fail.na(because.noValues("groups"));

    // Range arguments are split by group; a single value (or an argument of a scalar parameter) is passed as is.
    const split = given.map((arg, i) => {
      const param = inner.params[i];
      if (!arg || !param || !isRangeKind(param.kind) || !Array.isArray(arg.value)) return undefined;
      const cells = cellReader(arg.value);
      if (cells.count !== n) {
        throw fail.value({
          en: `arg${i + 1} (${param.name}) must have as many cells as groups: groups has ${n}, arg${i + 1} has ${cells.count}`,
          fr: `arg${i + 1} (${param.name}) doit avoir autant de cellules que groups : groups en a ${n}, arg${i + 1} en a ${cells.count}`,
        });
      }
      return { cells, cols: widthOf(arg.value), origin: arg.origin };
    });

    const parts = scatter(
      groupOf,
      labels.length,
      split.map((s) => s?.cells),
    );
    return labels.map((label, g): SpillCell[] => {
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
