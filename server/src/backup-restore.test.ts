import { execFile, execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { xueji } from "../test/run-xueji";
import { makeWorld, PASSWORD } from "../test/world";
import { resultRows } from "./db/client";
import { writeCheckpoint } from "./services/audit-log/checkpoint";
import { signIn } from "./services/auth/sign-in";

const run = promisify(execFile);
const KEY = "the backup test's audit key, 32 chars or more";

function hasPgDump(): boolean {
  try {
    execFileSync("pg_dump", ["--version"]);
    execFileSync("pg_restore", ["--version"]);
    return true;
  } catch {
    return false;
  }
}

/**
 * docs/operations.md's backup and restore, as an operator runs it: `pg_dump -Fc`, `pg_restore` into a
 * new database, then `xueji audit verify` against the audit key and the checkpoints, which are kept
 * apart from the dump. Skipped only where pg_dump is not installed (or no PostgreSQL is given).
 */
describe.skipIf(!process.env.TEST_DATABASE_URL || !hasPgDump())("a PostgreSQL backup restored into a new database", () => {
  it("verifies as intact against the checkpoint taken before the dump", async () => {
    process.env.XUEJI_AUDIT_KEY = KEY;
    const w = await makeWorld("postgres");
    const dir = await mkdtemp(join(tmpdir(), "xueji-backup-"));
    const server = process.env.TEST_DATABASE_URL as string;
    const restored = `xueji_restored_${randomBytes(5).toString("hex")}`;
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    try {
      await signIn(w.db, { username: "registrar", password: PASSWORD, address: "10.0.0.1", requestId: "backup" });
      await (await w.as("admin")).users.create({
        username: "new-one",
        displayName: "新人",
        role: "registrar-staff",
        collegeId: null,
        password: "a passphrase!",
      });
      const written = await writeCheckpoint(w.db, join(dir, "checkpoints"));
      expect(written?.checkpoint.count).toBeGreaterThanOrEqual(2);

      const [row] = resultRows<{ db: string }>(await w.db.execute(sql`select current_database() as db`));
      const source = new URL(server);
      source.pathname = `/${row?.db}`;
      const dump = join(dir, "xueji.dump");
      await run("pg_dump", ["--format=custom", "--no-owner", `--file=${dump}`, source.toString()]);
      await admin.unsafe(`create database ${restored}`);
      const target = new URL(server);
      target.pathname = `/${restored}`;
      await run("pg_restore", ["--no-owner", "--exit-on-error", `--dbname=${target.toString()}`, dump]);

      const { stdout } = await xueji(["audit", "verify"], {
        DATABASE_URL: target.toString(),
        XUEJI_AUDIT_KEY: KEY,
        XUEJI_CHECKPOINT_DIR: join(dir, "checkpoints"),
      });
      expect(stdout).toMatch(
        new RegExp(`^审计链完整：已核验 ${written?.checkpoint.count} 条事件，与 .* 的检查点（${written?.checkpoint.count} 条）一致。`),
      );
    } finally {
      await w.database.close();
      await admin.unsafe(`drop database if exists ${restored} with (force)`);
      await admin.end();
    }
  });
});
