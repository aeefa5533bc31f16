import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The CDNOW sample (Fader, Hardie & Lee 2005) as a user's sheet holds it: ids, serial dates, amounts. */
export interface OrderLog {
  readonly ids: unknown[][];
  readonly dates: unknown[][];
  readonly amounts: unknown[][];
}

const FILE = fileURLToPath(new URL("../../../shared/data/cdnow/CDNOW_sample.txt", import.meta.url));

/** Days since 1899-12-30 of a calendar date. */
export const serialOf = (year: number, month: number, day: number): number =>
  Date.UTC(year, month - 1, day) / 86_400_000 + 25_569;

/** The end of the calibration period of the published fits. */
export const CDNOW_AS_OF = serialOf(1997, 9, 30);

/** Reads the whitespace-separated log (master id, customer id, yyyymmdd, CDs, dollars) into 2-D columns. */
export function readCdnow(): OrderLog {
  const ids: unknown[][] = [];
  const dates: unknown[][] = [];
  const amounts: unknown[][] = [];
  for (const line of readFileSync(FILE, "utf8").split("\n")) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 5) continue;
    const ymd = fields[2] as string;
    ids.push([Number(fields[1])]);
    dates.push([serialOf(Number(ymd.slice(0, 4)), Number(ymd.slice(4, 6)), Number(ymd.slice(6, 8)))]);
    amounts.push([Number(fields[4])]);
  }
  return { ids, dates, amounts };
}

export const fixture = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../fixtures/clv/${name}.json`, import.meta.url), "utf8")) as T;
