import type { IncomingMessage } from "node:http";

/**
 * A request's body, whole, or null when it is larger than `limit` bytes: past the limit the rest is read and
 * dropped (not kept), so the answer can still reach the client without the memory a large body would take.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(over ? null : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
