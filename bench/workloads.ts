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

/** The peer's helper-column formulas (one per row, `{r}` the row) and its result formula, over `rows` rows. */
type PeerFormulas = (rows: number) => { helpers: string[]; result: string };

/** The KPI takes the data's columns in order, then the options; the peer lays the same columns out in A, B, …. */
const onColumns = (
  name: string,
  options: readonly unknown[],
  formulas: PeerFormulas,
): Pick<Workload, "kpi" | "peer"> => ({
  kpi: (data) => call(name, [...Object.values(data), ...options]),
  peer: (data) => {
    const columns = Object.values(data);
    return { columns, ...formulas(columns[0]?.length ?? 0) };
  },
});

/** A generated column: its random seed and the value of each cell. */
interface ColumnSpec {
  readonly seed: number;
  readonly cell: (rnd: () => number) => unknown;
}

interface PerCellMeasures {
  readonly name: string;
  /** The KPI's arguments in order, a size's cells shared evenly between them. */
  readonly columns: Readonly<Record<string, ColumnSpec>>;
  readonly loop: Workload["loop"];
  /** The peer's one formula over the columns laid out in A, B, … with `rows` rows each. */
  readonly peerFormula: (rows: number) => string;
}

/**
 * A KPI that reads every cell once, taking its columns as arguments: up to a million cells, the peer (one formula,
 * no helper columns) at every size.
 */
const perCell = ({ name, columns, loop, peerFormula }: PerCellMeasures): Workload => ({
  name,
  group: "per-cell",
  sizes: [10_000, 100_000, 1_000_000],
  peerMaxSize: 1_000_000,
  make: (size) => {
    const specs = Object.entries(columns);
    const rows = Math.ceil(size / specs.length);
    return Object.fromEntries(specs.map(([key, { seed, cell }]) => [key, column(rows, seed, cell)]));
  },
  loop,
  ...onColumns(name, [], (rows) => ({ helpers: [], result: peerFormula(rows) })),
});

interface GroupingMeasures {
  readonly name: string;
  /** Seed of the order log the columns are drawn from. */
  readonly seed: number;
  /** The KPI's range arguments, in order, taken from an order log of the size's lines. */
  readonly columns: (log: ReturnType<typeof orders>) => Data;
  readonly loop: Workload["loop"];
  /** Arguments after the columns. */
  readonly options?: readonly unknown[];
  readonly peerFormulas: PeerFormulas;
}

/** A KPI that groups rows by key: its peer needs quadratic helper columns, so it runs at the smallest size only. */
const grouping = ({ name, seed, columns, options = [], loop, peerFormulas }: GroupingMeasures): Workload => ({
  name,
  group: "grouping",
  sizes: [1_000, 10_000, 100_000, 1_000_000],
  peerMaxSize: 1_000,
  make: (size) => columns(orders(size, seed)),
  loop,
  ...onColumns(name, options, peerFormulas),
});

