// The entry of a file-work thread (worker-pool.ts): loads TypeScript through tsx, as `pnpm start`
// does, then runs the named export of the named module for each message, one at a time.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();

parentPort.on("message", async ({ module, fn, args }) => {
  try {
    const loaded = await import(module);
    const result = await loaded[fn](...args);
    // Bytes made here (a workbook, a check's JSON answer) are handed over, not copied: a copy of tens
    // of MB is work for the main thread's event loop. A Buffer on the shared pool (small) is copied.
    const own = result instanceof Uint8Array && result.byteOffset === 0 && result.byteLength === result.buffer.byteLength;
    parentPort.postMessage({ ok: true, result }, own ? [result.buffer] : []);
  } catch (error) {
    // An AppError crosses as its code and parameters; the main thread builds it again.
    const e = /** @type {{ name?: string; code?: unknown; params?: unknown; detail?: unknown; message?: string; stack?: string }} */ (
      error ?? {}
    );
    parentPort.postMessage({
      ok: false,
      error:
        e.name === "AppError"
          ? { app: true, code: e.code, params: e.params, detail: e.detail }
          : { app: false, message: String(e.message ?? error), stack: e.stack },
    });
  }
});
