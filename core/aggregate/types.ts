/** The shape of a mergeable aggregate and of its state, shared by the totals, the distinct counts and the SQL hosts. */

export interface MergeableKpi<S = State> {
  readonly id: string;
  /** The range parameters one row feeds, in order. */
  readonly columns: readonly string[];
  /** The scalar parameters, the same for every row (BigQuery's NOT AGGREGATE). */
  readonly options: readonly string[];
  init(): S;
  /**
   * Folds one row in: the values of the range columns, in order, as BigQuery's `aggregate(state, ...columns)`
   * passes them. Called once per row, so it allocates nothing on the plain path.
   */
  add(state: S, ...row: unknown[]): S;
  merge(into: S, other: S): S;
  finish(state: S): number;
}

/**
 * Totals (`t`), and for the distinct-count KPIs the distinct keys seen (`keys`) with what each one carries
 * (`values`, same positions; see distinct.ts). Arrays, not an object keyed by label: any label is safe in them
 * ("__proto__" included), and they serialise faster.
 */
export interface State {
  t: number[];
  keyed?: boolean;
  keys?: string[];
  values?: (string | number)[];
}

/** What an aggregate throws for an error: the KpiError named after its KPI, or what a host makes of it. */
export type Raise = (error: unknown) => unknown;
