/**
 * The Excel chart types of the dashboard built on the sample data, in order: revenue and forecast, channels, funnel,
 * NPS, then the RFM segments and the per-rep and per-region views.
 */
export const SAMPLE_DASHBOARD_CHART_TYPES = [
  "ColumnClustered",
  "Doughnut",
  "BarClustered",
  "BarStacked100",
  "BarClustered",
  "BarClustered",
  "BarClustered",
  "BarClustered",
];
