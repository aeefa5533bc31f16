import { dateToSerial, KpiDate } from "../../core/index.js";

/** Midnight UTC of an ISO date (yyyy-mm-dd), as a host passes a date cell. */
export const utc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
/** The spreadsheet serial number of an ISO date. */
export const serial = (iso: string): number => dateToSerial(utc(iso));
/** The date a KPI returns for an ISO date. */
export const date = (iso: string): KpiDate => new KpiDate(serial(iso));
