import { AppError, formatError, type Locale } from "@xueji/shared";
import type { Db } from "../../db/client";
import { type DecideOptions, decideApplication } from "./decide-application";

export interface BulkItem {
  applicationId: number;
  expectedVersion: number;
}

export type BulkResult =
  | { applicationId: number; ok: true; stage: string; version: number }
  | { applicationId: number; ok: false; code: string; message: string };

/**
 * Many decisions in one call, each in its own transaction: the result says, per application,
 * whether it went through and why not. Per-item rather than all-or-nothing, because one returned
 * or already-decided application must not hold up forty others (the registrar sees which and acts).
 */
export async function bulkDecide(
  db: Db,
  items: readonly BulkItem[],
  options: Omit<DecideOptions, "applicationId" | "expectedVersion">,
  locale: Locale,
): Promise<BulkResult[]> {
  const results: BulkResult[] = [];
  for (const item of items) {
    try {
      const updated = await decideApplication(db, { ...options, ...item });
      results.push({ applicationId: item.applicationId, ok: true, stage: updated.stage, version: updated.version });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({
        applicationId: item.applicationId,
        ok: false,
        code: error.code,
        message: formatError(error.code, error.params, locale),
      });
    }
  }
  return results;
}
