import { fail, isKpiError, numIn } from "../errors.js";
import { distinctLabels } from "../labels.js";
import { kpiById } from "../registry.js";
import type { AnyKpi, ParamSpec } from "../spec.js";
import { distinctAggregate } from "./distinct.js";
import * as F from "./finish.js";
import { keyReader, numberReader, readOptions, type KeyReader, type NumberReader } from "./read.js";

/**
 * Mergeable aggregates: the KPIs whose state over rows merges, so a SQL engine can compute them in parallel
 * (a BigQuery JavaScript UDAF). `add` folds one row (the values of the range arguments, in order), `merge`
 * folds another partial state in, `finish` applies the KPI's own formula (core/aggregate/finish.ts, the
 * same code the KPI's compute calls). States are plain JSON: they survive serialisation between workers.
 */

export interface MergeableKpi<S = State> {
  readonly id: string;
  /** The range parameters one row feeds, in order. */
  readonly columns: readonly string[];
  /** The scalar parameters, the same for every row (BigQuery's NOT AGGREGATE). */
  readonly options: readonly string[];
  init(): S;
  add(state: S, ...row: unknown[]): S;
  merge(into: S, other: S): S;
  finish(state: S): number;
}

/** Totals (`t`), and for the distinct-count KPIs the keys seen (`seen`, each key prefixed with "k"). */
export interface State {
  t: number[];
  keyed?: boolean;
  seen?: Record<string, string | number>;
}

/** The scalar arguments by name, and under OMITTED which of them took their default. */
type Options = Record<string | symbol, unknown>;

/** A symbol, not a name: no parameter can collide with it. */
const OMITTED = Symbol("omitted");

interface Definition {
  readonly options?: readonly string[];
  readonly totals: number;
  /** Validates the options before any row (CSAT's threshold, WINRATE's labels), as compute does first. */
  readonly check?: (options: Options) => void;
  readonly add: (t: number[], row: readonly unknown[], read: Readers, options: Options) => void;
  readonly finish: (t: readonly number[], options: Options) => number;
}

interface Readers {
  readonly numbers: readonly NumberReader[];
  readonly keys: readonly KeyReader[];
}

/** A Σ KPI: each range column summed on its own (blanks skipped), then the KPI's formula. */
const sums = (
  n: number,
  finish: (t: readonly number[], options: Options) => number,
  options?: readonly string[],
): Definition => ({
  totals: n,
  options,
  add: (t, row, read) => {
    for (let i = 0; i < n; i++) {
      const v = (read.numbers[i] as NumberReader)(row[i]);
      if (v !== undefined) t[i] = (t[i] as number) + v;
    }
  },
  finish,
});

const at = (t: readonly number[], i: number): number => t[i] as number;

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
    add: (t, row, read) => {
      for (let i = 0; i < 2; i++) {
        const v = (read.numbers[i] as NumberReader)(row[i]);
        if (v !== undefined) {
          t[2 * i] = at(t, 2 * i) + v;
          t[2 * i + 1] = at(t, 2 * i + 1) + 1;
        }
      }
    },
    finish: (t) => F.finishPriceIndex(at(t, 0), at(t, 1), at(t, 2), at(t, 3)),
  },
  WEIGHTEDPIPELINE: {
    totals: 1,
    add: (t, row, read) => {
      const amount = (read.numbers[0] as NumberReader)(row[0]);
      const probability = (read.numbers[1] as NumberReader)(row[1]);
      if (amount !== undefined && probability !== undefined) t[0] = at(t, 0) + amount * probability;
    },
    finish: (t) => F.finishWeightedPipeline(at(t, 0)),
  },
  NPS: {
    totals: 3,
    add: (t, row, read) => {
      const s = (read.numbers[0] as NumberReader)(row[0]);
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
    add: (t, row, read, o) => {
      const s = (read.numbers[0] as NumberReader)(row[0]);
      if (s === undefined) return;
      onScale(s, o.scaleMax as number);
      t[1] = at(t, 1) + 1;
      if (s >= (o.threshold as number)) t[0] = at(t, 0) + 1;
    },
    finish: (t) => F.finishCsat(at(t, 0), at(t, 1)),
  },
  CES: {
    totals: 2,
    options: ["scaleMax"],
    add: (t, row, read, o) => {
      const s = (read.numbers[0] as NumberReader)(row[0]);
      if (s === undefined) return;
      onScale(s, o.scaleMax as number);
      t[0] = at(t, 0) + s;
      t[1] = at(t, 1) + 1;
    },
    finish: (t) => F.finishCes(at(t, 0), at(t, 1)),
  },
  WINRATE: {
    totals: 2,
    options: ["wonLabel", "lostLabel"],
    check: (o) => void winRateLabels(o),
    add: (t, row, read, o) => {
      const key = (read.keys[0] as KeyReader)(row[0]);
      if (key === undefined) return;
      const { won, lost } = o.labels as ReturnType<typeof distinctLabels>;
      if (won.matches(key)) t[0] = at(t, 0) + 1;
      else if (lost.matches(key)) t[1] = at(t, 1) + 1;
    },
    finish: (t, o) => F.finishWinRate(at(t, 0), at(t, 1), (o.labels as ReturnType<typeof distinctLabels>).named),
  },
};

