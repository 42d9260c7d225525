export async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

export const percentile = (xs: readonly number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)] as number;

/**
 * Times `fn` and samples the process's memory every 20 ms meanwhile: the peak resident set (which
 * includes PGlite's WebAssembly memory, in this process) and the peak JavaScript heap.
 */
export async function measured<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; ms: number; startRss: number; peakRss: number; peakHeap: number }> {
  const startRss = process.memoryUsage.rss();
  let peakRss = startRss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const timer = setInterval(sample, 20);
  const start = process.hrtime.bigint();
  try {
    const value = await fn();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    sample();
    return { value, ms, startRss, peakRss, peakHeap };
  } finally {
    clearInterval(timer);
  }
}
