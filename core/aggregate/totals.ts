import { fail, isKpiError, numIn } from "../errors.js";
import { distinctLabels } from "../labels.js";
import type { AnyKpi, ParamSpec } from "../spec.js";
import * as F from "./finish.js";
import { KeyReader, NumberReader, readOptions } from "./read.js";
import type { MergeableKpi, Raise, State } from "./types.js";

/**
 * The aggregates whose state is a few totals (sums and counts): the Σ KPIs, NPS, CSAT, CES, WINRATE. Kept apart
 * from the distinct counts so that BY, which keeps one such state per group, brings only these into the add-in.
 */

/** The scalar arguments by name, and under OMITTED which of them took their default. */
type Options = Record<string | symbol, unknown>;

/** A symbol, not a name: no parameter can collide with it. */
const OMITTED = Symbol("omitted");

/**
 * Folds one row (up to four range columns, positional: no array per row) into the totals. Each KPI's adder is
 * one module-level function, and what varies per aggregate (readers, options) comes in `with`: the row loop then
 * calls the same functions whichever aggregate object it holds, so V8 inlines them all.
 */
type Adder = (t: number[], a: unknown, b: unknown, c: unknown, d: unknown, with_: Setup) => void;

/** An aggregate's readers, one per range column, and its options, read once. */
interface Setup {
  readonly numbers: readonly NumberReader[];
  readonly keys: readonly KeyReader[];
  readonly options: Options;
}

interface Definition {
  readonly options?: readonly string[];
  readonly totals: number;
  /** Validates the options before any row (CSAT's threshold, WINRATE's labels), as compute does first. */
  readonly check?: (options: Options) => void;
  readonly add: Adder;
  readonly finish: (t: readonly number[], options: Options) => number;
}

const at = (t: readonly number[], i: number): number => t[i] as number;

/** The reader of column i (every range column has one; the type cannot tell). */
const nth = <R>(readers: readonly R[], i: number): R => readers[i] as R;

/** Adds a column's value to total i unless it is blank. */
function sumInto(t: number[], i: number, reader: NumberReader, value: unknown): void {
  const v = reader.read(value);
  if (v !== undefined) t[i] = at(t, i) + v;
}

const SUMS: Readonly<Record<2 | 3 | 4, Adder>> = {
  2: (t, a, b, _c, _d, { numbers }) => {
    sumInto(t, 0, nth(numbers, 0), a);
    sumInto(t, 1, nth(numbers, 1), b);
  },
  3: (t, a, b, c, _d, { numbers }) => {
    sumInto(t, 0, nth(numbers, 0), a);
    sumInto(t, 1, nth(numbers, 1), b);
    sumInto(t, 2, nth(numbers, 2), c);
  },
  4: (t, a, b, c, d, { numbers }) => {
    sumInto(t, 0, nth(numbers, 0), a);
    sumInto(t, 1, nth(numbers, 1), b);
    sumInto(t, 2, nth(numbers, 2), c);
    sumInto(t, 3, nth(numbers, 3), d);
  },
};

/** A Σ KPI: each range column summed on its own (blanks skipped), then the KPI's formula. */
const sums = (
  n: 2 | 3 | 4,
  finish: (t: readonly number[], options: Options) => number,
  options?: readonly string[],
): Definition => ({ totals: n, options, add: SUMS[n], finish });

/** Checks a score against the scale as CSAT and CES do (the core reports the cell; a row has none). */
const onScale = (v: number, scaleMax: number): void => {
  if (v < 1 || v > scaleMax)
    throw fail.num({
      en: `scores: a value is ${v}, outside the scale 1 to ${scaleMax}`,
      fr: `scores : une valeur vaut ${numIn(v, "fr")}, hors de l'échelle de 1 à ${scaleMax}`,
    });
};

/** WINRATE's labels: a label left out reads both languages, as in the sheet. */
const winRateLabels = (o: Options): ReturnType<typeof distinctLabels> => {
  const omitted = o[OMITTED] as ReadonlySet<string> | undefined;
  return distinctLabels(
    omitted?.has("wonLabel") ? undefined : (o.wonLabel as string),
    omitted?.has("lostLabel") ? undefined : (o.lostLabel as string),
  );
};

