import { evaluate, kpiById } from "../core/index.js";
import { column, orders, type Column } from "./data.js";

/**
 * What each benchmark measures, three ways on the same data: the KPI through the core (coercion and all),
 * the floor (a plain loop over the same host-shaped array with no checks), and the peer (HyperFormula
 * computing the native-formula equivalent a user would otherwise write).
 */
export interface Workload {
  readonly name: string;
  readonly group: "per-cell" | "grouping";
  readonly sizes: readonly number[];
  /** Largest size at which the peer is attempted (it is quadratic for the grouping KPIs). */
  readonly peerMaxSize: number;
  make(size: number): Data;
  kpi(data: Data): unknown;
  loop(data: Data): unknown;
  /** Columns laid out in a sheet (A, B, …), helper column formulas per row, and the result formula. */
  peer(data: Data): { columns: Column[]; helpers: string[]; result: string };
}

type Data = Record<string, Column>;

const call = (id: string, args: unknown[]): unknown => {
  const kpi = kpiById(id);
  if (!kpi) throw new Error(`unknown KPI ${id}`);
  const result = evaluate(kpi, args);
  if (result instanceof Error) throw result;
  return result;
};

/** The floor: one walk over 2-D arrays, summing numbers and counting, with no validation at all. */
function sumLoop(...columns: Column[]): number {
  let total = 0;
  let count = 0;
  for (const col of columns) {
    for (let r = 0; r < col.length; r++) {
      const row = col[r] as unknown[];
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v === "number") {
          total += v;
          count++;
        }
      }
    }
  }
  return total + count;
}

const A = (n: number): string => `A1:A${n}`;
const B = (n: number): string => `B1:B${n}`;
const C = (n: number): string => `C1:C${n}`;
const PER_CELL = [10_000, 100_000, 1_000_000];
const GROUPING = [1_000, 10_000, 100_000, 1_000_000];

