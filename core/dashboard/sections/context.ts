import type { MappedTable, TableKind } from "../detect.js";
import type { Labels } from "../labels.js";
import type { FormulaSyntax, Lang } from "../../plan/plan.js";

/** What every section reads: the mapped tables, the formula syntax, the sheet's words and the planner's options. */
export interface SectionContext {
  readonly syntax: FormulaSyntax;
  readonly lang: Lang;
  readonly L: Labels;
  readonly tableOf: (kind: TableKind) => MappedTable | undefined;
  /** Months followed in the cohort table. */
  readonly cohortPeriods: number;
  /** Tile values computed beforehand, by tile id, so that money targets start near the data. */
  readonly currentValues: Readonly<Partial<Record<string, number>>>;
  /** Targets read from the dashboard being replaced, by tile id: they win over every default. */
  readonly previousTargets: Readonly<Partial<Record<string, number>>>;
}

/** Two significant figures: 287.4 → 290, 1 014 655 → 1 000 000. */
export function roundFigure(x: number): number {
  if (!Number.isFinite(x) || x === 0) return 0;
  const step = 10 ** (Math.floor(Math.log10(Math.abs(x))) - 1);
  return Math.round(x / step) * step;
}

/** A fixed target, or a round figure 10 % better than the current value (0 without one): the user edits it. */
export function targetFor(
  ctx: SectionContext,
  kpi: string,
  higherIsBetter: boolean,
  fixed: number | undefined,
): number {
  if (fixed !== undefined) return fixed;
  const current = ctx.currentValues[kpi];
  return roundFigure(current === undefined ? 0 : higherIsBetter ? current * 1.1 : current * 0.9);
}
