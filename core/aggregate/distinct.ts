import type { AnyKpi } from "../spec.js";
import { finishAov, finishShareWithTwoOrMore } from "./finish.js";
import type { MergeableKpi, Raise, State } from "./types.js";
import { KeyReader, NumberReader } from "./read.js";

/**
 * AOV, REPEATRATE and CROSSSELL count distinct keys, so their state keeps the keys themselves: `keys[i]` is a
 * distinct key and `values[i]` what it carries.
 * - REPEATRATE, CROSSSELL: customer → its first order (product) key, or MANY once a second distinct one shows;
 *   without order ids (REPEATRATE only) each row is an order: customer → 0 for one row, MANY for more.
 * - AOV: the distinct order ids (no values), with t = [Σ revenue of all rows, rows, Σ revenue of rows with an id].
 * An optional key column that is blank in every row is an omitted argument, as in the sheet; once a row
 * has a key, rows without one are skipped (paired ranges), so a partial state without keys adds nothing.
 *
 * The state is plain JSON (two arrays). Finding a key's position goes through a Map built from `keys` the first
 * time a state is seen (kept beside it in a WeakMap, so a state that comes back from JSON gets its own): one hash
 * lookup per row, where an object keyed by label costs a string concatenation and two lookups.
 */

/** A number, so that no key (a string) can be mistaken for it. */
const MANY = 1;

const INDEXES = new WeakMap<State, Map<string, number>>();

function indexOf(state: State): Map<string, number> {
  let index = INDEXES.get(state);
  if (!index) {
    index = new Map();
    const keys = state.keys ?? [];
    for (let i = 0; i < keys.length; i++) index.set(keys[i] as string, i);
    INDEXES.set(state, index);
  }
  return index;
}

/** Forgets the keys: the first row with a key turns a state without keys into a keyed one. */
function startKeyed(state: State, aov: boolean): void {
  state.keyed = true;
  state.keys = [];
  state.values = [];
  if (aov) state.t[2] = 0;
  INDEXES.set(state, new Map());
}

/** The aggregate of AOV, REPEATRATE or CROSSSELL. Methods, not closures: see Adder in index.ts. */
export class DistinctAggregate implements MergeableKpi {
  readonly id: string;
  readonly columns: readonly string[];
  readonly options: readonly string[] = [];
  private readonly aov: boolean;
  private readonly alwaysKeyed: boolean;
  private readonly revenue: NumberReader;
  private readonly customer: KeyReader;
  private readonly second: KeyReader;
  // The index of the state of the previous row: a partition's rows all go to one state.
  private lastState: State | undefined;
  private lastIndex = new Map<string, number>();

  constructor(
    kpi: Pick<AnyKpi, "id" | "params">,
    private readonly raise: Raise,
  ) {
    const [first, second] = kpi.params;
    if (!first || !second) throw new Error(`${kpi.id} needs two range parameters`);
    this.id = kpi.id;
    this.columns = [first.name, second.name];
    this.aov = kpi.id === "AOV";
    this.alwaysKeyed = !second.optional;
    this.revenue = new NumberReader(first);
    this.customer = new KeyReader(first);
    this.second = new KeyReader(second);
  }

  init(): State {
    return { t: [0, 0, 0], keyed: this.alwaysKeyed, keys: [], values: [] };
  }

  add(state: State, a?: unknown, b?: unknown): State {
    try {
      if (this.aov) this.addOrder(state, a, b);
      else this.addCustomer(state, a, b);
      return state;
    } catch (error) {
      throw this.raise(error);
    }
  }

  // Each row reads its first column, then its key, as the sheet reads the ranges in order (the first error wins).

  private addOrder(state: State, a: unknown, b: unknown): void {
    const revenue = this.revenue.read(a);
    const key = this.rowKey(state, b);
    if (revenue === undefined) return;
    const t = state.t;
    t[0] = (t[0] as number) + revenue;
    t[1] = (t[1] as number) + 1;
    if (key === undefined) return;
    t[2] = (t[2] as number) + revenue;
    const index = this.indexFor(state);
    if (!index.has(key)) {
      const keys = state.keys as string[];
      index.set(key, keys.length);
      keys.push(key);
    }
  }

