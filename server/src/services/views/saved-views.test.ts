import { formatError } from "@xueji/shared";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, type World } from "../../../test/world";
import { savedViews, users } from "../../db/schema";
import { TEST_ENGINES } from "../../db/test-database";
import { DEFAULT_PAGE } from "../paging";
import { MAX_OWN_VIEWS, MAX_SHARED_VIEWS } from "./saved-views";

describe.each(TEST_ENGINES)("saved views of the applications list on %s", (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(engine);
  }, 60_000);
  afterAll(() => w.database.close());

  it("keeps a private view to its owner and shows a shared one to the roles named", async () => {
    const registrar = await w.as("registrar");
    const mine = await registrar.views.save({ page: "applications", name: "逾期休学", state: { type: "suspension", overdue: true } });
    const shared = await registrar.views.save({
      page: "applications",
      name: "待学院审核",
      state: { stage: "college-review", cols: ["id", "name"] },
      sharedWithRoles: ["college-leader"],
    });

    const own = (await registrar.views.list({ page: "applications" })).items;
    expect(own.map((v) => v.name)).toEqual(["待学院审核", "逾期休学"]);
    expect(own.every((v) => v.mine)).toBe(true);
    expect(own.find((v) => v.id === mine.id)?.state).toEqual({ type: "suspension", overdue: true });

    const leader = (await (await w.as("leader-a")).views.list({ page: "applications" })).items;
    expect(leader.map((v) => [v.id, v.mine])).toEqual([[shared.id, false]]);
    const secretary = (await (await w.as("secretary-a")).views.list({ page: "applications" })).items;
    expect(secretary).toEqual([]);
  });

  it("lets only the owner change or delete a view", async () => {
    const registrar = await w.as("registrar");
    const leader = await w.as("registrar-leader");
    const { id } = await registrar.views.save({
      page: "applications",
      name: "全部在办",
      state: { state: "open" },
      sharedWithRoles: ["registrar-leader"],
    });
    await expect(leader.views.save({ id, page: "applications", name: "改名", state: {} })).rejects.toMatchObject({
      message: "view.not-found",
    });
    await expect(leader.views.remove({ id })).rejects.toMatchObject({ message: "view.not-found" });

    await registrar.views.save({
      id,
      page: "applications",
      name: "在办（全部学院）",
      state: { state: "open", sort: "due" },
      sharedWithRoles: [],
    });
    expect((await leader.views.list({ page: "applications" })).items.some((v) => v.id === id)).toBe(false);
    const renamed = (await registrar.views.list({ page: "applications" })).items.find((v) => v.id === id);
    expect(renamed).toMatchObject({ name: "在办（全部学院）", state: { state: "open", sort: "due" }, sharedWithRoles: [] });

    await registrar.views.remove({ id });
    expect((await registrar.views.list({ page: "applications" })).items.some((v) => v.id === id)).toBe(false);
  });

  it("keeps a view's grouping, still loads one saved before grouping existed, and refuses an unknown grouping", async () => {
    const registrar = await w.as("registrar");
    const { id } = await registrar.views.save({ page: "applications", name: "按环节", state: { state: "open", group: "stage" } });
    expect((await registrar.views.list({ page: "applications" })).items.find((v) => v.id === id)?.state).toEqual({
      state: "open",
      group: "stage",
    });

    // A row as the dashboard stored it before grouping: no `group` member.
    const [owner] = await w.database.db.select({ id: users.id }).from(users).where(eq(users.username, "registrar"));
    const [legacy] = await w.database.db
      .insert(savedViews)
      .values({
        page: "applications",
        name: "旧视图",
        state: { type: "suspension", sort: "due" },
        ownerId: owner?.id ?? 0,
        sharedWithRoles: [],
      })
      .returning({ id: savedViews.id });
    const loaded = (await registrar.views.list({ page: "applications" })).items.find((v) => v.id === legacy?.id);
    expect(loaded?.state).toEqual({ type: "suspension", sort: "due" });

    await expect(registrar.views.save({ page: "applications", name: "坏分组", state: { group: "name" as never } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("refuses roles without the applications list", async () => {
    await expect((await w.as("admin")).views.list({ page: "applications" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("holds a user to 50 views of a list and a list to 100 shared views, refused in the reader's words", async () => {
    await w.db.delete(savedViews);
    const registrar = await w.as("registrar");
    const [owner] = await w.db.select({ id: users.id }).from(users).where(eq(users.username, "registrar"));
    await w.db.insert(savedViews).values(
      Array.from({ length: MAX_OWN_VIEWS }, (_, i) => ({
        page: "applications",
        name: `视图${i}`,
        state: {},
        ownerId: owner?.id as number,
      })),
    );
    await expect(registrar.views.save({ page: "applications", name: "再多一个", state: {} })).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { code: "view.too-many", params: { limit: MAX_OWN_VIEWS } },
    });
    expect(formatError("view.too-many", { limit: MAX_OWN_VIEWS })).toContain("最多保存 50 个视图");
    // Changing one of them is still possible.
    const [first] = (await registrar.views.list({ page: "applications" })).items;
    await registrar.views.save({ id: first?.id as number, page: "applications", name: "改名", state: {} });

    await w.db.delete(savedViews);
    const [leader] = await w.db.select({ id: users.id }).from(users).where(eq(users.username, "registrar-leader"));
    await w.db.insert(savedViews).values(
      Array.from({ length: MAX_SHARED_VIEWS }, (_, i) => ({
        page: "applications",
        name: `共享${i}`,
        state: {},
        ownerId: leader?.id as number,
        sharedWithRoles: ["secretary"],
      })),
    );
    const share = { page: "applications" as const, name: "也共享", state: {}, sharedWithRoles: ["secretary" as const] };
    await expect(registrar.views.save(share)).rejects.toMatchObject({
      code: "CONFLICT",
      cause: { code: "view.too-many-shared", params: { limit: MAX_SHARED_VIEWS } },
    });
    // Kept to oneself, it is saved.
    await registrar.views.save({ ...share, sharedWithRoles: [] });
  });

  it("pages the views a reader sees by name with the one opaque cursor, 150 shared and own ones in three pages", async () => {
    await w.db.delete(savedViews);
    const [leader] = await w.db.select({ id: users.id }).from(users).where(eq(users.username, "registrar-leader"));
    const [owner] = await w.db.select({ id: users.id }).from(users).where(eq(users.username, "registrar"));
    await w.db.insert(savedViews).values([
      ...Array.from({ length: 100 }, (_, i) => ({
        page: "applications",
        name: `共享${String(i).padStart(3, "0")}`,
        state: {},
        ownerId: leader?.id as number,
        sharedWithRoles: ["registrar-staff"],
      })),
      ...Array.from({ length: 50 }, (_, i) => ({ page: "applications", name: `自己${i}`, state: {}, ownerId: owner?.id as number })),
    ]);
    const registrar = await w.as("registrar");
    const names: string[] = [];
    const sizes: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await registrar.views.list({ page: "applications", limit: 60, ...(cursor ? { cursor } : {}) });
      names.push(...page.items.map((v) => v.name));
      sizes.push(page.items.length);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(sizes).toEqual([60, 60, 30]);
    expect(new Set(names).size).toBe(150);
    // In the database's order of names, as one page of all of them would be.
    expect(names).toEqual((await registrar.views.list({ page: "applications", limit: 200 })).items.map((v) => v.name));
    // One page by default, never all of them; a cursor from another list is refused.
    const first = await registrar.views.list({ page: "applications" });
    expect(first.items).toHaveLength(DEFAULT_PAGE);
    await expect(
      registrar.views.list({ page: "applications", cursor: Buffer.from('{"s":"other","k":["x","1"]}').toString("base64url") }),
    ).rejects.toMatchObject({ cause: { code: "input.invalid" } });
  });
});
