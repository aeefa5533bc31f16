/**
 * Seeded, host-shaped benchmark data: 2-D arrays of one-cell rows (a column as Excel and Sheets pass it),
 * with 2% blank cells so the blank-skipping path is exercised as it is on real CRM exports.
 */

export type Column = unknown[][];

export function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    // xorshift32: fast, seeded, good enough for shaping data.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
}

const BLANK_EVERY = 50;

export function column(rows: number, seed: number, value: (rnd: () => number, i: number) => unknown): Column {
  const rnd = random(seed);
  const out: Column = new Array<Column[number]>(rows);
  for (let i = 0; i < rows; i++) out[i] = [i % BLANK_EVERY === BLANK_EVERY - 1 ? null : value(rnd, i)];
  return out;
}

/** Transactions of `rows` order lines: about rows/4 orders, rows/10 customers, a few years of dates. */
export function orders(
  rows: number,
  seed: number,
): { customers: Column; orderIds: Column; revenue: Column; dates: Column; channels: Column } {
  const rnd = random(seed);
  const customers: Column = [];
  const orderIds: Column = [];
  const revenue: Column = [];
  const dates: Column = [];
  const channels: Column = [];
  const channelNames = ["Web", "Shop", "Phone", "Partner", "Marketplace", "Email", "Social", "Events"];
  let order = 0;
  for (let i = 0; i < rows; i++) {
    if (rnd() < 0.25) order++;
    const customer = Math.floor(rnd() * Math.max(1, rows / 10));
    customers.push([`C${customer}`]);
    orderIds.push([`O${order}`]);
    revenue.push([Math.round(rnd() * 50_000) / 100]);
    dates.push([45_292 + Math.floor(rnd() * 1_000)]);
    channels.push([channelNames[Math.floor(rnd() * channelNames.length)]]);
  }
  return { customers, orderIds, revenue, dates, channels };
}
