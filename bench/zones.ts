/**
 * Apps Script service calls made by the spreadsheet-time-zone conversion: the BUILT Code.js runs COHORT over
 * 10^5 orders with times of day spread over two years, with a Utilities.formatDate that counts its calls. Each
 * is a round trip inside a custom function's 30-second budget, so the count must not grow with the rows.
 */
import { seeded } from "../test/helpers/random.js";
import { loadCodeJs, zonePattern } from "../test/hosts/sheets-sandbox.js";

export interface ZoneLookups {
  readonly rows: number;
  readonly distinctTimestamps: number;
  readonly lookups: number;
  readonly ms: number;
}

export function zoneLookups(rows = 100_000, timeZone = "Europe/Paris"): ZoneLookups {
  let lookups = 0;
  const sandbox = loadCodeJs({
    spreadsheetTimeZone: timeZone,
    globals: {
      Utilities: {
        formatDate(date: Date, zone: string) {
          lookups++;
          return zonePattern(new Date(date.getTime()), zone);
        },
      },
    },
  });
  // Orders at random minutes of two years (2025-2026), 5,000 customers: timestamps nearly all distinct.
  const rng = seeded(7);
  const first = 45_658; // 2025-01-01
  const customers: string[][] = [];
  const dates: Date[][] = [];
  const stamps = new Set<number>();
  for (let i = 0; i < rows; i++) {
    const serial = first + Math.floor(rng.next() * 730 * 1440) / 1440;
    stamps.add(serial);
    customers.push([`C${rng.int(0, 4_999)}`]);
    dates.push([sandbox.date(serial)]);
  }
  const started = performance.now();
  sandbox.call("KPI_COHORT", [customers, dates, 12]);
  return { rows, distinctTimestamps: stamps.size, lookups, ms: performance.now() - started };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(zoneLookups()));
