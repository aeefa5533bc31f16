/** The core's public surface: what hosts, the dashboard and the tests import. */
export { KPIS, kpiById, kpiTitle } from "./registry.js";
export { evaluate, coerceArgs } from "./run.js";
export { KpiError, isKpiError, causeLangOf, type CauseLang, type ErrorCode } from "./errors.js";
export {
  KpiDate,
  PLAIN_CALL,
  type CallInfo,
  type AnyKpi,
  type KpiResult,
  type ParamSpec,
  type Spill,
  type SpillCell,
  type Text,
  type Category,
} from "./spec.js";
export { dateToSerial, serialToDate } from "./dates.js";
export { isBlank, keyOf } from "./coerce.js";
export {
  aliasesOf,
  callKpi,
  excelId,
  idFromName,
  isRangeKind,
  NAMESPACE,
  originOf,
  publicName,
  reasonOf,
  toCells,
  toValueOrCells,
  type CallOptions,
  type CellTable,
  type HostName,
} from "./host/boundary.js";
export type { CellOrigin } from "./coerce.js";
