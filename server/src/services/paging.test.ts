import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, type World } from "../../test/world";
import { TEST_ENGINES } from "../db/test-database";
import type { Page } from "./paging";

/** Follows `nextCursor` to the end, collecting every item and the size of each page. */
async function everyPage<T>(fetch: (cursor: string | undefined) => Promise<Page<T>>) {
  const items: T[] = [];
  const sizes: number[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 100; i++) {
    const page = await fetch(cursor);
    items.push(...page.items);
    sizes.push(page.items.length);
    if (page.nextCursor === null) return { items, sizes };
    cursor = page.nextCursor;
  }
  throw new Error("more than 100 pages");
}

describe.each(TEST_ENGINES)("one cursor pagination for every list on %s", (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(engine);
    await w.insertStudents(
      Array.from({ length: 7 }, (_, i) => ({
        studentNo: `202501000${i}`,
        name: `学生${i}`,
        collegeId: w.collegeA,
        majorId: w.majorA,
        grade: 2025,
      })),
    );
    const secretary = await w.as("secretary-a");
    for (let i = 0; i < 5; i++) {
      const app = await secretary.applications.file({ studentNo: `202501000${i}`, type: "suspension", reasonCode: "99", materials: [] });
      // Two of them share a filing instant (a bulk import): the id breaks the tie, nothing repeats or is skipped.
      if (i >= 3) await w.db.execute(sql`update applications set filed_at = '2026-11-20 08:00:00.123456+08' where id = ${app.id}`);
    }
  }, 60_000);
  afterAll(() => w.database.close());

  it("walks students page by page in student-number order, none repeated or skipped", async () => {
    const registrar = await w.as("registrar");
    const { items, sizes } = await everyPage((cursor) => registrar.students.list({ limit: 3, ...(cursor ? { cursor } : {}) }));
    expect(sizes).toEqual([3, 3, 1]);
    expect(items.map((s) => s.studentNo)).toEqual(Array.from({ length: 7 }, (_, i) => `202501000${i}`));
  });

  it.each([
    ["filed", "desc"],
    ["filed", "asc"],
    ["due", "asc"],
    ["due", "desc"],
  ] as const)("walks applications sorted by %s %s, ties and missing due dates included", async (sort, direction) => {
    const registrar = await w.as("registrar");
    const all = (await registrar.applications.list({ sort, direction, limit: 200 })).items.map((a) => a.id);
    expect(all).toHaveLength(5);
    const { items } = await everyPage((cursor) =>
      registrar.applications.list({ sort, direction, limit: 2, ...(cursor ? { cursor } : {}) }),
    );
    expect(items.map((a) => a.id)).toEqual(all);
  });

  it("refuses a tampered cursor, or one of another list, as a localised input.invalid — never a 500", async () => {
    const registrar = await w.as("registrar");
    const { nextCursor } = await registrar.students.list({ limit: 2 });
    const forged = Buffer.from(JSON.stringify({ s: "applications/filed/desc", k: ["not a date", "1"] })).toString("base64url");
    for (const cursor of ["!!!", "e30", nextCursor as string, forged]) {
      const error = await registrar.applications.list({ cursor }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect(error).toMatchObject({ code: "BAD_REQUEST", cause: { code: "input.invalid", params: { problem: "cursor" } } });
    }
    const http = await w.serve();
    try {
      const input = encodeURIComponent(JSON.stringify({ cursor: forged }));
      const response = await fetch(`${http.base}/api/trpc/applications.list?input=${input}`, {
        headers: { authorization: `Bearer ${w.tokens.get("registrar")}`, "accept-language": "en" },
      });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { message: string; data: { appCode: string } } };
      expect(body.error.data.appCode).toBe("input.invalid");
      // The message, then the request id a secretary can quote on the phone.
      expect(body.error.message).toMatch(
        /^The request is not valid: the page cursor is not valid; reload from the first page\. \(request id [0-9a-f]{12}\)$/,
      );
    } finally {
      http.close();
    }
  });

  it("walks my work, student search and the audit search with the same opaque cursor, ties included", async () => {
    // Two applications share a due date and three have none (drafts sort last): every item on the sort key ties
    // with another, so only the id keeps pages apart.
    const [a, b] = (await (await w.as("registrar")).applications.list({ sort: "filed", direction: "asc", limit: 2 })).items;
    await w.db.execute(sql`update applications set due_on = '2026-12-01' where id in (${a?.id}, ${b?.id})`);
    const secretary = await w.as("secretary-a");
    const work = await everyPage((cursor) => secretary.insights.myWork({ limit: 2, ...(cursor ? { cursor } : {}) }));
    expect(work.sizes).toEqual([2, 2, 1]);
    expect(work.items.map((i) => i.id)).toEqual((await secretary.insights.myWork({ limit: 200 })).items.map((i) => i.id));
    expect(new Set(work.items.map((i) => i.id)).size).toBe(5);
    expect(work.items.slice(0, 2).map((i) => i.dueOn)).toEqual(["2026-12-01", "2026-12-01"]);

    const registrar = await w.as("registrar");
    const found = await everyPage((cursor) =>
      registrar.studentSearch.search({ query: "2025010", limit: 3, ...(cursor ? { cursor } : {}) }),
    );
    expect(found.sizes).toEqual([3, 3, 1]);
    expect(found.items.map((s) => s.studentNo)).toEqual(Array.from({ length: 7 }, (_, i) => `202501000${i}`));

    const admin = await w.as("admin");
    const all = (await admin.auditLog.search({ limit: 200 })).items.map((e) => e.id);
    const events = await everyPage((cursor) => admin.auditLog.search({ limit: 2, ...(cursor ? { cursor } : {}) }));
    expect(events.items.map((e) => e.id)).toEqual(all);
    expect(new Set(all).size).toBe(all.length);
  });

  it("refuses a tampered cursor on my work, student search and the audit search as a localised input.invalid", async () => {
    const { nextCursor } = await (await w.as("registrar")).students.list({ limit: 2 });
    const forged = Buffer.from(JSON.stringify({ s: "my-work/due", k: ["2026-02-30", "1"] })).toString("base64url");
    const calls = [
      async (cursor: string) => (await w.as("secretary-a")).insights.myWork({ cursor }),
      async (cursor: string) => (await w.as("registrar")).studentSearch.search({ query: "2025", cursor }),
      async (cursor: string) => (await w.as("admin")).auditLog.search({ cursor }),
    ];
    for (const call of calls) {
      for (const cursor of ["!!!", "e30", "12", nextCursor as string, forged]) {
        const error = await call(cursor).catch((e: unknown) => e);
        expect(error, cursor).toMatchObject({ code: "BAD_REQUEST", cause: { code: "input.invalid", params: { problem: "cursor" } } });
      }
    }
  });

  it("pages the audit log and the users the same way", async () => {
    const admin = await w.as("admin");
    const events = await everyPage((cursor) => admin.auditLog.list({ limit: 2, ...(cursor ? { cursor } : {}) }));
    expect(events.items.length).toBeGreaterThanOrEqual(5);
    expect(events.items.map((e) => e.id)).toEqual([...events.items.map((e) => e.id)].sort((a, b) => b - a));
    const users = await everyPage((cursor) => admin.users.list({ limit: 3, ...(cursor ? { cursor } : {}) }));
    expect(users.items.map((u) => u.username)).toContain("secretary-b");
    expect(users.sizes).toEqual([3, 3, 2]);
  });
});
