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
import { isNumberView, type NumberView } from "../../core/read/scan.js";
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
 * value): the common `kpi_nps(list(score))` call hands over millions of elements in one row. With `view`, a
 * list of plain numbers without NULLs comes back as a typed array over the engine's own memory, not copied
 * (valid during the call only), for the arguments the core reads as one (core/read/args.ts takesNumberView).
 */
export function readArgument(vector: DuckDBVector | undefined, row: number, view = false): unknown {
  if (!vector) return null;
  if (vector instanceof DuckDBListVector) {
    if (!listValid(vector, row)) return null;
    const child = vector.childVector;
    const offset = vector.getEntryOffset(row);
    const length = vector.getEntryLength(row);
    const numbers = numberItems(child);
    if (numbers) {
      const values = numbers.items.subarray(offset, offset + length);
      if (view && length > 0 && allValid(numbers.words, numbers.base + offset, length)) return values;
      return readNumbers(values, numbers.words, numbers.base + offset);
    }
    const texts = readTexts(child, offset, length);
    if (texts) return texts;
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

/**
 * The node API's internals read by the fast paths below (not part of its typings, so each is checked at run time:
 * anything unexpected, in a later version say, takes the general path): a vector's items (a typed array, or a
 * DataView of 16-byte string entries) and its validity mask (64-bit words, null when every item is valid).
 */
interface VectorInternals {
  readonly items?: unknown;
  readonly dataView?: unknown;
  readonly validity?: { readonly data?: unknown; readonly offset?: unknown };
}

/** A list row's validity, without `getItemVector`, which copies the row's elements to answer. */
function listValid(vector: DuckDBListVector, row: number): boolean {
  const validity = validityWords(vector);
  return validity ? isValid(validity.words, validity.base + row) : vector.getItemVector(row) !== null;
}

/** A validity mask as 32-bit words (little-endian, as DuckDB lays it out): bit arithmetic without BigInt. */
type Words = Uint32Array | null;

/** The validity words and the bit of item 0, or undefined when the mask is not the expected layout. */
function validityWords(vector: DuckDBVector): { words: Words; base: number } | undefined {
  const { validity } = vector as unknown as VectorInternals;
  const mask = validity?.data;
  if (mask === null || mask === undefined) return { words: null, base: 0 };
  if (!(mask instanceof BigUint64Array) || typeof validity?.offset !== "number") return undefined;
  return { words: new Uint32Array(mask.buffer, mask.byteOffset, mask.length * 2), base: validity.offset };
}

const isValid = (words: Words, bit: number): boolean =>
  words === null || (((words[bit >>> 5] as number) >>> (bit & 31)) & 1) === 1;

/** Whether bits from..from+length of a mask are all set. */
function allValid(words: Words, from: number, length: number): boolean {
  if (words === null) return true;
  let bit = from;
  const end = from + length;
  // Bit by bit up to a word boundary, then whole words.
  for (; bit < end && (bit & 31) !== 0; bit++) if (!isValid(words, bit)) return false;
  for (; bit + 32 <= end; bit += 32) if (words[bit >>> 5] !== 0xffffffff) return false;
  for (; bit < end; bit++) if (!isValid(words, bit)) return false;
  return true;
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
 * The typed array and validity of a vector of plain numbers, read directly instead of one `getItem` per element,
 * which costs a BigInt operation per element once the list holds a NULL.
 */
function numberItems(child: DuckDBVector): { items: NumberView; words: Words; base: number } | undefined {
  if (!NUMERIC_TYPES.has(child.type.typeId)) return undefined;
  const { items } = child as unknown as VectorInternals;
  if (!isNumberView(items)) return undefined;
  const validity = validityWords(child);
  return validity && { items, ...validity };
}

/** A numeric list as an array, NULLs as null (bit `base` of `words` is the validity of values[0]). */
export function readNumbers(values: NumberView, words: Words, base: number): (number | null)[] {
  const length = values.length;
  // Preallocated and filled by index: push, or Array.from over the typed array's iterator, is several times slower.
  const out = new Array<number | null>(length);
  if (words === null) for (let i = 0; i < length; i++) out[i] = values[i] as number;
  else for (let i = 0; i < length; i++) out[i] = isValid(words, base + i) ? (values[i] as number) : null;
  return out;
}

const decoder = new TextDecoder();

/**
 * A VARCHAR list's items, read from the vector's 16-byte string entries: a string of up to 12 bytes sits in its
 * entry (length, then bytes), and an ASCII one is decoded here, a character code per byte, instead of through
 * `getItem`'s TextDecoder call, validity BigInt and cache entry per element. Longer strings take `getItem`.
 */
function readTexts(child: DuckDBVector, offset: number, length: number): (string | null)[] | undefined {
  if (child.type.typeId !== DuckDBTypeId.VARCHAR) return undefined;
  const { dataView } = child as unknown as VectorInternals;
  const validity = validityWords(child);
  if (!(dataView instanceof DataView) || !validity) return undefined;
  const bytes = new Uint8Array(dataView.buffer, dataView.byteOffset, dataView.byteLength);
  const out = new Array<string | null>(length);
  for (let i = 0; i < length; i++) {
    const item = offset + i;
    if (!isValid(validity.words, validity.base + item)) out[i] = null;
    else {
      const at = item * 16;
      const size = dataView.getUint32(at, true);
      out[i] = size <= 12 ? inlineText(bytes, at + 4, size) : (child.getItem(item) as string);
    }
  }
  return out;
}

const char = String.fromCharCode;

/**
 * The `size` (≤ 12) bytes from `at`, decoded as `getItem` decodes them. ASCII (ids, codes) is a character code per
 * byte, in one fromCharCode call: about a third of a TextDecoder call's cost, and no intermediate strings.
 */
function inlineText(b: Uint8Array, at: number, size: number): string {
  let high = 0;
  for (let i = at; i < at + size; i++) high |= b[i] as number;
  if (high >= 0x80) return decoder.decode(b.subarray(at, at + size));
  // An inline string has 12 bytes of room, so the first 8 can always be read, whatever its size.
  const [c0, c1, c2, c3, c4, c5, c6, c7] = [
    b[at],
    b[at + 1],
    b[at + 2],
    b[at + 3],
    b[at + 4],
    b[at + 5],
    b[at + 6],
    b[at + 7],
  ] as [number, number, number, number, number, number, number, number];
  switch (size) {
    case 0:
      return "";
    case 1:
      return char(c0);
    case 2:
      return char(c0, c1);
    case 3:
      return char(c0, c1, c2);
    case 4:
      return char(c0, c1, c2, c3);
    case 5:
      return char(c0, c1, c2, c3, c4);
    case 6:
      return char(c0, c1, c2, c3, c4, c5);
    case 7:
      return char(c0, c1, c2, c3, c4, c5, c6);
    case 8:
      return char(c0, c1, c2, c3, c4, c5, c6, c7);
    default:
      return char(...b.subarray(at, at + size));
  }
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