export const WORKLOADS: readonly Workload[] = [
  perCell({
    name: "NPS",
    columns: { scores: { seed: 1, cell: (rnd) => Math.floor(rnd() * 11) } },
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
    peerFormula: (n) => `=100*(COUNTIF(${A(n)},">=9")-COUNTIF(${A(n)},"<=6"))/COUNT(${A(n)})`,
  }),
  perCell({
    name: "CSAT",
    columns: { scores: { seed: 2, cell: (rnd) => 1 + Math.floor(rnd() * 5) } },
    loop: (d) => {
      let ok = 0;
      let n = 0;
      forEachNumber(d.scores!, (v) => {
        n++;
        if (v >= 4) ok++;
      });
      return ok / n;
    },
    peerFormula: (n) => `=COUNTIF(${A(n)},">=4")/COUNT(${A(n)})`,
  }),
  perCell({
    name: "CAC",
    columns: {
      marketing: { seed: 3, cell: (rnd) => Math.round(rnd() * 100_000) / 100 },
      sales: { seed: 4, cell: (rnd) => Math.round(rnd() * 100_000) / 100 },
      customers: { seed: 5, cell: (rnd) => Math.floor(rnd() * 20) },
    },
    loop: (d) => sumLoop(d.marketing!, d.sales!, d.customers!),
    peerFormula: (n) => `=(SUM(${A(n)})+SUM(${B(n)}))/SUM(${C(n)})`,
  }),
  perCell({
    name: "CONVERSION",
    columns: {
      conversions: { seed: 6, cell: (rnd) => Math.floor(rnd() * 10) },
      prospects: { seed: 7, cell: (rnd) => 10 + Math.floor(rnd() * 90) },
    },
    loop: (d) => sumLoop(d.conversions!, d.prospects!),
    peerFormula: (n) => `=SUM(${A(n)})/SUM(${B(n)})`,
  }),
  perCell({
    name: "WEIGHTEDPIPELINE",
    columns: {
      amounts: { seed: 8, cell: (rnd) => Math.round(rnd() * 5_000_000) / 100 },
      probabilities: { seed: 9, cell: (rnd) => Math.round(rnd() * 100) / 100 },
    },
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
    peerFormula: (n) => `=SUMPRODUCT(${A(n)},${B(n)})`,
  }),
  grouping({
    name: "REPEATRATE",
    seed: 10,
    columns: (log) => ({ customers: log.customers, orderIds: log.orderIds }),
    loop: (d) => distinctLoop(d.customers!, d.orderIds),
    // Per row: is this the first line of its (customer, order)? Then orders per customer, counted once per customer.
    peerFormulas: (n) => ({
      helpers: [
        `=IF(COUNTIFS(A$1:A{r},A{r},B$1:B{r},B{r})=1,1,0)`,
        `=IF(COUNTIF(A$1:A{r},A{r})=1,1,0)`,
        `=IF(D{r}=1,IF(SUMIF(${A(n)},A{r},${C(n)})>=2,1,0),0)`,
      ],
      result: `=SUM(E1:E${n})/SUM(D1:D${n})`,
    }),
  }),
  grouping({
    name: "AOV",
    seed: 11,
    columns: (log) => ({ revenue: log.revenue, orderIds: log.orderIds }),
    loop: (d) => sumLoop(d.revenue!) / distinctLoop(d.orderIds!),
    peerFormulas: (n) => ({
      helpers: [`=1/COUNTIF(${B(n)},B{r})`],
      result: `=SUM(${A(n)})/SUM(C1:C${n})`,
    }),
  }),
  grouping({
    name: "BREAKDOWN",
    seed: 12,
    columns: (log) => ({ keys: log.customers, values: log.revenue }),
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
    // One SUMIF per distinct key (found by a first-occurrence flag), then its share of the total.
    peerFormulas: (n) => ({
      helpers: [`=IF(COUNTIF(A$1:A{r},A{r})=1,SUMIF(${A(n)},A{r},${B(n)}),"")`, `=IF(C{r}="","",C{r}/SUM(${B(n)}))`],
      result: `=COUNT(C1:C${n})`,
    }),
  }),
  grouping({
    name: "COHORT",
    seed: 13,
    columns: (log) => ({ customers: log.customers, dates: log.dates }),
    options: [12],
    loop: (d) => distinctLoop(d.customers!),
    peerFormulas: (n) => ({
      helpers: [
        `=YEAR(B{r})*12+MONTH(B{r})`,
        `=MINIFS(C1:C${n},A1:A${n},A{r})`,
        `=C{r}-D{r}`,
        `=IF(COUNTIFS(A$1:A{r},A{r},E$1:E{r},E{r})=1,1,0)`,
      ],
      // One cohort row's worth of cells is enough to make the helper columns (the quadratic part) count.
      result: `=COUNTIFS(D1:D${n},MIN(D1:D${n}),E1:E${n},1,F1:F${n},1)/COUNTIFS(D1:D${n},MIN(D1:D${n}),E1:E${n},0,F1:F${n},1)`,
    }),
  }),
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
