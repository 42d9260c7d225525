import { existsSync, readdirSync, statSync } from "node:fs";
import { cp, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asc, gte, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { xueji as run } from "../../test/run-xueji";
import { type Database, openDatabase } from "../db/client";
import { auditEvents } from "../db/schema";
import { loadAuditKey } from "../services/audit-log/audit-key";
import { hashEvent, recordEvent } from "../services/audit-log/record-event";

const KEY = "an audit key for the tests, long enough";

/** `xueji …` in this process with the test's key and no database but the folder `env` names. */
function xueji(args: string[], env: Record<string, string>) {
  return run(args, { DATABASE_URL: "", XUEJI_AUDIT_KEY: KEY, ...env });
}

/**
 * Two PGlite folders made once and copied for each test (creating and migrating one takes seconds): an
 * empty database without Xueji's tables, and one with them and no events.
 */
const folders = { bare: "", migrated: "" };

/** A PGlite folder with `n` events chained with KEY, and a checkpoint folder beside it. */
async function logWith(n: number) {
  const dir = await mkdtemp(join(tmpdir(), "xueji-audit-"));
  const env = { XUEJI_DATA_DIR: join(dir, "pglite"), XUEJI_CHECKPOINT_DIR: join(dir, "checkpoints") };
  await cp(folders.migrated, env.XUEJI_DATA_DIR, { recursive: true });
  const database = await openDatabase({ dataDir: env.XUEJI_DATA_DIR, migrate: false });
  for (let i = 0; i < n; i++)
    await database.db.transaction((tx) =>
      recordEvent(tx, { userId: null, role: null, requestId: null }, { action: "test", entity: "x", entityId: String(i) }),
    );
  await database.close();
  return { dir, env };
}

/** Opens the folder, does `change` with the append-only triggers off, closes it. */
async function tamper(dataDir: string, change: (db: Database["db"]) => Promise<unknown>) {
  const database = await openDatabase({ dataDir });
  await database.db.execute(sql`alter table audit_events disable trigger user`);
  await change(database.db);
  await database.db.execute(sql`alter table audit_events enable trigger user`);
  await database.close();
}

describe("xueji audit verify and checkpoint", { timeout: 180_000 }, () => {
  beforeAll(async () => {
    process.env.XUEJI_AUDIT_KEY = KEY; // the events written in this process are chained with KEY
    const dir = await mkdtemp(join(tmpdir(), "xueji-audit-templates-"));
    folders.bare = join(dir, "bare");
    await (await openDatabase({ dataDir: folders.bare, migrate: false })).close();
    folders.migrated = join(dir, "migrated");
    await cp(folders.bare, folders.migrated, { recursive: true });
    await (await openDatabase({ dataDir: folders.migrated })).close();
  }, 180_000);

  it("writes a signed checkpoint and verifies the chain against it", async () => {
    const { dir, env } = await logWith(4);
    const written = await xueji(["audit", "checkpoint"], env);
    expect(written).toMatchObject({ code: 0, stdout: expect.stringContaining("已写入检查点：4 条事件") });
    expect(readdirSync(join(dir, "checkpoints"))).toHaveLength(1);
    const verified = await xueji(["audit", "verify"], env);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/^审计链完整：已核验 4 条事件，与 .* 的检查点（4 条）一致。\n$/);
  });

  it("reports the deletion of the last events, and a TRUNCATE behind the trigger's back", async () => {
    const { env } = await logWith(6);
    await xueji(["audit", "checkpoint"], env);
    await tamper(env.XUEJI_DATA_DIR, (db) => db.execute(sql`delete from audit_events where id > 3`));
    expect(await xueji(["audit", "verify"], env)).toMatchObject({
      code: 1,
      stdout: expect.stringContaining("审计日志被截断：检查点（"),
    });
    await tamper(env.XUEJI_DATA_DIR, (db) => db.execute(sql`truncate audit_events`));
    const emptied = await xueji(["audit", "verify", "--lang", "en"], env);
    expect(emptied).toMatchObject({ code: 1, stdout: expect.stringContaining("saw 6 events, now there are 0") });
  });

  it("reports an edit whose later hashes were recomputed, with or without the key", async () => {
    const { env } = await logWith(5);
    await xueji(["audit", "checkpoint"], env);
    const recompute = (key: Buffer | null) =>
      tamper(env.XUEJI_DATA_DIR, async (db) => {
        const events = await db.select().from(auditEvents).where(gte(auditEvents.id, 1)).orderBy(asc(auditEvents.id));
        let prev = "0".repeat(64);
        for (const e of events) {
          const edited = { ...e, prevHash: prev, after: e.id === 2 ? { forged: true } : e.after };
          prev = hashEvent(edited, key);
          await db.update(auditEvents).set({ after: edited.after, prevHash: edited.prevHash, hash: prev }).where(sql`id = ${e.id}`);
        }
      });
    // An attacker without the key can only rewrite every event as plain SHA-256, as if it predated
    // the key: the checkpoint pinned that none did. An insider with the key can recompute the HMACs:
    // the checkpoint's signed hash tells. Neither forgery gets a checkpoint of its own.
    await recompute(null);
    expect(await xueji(["audit", "verify"], env)).toMatchObject({
      code: 1,
      stdout: expect.stringContaining("审计链在第 1 号事件处断开：该事件的内容被改动过（或不用密钥重算过）"),
    });
    expect(await xueji(["audit", "checkpoint"], env)).toMatchObject({ code: 1, stdout: expect.stringContaining("不能为它签发检查点") });
    await recompute(Buffer.from(KEY));
    expect(await xueji(["audit", "verify"], env)).toMatchObject({
      code: 1,
      stdout: expect.stringContaining("审计链被重算过：第 5 条事件"),
    });
    expect(await xueji(["audit", "checkpoint"], env)).toMatchObject({ code: 1, stdout: expect.stringContaining("审计链被重算过") });
  });

  it("is an error without a data folder, without Xueji's tables, without events or without the key", async () => {
    const dir = await mkdtemp(join(tmpdir(), "xueji-audit-none-"));
    const missing = join(dir, "no-such-folder");
    const none = await xueji(["audit", "verify"], { XUEJI_DATA_DIR: missing, XUEJI_CHECKPOINT_DIR: join(dir, "cp") });
    expect(none).toMatchObject({ code: 2, stderr: expect.stringContaining(`找不到数据文件夹“${missing}”`) });
    expect(existsSync(missing)).toBe(false);

    const bare = join(dir, "bare");
    await cp(folders.bare, bare, { recursive: true });
    expect(await xueji(["audit", "verify"], { XUEJI_DATA_DIR: bare })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("这个数据库中没有学籍系统的表"),
    });

    const { env } = await logWith(0);
    expect(await xueji(["audit", "verify"], env)).toMatchObject({ code: 1, stdout: expect.stringContaining("审计日志中没有任何事件") });
    expect(await xueji(["audit", "verify"], { ...env, XUEJI_AUDIT_KEY: "", XUEJI_AUDIT_KEY_FILE: join(dir, "audit.key") })).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("找不到审计密钥"),
    });
  });

  it("creates the key file on first start, readable by its owner only, and reuses it", async () => {
    const saved = process.env.XUEJI_AUDIT_KEY;
    delete process.env.XUEJI_AUDIT_KEY;
    try {
      const file = join(await mkdtemp(join(tmpdir(), "xueji-key-")), "sub", "audit.key");
      expect(loadAuditKey(file, true)).toBe("created");
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(loadAuditKey(file, true)).toBe("file");
    } finally {
      process.env.XUEJI_AUDIT_KEY = saved;
      loadAuditKey("", false); // back to KEY from the environment
    }
  });
});
