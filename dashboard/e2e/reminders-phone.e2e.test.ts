// @vitest-environment node
import { mkdirSync } from "node:fs";
import { addDays } from "@xueji/shared";
import { eq } from "drizzle-orm";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { todayInChina } from "../../server/src/clock";
import { applications, colleges, notificationOutbox } from "../../server/src/db/schema";
import { DEMO_PASSWORD } from "../../server/src/demo/seed-demo";
import { overdue } from "../../server/src/services/applications/overdue";
import { saveChannel } from "../../server/src/services/notifications/channels";
import { startRobot } from "../../server/test/notify-receivers";
import { CHROMIUM, describeInChromium, settled } from "../../test/chromium";
import { serveDashboard } from "./serve-dashboard";

const SHOTS = "/tmp/shots-reminders";
/** 企业微信's browser on a small phone. */
const PHONE = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

// An approver follows a reminder's link on a phone: the application and its decision form fit 375 px, and the
// registrar's 催办 on an overdue one reaches the college's robot; the 通知 page lists it.
describeInChromium("reminders on a phone, in Chromium against the demo", () => {
  let served: Awaited<ReturnType<typeof serveDashboard>>;
  let browser: Browser;
  let robot: Awaited<ReturnType<typeof startRobot>>;
  let late: { id: number; collegeId: number; code: string };
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    served = await serveDashboard();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
    robot = await startRobot("wecom");
    const [row] = await served.db
      .select({ id: applications.id, collegeId: applications.collegeId, code: colleges.code })
      .from(applications)
      .innerJoin(colleges, eq(colleges.id, applications.collegeId))
      .where(eq(applications.stage, "college"))
      .orderBy(applications.id)
      .limit(1);
    if (!row) throw new Error("the demo has no application at the college leader's stage");
    // The demo keeps every open deadline ahead of today (its story is coherent with the date): this one has
    // run out, as one does when a college sits on it.
    await served.db
      .update(applications)
      .set({ dueOn: addDays(todayInChina(), -3) })
      .where(eq(applications.id, row.id));
    expect(await served.db.select({ id: applications.id }).from(applications).where(overdue(todayInChina()))).not.toEqual([]);
    late = row;
    await saveChannel(
      served.db,
      { userId: null, role: null, requestId: "e2e" },
      { collegeId: late.collegeId, kind: "wecom", enabled: true, config: {}, secrets: { webhookUrl: { value: robot.url } } },
    );
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await robot?.close();
    await served?.close();
  });

  async function signIn(page: Page, username: string) {
    await page.getByLabel("用户名").fill(username);
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录" }).click();
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

  it("the college leader opens the application at 375 px and decides it there", async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${served.base}/applications/${late.id}`);
    await signIn(page, `leader-${late.code}`);
    const advance = page.getByRole("button", { name: "通过" });
    await advance.waitFor();
    await settled(page);
    await page.screenshot({ path: `${SHOTS}/detail-375.png`, fullPage: true });
    expect(await noSidewaysScroll(page), await stickingOut(page)).toBeLessThanOrEqual(375);
    const box = await advance.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 375).toBe(true);
    await page.screenshot({ path: `${SHOTS}/detail-375.png`, fullPage: true });
    await context.close();
  }, 120_000);

  it("the registrar's 催办 at 375 px reaches the college's 企业微信 group once, and the 通知 page lists it", async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${served.base}/applications/${late.id}`);
    await signIn(page, "registrar");
    await page.getByTestId("urge").click();
    await page.getByTestId("urge-result").waitFor();
    expect(await page.getByTestId("urge-result").textContent()).toContain("已提醒");
    expect(robot.received).toHaveLength(1);
    expect(robot.texts()[0]).toContain("催办");
    await settled(page);
    await page.screenshot({ path: `${SHOTS}/urge-375.png` });
    expect(await noSidewaysScroll(page), await stickingOut(page)).toBeLessThanOrEqual(375);
    await context.close();

    const desk = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await desk.goto(`${served.base}/notifications`);
    await signIn(desk, "registrar-leader");
    await desk.getByTestId("outbox-sent").first().waitFor();
    const [sent] = await served.db.select().from(notificationOutbox).where(eq(notificationOutbox.state, "sent"));
    expect(await desk.getByTestId("outbox-sent").first().textContent()).toContain(sent?.title ?? "—");
    // The channel's address is write-only: 已设置, never the URL.
    expect(await desk.content()).not.toContain(robot.url);
    await desk.getByRole("button", { name: "修改", exact: true }).first().click();
    await desk.getByTestId("channel-webhookUrl-state").waitFor();
    expect(await desk.getByTestId("channel-webhookUrl-state").textContent()).toBe("已设置");
    await settled(desk);
    await desk.screenshot({ path: `${SHOTS}/channel-dialog.png` });
    await desk.keyboard.press("Escape");
    await settled(desk);
    await desk.screenshot({ path: `${SHOTS}/notifications.png`, fullPage: true });
    await desk.close();
  }, 120_000);
});
