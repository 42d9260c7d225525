// @vitest-environment node
import { mkdirSync } from "node:fs";
import { addDays, FIXED_STAGES } from "@xueji/shared";
import { and, eq, inArray, isNull, notInArray, sql } from "drizzle-orm";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { applications, colleges, notificationOutbox } from "../../server/src/db/schema";
import { DEMO_PASSWORD } from "../../server/src/demo/seed-demo";
import { overdue } from "../../server/src/services/applications/overdue";
import { saveChannel } from "../../server/src/services/notifications/channels";
import { deliverOutbox } from "../../server/src/services/notifications/deliver-outbox";
import { queueDigests } from "../../server/src/services/notifications/queue-digests";
import { type CasResponder, startCasResponder } from "../../server/test/cas-responder";
import { startRobot } from "../../server/test/notify-receivers";
import { describeInChromium, openChromium, releaseChromium, settled } from "../../test/chromium";
import { serveDashboard } from "./serve-dashboard";

const SHOTS = "/tmp/shots-reminders";
/** 企业微信's browser on a small phone. */
const PHONE = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

// An approver follows her digest's link on a phone, through the campus sign-on (CAS), to the application, whose
// decision form fits 375 px and records her decision; the registrar's 催办 on an overdue one (on its page and in
// the list) reaches the college's robot; the 通知 page lists it.
describeInChromium("reminders on a phone, in Chromium against the demo", () => {
  let served: Awaited<ReturnType<typeof serveDashboard>>;
  let browser: Browser;
  let robot: Awaited<ReturnType<typeof startRobot>>;
  let cas: CasResponder;
  /** Made overdue: at the college leader's stage, the digest's; awaiting a decision, the detail page's 催办's and the list's. */
  let late: { id: number; collegeId: number; code: string };
  let urgedOnPage: number;
  let urgedInList: number;
  const publicUrl = process.env.XUEJI_PUBLIC_URL;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    cas = await startCasResponder();
    served = await serveDashboard({ signOn: { passwords: "all", cas: { url: cas.url, version: 3 } } });
    // The links in the messages point at this server (the server reads its public address from the environment).
    process.env.XUEJI_PUBLIC_URL = served.base;
    browser = await openChromium(chromium);
    robot = await startRobot("wecom");
    // Deciding stages (not the secretary's draft, not 公示 and after), the college leader's first.
    const rows = await served.db
      .select({ id: applications.id, collegeId: applications.collegeId, code: colleges.code, stage: applications.stage })
      .from(applications)
      .innerJoin(colleges, eq(colleges.id, applications.collegeId))
      .where(
        and(eq(applications.state, "open"), isNull(applications.executedOn), notInArray(applications.stage, Object.values(FIXED_STAGES))),
      )
      .orderBy(sql`${applications.stage} = 'college' desc`, applications.id)
      .limit(3);
    const [row, onPage, inList] = rows;
    if (row?.stage !== "college" || !onPage || !inList) throw new Error("the demo has too few applications awaiting a decision");
    late = row;
    urgedOnPage = onPage.id;
    urgedInList = inList.id;
    // The demo keeps every open deadline ahead of today (its story is coherent with the date): these have
    // run out, as they do when a college sits on them.
    await served.db
      .update(applications)
      .set({ dueOn: addDays(served.today, -3) })
      .where(inArray(applications.id, [late.id, urgedOnPage, urgedInList]));
    expect(await served.db.select({ id: applications.id }).from(applications).where(overdue(served.today))).not.toEqual([]);
    // The colleges' groups and the registrar office's, all one robot here.
    for (const collegeId of new Set([...rows.map((r) => r.collegeId), null]))
      await saveChannel(
        served.db,
        { userId: null, role: null, requestId: "e2e" },
        { collegeId, kind: "wecom", enabled: true, config: {}, secrets: { webhookUrl: { value: robot.url } } },
      );
  }, 240_000);
  afterAll(async () => {
    if (publicUrl === undefined) delete process.env.XUEJI_PUBLIC_URL;
    else process.env.XUEJI_PUBLIC_URL = publicUrl;
    await releaseChromium(browser);
    await robot?.close();
    await cas?.close();
    await served?.close();
  });

  async function signIn(page: Page, username: string) {
    await page.getByLabel("用户名").fill(username);
    // The password field by name: the campus sign-on's divider also speaks of 密码.
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录", exact: true }).click();
  }
  const noSidewaysScroll = (page: Page) => page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
  /** What sticks out past the phone's edge (the innermost elements), for the failure message. */
  const stickingOut = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll("body *")]
        .filter((e) => e.getBoundingClientRect().right > 376 && ![...e.children].some((c) => c.getBoundingClientRect().right > 376))
        .slice(0, 8)
        .map(
          (e) =>
            `${e.tagName}.${e.className.toString().slice(0, 40)} ${Math.round(e.getBoundingClientRect().right)} "${(e.textContent ?? "").slice(0, 30)}"`,
        )
        .join("\n"),
    );

  it("the college leader follows her digest's link on a phone, signs on through CAS and decides the application there", async () => {
    // The day's digest, on the next working day (it is not sent on a weekend or holiday), delivered to the robot.
    let day = new Date();
    for (let tries = 0; tries < 15 && (await queueDigests(served.db, day)).queued === 0; tries++)
      day = new Date(day.getTime() + 86_400_000);
    expect((await deliverOutbox(served.db, day)).sent).toBeGreaterThan(0);
    const digest = robot.texts().find((text) => text.includes(`/applications/${late.id})`)) ?? "";
    expect(digest).toContain("待办提醒");
    const link = new RegExp(`\\]\\((\\S+/applications/${late.id})\\)`).exec(digest)?.[1];
    expect(link).toBe(`${served.base}/applications/${late.id}`);

    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(link as string);
    // Not signed in: the sign-in page, whose campus sign-on comes back to this very application.
    await page.getByRole("link", { name: "统一身份认证登录" }).click();
    await page.getByLabel("工号").fill(`leader-${late.code}`);
    await page.getByLabel("密码").fill("campus password");
    await page.getByRole("button", { name: "登录" }).click();
    const advance = page.getByRole("button", { name: "通过" });
    await advance.waitFor();
    expect(new URL(page.url()).pathname).toBe(`/applications/${late.id}`);
    await settled(page);
    await page.screenshot({ path: `${SHOTS}/detail-375.png`, fullPage: true });
    expect(await noSidewaysScroll(page), await stickingOut(page)).toBeLessThanOrEqual(375);
    const box = await advance.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 375).toBe(true);

    await page.getByLabel("意见", { exact: true }).fill("同意");
    await advance.click();
    await page.getByText(/^已处理，现处于“.+”。$/).waitFor();
    await settled(page);
    await page.screenshot({ path: `${SHOTS}/decided-375.png`, fullPage: true });
    expect(await noSidewaysScroll(page), await stickingOut(page)).toBeLessThanOrEqual(375);
    const [decided] = await served.db.select({ stage: applications.stage }).from(applications).where(eq(applications.id, late.id));
    expect(decided?.stage).not.toBe("college");
    await context.close();
  }, 180_000);

  it("the registrar's 催办 at 375 px reaches the college's 企业微信 group once, and the 通知 page lists it", async () => {
    const before = robot.received.length;
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${served.base}/applications/${urgedOnPage}`);
    await signIn(page, "registrar");
    await page.getByTestId("urge").click();
    await page.getByTestId("urge-result").waitFor();
    expect(await page.getByTestId("urge-result").textContent()).toContain("已提醒");
    expect(robot.received).toHaveLength(before + 1);
    expect(robot.texts().at(-1)).toContain("催办");
    await settled(page);
    await page.screenshot({ path: `${SHOTS}/urge-375.png` });
    expect(await noSidewaysScroll(page), await stickingOut(page)).toBeLessThanOrEqual(375);
    await context.close();

    const desk = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // From the settings page, which says where the channels and the campus sign-on are set.
    await desk.goto(`${served.base}/settings`);
    await signIn(desk, "registrar-leader");
    const elsewhere = desk.getByTestId("settings-elsewhere");
    await elsewhere.getByText("统一身份认证：CAS；密码登录：所有人。").waitFor();
    // Who sets it, in a leader's words: the server's variables are the administrator's business.
    expect(await elsewhere.textContent()).toContain("由系统管理员设置。");
    expect(await elsewhere.textContent()).not.toContain("XUEJI_");
    await elsewhere.getByRole("link", { name: /提醒渠道/ }).click();
    await desk.getByTestId("outbox-sent").first().waitFor();
    expect(new URL(desk.url()).pathname).toBe("/notifications");
    const [sent] = await served.db
      .select()
      .from(notificationOutbox)
      .where(and(eq(notificationOutbox.state, "sent"), eq(notificationOutbox.event, "urge")));
    expect(await desk.getByTestId("outbox-sent").first().textContent()).toContain(sent?.title ?? "—");
    // The channel's address is write-only: 已设置 — 留空则不变, never the URL.
    expect(await desk.content()).not.toContain(robot.url);
    await desk.getByRole("button", { name: "修改", exact: true }).first().click();
    await desk.getByTestId("channel-webhookUrl-state").waitFor();
    expect(await desk.getByTestId("channel-webhookUrl-state").textContent()).toBe("已设置 — 留空则不变");
    expect(await desk.getByTestId("channel-webhookUrl").inputValue()).toBe("");
    await settled(desk);
    await desk.screenshot({ path: `${SHOTS}/channel-dialog.png` });
    await desk.keyboard.press("Escape");
    await settled(desk);
    await desk.screenshot({ path: `${SHOTS}/notifications.png`, fullPage: true });
    await desk.close();
  }, 120_000);

  it("the registrar's 催办 from the list of overdue applications: one reminder, said above the list, the row not opened", async () => {
    const before = robot.received.length;
    const desk = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await desk.goto(`${served.base}/applications?overdue=true`);
    await signIn(desk, "registrar");
    const button = desk.getByTestId(`urge-${urgedInList}`);
    await button.waitFor();
    await button.click();
    const said = desk.getByTestId("urge-result");
    await said.waitFor();
    expect(await said.textContent()).toMatch(new RegExp(`^${urgedInList} 号申请（.+）：已提醒 .+`));
    expect(await said.getAttribute("data-intent")).toBe("success");
    const background = () => said.evaluate((e) => getComputedStyle(e).backgroundColor);
    const sentColour = await background();
    expect(new URL(desk.url()).pathname).toBe("/applications");
    expect(robot.received).toHaveLength(before + 1);
    expect(robot.texts().at(-1)).toContain("催办");
    // A second click within the hour sends nothing new, and says so.
    await button.click();
    await desk.getByText("一小时内已催办过，未重复发送。", { exact: false }).waitFor();
    expect(robot.received).toHaveLength(before + 1);
    // Nothing was sent: the bar says so as news, not in the colour of a reminder that went out.
    expect(await said.getAttribute("data-intent")).toBe("info");
    expect(await background()).not.toBe(sentColour);
    await settled(desk);
    await desk.screenshot({ path: `${SHOTS}/urge-list.png` });
    await desk.close();
  }, 120_000);
});