const DEFINITIONS: Readonly<Record<string, Definition>> = {
  CONVERSION: sums(2, (t) => F.finishConversion(at(t, 0), at(t, 1))),
  CPL: sums(2, (t) => F.finishCpl(at(t, 0), at(t, 1))),
  CAC: sums(3, (t) => F.finishCac(at(t, 0), at(t, 1), at(t, 2))),
  ROI: sums(2, (t) => F.finishRoi(at(t, 0), at(t, 1))),
  ROMI: sums(2, (t, o) => F.finishRomi(at(t, 0), at(t, 1), o.grossMargin as number), ["grossMargin"]),
  MARGIN: sums(2, (t) => F.finishMargin(at(t, 0), at(t, 1))),
  ATTAINMENT: sums(2, (t) => F.finishAttainment(at(t, 0), at(t, 1))),
  PENETRATION: sums(2, (t) => F.finishPenetration(at(t, 0), at(t, 1))),
  GROWTH: sums(2, (t) => F.finishGrowth(at(t, 0), at(t, 1))),
  CHURN: sums(2, (t) => F.finishChurn(at(t, 0), at(t, 1))),
  RETENTION: sums(3, (t) => F.finishRetention(at(t, 0), at(t, 1), at(t, 2))),
  NRR: sums(4, (t) => F.finishNrr(at(t, 0), at(t, 1), at(t, 2), at(t, 3))),
  GRR: sums(3, (t) => F.finishGrr(at(t, 0), at(t, 1), at(t, 2))),
  VARIANCE: sums(2, (t, o) => F.finishVariance(at(t, 0), at(t, 1), o.asPercent as boolean), ["asPercent"]),
  PRICEINDEX: {
    totals: 4,
    add: (t, a, b, _c, _d, { numbers }) => {
      // Σ and count of each price column: an average price each.
      const own = nth(numbers, 0).read(a);
      const market = nth(numbers, 1).read(b);
      if (own !== undefined) {
        t[0] = at(t, 0) + own;
        t[1] = at(t, 1) + 1;
      }
      if (market !== undefined) {
        t[2] = at(t, 2) + market;
        t[3] = at(t, 3) + 1;
      }
    },
    finish: (t) => F.finishPriceIndex(at(t, 0), at(t, 1), at(t, 2), at(t, 3)),
  },
  WEIGHTEDPIPELINE: {
    totals: 1,
    add: (t, a, b, _c, _d, { numbers }) => {
      const amount = nth(numbers, 0).read(a);
      const probability = nth(numbers, 1).read(b);
      if (amount !== undefined && probability !== undefined) t[0] = at(t, 0) + amount * probability;
    },
    finish: (t) => F.finishWeightedPipeline(at(t, 0)),
  },
  NPS: {
    totals: 3,
    add: (t, a, _b, _c, _d, { numbers }) => {
      const s = nth(numbers, 0).read(a);
      if (s === undefined) return;
      t[2] = at(t, 2) + 1;
      if (s >= 9) t[0] = at(t, 0) + 1;
      else if (s <= 6) t[1] = at(t, 1) + 1;
    },
    finish: (t) => F.finishNps(at(t, 0), at(t, 1), at(t, 2)),
  },
  CSAT: {
    totals: 2,
    options: ["scaleMax", "threshold"],
    check: (o) => F.finishCsatThreshold(o.threshold as number, o.scaleMax as number),
    add: (t, a, _b, _c, _d, { numbers, options }) => {
      const s = nth(numbers, 0).read(a);
      if (s === undefined) return;
      onScale(s, options.scaleMax as number);
      t[1] = at(t, 1) + 1;
      if (s >= (options.threshold as number)) t[0] = at(t, 0) + 1;
    },
    finish: (t) => F.finishCsat(at(t, 0), at(t, 1)),
  },
  CES: {
    totals: 2,
    options: ["scaleMax"],
    add: (t, a, _b, _c, _d, { numbers, options }) => {
      const s = nth(numbers, 0).read(a);
      if (s === undefined) return;
      onScale(s, options.scaleMax as number);
      t[0] = at(t, 0) + s;
      t[1] = at(t, 1) + 1;
    },
    finish: (t) => F.finishCes(at(t, 0), at(t, 1)),
  },
  WINRATE: {
    totals: 2,
    options: ["wonLabel", "lostLabel"],
    check: (o) => void winRateLabels(o),
    add: (t, a, _b, _c, _d, { keys, options }) => {
      const key = nth(keys, 0).read(a);
      if (key === undefined) return;
      const { won, lost } = options.labels as ReturnType<typeof distinctLabels>;
      if (won.matches(key)) t[0] = at(t, 0) + 1;
      else if (lost.matches(key)) t[1] = at(t, 1) + 1;
    },
    finish: (t, o) => F.finishWinRate(at(t, 0), at(t, 1), (o.labels as ReturnType<typeof distinctLabels>).named),
  },
};

