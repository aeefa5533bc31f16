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
  DuckDBTypeId,
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
    const fast = readNumbers(child, offset, length);
    if (fast) return fast;
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

/** The typed array and validity mask a numeric vector of this node API keeps (not part of its typings). */
interface NumericInternals {
  readonly items?: unknown;
  readonly validity?: { readonly data?: unknown; readonly offset?: unknown };
}

/** The types whose items are plain numbers (DATE's are days, BIGINT's BigInts, DECIMAL's scaled: the general path). */
const NUMERIC_TYPES: ReadonlySet<DuckDBTypeId> = new Set([
  DuckDBTypeId.DOUBLE,
  DuckDBTypeId.FLOAT,
  DuckDBTypeId.INTEGER,
  DuckDBTypeId.SMALLINT,
  DuckDBTypeId.TINYINT,
  DuckDBTypeId.UINTEGER,
  DuckDBTypeId.USMALLINT,
  DuckDBTypeId.UTINYINT,
]);

/**
 * The fast path for a list of plain numbers (`list(score)`): reads the child vector's typed array and its validity
 * bits directly instead of one `getItem` per element, which costs a BigInt operation per element once the list holds
 * a NULL. Those fields are the node API's internals, so they are checked at run time; anything else (BIGINT,
 * DECIMAL, text, another layout in a later version) returns false and takes the general path.
 */
export function readNumbers(child: DuckDBVector, offset: number, length: number): (number | null)[] | undefined {
  if (!NUMERIC_TYPES.has(child.type.typeId)) return undefined;
  const { items, validity } = child as unknown as NumericInternals;
  // The internals must still be a typed array of numbers (not BigInts) for the fast path to read them.
  if (!ArrayBuffer.isView(items) || items instanceof DataView || items instanceof BigInt64Array) return undefined;
  const values = (items as Float64Array).subarray(offset, offset + length);
  const mask = validity?.data;
  // No mask: every element is valid. A plain indexed copy: Array.from would walk the typed array's iterator, ten
  // times slower on a long list.
  if (mask === null || mask === undefined) {
    const out = new Array<number>(length);
    for (let i = 0; i < length; i++) out[i] = values[i] as number;
    return out;
  }
  if (!(mask instanceof BigUint64Array) || typeof validity?.offset !== "number") return undefined;
  // The mask as 32-bit words (little-endian, as DuckDB lays it out): bit arithmetic without BigInt.
  const words = new Uint32Array(mask.buffer, mask.byteOffset, mask.length * 2);
  const base = validity.offset + offset;
  const out: (number | null)[] = [];
  for (let i = 0; i < length; i++) {
    const bit = base + i;
    out.push(((words[bit >>> 5] as number) >>> (bit & 31)) & 1 ? (values[i] as number) : null);
  }
  return out;
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
