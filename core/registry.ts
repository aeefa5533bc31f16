import type { AnyKpi, Text } from "./spec.js";
import { registryId } from "./host/boundary.js";
import { CONVERSION } from "./kpis/conversion.js";
import { CPL } from "./kpis/cpl.js";
import { CAC } from "./kpis/cac.js";
import { ROI } from "./kpis/roi.js";
import { ROMI } from "./kpis/romi.js";
import { WINRATE } from "./kpis/winrate.js";
import { SALESCYCLE } from "./kpis/salescycle.js";
import { VELOCITY } from "./kpis/velocity.js";
import { WEIGHTEDPIPELINE } from "./kpis/weightedpipeline.js";
import { COVERAGE } from "./kpis/coverage.js";
import { FUNNEL } from "./kpis/funnel.js";
import { AOV } from "./kpis/aov.js";
import { GROWTH } from "./kpis/growth.js";
import { GROWTHSERIES } from "./kpis/growthseries.js";
import { CAGR } from "./kpis/cagr.js";
import { MARGIN } from "./kpis/margin.js";
import { ATTAINMENT } from "./kpis/attainment.js";
import { BREAKDOWN } from "./kpis/breakdown.js";
import { PRICEINDEX } from "./kpis/priceindex.js";
import { PENETRATION } from "./kpis/penetration.js";
import { CHURN } from "./kpis/churn.js";
import { RETENTION } from "./kpis/retention.js";
import { REPEATRATE } from "./kpis/repeatrate.js";
import { CROSSSELL } from "./kpis/crosssell.js";
import { LTV } from "./kpis/ltv.js";
import { LTVCHURN } from "./kpis/ltvchurn.js";
import { LTVCAC } from "./kpis/ltvcac.js";
import { PAYBACK } from "./kpis/payback.js";
import { NRR } from "./kpis/nrr.js";
import { GRR } from "./kpis/grr.js";
import { NPS } from "./kpis/nps.js";
import { NPSBREAKDOWN } from "./kpis/npsbreakdown.js";
import { CSAT } from "./kpis/csat.js";
import { CES } from "./kpis/ces.js";
import { STATUS } from "./kpis/status.js";
import { VARIANCE } from "./kpis/variance.js";
import { RUNRATE } from "./kpis/runrate.js";
import { COHORT } from "./kpis/cohort.js";
import { SEASONALITY } from "./kpis/seasonality.js";
import { TREND } from "./kpis/trend.js";
import { SCORE } from "./kpis/score.js";
import { PERIODS } from "./kpis/periods.js";
import { FORECAST } from "./kpis/forecast.js";
import { FORECASTSTAT } from "./kpis/forecaststat.js";
import { CLV } from "./kpis/clv.js";
import { CLVMODEL } from "./kpis/clvmodel.js";
import { RFM } from "./kpis/rfm.js";
import { BY, setKpiLookup } from "./kpis/by.js";

/**
 * Every KPI, in catalogue order. Adding a KPI is one file in kpis/ and one line here; the Excel metadata,
 * the Apps Script wrappers, the docs and the pane's catalogue are all generated from this list.
 */
export const KPIS: readonly AnyKpi[] = [
  CONVERSION,
  CPL,
  CAC,
  ROI,
  ROMI,
  WINRATE,
  SALESCYCLE,
  VELOCITY,
  WEIGHTEDPIPELINE,
  COVERAGE,
  FUNNEL,
  AOV,
  GROWTH,
  GROWTHSERIES,
  CAGR,
  MARGIN,
  ATTAINMENT,
  BREAKDOWN,
  PRICEINDEX,
  PENETRATION,
  CHURN,
  RETENTION,
  REPEATRATE,
  CROSSSELL,
  LTV,
  LTVCHURN,
  LTVCAC,
  PAYBACK,
  NRR,
  GRR,
  NPS,
  NPSBREAKDOWN,
  CSAT,
  CES,
  STATUS,
  VARIANCE,
  RUNRATE,
  COHORT,
  SEASONALITY,
  TREND,
  SCORE,
  BY,
  PERIODS,
  FORECAST,
  FORECASTSTAT,
  CLV,
  CLVMODEL,
  RFM,
];

const byId = new Map(KPIS.map((kpi) => [kpi.id, kpi]));

/** A KPI by its registry id, or by the Excel id it also answers to (`BYGROUP` for `BY`). */
export function kpiById(id: string): AnyKpi | undefined {
  return byId.get(registryId(id));
}

/** A KPI's title in the language ("Win rate", « Taux de réussite »); the id itself for an unknown one. */
export function kpiTitle(id: string, lang: keyof Text): string {
  return kpiById(id)?.title[lang] ?? id;
}

// BY applies another KPI of this registry, which it cannot import without importing itself.
setKpiLookup(kpiById);