  private addCustomer(state: State, a: unknown, b: unknown): void {
    const customer = this.customer.read(a);
    const key = this.rowKey(state, b);
    if (customer === undefined || (state.keyed && key === undefined)) return;
    const index = this.indexFor(state);
    const i = index.get(customer);
    const values = state.values as (string | number)[];
    if (i === undefined) {
      const keys = state.keys as string[];
      index.set(customer, keys.length);
      keys.push(customer);
      values.push(state.keyed ? (key as string) : 0);
      return;
    }
    const earlier = values[i];
    if (earlier !== MANY && (!state.keyed || earlier !== key)) values[i] = MANY;
  }

  /** The row's key; the first one turns a state without keys into a keyed one. */
  private rowKey(state: State, b: unknown): string | undefined {
    const key = this.second.read(b);
    if (key !== undefined && !state.keyed) {
      startKeyed(state, this.aov);
      this.lastState = undefined;
    }
    return key;
  }

  private indexFor(state: State): Map<string, number> {
    if (state !== this.lastState) {
      this.lastIndex = indexOf(state);
      this.lastState = state;
    }
    return this.lastIndex;
  }

  merge(into: State, other: State): State {
    if (other.keyed && !into.keyed) {
      startKeyed(into, this.aov);
      this.lastState = undefined;
    }
    if (this.aov) {
      into.t[0] = (into.t[0] as number) + (other.t[0] as number);
      into.t[1] = (into.t[1] as number) + (other.t[1] as number);
    }
    if (other.keyed === into.keyed) {
      if (this.aov) into.t[2] = (into.t[2] as number) + (other.t[2] as number);
      this.mergeKeys(into, other);
    }
    return into;
  }

  /** Merges other's keys into into's (both keyed alike). */
  private mergeKeys(into: State, other: State): void {
    const index = this.indexFor(into);
    const keys = into.keys as string[];
    const values = into.values as (string | number)[];
    const theirKeys = other.keys ?? [];
    const theirValues = other.values ?? [];
    for (let j = 0; j < theirKeys.length; j++) {
      const key = theirKeys[j] as string;
      const i = index.get(key);
      if (i === undefined) {
        index.set(key, keys.length);
        keys.push(key);
        if (!this.aov) values.push(theirValues[j] as string | number);
        continue;
      }
      if (this.aov) continue;
      const mine = values[i];
      const theirs = theirValues[j];
      // Unkeyed, a customer in both states has two rows; keyed, two distinct orders unless both hold the same one.
      if (!into.keyed || (mine !== MANY && (theirs === MANY || mine !== theirs))) values[i] = MANY;
    }
  }

  finish(state: State): number {
    try {
      const distinct = (state.keys ?? []).length;
      if (this.aov)
        return state.keyed
          ? finishAov(state.t[2] as number, distinct)
          : finishAov(state.t[0] as number, state.t[1] as number);
      let repeaters = 0;
      for (const value of state.values ?? []) if (value === MANY) repeaters++;
      return finishShareWithTwoOrMore(repeaters, distinct);
    } catch (error) {
      throw this.raise(error);
    }
  }
}

/**
 * AOV, REPEATRATE or CROSSSELL over a sheet's columns once read (values checked, blanks and unpaired rows dropped):
 * the KPI's own computation is this aggregate, so the sheet and a SQL engine share one definition. `second` is
 * undefined when the optional key column was left out.
 */
export function overRows(
  kpi: Pick<AnyKpi, "id" | "params">,
  first: readonly unknown[],
  second: readonly unknown[] | undefined,
): number {
  const aggregate = new DistinctAggregate(kpi, (error) => error);
  const state = aggregate.init();
  if (second) for (let i = 0; i < first.length; i++) aggregate.add(state, first[i], second[i]);
  else for (let i = 0; i < first.length; i++) aggregate.add(state, first[i]);
  return aggregate.finish(state);
}