/** Whether a KPI's aggregate is a few totals (no distinct keys): cheap to keep one state per group. */
export const hasTotals = (id: string): boolean => Object.hasOwn(DEFINITIONS, id);

/** The KPIs with a totals aggregate, in catalogue order. */
export const TOTALS_IDS: readonly string[] = Object.keys(DEFINITIONS);

/** The scalar parameters of a KPI's totals aggregate, in the order `totalsAggregate` takes their values. */
export const totalsOptions = (id: string): readonly string[] => DEFINITIONS[id]?.options ?? [];

/** A KpiError raised inside an aggregate names its KPI, as `evaluate` names it. */
export function nameError(error: unknown, kpi: AnyKpi): unknown {
  if (isKpiError(error)) error.fn = kpi.id;
  return error;
}

const rangeParams = (kpi: AnyKpi, options: readonly string[]): ParamSpec[] =>
  kpi.params.filter((p) => !options.includes(p.name));

/**
 * The totals aggregate of a KPI (see aggregateFor in index.ts), for the given scalar arguments: throws the KPI's
 * KpiError, named after it and passed through `host`, when an option is invalid.
 */
export function totalsAggregate(
  kpi: AnyKpi,
  rawOptions: readonly unknown[] = [],
  host: Raise = (error) => error,
): TotalsAggregate {
  const raise: Raise = (error) => host(nameError(error, kpi));
  const named = <T>(run: () => T): T => {
    try {
      return run();
    } catch (error) {
      throw raise(error);
    }
  };
  const definition = DEFINITIONS[kpi.id];
  if (!definition) throw new Error(`${kpi.id} has no totals aggregate`);
  const optionNames = definition.options ?? [];
  const columns = rangeParams(kpi, optionNames);
  const omitted = new Set<string>();
  const options: Options = named(() => readOptions(kpi, optionNames, rawOptions, omitted));
  options[OMITTED] = omitted;
  named(() => definition.check?.(options));
  if (kpi.id === "WINRATE") options.labels = winRateLabels(options);
  const setup: Setup = {
    numbers: columns.map((p) => new NumberReader(p)),
    keys: columns.map((p) => new KeyReader(p)),
    options,
  };
  return new TotalsAggregate(
    kpi.id,
    columns.map((p) => p.name),
    optionNames,
    definition,
    setup,
    raise,
  );
}

/** The aggregate of a KPI whose state is a few totals. Methods, not closures: see Adder. */
export class TotalsAggregate implements MergeableKpi {
  constructor(
    readonly id: string,
    readonly columns: readonly string[],
    readonly options: readonly string[],
    private readonly definition: Definition,
    private readonly setup: Setup,
    private readonly raise: Raise,
  ) {}

  /**
   * For a Σ KPI (total i is the sum of range column i, blanks skipped), each column's reader: a column can then be
   * summed on its own, which BY does per group. Undefined for any other aggregate.
   */
  get summedColumns(): readonly NumberReader[] | undefined {
    const add = this.definition.add;
    return add === SUMS[2] || add === SUMS[3] || add === SUMS[4] ? this.setup.numbers : undefined;
  }

  init(): State {
    const t: number[] = [];
    for (let i = 0; i < this.definition.totals; i++) t.push(0);
    return { t };
  }

  add(state: State, a?: unknown, b?: unknown, c?: unknown, d?: unknown): State {
    try {
      this.definition.add(state.t, a, b, c, d, this.setup);
    } catch (error) {
      throw this.raise(error);
    }
    return state;
  }

  merge(into: State, other: State): State {
    for (let i = 0; i < this.definition.totals; i++) into.t[i] = at(into.t, i) + at(other.t, i);
    return into;
  }

  finish(state: State): number {
    try {
      return this.definition.finish(state.t, this.setup.options);
    } catch (error) {
      throw this.raise(error);
    }
  }
}
