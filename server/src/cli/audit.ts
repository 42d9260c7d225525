import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Locale } from "@xueji/shared";
import { sql } from "drizzle-orm";
import { type Database, openDatabase, resultRows } from "../db/client";
import { AuditKeyMissing, AuditKeyTooShort, loadAuditKey } from "../services/audit-log/audit-key";
import { type AuditVerdict, ChainBroken, verifyAuditLog, writeCheckpoint } from "../services/audit-log/checkpoint";
import type { CliIo } from "./io";

export interface AuditOptions {
  url?: string;
  dataDir: string;
  keyFile: string;
  checkpointDir: string;
  locale: Locale;
}

type Say = (zh: string, en: string) => void;

/** A failure that stops the command with a message and an exit code (2: cannot verify at all). */
class Stop extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
    readonly code: number,
  ) {
    super(en);
  }
}

/**
 * Opens the database to look, never to create or migrate: verifying a folder that is not there, or
 * a database without Xueji's tables, is an error, not an empty and "intact" log (docs/operations.md, “The audit log”).
 */
async function openExisting(options: AuditOptions): Promise<Database> {
  if (!options.url && !existsSync(join(options.dataDir, "PG_VERSION")))
    throw new Stop(
      `找不到数据文件夹“${options.dataDir}”（其中没有数据库）。请用 XUEJI_DATA_DIR 指向服务器使用的文件夹，或用 DATABASE_URL 指向 PostgreSQL。`,
      `No database in “${options.dataDir}”. Point XUEJI_DATA_DIR at the server's folder, or DATABASE_URL at PostgreSQL.`,
      2,
    );
  const database = await openDatabase(options.url ? { url: options.url, migrate: false } : { dataDir: options.dataDir, migrate: false });
  const [row] = resultRows<{ t: string | null }>(await database.db.execute(sql`select to_regclass('public.audit_events')::text as t`));
  if (!row?.t) {
    await database.close();
    throw new Stop(
      "这个数据库中没有学籍系统的表（从未启动过服务器，或连接了错误的数据库）。",
      "This database has no Xueji tables (the server never ran on it, or this is the wrong database).",
      2,
    );
  }
  return database;
}

function loadKey(options: AuditOptions, env: NodeJS.ProcessEnv): void {
  try {
    loadAuditKey(options.keyFile, false, env);
  } catch (error) {
    if (error instanceof AuditKeyMissing)
      throw new Stop(
        `找不到审计密钥：未设置 XUEJI_AUDIT_KEY，也没有密钥文件“${error.file}”（可用 XUEJI_AUDIT_KEY_FILE 指定）。没有密钥无法核验审计链。`,
        `No audit key: XUEJI_AUDIT_KEY is not set and there is no key file “${error.file}” (XUEJI_AUDIT_KEY_FILE names another). The chain cannot be verified without it.`,
        2,
      );
    if (error instanceof AuditKeyTooShort)
      throw new Stop("XUEJI_AUDIT_KEY 太短（至少 32 个字符）。", "XUEJI_AUDIT_KEY is too short (at least 32 characters).", 2);
    throw error;
  }
}

async function run(options: AuditOptions, io: CliIo, body: (database: Database, say: Say) => Promise<number>): Promise<number> {
  const say: Say = (zh, en) => io.stdout.write(`${options.locale === "en" ? en : zh}\n`);
  try {
    loadKey(options, io.env);
    const database = await openExisting(options);
    try {
      return await body(database, say);
    } finally {
      await database.close();
    }
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    io.stderr.write(`${options.locale === "en" ? error.en : error.zh}\n`);
    return error.code;
  }
}

/**
 * `xueji audit verify`: recomputes the keyed hash chain straight from the database and compares its
 * head with the newest signed checkpoint. Exit 0 intact; 1 tampered (edited, removed, truncated,
 * recomputed) or empty; 2 cannot verify (no database, no tables, no key).
 */
