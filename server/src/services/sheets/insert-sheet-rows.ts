import { is, sql } from "drizzle-orm";
import { PgliteSession } from "drizzle-orm/pglite";
import type { Executor } from "../../db/client";

export interface SheetRowInsert {
  submission_id: string;
  row_number: number;
  student_no: string | null;
  values: unknown;
  issues: unknown;
  error_count: number;
}

const CHUNK = 5000;

const INTO = `
  insert into sheet_rows (submission_id, row_number, student_no, "values", issues, error_count)
  select submission_id, row_number, student_no, "values", issues, error_count
  from jsonb_to_recordset(`;
const AS = `::jsonb)
    as x(submission_id uuid, row_number int, student_no text, "values" jsonb, issues jsonb, error_count int)`;
const PGLITE_TEXT = `${INTO}$1${AS}`;
const JSONB = 3802;
/** jsonb's binary form on the wire: a version byte (1), then the JSON text. */
const JSONB_VERSION = 1;

interface PgliteQueries {
  query(text: string, params: unknown[], options: { serializers: Record<number, (value: unknown) => unknown> }): Promise<unknown>;
}

/**
 * PGlite's own client under the transaction (it runs in this thread), or null (PostgreSQL). PGlite
 * sends a text parameter after measuring its UTF-8 length a character at a time in JavaScript — for a
 * chunk of a megabyte or more, a large share of the insert's time on the event loop; the chunk goes
 * as bytes instead (jsonb's binary form), encoded natively.
 */
function pgliteOf(tx: Executor): PgliteQueries | null {
  const session = (tx as unknown as { session?: unknown }).session;
  return is(session, PgliteSession) ? ((session as unknown as { client: PgliteQueries }).client ?? null) : null;
}

function jsonbBytes(json: string): Uint8Array {
  const bytes = Buffer.allocUnsafe(Buffer.byteLength(json) + 1);
  bytes[0] = JSONB_VERSION;
  bytes.write(json, 1);
  return bytes;
}

const asIs = (value: unknown) => value;
const statement = (tx: Executor, pglite: PgliteQueries | null, chunk: string): Promise<unknown> =>
  pglite
    ? pglite.query(PGLITE_TEXT, [jsonbBytes(chunk)], { serializers: { [JSONB]: asIs } })
    : tx.execute(sql`${sql.raw(INTO)}${chunk}${sql.raw(AS)}`);

const turn = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Set-based: each chunk of rows travels as one jsonb parameter and is expanded by
 * jsonb_to_recordset in the database — one statement per 5,000 rows, never one per row.
 * While the server stores one chunk this thread writes out the next one, then runs `meanwhile`
 * (one slice of other work that needs no database, hashing the sheet for one; it says whether it did
 * any) until the server is done. A turn of the event loop between slices: a chunk is a megabyte or
 * more of text, which the socket takes in parts, each only when this thread lets it.
 */
export async function insertSheetRows(tx: Executor, rows: readonly SheetRowInsert[], meanwhile?: () => boolean): Promise<void> {
  const pglite = pgliteOf(tx);
  let next = rows.length ? JSON.stringify(rows.slice(0, CHUNK)) : null;
  for (let i = 0; next !== null; i += CHUNK) {
    // A drizzle query starts on its first `then`; one turn of the event loop puts it on the wire. Its
    // failure is held (not left unhandled meanwhile) and thrown when it is awaited.
    let settled = false;
    const running = statement(tx, pglite, next).then(
      () => {
        settled = true;
        return null;
      },
      (error: unknown) => {
        settled = true;
        return { error };
      },
    );
    await turn();
    next = i + CHUNK < rows.length ? JSON.stringify(rows.slice(i + CHUNK, i + 2 * CHUNK)) : null;
    if (meanwhile) while (!settled && meanwhile()) await turn();
    const failed = await running;
    if (failed) throw failed.error;
  }
}