/** KPIs counted over distinct keys: the state keeps, per customer (or order), what merging needs. */
const DISTINCT = new Set(["AOV", "REPEATRATE", "CROSSSELL"]);

/** Every KPI with a mergeable aggregate, in catalogue order. */
export const AGGREGATE_IDS: readonly string[] = [...Object.keys(DEFINITIONS), ...DISTINCT];

export const hasAggregate = (id: string): boolean => AGGREGATE_IDS.includes(id.toUpperCase());

/** A KpiError raised inside an aggregate names its KPI, as `evaluate` names it. */
function nameError(error: unknown, kpi: AnyKpi): unknown {
  if (isKpiError(error)) error.fn = kpi.id;
  return error;
}

const rangeParams = (kpi: AnyKpi, options: readonly string[]): ParamSpec[] =>
  kpi.params.filter((p) => !options.includes(p.name));

/**
 * The mergeable aggregate of a KPI, for the given scalar arguments (omitted ones take their defaults).
 * Throws the KPI's KpiError, named after it, when an option is invalid or a row or the finish fails.
 */
export function aggregateFor(id: string, rawOptions: readonly unknown[] = []): MergeableKpi {
  const kpi = kpiById(id);
  if (!kpi || !hasAggregate(kpi.id)) throw new Error(`${id} has no mergeable aggregate`);
  const named = <T>(run: () => T): T => {
    try {
      return run();
    } catch (error) {
      throw nameError(error, kpi);
    }
  };
  if (DISTINCT.has(kpi.id)) return distinctAggregate(kpi, nameError);
  const definition = DEFINITIONS[kpi.id] as Definition;
  const optionNames = definition.options ?? [];
  const columns = rangeParams(kpi, optionNames);
  const omitted = new Set<string>();
  const options: Options = named(() => readOptions(kpi, optionNames, rawOptions, omitted));
  options[OMITTED] = omitted;
  named(() => definition.check?.(options));
  if (kpi.id === "WINRATE") options.labels = winRateLabels(options);
  const read: Readers = { numbers: columns.map(numberReader), keys: columns.map(keyReader) };
  return {
    id: kpi.id,
    columns: columns.map((p) => p.name),
    options: optionNames,
    init: () => ({ t: new Array<number>(definition.totals).fill(0) }),
    add: (state, ...row) => {
      try {
        definition.add(state.t, row, read, options);
      } catch (error) {
        throw nameError(error, kpi);
      }
      return state;
    },
    merge: (into, other) => {
      for (let i = 0; i < definition.totals; i++) into.t[i] = at(into.t, i) + at(other.t, i);
      return into;
    },
    finish: (state) => named(() => definition.finish(state.t, options)),
  };
}