export function auditVerify(options: AuditOptions, io: CliIo): Promise<number> {
  return run(options, io, async (database, say) => {
    const verdict = await verifyAuditLog(database.db, options.checkpointDir);
    if (!verdict.ok) {
      sayBroken(verdict, say);
      return 1;
    }
    if (verdict.checked === 0) {
      say(
        "审计日志中没有任何事件：数据库刚建立还未使用，或日志已被清空。这不能算作“完整”。",
        "The audit log has no events: the database was never used, or the log was emptied. That is not “intact”.",
      );
      return 1;
    }
    const checkpoint = verdict.checkpoint;
    const legacy = verdict.unkeyed
      ? [
          `其中最早的 ${verdict.unkeyed} 条写于启用审计密钥之前，按 SHA-256 核验`,
          `; the first ${verdict.unkeyed} predate the audit key and were checked as SHA-256`,
        ]
      : ["", ""];
    const against = checkpoint
      ? [
          `，与 ${checkpoint.at} 的检查点（${checkpoint.count} 条）一致`,
          `, consistent with the checkpoint of ${checkpoint.at} (${checkpoint.count} events)`,
        ]
      : [
          `。注意：“${options.checkpointDir}”中没有检查点，无法发现末尾事件被删除（运行 xueji audit checkpoint）`,
          `. Note: no checkpoint in “${options.checkpointDir}”, so a deleted tail cannot be detected (run xueji audit checkpoint)`,
        ];
    say(
      `审计链完整：已核验 ${verdict.checked} 条事件${legacy[0] ? `（${legacy[0]}）` : ""}${against[0]}。`,
      `Audit chain intact: ${verdict.checked} events checked${legacy[1]}${against[1]}.`,
    );
    if (verdict.pending)
      say(
        `另有 ${verdict.pending} 条已提交的事件尚未链入（最早记于 ${verdict.pendingSince}），其封印完好；服务器每分钟链接一次，运行中的服务器会立即链接。`,
        `${verdict.pending} more committed events are not yet linked (the oldest recorded at ${verdict.pendingSince}); their seals are intact. A running server links them at once, and every minute.`,
      );
    return 0;
  });
}

/** What `verify` and `checkpoint` say of a log that is not intact. */
function sayBroken(verdict: AuditVerdict & { ok: false }, say: Say): void {
  switch (verdict.reason) {
    case "checkpoint":
      say(
        `检查点“${verdict.file}”的签名不符${verdict.otherKey ? "（它由另一把审计密钥签名：密钥是否被更换？）" : "：该文件被伪造或改动过"}。`,
        `Checkpoint “${verdict.file}” fails its signature${verdict.otherKey ? " (it was signed with another audit key: was the key replaced?)" : ": it was forged or edited"}.`,
      );
      return;
    case "hash":
    case "link": {
      const why =
        verdict.reason === "hash"
          ? ["该事件的内容被改动过（或不用密钥重算过）", "its content was changed (or recomputed without the key)"]
          : ["它之前的事件被删除或插入过", "an event before it was removed or inserted"];
      say(
        `审计链在第 ${verdict.brokenAt} 号事件处断开：${why[0]}（此前 ${verdict.checked} 条事件完好）。`,
        `Audit chain broken at event ${verdict.brokenAt}: ${why[1]} (${verdict.checked} events before it are intact).`,
      );
      return;
    }
    case "seal":
      say(
        `一条已提交、尚未链入审计链的事件被改动过，其封印不符：记于 ${verdict.event.at} 的 ${verdict.event.action}（${verdict.event.entity} ${verdict.event.entityId}；audit_pending 第 ${verdict.pendingId} 行）。它和它之后的事件不会被链接；链中的 ${verdict.checked} 条事件完好。`,
        `A committed event not yet linked into the chain was changed: its seal fails — ${verdict.event.action} on ${verdict.event.entity} ${verdict.event.entityId}, recorded at ${verdict.event.at} (row ${verdict.pendingId} of audit_pending). Neither it nor any event after it will be linked; the ${verdict.checked} events in the chain are intact.`,
      );
      return;
    case "shorter":
      say(
        `审计日志被截断：检查点（${verdict.checkpointAt}）时有 ${verdict.expected} 条事件，现在只有 ${verdict.found} 条——末尾的事件被删除，或整张表被清空。`,
        `The audit log was truncated: the checkpoint of ${verdict.checkpointAt} saw ${verdict.expected} events, now there are ${verdict.found} — its tail was deleted or the table emptied.`,
      );
      return;
    case "rewritten":
      say(
        `审计链被重算过：第 ${verdict.expected} 条事件的哈希与检查点（${verdict.checkpointAt}）签名记录的不同。`,
        `The audit chain was recomputed: event ${verdict.expected} no longer has the hash the checkpoint of ${verdict.checkpointAt} signed.`,
      );
      return;
  }
}

/** `xueji audit checkpoint`: verifies the chain and writes a signed checkpoint of its head. */
export function auditCheckpoint(options: AuditOptions, io: CliIo): Promise<number> {
  return run(options, io, async (database, say) => {
    try {
      const written = await writeCheckpoint(database.db, options.checkpointDir);
      if (!written) {
        say("审计日志中没有事件，未写检查点。", "The audit log has no events; no checkpoint written.");
        return 1;
      }
      say(
        `已写入检查点：${written.checkpoint.count} 条事件，末条哈希 ${written.checkpoint.headHash.slice(0, 16)}…\n  ${written.file}\n请把这个文件夹另行备份（不要与数据库放在一起）。`,
        `Checkpoint written: ${written.checkpoint.count} events, head hash ${written.checkpoint.headHash.slice(0, 16)}…\n  ${written.file}\nBack this folder up apart from the database.`,
      );
      return 0;
    } catch (error) {
      if (!(error instanceof ChainBroken)) throw error;
      sayBroken(error.verdict, say);
      say("审计日志不完整，不能为它签发检查点。", "The audit log is not intact; no checkpoint is signed for it.");
      return 1;
    }
  });
}
