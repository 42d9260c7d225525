import { PGlite, types } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";

/** jsonb's binary form on the wire: a version byte (1), then the JSON text (PostgreSQL's jsonb_recv). */
const JSONB_VERSION = 1;
const jsonbAsText = types.serializers[types.JSONB] as (value: unknown) => string;
const textAsPglite = types.serializers[types.TEXT] as (value: unknown) => string;

/**
 * A jsonb parameter given as JSON text (how drizzle writes a jsonb column, and how a sheet's rows go, a chunk
 * of them a parameter) is sent as jsonb's binary form, its bytes written natively. PGlite sends a text
 * parameter after measuring its UTF-8 length a character at a time in JavaScript: for a chunk of a megabyte
 * or more, a large share of the insert's time on the event loop. The server parses the same text either way
 * (jsonb_recv reads the version byte, then does what jsonb_in does), so the same jsonb is stored. Anything
 * else (an object in a raw query) goes as PGlite would send it.
 */
function jsonbParameter(value: unknown): string | Uint8Array {
  if (typeof value !== "string") return jsonbAsText(value);
  const bytes = Buffer.allocUnsafe(Buffer.byteLength(value) + 1);
  bytes[0] = JSONB_VERSION;
  bytes.write(value, 1);
  return bytes;
}

/**
 * A bytea parameter (an import's kept file) is sent as bytea's binary form, which is its bytes as they are.
 * PGlite would write it as hex text built a byte at a time in JavaScript (an array of two-character strings), then
 * measure that text a character at a time: for a term's course results, seconds on the event loop for one insert
 * (the demo's four imports: 9.7 → 3.4 s). Anything that is not bytes is refused, as PGlite refuses it.
 */
function byteaParameter(value: unknown): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new TypeError("Invalid input for bytea type");
  return value;
}

/** Above this length a text parameter goes as bytes (below it, encoding them costs more than PGlite's own way). */
const LONG_TEXT = 4096;

/**
 * A long text parameter (a student's photo kept as text, a long note) is sent as text's binary form: its UTF-8 bytes,
 * written natively, where PGlite measures the text's UTF-8 length a character at a time in JavaScript. The server
 * stores the same text either way (textrecv reads UTF-8, the database's encoding).
 */
function textParameter(value: unknown): string | Uint8Array {
  return typeof value === "string" && value.length >= LONG_TEXT ? Buffer.from(value, "utf8") : textAsPglite(value);
}

/**
 * Every embedded database is made here, with the extensions the migrations create (pg_trgm, for the trigram
 * index of student search): a PGlite folder whose schema uses an extension cannot be opened without it, and the
 * same migrations run on PGlite and PostgreSQL. PGlite sends a parameter that a serializer returns as bytes in
 * binary format; its types say a string, hence the cast.
 */
export function createPglite(start: { dataDir?: string; loadDataDir?: Blob } = {}): PGlite {
  return new PGlite({
    ...start,
    extensions: { pg_trgm },
    serializers: {
      [types.JSONB]: jsonbParameter as (value: unknown) => string,
      [types.BYTEA]: byteaParameter as unknown as (value: unknown) => string,
      [types.TEXT]: textParameter as (value: unknown) => string,
    },
  });
}
