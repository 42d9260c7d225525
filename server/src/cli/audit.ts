import type { Locale } from "@xueji/shared";
import { openDatabase } from "../db/client";
import { verifyChain } from "../services/audit-log/verify-chain";

/**
 * `xueji audit verify`: recomputes the hash chain of the audit log straight from the database
 * (DATABASE_URL, or the PGlite folder XUEJI_DATA_DIR — stop the server first, PGlite has one user).
 */
export async function auditVerify(options: { url?: string; dataDir: string; locale: Locale }): Promise<number> {
  const database = await openDatabase(options.url ? { url: options.url } : { dataDir: options.dataDir });
  try {
    const verdict = await verifyChain(database.db);
    const en = options.locale === "en";
    if (verdict.ok) {
      process.stdout.write(
        en ? `Audit chain intact: ${verdict.checked} events checked.\n` : `审计链完整：已核验 ${verdict.checked} 条事件。\n`,
      );
      return 0;
    }
    const why =
      verdict.reason === "hash"
        ? en
          ? "its content was changed"
          : "该事件的内容被改动过"
        : en
          ? "an event before it was removed or inserted"
          : "它之前的事件被删除或插入过";
    process.stdout.write(
      en
        ? `Audit chain broken at event ${verdict.brokenAt}: ${why} (${verdict.checked} events before it are intact).\n`
        : `审计链在第 ${verdict.brokenAt} 号事件处断开：${why}（此前 ${verdict.checked} 条事件完好）。\n`,
    );
    return 1;
  } finally {
    await database.close();
  }
}
