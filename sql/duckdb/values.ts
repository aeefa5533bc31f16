import {
  DATE,
  DOUBLE,
  DuckDBArrayValue,
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBListValue,
  DuckDBListVector,
  DuckDBTimestampMillisecondsValue,
  DuckDBTimestampNanosecondsValue,
  DuckDBTimestampSecondsValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  LIST,
  STRUCT,
  VARCHAR,
  dateValue,
  listValue,
  structValue,
  type DuckDBDataChunk,
  type DuckDBType,
  type DuckDBValue,
  type DuckDBVector,
} from "@duckdb/node-api";
import { ERROR_COLUMN, type ColumnType, type SpillShape, type SqlCell } from "../spill.js";

/** Days between the spreadsheet epoch (1899-12-30) and DuckDB's (1970-01-01). */
export const EPOCH_SERIAL = 25_569;
const MICROS_PER_DAY = 86_400_000_000;

/**
 * One DuckDB value as a spreadsheet host would pass it: DATE and TIMESTAMP become serials (days since
 * 1899-12-30, a time of day as the fraction), BIGINT and DECIMAL numbers, lists arrays; NULL is a blank.
 */
export function hostValue(value: DuckDBValue): unknown {
  if (value === null || typeof value !== "object") return typeof value === "bigint" ? Number(value) : value;
  if (value instanceof DuckDBDateValue) return value.days + EPOCH_SERIAL;
  if (value instanceof DuckDBTimestampValue || value instanceof DuckDBTimestampTZValue)
    return Number(value.micros) / MICROS_PER_DAY + EPOCH_SERIAL;
  if (value instanceof DuckDBTimestampMillisecondsValue) return Number(value.millis) / 86_400_000 + EPOCH_SERIAL;
  if (value instanceof DuckDBTimestampSecondsValue) return Number(value.seconds) / 86_400 + EPOCH_SERIAL;
  if (value instanceof DuckDBTimestampNanosecondsValue)
    return Number(value.nanos / 1000n) / MICROS_PER_DAY + EPOCH_SERIAL;
  if (value instanceof DuckDBDecimalValue) return value.toDouble();
  if (value instanceof DuckDBListValue || value instanceof DuckDBArrayValue) return value.items.map(hostValue);
  return String(value);
}

/**
 * Row `row` of an argument vector. A list is read straight from its flat child vector (no per-row list
 * value): the common `kpi_nps(list(score))` call hands over millions of elements in one row.
 */
export function readArgument(vector: DuckDBVector | undefined, row: number): unknown {
  if (!vector) return null;
  if (vector instanceof DuckDBListVector) {
    if (vector.getItemVector(row) === null) return null;
    const child = vector.childVector;
    const offset = vector.getEntryOffset(row);
    const length = vector.getEntryLength(row);
    const out = new Array<unknown>(length);
    if (child instanceof DuckDBListVector) {
      for (let i = 0; i < length; i++) out[i] = readArgument(child, offset + i);
      return out;
    }
    for (let i = 0; i < length; i++) {
      const item = child.getItem(offset + i);
      out[i] = typeof item === "number" || typeof item === "string" ? item : hostValue(item);
    }
    return out;
  }
  return hostValue(vector.getItem(row));
}

/** The argument vectors of a chunk; a bare `NULL` literal has no vector type the node API reads: all blank. */
export function argumentVectors(chunk: DuckDBDataChunk): (DuckDBVector | undefined)[] {
  const vectors: (DuckDBVector | undefined)[] = [];
  for (let c = 0; c < chunk.columnCount; c++) {
    try {
      vectors.push(chunk.getColumnVector(c));
    } catch {
      vectors.push(undefined);
    }
  }
  return vectors;
}

const TYPES: Readonly<Record<ColumnType, DuckDBType>> = {
  number: DOUBLE,
  text: VARCHAR,
  date: DATE,
  numbers: LIST(DOUBLE),
  texts: LIST(VARCHAR),
};

/** The DuckDB type of a spill: a list of doubles for a series, else a list of structs ending with `error`. */
export function spillType(shape: SpillShape): DuckDBType {
  if (shape.kind === "list") return LIST(DOUBLE);
  const entries: Record<string, DuckDBType> = {};
  for (const column of [...shape.columns, ERROR_COLUMN]) entries[column.name] = TYPES[column.type];
  return LIST(STRUCT(entries));
}

/** A result cell as a DuckDB value. */
export function duckValue(cell: SqlCell): DuckDBValue {
  if (cell === null || typeof cell !== "object") return cell;
  if (Array.isArray(cell)) return listValue(cell.map(duckValue));
  return dateValue(Math.floor(cell.serial) - EPOCH_SERIAL);
}

/** A spill as the DuckDB value of `spillType`: a list of numbers, or of structs. */
export function duckSpill(rows: SqlCell[] | Record<string, SqlCell>[], shape: SpillShape): DuckDBValue {
  if (shape.kind === "list") return listValue((rows as SqlCell[]).map(duckValue));
  return listValue(
    (rows as Record<string, SqlCell>[]).map((row) => {
      const entries: Record<string, DuckDBValue> = {};
      for (const [key, value] of Object.entries(row)) entries[key] = duckValue(value);
      return structValue(entries);
    }),
  );
}
