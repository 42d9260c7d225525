import { availableParallelism, totalmem } from "node:os";
import { Worker } from "node:worker_threads";
import { AppError, type ErrorCode } from "@xueji/shared";

/**
 * Threads for the work that must not run on the server's event loop: reading, checking and writing
 * workbooks (ExcelJS holds a whole workbook in memory and works on it synchronously for seconds).
 * Each thread has its own heap cap, so a file that needs more memory than a task may have ends that
 * task (the secretary is told, in her words, that the file is too large) instead of the server; a
 * task that runs too long is ended the same way. Tasks beyond the pool's size wait their turn.
 *
 * Any module can run here: `pool.run(moduleUrl, exportName, args)` imports the module in a thread
 * (TypeScript, through tsx) and calls the export with `args` (structured-cloned: plain data,
 * Buffers arrive as Uint8Array; `transfer` hands memory over instead). An AppError thrown there is thrown again here.
 */
export interface PoolOptions {
  /** Threads at most (started when needed, kept while idle). */
  size: number;
  /** Heap cap of each thread, MB (V8's old generation). */
  heapMb: number;
  /** Wall-clock limit of one task. */
  timeoutMs: number;
}

export interface RunOptions {
  /** The file's name as the user knows it, for the refusal when the task is ended. */
  label: string;
  /**
   * Memory of `args` handed to the thread instead of copied (the caller's view of it is emptied): cloning
   * a 10 MB upload is the event loop's work, a hand-over is not.
   */
  transfer?: ArrayBuffer[];
}

interface Job {
  module: string;
  fn: string;
  args: unknown[];
  label: string;
  transfer: ArrayBuffer[];
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

const ENTRY = new URL("./pool-worker.mjs", import.meta.url);
const MiB = 1024 * 1024;

/** Sized to the machine: a thread per core but one (the event loop's), at least two, each with a share of half the memory. */
export function defaultPoolOptions(): PoolOptions {
  // At least two, so that one user's long task never makes another's small file wait for it.
  const size = Number(process.env.XUEJI_FILE_WORKERS) || Math.max(2, Math.min(4, availableParallelism() - 1));
  const share = Math.floor(totalmem() / MiB / 2 / size);
  const heapMb = Number(process.env.XUEJI_FILE_WORKER_MB) || Math.max(512, Math.min(2048, share));
  return { size, heapMb, timeoutMs: Number(process.env.XUEJI_FILE_TASK_SECONDS || 180) * 1000 };
}

export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly all = new Set<Worker>();
  private readonly queue: Job[] = [];

  constructor(readonly options: PoolOptions) {}

  /** Runs `module`'s export `fn` with `args` on a thread of the pool. */
  run<T>(module: string | URL, fn: string, args: unknown[], options: RunOptions): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({
        module: String(module),
        fn,
        args,
        label: options.label,
        transfer: options.transfer ?? [],
        resolve: resolve as (v: unknown) => void,
        reject,
      });
      this.pump();
    });
  }

  /**
   * Starts every thread and loads `module` in each (the server's start), so that the first files
   * are not kept waiting while a thread loads ExcelJS. `module` exports `ready()`.
   */
  async warm(module: string | URL): Promise<void> {
    await Promise.all(Array.from({ length: this.options.size }, () => this.run(module, "ready", [], { label: "" })));
  }

  /** Tasks waiting for a thread. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Ends every thread (tests, shutdown); queued tasks are refused. */
  async close(): Promise<void> {
    for (const job of this.queue.splice(0)) job.reject(new Error("worker pool closed"));
    await Promise.all([...this.all].map((w) => w.terminate()));
    this.all.clear();
    this.idle.length = 0;
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let worker = this.idle.pop();
      if (!worker) {
        if (this.all.size >= this.options.size) return;
        worker = this.spawn();
      }
      this.start(worker, this.queue.shift() as Job);
    }
  }

  private spawn(): Worker {
    const worker = new Worker(ENTRY, {
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb, maxYoungGenerationSizeMb: 64 },
    });
    // A thread's failure is its task's failure (handled in `start`), never the server's.
    worker.on("error", () => {});
    worker.unref();
    this.all.add(worker);
    return worker;
  }

  private start(worker: Worker, job: Job): void {
    worker.ref();
    let settled = false;
    const finish = (keep: boolean, settle: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      settle();
      if (keep) {
        worker.unref();
        this.idle.push(worker);
      } else this.discard(worker);
      this.pump();
    };
    const tooHeavy = (why: string) => new AppError("file.too-heavy", { file: job.label }, why);
    const onMessage = (m: { ok: true; result: unknown } | { ok: false; error: SerialisedError }) =>
      finish(true, () => (m.ok ? job.resolve(m.result) : job.reject(revive(m.error))));
    const onError = (error: Error & { code?: string }) =>
      finish(false, () =>
        job.reject(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? tooHeavy(`out of memory (${this.options.heapMb} MB)`) : error),
      );
    const onExit = (code: number) => finish(false, () => job.reject(tooHeavy(`thread exited with ${code}`)));
    const timer = setTimeout(() => finish(false, () => job.reject(tooHeavy(`over ${this.options.timeoutMs} ms`))), this.options.timeoutMs);
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    worker.postMessage({ module: job.module, fn: job.fn, args: job.args }, job.transfer);
  }

  private discard(worker: Worker): void {
    this.all.delete(worker);
    const at = this.idle.indexOf(worker);
    if (at >= 0) this.idle.splice(at, 1);
    void worker.terminate();
  }
}

type SerialisedError =
  | { app: true; code: ErrorCode; params: Record<string, string | number>; detail?: string }
  | { app: false; message: string; stack?: string };

function revive(error: SerialisedError): Error {
  if (error.app) return new AppError(error.code, error.params, error.detail);
  const revived = new Error(error.message);
  if (error.stack) revived.stack = error.stack;
  return revived;
}

let shared: WorkerPool | undefined;

/** The process's pool for file work (the file procedures, imports), created on first use. */
export function filePool(): WorkerPool {
  shared ??= new WorkerPool(defaultPoolOptions());
  return shared;
}

/** A Uint8Array that crossed from a thread, as the Buffer the rest of the server handles. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
