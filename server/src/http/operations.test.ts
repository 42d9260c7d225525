import type { AddressInfo } from "node:net";
import { createTRPCClient, httpLink } from "@trpc/client";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gridOf } from "../../test/grid";
import { makeWorld, PASSWORD, TODAY, type World } from "../../test/world";
import { students } from "../db/schema";
import { openTestDatabase, TEST_ENGINES } from "../db/test-database";
import { createLogger } from "../logger";
import type { AppRouter } from "../router";
import { createHttpServer } from "./server";

describe.each(TEST_ENGINES)("what operators see on %s", (engine) => {
  let w: World;
  let base: string;
  let close: () => void;
  const log: string[] = [];
  beforeAll(async () => {
    w = await makeWorld(engine);
    await w.insertStudents(
      Array.from({ length: 6 }, (_, i) => ({
        studentNo: `202401000${i}`,
        name: `学生${"甲乙丙丁戊己"[i]}`,
        collegeId: w.collegeA,
        majorId: w.majorA,
        grade: 2024,
      })),
    );
    const server = createHttpServer(w.database, { today: () => TODAY, logger: createLogger({ write: (line: string) => log.push(line) }) });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  }, 60_000);
  afterAll(async () => {
    close();
    await w.database.close();
  });

  const client = (token?: string) =>
    createTRPCClient<AppRouter>({
      links: [httpLink({ url: `${base}/api/trpc`, headers: token ? { authorization: `Bearer ${token}` } : {} })],
    });

  it("logs a full scenario one JSON line per request, with no password, token or ID number in it", async () => {
    const secretarySession = await client().auth.signIn.mutate({ username: "secretary-a", password: PASSWORD });
    const secretary = client(secretarySession.token);
    const ids = (await w.db.select({ studentNo: students.studentNo, idNumber: students.idNumber }).from(students)).filter((s) =>
      s.studentNo.startsWith("20240100"),
    );
    const sheet = {
      termCode: "2025-2026-1",
      fileName: "在校生核对表.xlsx",
      grid: gridOf([
        ["学号", "姓名", "身份证号", "注册状态"],
        ...ids.map((s, i) => [s.studentNo, `学生${"甲乙丙丁戊己"[i]}`, s.idNumber, "已注册"]),
      ]),
    };
    await secretary.sheets.validate.mutate(sheet);
    const receipt = await secretary.sheets.submit.mutate({ ...sheet, clientId: "log-scenario-0001" });
    // A refused call whose input carries an ID number.
    await expect(secretary.sheets.submit.mutate({ ...sheet, termCode: "1999-2000-9", clientId: "log-scenario-0002" })).rejects.toThrow();
    const registrarSession = await client().auth.signIn.mutate({ username: "registrar", password: PASSWORD });
    await client(registrarSession.token).sheets.review.mutate({ submissionId: receipt.submissionId, decision: "accept" });
    await expect(client().auth.signIn.mutate({ username: "registrar", password: `${PASSWORD}!` })).rejects.toThrow();

    const text = log.join("");
    const lines = text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const requests = lines.filter((l) => l.msg === "request");
    expect(requests.map((l) => l.procedure)).toEqual([
      "auth.signIn",
      "sheets.validate",
      "sheets.submit",
      "sheets.submit",
      "auth.signIn",
      "sheets.review",
      "auth.signIn",
    ]);
    expect(requests[2]).toMatchObject({
      status: 200,
      outcome: "ok",
      userId: expect.any(Number),
      requestId: expect.stringMatching(/^[0-9a-f]{12}$/),
    });
    expect(requests[3]).toMatchObject({ status: 400, outcome: expect.stringMatching(/input\.invalid|term\.unknown/) });
    expect(requests[6]).toMatchObject({ status: 401, outcome: "auth.invalid-credentials", userId: null });
    expect(typeof requests[0]?.durationMs).toBe("number");

    expect(ids.length).toBe(6);
    for (const secret of [PASSWORD, secretarySession.token, registrarSession.token, ...ids.map((s) => s.idNumber)]) {
      expect(secret && text.includes(secret), `the log holds ${secret}`).toBe(false);
    }
  });

  it("says the database answers and the migrations are current, and 503 when they are not", async () => {
    const res = await fetch(`${base}/api/health`);
    expect(res.status).toBe(200);
    const health = (await res.json()) as { ok: boolean; migrations: { expected: number; applied: number; current: boolean } };
    expect(health).toMatchObject({ ok: true, db: engine, database: true, migrations: { current: true } });
    expect(health.migrations.applied).toBe(health.migrations.expected);

    const behind = await openTestDatabase(engine);
    await behind.db.execute(
      sql`delete from drizzle.__drizzle_migrations where created_at = (select max(created_at) from drizzle.__drizzle_migrations)`,
    );
    const server = createHttpServer(behind);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/health`;
    const stale = await fetch(url);
    expect(stale.status).toBe(503);
    expect(await stale.json()).toMatchObject({ ok: false, database: true, migrations: { current: false } });
    await behind.close();
    const down = await fetch(url);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ ok: false, database: false });
    server.close();
  });

  it("serves Prometheus metrics: calls and durations by procedure, errors, submissions and rows", async () => {
    const res = await fetch(`${base}/api/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toContain('xueji_trpc_calls_total{procedure="sheets.submit",outcome="ok"} 1');
    expect(text).toContain('xueji_trpc_calls_total{procedure="auth.signIn",outcome="ok"} 2');
    expect(text).toContain('xueji_errors_total{code="auth.invalid-credentials"} 1');
    expect(text).toMatch(/xueji_trpc_call_duration_seconds_count\{procedure="sheets.review"\} 1/);
    expect(text).toContain('xueji_sheet_submissions{kind="roster-returning",state="accepted"} 1');
    expect(text).toContain('xueji_sheet_rows{with="any"} 6');
  });
});
