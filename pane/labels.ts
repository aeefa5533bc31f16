import type { ChartType, Role, TableKind } from "../core/dashboard/index.js";
import type { StringKey } from "./strings.js";

/** The pane's words for the core's chart types, table kinds and column roles. */

export const CHART_TYPES: readonly [ChartType, StringKey][] = [
  ["column", "chartColumn"],
  ["line", "chartLine"],
  ["bar", "chartBar"],
  ["doughnut", "chartDoughnut"],
  ["combo", "chartCombo"],
  ["funnel", "chartFunnel"],
  ["stacked100", "chartStacked"],
];

export const KIND_LABEL: Readonly<Record<TableKind, StringKey>> = {
  orders: "kindOrders",
  opportunities: "kindOpportunities",
  survey: "kindSurvey",
  costs: "kindCosts",
};

/** Each role's label: a role without one is a type error, not a blank in the mapping form. */
export const ROLE_LABEL: Readonly<Record<Role, StringKey>> = {
  date: "roleDate",
  amount: "roleAmount",
  customer: "roleCustomer",
  order: "roleOrder",
  channel: "roleChannel",
  salesperson: "roleSalesperson",
  region: "roleRegion",
  segment: "roleSegment",
  product: "roleProduct",
  created: "roleCreated",
  closed: "roleClosed",
  stage: "roleStage",
  outcome: "roleOutcome",
  probability: "roleProbability",
  score: "roleScore",
  csat: "roleCsat",
  month: "roleMonth",
  marketing: "roleMarketing",
  sales: "roleSales",
  newCustomers: "roleNewCustomers",
};
