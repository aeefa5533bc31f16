import type { AnyKpi } from "../spec.js";
import { finishAov, finishShareWithTwoOrMore } from "./finish.js";
import type { MergeableKpi, State } from "./index.js";
import { keyReader, numberReader } from "./read.js";

/**
 * AOV, REPEATRATE and CROSSSELL count distinct keys, so their state keeps the keys themselves, in a plain
 * object (JSON-safe; every key is prefixed with "k" so that no label can be "__proto__"):
 * - REPEATRATE, CROSSSELL: customer → its first order (product) key, or 1 once a second distinct one shows;
 *   without order ids (REPEATRATE only) each row is an order: customer → 0 for one row, 1 for more.
 * - AOV: the distinct order ids, with t = [Σ revenue of all rows, rows, Σ revenue of rows with an order id].
 * An optional key column that is blank in every row is an omitted argument, as in the sheet; once a row
 * has a key, rows without one are skipped (paired ranges), so a partial state without keys adds nothing.
 */

const MANY = 1;

type Seen = Record<string, string | number>;

function mergeSeen(into: Seen, other: Seen, keyed: boolean): void {
  for (const key of Object.keys(other)) {
    const mine = into[key];
    const theirs = other[key] as string | number;
    if (mine === undefined) into[key] = theirs;
    else if (!keyed || (mine !== MANY && (theirs === MANY || mine !== theirs))) into[key] = MANY;
  }
}

export function distinctAggregate(kpi: AnyKpi, nameError: (error: unknown, kpi: AnyKpi) => unknown): MergeableKpi {
  const [first, second] = kpi.params;
  if (!first || !second) throw new Error(`${kpi.id} needs two range parameters`);
  const aov = kpi.id === "AOV";
  const alwaysKeyed = !second.optional;
  const readFirst = aov ? numberReader(first) : keyReader(first);
  const readSecond = keyReader(second);

  function add(state: State, a: unknown, b: unknown): State {
    const value = readFirst(a);
    const key = readSecond(b);
    if (key !== undefined && !state.keyed) {
      state.keyed = true;
      state.seen = {};
      if (aov) state.t[2] = 0;
    }
    const seen = state.seen as Seen;
    if (value === undefined) return state;
    if (aov) {
      const revenue = value as number;
      state.t[0] = (state.t[0] as number) + revenue;
      state.t[1] = (state.t[1] as number) + 1;
      if (key !== undefined) {
        state.t[2] = (state.t[2] as number) + revenue;
        seen[`k${key}`] = 1;
      }
      return state;
    }
    const customer = `k${value as string}`;
    if (!state.keyed) {
      seen[customer] = seen[customer] === undefined ? 0 : MANY;
      return state;
    }
    if (key === undefined) return state;
    const earlier = seen[customer];
    if (earlier === undefined) seen[customer] = `k${key}`;
    else if (earlier !== MANY && earlier !== `k${key}`) seen[customer] = MANY;
    return state;
  }

  return {
    id: kpi.id,
    columns: [first.name, second.name],
    options: [],
    init: () => ({ t: [0, 0, 0], keyed: alwaysKeyed, seen: {} }),
    add: (state, a, b) => {
      try {
        return add(state, a, b);
      } catch (error) {
        throw nameError(error, kpi);
      }
    },
    merge: (into, other) => {
      if (other.keyed && !into.keyed) {
        into.keyed = true;
        into.seen = {};
        into.t[2] = 0;
      }
      if (aov) {
        into.t[0] = (into.t[0] as number) + (other.t[0] as number);
        into.t[1] = (into.t[1] as number) + (other.t[1] as number);
      }
      if (other.keyed === into.keyed) {
        if (aov) into.t[2] = (into.t[2] as number) + (other.t[2] as number);
        mergeSeen(into.seen as Seen, other.seen as Seen, into.keyed === true && !aov);
      }
      return into;
    },
    finish: (state) => {
      try {
        const seen = state.seen as Seen;
        const keys = Object.keys(seen);
        if (aov)
          return state.keyed
            ? finishAov(state.t[2] as number, keys.length)
            : finishAov(state.t[0] as number, state.t[1] as number);
        let repeaters = 0;
        for (const key of keys) if (seen[key] === MANY) repeaters++;
        return finishShareWithTwoOrMore(repeaters, keys.length);
      } catch (error) {
        throw nameError(error, kpi);
      }
    },
  };
}
