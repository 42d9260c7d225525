import { type ColumnOverride, type GridRow, readSheet, type SheetReaderOptions, type SheetResult } from "@xueji/shared";
import { canonicalSha256 } from "../audit-log/canonical-hash";

/**
 * A submitted grid read by the shared reader and hashed, as one task: run on the file pool's threads
 * (worker-pool.ts) when the server takes many large sheets at once, so that reading them shares the
 * machine's cores instead of queueing on the event loop. Also called in-thread (the same code, one verdict).
 */
export function readAndHash(
  grid: readonly GridRow[],
  options: SheetReaderOptions,
  columns: ColumnOverride | null,
  hash: boolean,
): { read: SheetResult; contentHash: string | null } {
  const read = readSheet(grid, options);
  // The content a client id stands for: the grid, with the column mapping when there is one.
  const contentHash = hash ? canonicalSha256(columns ? { grid, columns } : grid) : null;
  return { read, contentHash };
}

/** Ready to take tasks (the pool's warm-up calls it). */
export function ready(): boolean {
  return true;
}
