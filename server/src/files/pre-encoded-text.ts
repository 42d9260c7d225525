import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";

/**
 * A file answer's large text (files.grid's base64, 130 MB for 100,000 rows) written into the HTTP answer as the
 * bytes a file thread made, instead of going through tRPC's JSON.stringify and UTF-8 encoding: those passes
 * over a string of that size held the event loop for 0.6–1.9 s on an idle machine (docs/operations.md,
 * "File work"). The procedure's answer holds a marker in its place; the response's write puts the bytes
 * where the marker is. Called outside an HTTP request (tests' callers, the command line), the text itself.
 */
const pending = new AsyncLocalStorage<Map<string, Buffer>>();

/**
 * Runs `handle` (tRPC's handler for one request) so that text its procedure leaves with `preEncodedText`
 * is written into `res` as bytes. Only this response's writes are looked at, and only while text is pending.
 */
export function withPreEncodedText(res: ServerResponse, handle: () => void): void {
  const texts = new Map<string, Buffer>();
  const write = res.write as (this: ServerResponse, ...args: unknown[]) => boolean;
  res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]): boolean {
    const pieces = texts.size > 0 && chunk instanceof Uint8Array ? spliced(texts, chunk) : null;
    if (!pieces) return write.call(this, chunk, ...rest);
    const last = pieces.pop() as Buffer;
    for (const piece of pieces) write.call(this, piece);
    // The callback and the answer to "write more?" go with the last piece, as they went with the chunk.
    return write.call(this, last, ...rest);
  } as ServerResponse["write"];
  pending.run(texts, handle);
}

/**
 * `bytes` — ASCII that JSON writes as it is (base64), made on a file thread — as a string of the procedure's
 * answer: within `withPreEncodedText`, a marker the response's write replaces with the bytes.
 */
export function preEncodedText(bytes: Buffer): string {
  const texts = pending.getStore();
  if (!texts) return bytes.toString("latin1");
  // Unguessable, so that no text of the answer (her file's own cells, in the JSON) can be taken for it.
  const marker = `xueji-pre-encoded-${randomBytes(16).toString("hex")}`;
  texts.set(marker, bytes);
  return marker;
}

/** The chunk with each pending marker in it replaced by its bytes (then no longer pending); null when it holds none. */
function spliced(texts: Map<string, Buffer>, chunk: Uint8Array): Buffer[] | null {
  let rest = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  const pieces: Buffer[] = [];
  for (const [marker, bytes] of texts) {
    const at = rest.indexOf(marker, 0, "latin1");
    if (at < 0) continue;
    pieces.push(rest.subarray(0, at), bytes);
    rest = rest.subarray(at + marker.length);
    texts.delete(marker);
  }
  if (pieces.length === 0) return null;
  pieces.push(rest);
  return pieces;
}
