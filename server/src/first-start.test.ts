import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count } from "drizzle-orm";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { xueji } from "../test/run-xueji";
import { openDatabase } from "./db/client";
import { auditEvents, colleges, users } from "./db/schema";
import { loadAuditKey } from "./services/audit-log/audit-key";
import { signIn } from "./services/auth/sign-in";

const PASSWORD = "the first admin's passphrase";

/** Starts `pnpm start`'s entry point and returns what it printed once it is listening. */
async function startServer(env: Record<string, string>): Promise<string> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "main.ts")], {
    env: { ...process.env, PORT: "0", XUEJI_FRONT_ENDS: "0", XUEJI_LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes("first administrator") || out.includes("按 Ctrl+C")) resolve();
      });
      child.stderr?.on("data", (chunk: Buffer) => {
        out += chunk.toString();
      });
      child.on("exit", (code) => reject(new Error(`server exited ${code}: ${out}`)));
    });
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
  return out;
}

/**
 * The first start on an empty database, then `xueji admin create`. On PostgreSQL the audit key and checkpoints are
 * set where they go (a server has no data folder); on PGlite they are left unset and follow the data folder.
 */
async function firstStart(database: { url: string } | { dataDir: string }) {
  const dir = await mkdtemp(join(tmpdir(), "xueji-first-"));
  const env =
    "url" in database
      ? {
          DATABASE_URL: database.url,
          XUEJI_DATA_DIR: "",
          XUEJI_AUDIT_KEY: "",
          XUEJI_AUDIT_KEY_FILE: join(dir, "audit.key"),
          XUEJI_CHECKPOINT_DIR: join(dir, "checkpoints"),
        }
      : { DATABASE_URL: "", XUEJI_DATA_DIR: database.dataDir, XUEJI_AUDIT_KEY: "", XUEJI_AUDIT_KEY_FILE: "", XUEJI_CHECKPOINT_DIR: "" };
  // docs/operations.md: the audit key and the checkpoints follow the data folder unless set on their own.
  const keyFile = env.XUEJI_AUDIT_KEY_FILE || `${env.XUEJI_DATA_DIR}-audit.key`;
  const printed = await startServer(env);
  expect(printed).toContain("pnpm -s xueji admin create --user admin");
  expect(printed).not.toContain("演示账号");
  expect(printed).not.toContain("xueji-demo-2026");
  expect(statSync(keyFile).mode & 0o777).toBe(0o600);

  // A password as an argument is refused; from the environment it is taken.
  expect((await xueji(["admin", "create", "--user", "boss", "--password", PASSWORD], env)).code).toBe(2);
  const created = await xueji(["admin", "create", "--user", "boss", "--name", "系统管理员"], { ...env, XUEJI_PASSWORD: PASSWORD });
  expect(created).toMatchObject({ code: 0, stdout: expect.stringContaining("已创建管理员“boss”") });
  expect(await xueji(["admin", "create", "--user", "boss"], { ...env, XUEJI_PASSWORD: PASSWORD })).toMatchObject({
    code: 1,
    stderr: "用户名“boss”已被使用。\n",
  });

  const opened = await openDatabase(database);
  try {
    expect((await opened.db.select({ n: count() }).from(colleges))[0]?.n).toBe(0);
    expect(await opened.db.select({ username: users.username, role: users.role }).from(users)).toEqual([
      { username: "boss", role: "admin" },
    ]);
    expect((await opened.db.select().from(auditEvents)).map((e) => e.action)).toEqual(["user.create"]);
    loadAuditKey(keyFile, false); // sign-in writes an event: chain it with the server's key
    const session = await signIn(opened.db, { username: "boss", password: PASSWORD, address: "127.0.0.1", requestId: "t" });
    expect(session.user.role).toBe("admin");
  } finally {
    await opened.close();
  }
  expect(await xueji(["audit", "verify"], env)).toMatchObject({ code: 0 });
}

/** What the checkout's own `.data/` holds, file by file with its time of change (empty when there is none). */
function checkoutData(): Record<string, number> {
  const dir = join(import.meta.dirname, "../../.data");
  if (!existsSync(dir)) return {};
  const names = readdirSync(dir, { recursive: true }) as string[];
  return Object.fromEntries(names.map((name) => [name, statSync(join(dir, name)).mtimeMs]));
}

describe("the first start on a database of one's own", () => {
  // One first start for both (PGlite's first start, its initdb and every migration, is some 12 CPU-seconds).
  it("creates only the schema on an empty PGlite folder elsewhere, its audit key beside it and nothing in the checkout's .data/, and the first administrator with xueji admin create", async () => {
    const before = checkoutData();
    await firstStart({ dataDir: join(await mkdtemp(join(tmpdir(), "xueji-elsewhere-")), "db") });
    expect(checkoutData()).toEqual(before);
  }, 240_000); // the server's process, starting tsx and PGlite

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "does the same on an empty PostgreSQL database",
    async () => {
      const server = process.env.TEST_DATABASE_URL as string;
      const name = `xueji_first_${randomBytes(5).toString("hex")}`;
      const admin = postgres(server, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database ${name}`);
      const url = new URL(server);
      url.pathname = `/${name}`;
      try {
        await firstStart({ url: url.toString() });
      } finally {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
    240_000,
  );
});
