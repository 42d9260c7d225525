import type { AddressInfo } from "node:net";
import type { Role } from "@xueji/shared";
import { createContextInner } from "../src/context";
import type { Database } from "../src/db/client";
import { insertCollege, insertMajor, insertStudents, insertTerms, insertUser } from "../src/db/seed-basics";
import { openTestDatabase } from "../src/db/test-database";
import { createHttpServer } from "../src/http/server";
import type { Logger } from "../src/logger";
import { createCaller } from "../src/router";
import { hashPassword } from "../src/services/auth/password";
import { createSession } from "../src/services/auth/sessions";

export const TODAY = "2026-11-23";
export const PASSWORD = "correct horse battery";

/**
 * A small university on a fresh database: colleges A and B, a major each, terms 2024–2026, one
 * user per role (college roles in A, plus a secretary of B), and students in both colleges; on `existing` when
 * given (a database that server processes of the test share).
 */
/**
 * One scrypt hash of PASSWORD per worker (32 MiB and some 80 ms each): the data files of a worker run in one
 * process, and every world's accounts may share it as the demo's do.
 */
let passwordHashOnce: Promise<string> | undefined;

export async function makeWorld(engine: "pglite" | "postgres", existing?: Database) {
  const database: Database = existing ?? (await openTestDatabase(engine));
  const { db } = database;
  const collegeA = await insertCollege(db, "01", "信息工程学院");
  const collegeB = await insertCollege(db, "02", "外国语学院");
  const majorA = await insertMajor(db, collegeA, "080901", "计算机科学与技术");
  const majorB = await insertMajor(db, collegeB, "050201", "英语");
  await insertTerms(db, [2024, 2025, 2026]);
  passwordHashOnce ??= hashPassword(PASSWORD);
  const passwordHash = await passwordHashOnce;
  const accounts: Array<[string, Role, number | null]> = [
    ["secretary-a", "secretary", collegeA],
    ["leader-a", "college-leader", collegeA],
    ["secretary-b", "secretary", collegeB],
    ["leader-b", "college-leader", collegeB],
    ["registrar", "registrar-staff", null],
    ["registrar-leader", "registrar-leader", null],
    ["school-leader", "school-leader", null],
    ["admin", "admin", null],
  ];
  const tokens = new Map<string, string>();
  for (const [username, role, collegeId] of accounts) {
    const id = await insertUser(db, { username, displayName: username, role, collegeId, passwordHash });
    tokens.set(username, (await createSession(db, id)).token);
  }

  /** A caller signed in as `username` (null: anonymous), on `today`. */
  async function as(username: string | null, today = TODAY) {
    const token = username ? (tokens.get(username) ?? null) : null;
    return createCaller(await createContextInner({ db, engine, token, today: () => today, requestId: `test-${username}` }));
  }

  /** The real HTTP server on a free loopback port, on `today` (its request log to `logger` when given). */
  async function serve(today = TODAY, logger?: Logger): Promise<{ base: string; close: () => void }> {
    const server = createHttpServer(database, { today: () => today, ...(logger ? { logger } : {}) });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
  }

  return {
    database,
    db,
    serve,
    collegeA,
    collegeB,
    majorA,
    majorB,
    as,
    tokens,
    insertStudents: (s: Parameters<typeof insertStudents>[1]) => insertStudents(db, s),
  };
}

export type World = Awaited<ReturnType<typeof makeWorld>>;