export const WORKLOADS: readonly Workload[] = [
  {
    name: "NPS",
    group: "per-cell",
    sizes: PER_CELL,
    peerMaxSize: 1_000_000,
    make: (n) => ({ scores: column(n, 1, (rnd) => Math.floor(rnd() * 11)) }),
    kpi: (d) => call("NPS", [d.scores]),
    loop: (d) => {
      // Floor for NPS: the same walk, counting promoters and detractors.
      let p = 0;
      let q = 0;
      let n = 0;
      forEachNumber(d.scores!, (v) => {
        n++;
        if (v >= 9) p++;
        else if (v <= 6) q++;
      });
      return (100 * (p - q)) / n;
    },
    peer: (d) => ({
      columns: [d.scores as Column],
      helpers: [],
      result: `=100*(COUNTIF(${A(d.scores!.length)},">=9")-COUNTIF(${A(d.scores!.length)},"<=6"))/COUNT(${A(d.scores!.length)})`,
    }),
  },
  {
    name: "CSAT",
    group: "per-cell",
    sizes: PER_CELL,
    peerMaxSize: 1_000_000,
    make: (n) => ({ scores: column(n, 2, (rnd) => 1 + Math.floor(rnd() * 5)) }),
    kpi: (d) => call("CSAT", [d.scores]),
    loop: (d) => {
      let ok = 0;
      let n = 0;
      forEachNumber(d.scores!, (v) => {
        n++;
        if (v >= 4) ok++;
      });
      return ok / n;
    },
    peer: (d) => ({
      columns: [d.scores as Column],
      helpers: [],
      result: `=COUNTIF(${A(d.scores!.length)},">=4")/COUNT(${A(d.scores!.length)})`,
    }),
  },
  {
    name: "CAC",
    group: "per-cell",
    sizes: PER_CELL,
    peerMaxSize: 1_000_000,
    make: (n) => {
      const third = Math.ceil(n / 3);
      return {
        marketing: column(third, 3, (rnd) => Math.round(rnd() * 100_000) / 100),
        sales: column(third, 4, (rnd) => Math.round(rnd() * 100_000) / 100),
        customers: column(third, 5, (rnd) => Math.floor(rnd() * 20)),
      };
    },
    kpi: (d) => call("CAC", [d.marketing, d.sales, d.customers]),
    loop: (d) => sumLoop(d.marketing!, d.sales!, d.customers!),
    peer: (d) => {
      const n = d.marketing!.length;
      return {
        columns: [d.marketing!, d.sales!, d.customers!],
        helpers: [],
        result: `=(SUM(${A(n)})+SUM(${B(n)}))/SUM(${C(n)})`,
      };
    },
  },
  {
    name: "CONVERSION",
    group: "per-cell",
    sizes: PER_CELL,
    peerMaxSize: 1_000_000,
    make: (n) => {
      const half = Math.ceil(n / 2);
      return {
        conversions: column(half, 6, (rnd) => Math.floor(rnd() * 10)),
        prospects: column(half, 7, (rnd) => 10 + Math.floor(rnd() * 90)),
      };
    },
    kpi: (d) => call("CONVERSION", [d.conversions, d.prospects]),
    loop: (d) => sumLoop(d.conversions!, d.prospects!),
    peer: (d) => ({
      columns: [d.conversions!, d.prospects!],
      helpers: [],
      result: `=SUM(${A(d.conversions!.length)})/SUM(${B(d.conversions!.length)})`,
    }),
  },
  {
    name: "WEIGHTEDPIPELINE",
    group: "per-cell",
    sizes: PER_CELL,
    peerMaxSize: 1_000_000,
    make: (n) => {
      const half = Math.ceil(n / 2);
      return {
        amounts: column(half, 8, (rnd) => Math.round(rnd() * 5_000_000) / 100),
        probabilities: column(half, 9, (rnd) => Math.round(rnd() * 100) / 100),
      };
    },
    kpi: (d) => call("WEIGHTEDPIPELINE", [d.amounts, d.probabilities]),
    loop: (d) => {
      const a = d.amounts!;
      const p = d.probabilities!;
      let total = 0;
      for (let r = 0; r < a.length; r++) {
        const rowA = a[r] as unknown[];
        const rowP = p[r] as unknown[];
        for (let c = 0; c < rowA.length; c++) {
          const x = rowA[c];
          const y = rowP[c];
          if (typeof x === "number" && typeof y === "number") total += x * y;
        }
      }
      return total;
    },
    peer: (d) => ({
      columns: [d.amounts!, d.probabilities!],
      helpers: [],
      result: `=SUMPRODUCT(${A(d.amounts!.length)},${B(d.amounts!.length)})`,
    }),
  },
  {
    name: "REPEATRATE",
    group: "grouping",
    sizes: GROUPING,
    peerMaxSize: 1_000,
    make: (n) => {
      const o = orders(n, 10);
      return { customers: o.customers, orderIds: o.orderIds };
    },
    kpi: (d) => call("REPEATRATE", [d.customers, d.orderIds]),
    loop: (d) => distinctLoop(d.customers!, d.orderIds),
    peer: (d) => {
      const n = d.customers!.length;
      // Per row: is this the first line of its (customer, order)? Then orders per customer, counted once per customer.
      return {
        columns: [d.customers!, d.orderIds!],
        helpers: [
          `=IF(COUNTIFS(A$1:A{r},A{r},B$1:B{r},B{r})=1,1,0)`,
          `=IF(COUNTIF(A$1:A{r},A{r})=1,1,0)`,
          `=IF(D{r}=1,IF(SUMIF(${A(n)},A{r},${C(n)})>=2,1,0),0)`,
        ],
        result: `=SUM(E1:E${n})/SUM(D1:D${n})`,
      };
    },
  },
  {
    name: "AOV",
    group: "grouping",
    sizes: GROUPING,
    peerMaxSize: 1_000,
    make: (n) => {
      const o = orders(n, 11);
      return { revenue: o.revenue, orderIds: o.orderIds };
    },
    kpi: (d) => call("AOV", [d.revenue, d.orderIds]),
    loop: (d) => sumLoop(d.revenue!) / distinctLoop(d.orderIds!),
    peer: (d) => {
      const n = d.revenue!.length;
      return {
        columns: [d.revenue!, d.orderIds!],
        helpers: [`=1/COUNTIF(${B(n)},B{r})`],
        result: `=SUM(${A(n)})/SUM(C1:C${n})`,
      };
    },
  },
  {
    name: "BREAKDOWN",
    group: "grouping",
    sizes: GROUPING,
    peerMaxSize: 1_000,
    make: (n) => {
      const o = orders(n, 12);
      return { keys: o.customers, values: o.revenue };
    },
    kpi: (d) => call("BREAKDOWN", [d.keys, d.values]),
    loop: (d) => {
      const sums = new Map<unknown, number>();
      const keys = d.keys as unknown[][];
      const values = d.values as unknown[][];
      for (let r = 0; r < keys.length; r++) {
        const k = (keys[r] as unknown[])[0];
        sums.set(k, (sums.get(k) ?? 0) + ((values[r] as unknown[])[0] as number));
      }
      return [...sums.values()].sort((a, b) => b - a).length;
    },
    peer: (d) => {
      const n = d.keys!.length;
      // One SUMIF per distinct key (found by a first-occurrence flag), then its share of the total.
      return {
        columns: [d.keys!, d.values!],
        helpers: [`=IF(COUNTIF(A$1:A{r},A{r})=1,SUMIF(${A(n)},A{r},${B(n)}),"")`, `=IF(C{r}="","",C{r}/SUM(${B(n)}))`],
        result: `=COUNT(C1:C${n})`,
      };
    },
  },
  {
    name: "COHORT",
    group: "grouping",
    sizes: GROUPING,
    peerMaxSize: 1_000,
    make: (n) => {
      const o = orders(n, 13);
      return { customers: o.customers, dates: o.dates };
    },
    kpi: (d) => call("COHORT", [d.customers, d.dates, 12]),
    loop: (d) => distinctLoop(d.customers!),
    peer: (d) => {
      const n = d.customers!.length;
      return {
        columns: [d.customers!, d.dates!],
        helpers: [
          `=YEAR(B{r})*12+MONTH(B{r})`,
          `=MINIFS(C1:C${n},A1:A${n},A{r})`,
          `=C{r}-D{r}`,
          `=IF(COUNTIFS(A$1:A{r},A{r},E$1:E{r},E{r})=1,1,0)`,
        ],
        // One cohort row's worth of cells is enough to make the helper columns (the quadratic part) count.
        result: `=COUNTIFS(D1:D${n},MIN(D1:D${n}),E1:E${n},1,F1:F${n},1)/COUNTIFS(D1:D${n},MIN(D1:D${n}),E1:E${n},0,F1:F${n},1)`,
      };
    },
  },
];

/** The floor's walk: every cell of a 2-D array, numbers only, no validation. */
function forEachNumber(col: Column, visit: (value: number) => void): void {
  for (let r = 0; r < col.length; r++) {
    const row = col[r] as unknown[];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "number") visit(v);
    }
  }
}

/** Floor for distinct counts: a Set over the raw cells (no trimming, no case folding, no checks). */
function distinctLoop(keys: Column, second?: Column): number {
  const seen = new Set<unknown>();
  for (let r = 0; r < keys.length; r++) {
    const k = (keys[r] as unknown[])[0];
    seen.add(second ? `${String(k)}\u0000${String((second[r] as unknown[])[0])}` : k);
  }
  return seen.size;
}
