import { keyOf } from "../coerce.js";
import { fail, quoteIn } from "../errors.js";

/**
 * Per-customer summaries of an order log, built in one pass over the rows: a hash map from the normalised id to
 * the customer's index, and flat typed arrays indexed by customer.
 */
export interface CustomerSummaries {
  /** Customers, in order of first appearance among the rows kept. */
  readonly count: number;
  /** Each customer's id as first seen (trimmed; a number when the id was a number). */
  readonly ids: (string | number)[];
  /** Transactions: distinct order days up to asOf. */
  readonly transactions: Float64Array;
  readonly firstDay: Float64Array;
  readonly lastDay: Float64Array;
  /** Σ amounts of all the customer's orders (0 without amounts). */
  readonly monetary: Float64Array;
  /** Σ amounts of the orders on the customer's first day. */
  readonly firstAmount: Float64Array;
  /** The end of the observation period, a whole day. */
  readonly asOf: number;
}

/** Frequency, recency and age in days as the BG/NBD model counts them. */
export interface Rfm {
  /** x: repeat transactions (transactions − 1). */
  readonly x: Float64Array;
  /** t_x: days from the first to the last transaction. */
  readonly tx: Float64Array;
  /** T: days from the first transaction to asOf. */
  readonly T: Float64Array;
}

/** The "1234" a numeric cell became in a `keys` range, shown back as the number 1234. */
const shownId = (id: string): string | number => {
  const n = Number(id);
  return id !== "" && Number.isFinite(n) && String(n) === id ? n : id;
};

/**
 * Summarises `ids`/`days`/`amounts` (paired, already without blank rows). A time of day is dropped; rows after
 * asOf (default: the latest day) are ignored. Same-day orders of a customer form one transaction.
 */
export function summarise(
  ids: readonly string[],
  days: readonly number[],
  amounts: readonly number[] | undefined,
  asOfSerial: number | undefined,
): CustomerSummaries {
  const n = ids.length;
  let asOf = asOfSerial === undefined ? -Infinity : Math.floor(asOfSerial);
  if (asOfSerial === undefined) for (let i = 0; i < n; i++) asOf = Math.max(asOf, Math.floor(days[i] as number));

  const indexOf = new Map<string, number>();
  // Ids as spelled, so that the normalised key (a new string per row) is built once per spelling.
  const indexOfSpelling = new Map<string, number>();
  const shown: (string | number)[] = [];
  let capacity = 1024;
  let transactions: Float64Array = new Float64Array(capacity);
  let firstDay: Float64Array = new Float64Array(capacity);
  let lastDay: Float64Array = new Float64Array(capacity);
  let monetary: Float64Array = new Float64Array(capacity);
  let firstAmount: Float64Array = new Float64Array(capacity);
  const customerOfRow = new Int32Array(n);
  // Customers whose orders came out of date order (flag 1): their transactions are recounted afterwards.
  let unordered = new Uint8Array(capacity);
  let anyUnordered = false;

  for (let i = 0; i < n; i++) {
    const day = Math.floor(days[i] as number);
    if (day > asOf) {
      customerOfRow[i] = -1;
      continue;
    }
    const id = ids[i] as string;
    let c = indexOfSpelling.get(id);
    const amount = amounts ? (amounts[i] as number) : 0;
    if (c === undefined) {
      const key = keyOf(id);
      c = indexOf.get(key);
      if (c !== undefined) indexOfSpelling.set(id, c);
    }
    if (c === undefined) {
      c = shown.length;
      indexOf.set(keyOf(id), c);
      indexOfSpelling.set(id, c);
      shown.push(shownId(id));
      if (c === capacity) {
        capacity *= 2;
        transactions = grow(transactions, capacity);
        firstDay = grow(firstDay, capacity);
        lastDay = grow(lastDay, capacity);
        monetary = grow(monetary, capacity);
        firstAmount = grow(firstAmount, capacity);
        const flags = new Uint8Array(capacity);
        flags.set(unordered);
        unordered = flags;
      }
      transactions[c] = 1;
      firstDay[c] = day;
      lastDay[c] = day;
      monetary[c] = amount;
      firstAmount[c] = amount;
      customerOfRow[i] = c;
      continue;
    }
    customerOfRow[i] = c;
    monetary[c] = (monetary[c] as number) + amount;
    const last = lastDay[c] as number;
    if (day > last) {
      lastDay[c] = day;
      transactions[c] = (transactions[c] as number) + 1;
    } else if (day < last) {
      unordered[c] = 1;
      anyUnordered = true;
    }
    const first = firstDay[c] as number;
    if (day < first) {
      firstDay[c] = day;
      firstAmount[c] = amount;
    } else if (day === first) firstAmount[c] = (firstAmount[c] as number) + amount;
  }

  if (anyUnordered) recountDays(unordered, customerOfRow, days, transactions, shown.length);

  const count = shown.length;
  // Amounts each within range can still sum past the largest double: reported, never shown as Infinity.
  for (let c = 0; c < count; c++) {
    if (Number.isFinite(monetary[c])) continue;
    const id = String(shown[c]);
    throw fail.num({
      en: `amounts: the total of customer "${id}" is too large to represent`,
      fr: `amounts : le total du client ${quoteIn(id, "fr")} est trop grand pour être représenté`,
    });
  }
  return {
    count,
    ids: shown,
    transactions: transactions.subarray(0, count),
    firstDay: firstDay.subarray(0, count),
    lastDay: lastDay.subarray(0, count),
    monetary: monetary.subarray(0, count),
    firstAmount: firstAmount.subarray(0, count),
    asOf,
  };
}

/**
 * Transactions of the customers whose rows came out of date order: their days, bucketed by customer (a
 * counting sort over the rows), sorted within each customer and counted once each.
 */
function recountDays(
  unordered: Uint8Array,
  customerOfRow: Int32Array,
  days: readonly number[],
  transactions: Float64Array,
  customers: number,
): void {
  const start = new Int32Array(customers + 1);
  for (let i = 0; i < customerOfRow.length; i++) {
    const c = customerOfRow[i] as number;
    if (c >= 0 && unordered[c] === 1) start[c + 1] = (start[c + 1] as number) + 1;
  }
  for (let c = 0; c < customers; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  const fill = start.slice(0, customers);
  const bucketed = new Float64Array(start[customers] as number);
  for (let i = 0; i < customerOfRow.length; i++) {
    const c = customerOfRow[i] as number;
    if (c < 0 || unordered[c] !== 1) continue;
    bucketed[fill[c] as number] = Math.floor(days[i] as number);
    fill[c] = (fill[c] as number) + 1;
  }
  for (let c = 0; c < customers; c++) {
    if (unordered[c] !== 1) continue;
    transactions[c] = distinctDays(bucketed, start[c] as number, start[c + 1] as number);
  }
}

/** Distinct values of bucketed[from..to), sorted in place (insertion sort for the usual handful of orders). */
function distinctDays(bucketed: Float64Array, from: number, to: number): number {
  if (to - from > 32) bucketed.subarray(from, to).sort();
  else {
    for (let i = from + 1; i < to; i++) {
      const v = bucketed[i] as number;
      let j = i - 1;
      while (j >= from && (bucketed[j] as number) > v) {
        bucketed[j + 1] = bucketed[j] as number;
        j--;
      }
      bucketed[j + 1] = v;
    }
  }
  let distinct = 1;
  for (let k = from + 1; k < to; k++) if (bucketed[k] !== bucketed[k - 1]) distinct++;
  return distinct;
}

function grow(array: Float64Array, capacity: number): Float64Array {
  const bigger = new Float64Array(capacity);
  bigger.set(array);
  return bigger;
}

/** x, t_x and T of every customer, in days. */
export function frequencyRecencyAge(s: CustomerSummaries): Rfm {
  const x = new Float64Array(s.count);
  const tx = new Float64Array(s.count);
  const T = new Float64Array(s.count);
  for (let c = 0; c < s.count; c++) {
    const first = s.firstDay[c] as number;
    x[c] = (s.transactions[c] as number) - 1;
    tx[c] = (s.lastDay[c] as number) - first;
    T[c] = s.asOf - first;
  }
  return { x, tx, T };
}

/**
 * The mean value of each customer's repeat transactions (the first day's orders excluded); NaN for a customer
 * without repeat transactions.
 */
export function repeatMeans(s: CustomerSummaries): Float64Array {
  const means = new Float64Array(s.count);
  for (let c = 0; c < s.count; c++) {
    const repeats = (s.transactions[c] as number) - 1;
    means[c] =
      repeats > 0 ? Math.max(0, (s.monetary[c] as number) - (s.firstAmount[c] as number)) / repeats : Number.NaN;
  }
  return means;
}
