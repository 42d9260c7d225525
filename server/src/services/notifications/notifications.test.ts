import { DEFAULT_WORKFLOWS, type Material, requiredMaterials } from "@xueji/shared";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { gridOf } from "../../../test/grid";
import { startRobot, startSmtp } from "../../../test/notify-receivers";
import { makeWorld, TODAY, type World } from "../../../test/world";
import { notificationChannels, notificationOutbox, students } from "../../db/schema";
import { TEST_ENGINES } from "../../db/test-database";
import { DeliveryError, send } from "./channel-senders";
import { claim, deliverOutbox, LEASE_MS, MAX_ATTEMPTS, MAX_TAKEOVERS } from "./deliver-outbox";
import { enqueue } from "./enqueue";
import { queueDigests } from "./queue-digests";
import { scanLateColleges } from "./scan-late-colleges";
import { hasPersonalNumber, scrubPersonalNumbers } from "./scrub";

const ID_NUMBER = "110101200001011234";
const PHONE = "13812345678";
/** Noon in China on the test world's today: when digests and the lateness scan run. */
const NOON = new Date(`${TODAY}T04:00:00Z`);
/**
 * Deliveries run on a clock after the real one: a message an event queues (a returned sheet) is due from the
 * moment it was written. Each test delivers in its own hour, so one test's sends do not count in another's minute.
 */
let T0 = Date.now() + 60_000;
const later = (ms: number) => new Date(T0 + ms);
const HOUR = 3600_000;

describe("scrubPersonalNumbers", () => {
  it("takes out ID numbers (18 and 15 digits), mobile and landline numbers, and keeps dates and short numbers", () => {
    const text = `原因：身份证 ${ID_NUMBER} 与 11010119900101123X 及 110101900101123 不符，电话 ${PHONE}、+86 139-1234-5678、010-62751234。2026-11-23 第 3 行`;
    const out = scrubPersonalNumbers(text);
    for (const n of [ID_NUMBER, "11010119900101123X", "110101900101123", PHONE, "139-1234-5678", "62751234"]) expect(out).not.toContain(n);
    expect(out).toContain("2026-11-23 第 3 行");
    expect(hasPersonalNumber(out)).toBe(false);
    expect(hasPersonalNumber(text)).toBe(true);
  });
});

describe.each(TEST_ENGINES)("reminders through the outbox (%s)", (engine) => {
  let w: World;
  let wecomA: Awaited<ReturnType<typeof startRobot>>;
  let dingtalkRegistrar: Awaited<ReturnType<typeof startRobot>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const SIGN_SECRET = "SEC0123456789abcdef";
  let applicationId = 0;

  beforeAll(async () => {
    w = await makeWorld(engine);
    T0 = Date.now() + 5 * 60_000;
    await w.insertStudents([
      { studentNo: "2025010001", name: "张三", collegeId: w.collegeA, majorId: w.majorA, grade: 2025, idNumber: ID_NUMBER },
    ]);
    wecomA = await startRobot("wecom");
    dingtalkRegistrar = await startRobot("dingtalk", SIGN_SECRET);
    smtp = await startSmtp("xueji", "mail-pass");
    const admin = await w.as("admin");
    await admin.notifications.saveChannel({
      collegeId: w.collegeA,
      kind: "wecom",
      enabled: true,
      config: {},
      secrets: { webhookUrl: { value: wecomA.url } },
    });
    await admin.notifications.saveChannel({
      collegeId: null,
      kind: "dingtalk",
      enabled: true,
      config: {},
      secrets: { webhookUrl: { value: dingtalkRegistrar.url }, signSecret: { value: SIGN_SECRET } },
    });
  }, 120_000);
  afterAll(async () => {
    await Promise.all([wecomA.close(), dingtalkRegistrar.close(), smtp.close()]);
    await w.database.close();
  });
  // A file's variables end with its test: the next file in this worker starts from the environment as it was.
  afterEach(() => vi.unstubAllEnvs());

  it("stores secrets sealed and never shows them back", async () => {
    const channels = await (await w.as("registrar")).notifications.channels();
    const shown = JSON.stringify(channels);
    expect(shown).not.toContain("test-key");
    expect(shown).not.toContain(SIGN_SECRET);
    expect(channels.find((c) => c.kind === "dingtalk")?.secrets).toEqual({ webhookUrl: { state: "set" }, signSecret: { state: "set" } });
    const stored = JSON.stringify(await w.db.select().from(notificationChannels));
    expect(stored).not.toContain("test-key");
    expect(stored).not.toContain(SIGN_SECRET);
  });

  it("a returned sheet reaches its secretary's college group with the reason, once, with no ID or phone number", async () => {
    const header = ["学号", "姓名", "注册状态"];
    const { submissionId } = await (await w.as("secretary-a")).sheets.submit({
      clientId: "notify-000001",
      termCode: "2025-2026-1",
      grid: gridOf([header, ["2025010001", "张三", "已注册"]]),
    });
    await (await w.as("registrar")).sheets.review({
      submissionId,
      decision: "reject",
      reason: `张三身份证号 ${ID_NUMBER} 与学籍不符，请联系 ${PHONE} 核对`,
    });
    const [queued] = await w.db.select().from(notificationOutbox).where(eq(notificationOutbox.event, "sheet-returned"));
    expect(queued?.state).toBe("pending");
    expect(await deliverOutbox(w.db, later(0))).toMatchObject({ sent: 1, failed: 0 });
    expect(await deliverOutbox(w.db, later(60_000))).toMatchObject({ sent: 0 });
    const texts = wecomA.texts();
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain("secretary-a老师");
    expect(texts[0]).toContain("与学籍不符");
    expect(texts[0]).toContain("/sheets?termCode=2025-2026-1");
    expect(hasPersonalNumber(texts[0] as string)).toBe(false);
    wecomA.nextMinute();
  });

  it("an application returned to the college tells its filer, and the digest lists what waits with the days left", async () => {
    const secretary = await w.as("secretary-a", "2026-11-02");
    const materials = requiredMaterials(DEFAULT_WORKFLOWS.suspension, "99") as Material[];
    const filed = await secretary.applications.file({
      studentNo: "2025010001",
      type: "suspension",
      reasonCode: "99",
      materials,
      periodStartsOn: "2026-12-01",
      periodEndsOn: "2027-11-30",
    });
    applicationId = filed.id;
    const submitted = await secretary.applications.submit({ applicationId, expectedVersion: filed.version });
    // Returned by the college leader, then sent again: the leader's item stays overdue (due long before TODAY).
    const returned = await (await w.as("leader-a", "2026-11-03")).applications.decide({
      applicationId,
      expectedVersion: submitted.version,
      action: "return",
      opinion: "请补充家长签字",
      returnTo: "college",
    });
    await secretary.applications.submit({ applicationId, expectedVersion: returned.version });
    await deliverOutbox(w.db, later(HOUR));
    const decided = wecomA.texts().find((t) => t.includes("已退回"));
    expect(decided).toContain("张三的休学申请已退回");
    expect(decided).toContain("请补充家长签字");
    expect(decided).toContain(`/applications/${applicationId}`);

    const before = wecomA.received.length;
    expect((await queueDigests(w.db, NOON)).queued).toBeGreaterThan(0);
    expect((await queueDigests(w.db, new Date(NOON.getTime() + HOUR))).queued).toBe(0); // once a day
    await deliverOutbox(w.db, later(2 * HOUR));
    const digest = wecomA
      .texts()
      .slice(before)
      .find((t) => t.includes("待办提醒"));
    expect(digest).toContain("leader-a老师");
    expect(digest).toMatch(/已逾期 \d+ 个工作日/);
    expect(digest).toContain(`/applications/${applicationId}`);
    for (const t of wecomA.texts()) expect(hasPersonalNumber(t)).toBe(false);
    wecomA.nextMinute();
  });

  it("催办 on an overdue application reminds the college leader now, once an hour, and the 钉钉 robot checks the signature", async () => {
    const registrar = await w.as("registrar");
    const before = wecomA.received.length;
    const urged = await registrar.notifications.urge({ applicationId });
    expect(urged, JSON.stringify(await w.db.select().from(notificationOutbox).where(eq(notificationOutbox.event, "urge")))).toMatchObject({
      queued: 1,
      sent: 1,
      reminded: ["leader-a"],
    });
    expect(wecomA.received.length).toBe(before + 1);
    expect(wecomA.texts().at(-1)).toMatch(/催办[\s\S]*已逾期 \d+ 个工作日/);
    expect(await registrar.notifications.urge({ applicationId })).toMatchObject({ queued: 0, already: true });
    await expect((await w.as("secretary-a")).notifications.urge({ applicationId })).rejects.toThrow();

    // Late colleges go to the registrar office's 钉钉 group, signed.
    const late = await scanLateColleges(w.db, NOON);
    expect(late.queued).toBeGreaterThan(0);
    expect((await scanLateColleges(w.db, new Date(NOON.getTime() + 24 * HOUR))).queued).toBe(0);
    await deliverOutbox(w.db, later(3 * HOUR));
    expect(dingtalkRegistrar.stats().badSignatures).toBe(0);
    expect(dingtalkRegistrar.texts().some((t) => /逾期未报/.test(t))).toBe(true);
    expect(dingtalkRegistrar.received[0]?.query.get("timestamp")).toBe(String(later(3 * HOUR).getTime()));
    dingtalkRegistrar.nextMinute();
  });

  it("a wrong 钉钉 secret is an errcode in an HTTP 200: marked failed with the reason, on the 通知 page", async () => {
    const admin = await w.as("admin");
    const wrong = await startRobot("dingtalk", "the-right-secret");
    const channel = await admin.notifications.saveChannel({
      collegeId: w.collegeB,
      kind: "dingtalk",
      enabled: true,
      config: {},
      secrets: { webhookUrl: { value: wrong.url }, signSecret: { value: "a-wrong-secret" } },
    });
    await w.db.transaction((tx) =>
      enqueue(tx, { collegeId: w.collegeB, recipientUserId: null, event: "urge", title: "测试", lines: ["测试"] }, later(4 * HOUR)),
    );
    expect(await deliverOutbox(w.db, later(4 * HOUR))).toMatchObject({ failed: 1, sent: 0 });
    const page = await (await w.as("registrar")).notifications.outbox({ state: "failed" });
    expect(page.items[0]?.lastError).toContain("310000");
    expect(wrong.received).toHaveLength(0);
    await admin.notifications.saveChannel({
      id: channel.id,
      collegeId: w.collegeB,
      kind: "dingtalk",
      enabled: false,
      config: {},
      secrets: {},
    });
    await wrong.close();
  });

  it("holds a robot to 20 messages a minute, across two delivering processes, and sends each once", async () => {
    wecomA.nextMinute();
    const before = wecomA.received.length;
    const at = later(5 * HOUR);
    await w.db.transaction(async (tx) => {
      for (let i = 0; i < 25; i++)
        await enqueue(tx, { collegeId: w.collegeA, recipientUserId: null, event: "urge", title: `第 ${i} 条`, lines: [`第 ${i} 条`] }, at);
    });
    const [a, b] = await Promise.all([deliverOutbox(w.db, at), deliverOutbox(w.db, at)]);
    expect((a?.sent ?? 0) + (b?.sent ?? 0)).toBe(20);
    expect(wecomA.received.length - before).toBe(20);
    expect(wecomA.stats().refusedForRate).toBe(0);
    wecomA.nextMinute();
    expect(await deliverOutbox(w.db, new Date(at.getTime() + 30_000))).toMatchObject({ sent: 0 }); // the window has not freed
    expect((await deliverOutbox(w.db, new Date(at.getTime() + 61_000))).sent).toBe(5);
    const titles = wecomA.texts().slice(before);
    expect(new Set(titles).size).toBe(25);
  });

  it("counts in a robot's minute only what was sent, not what a process that died had claimed", async () => {
    wecomA.nextMinute();
    const before = wecomA.received.length;
    const at = later(5 * HOUR + 30 * 60_000);
    await w.db.transaction(async (tx) => {
      for (let i = 0; i < 20; i++)
        await enqueue(tx, { collegeId: w.collegeA, recipientUserId: null, event: "urge", title: `认领 ${i}`, lines: [`认领 ${i}`] }, at);
    });
    // A process claims the twenty and dies before sending any: they stay `sending` under its lease.
    expect((await claim(w.db, at, 100, LEASE_MS)).claimed).toHaveLength(20);
    const soon = new Date(at.getTime() + 10_000);
    await w.db.transaction(async (tx) => {
      for (let i = 0; i < 5; i++)
        await enqueue(tx, { collegeId: w.collegeA, recipientUserId: null, event: "urge", title: `随后 ${i}`, lines: [`随后 ${i}`] }, soon);
    });
    // Nothing went to the robot this minute, so the five written since go at once.
    expect(await deliverOutbox(w.db, soon)).toMatchObject({ sent: 5, deferred: 0 });
    // Once the dead claim's lease runs out, the twenty are taken over and sent, each once, within the robot's limit.
    wecomA.nextMinute();
    expect(await deliverOutbox(w.db, new Date(at.getTime() + LEASE_MS + 1000))).toMatchObject({ sent: 20 });
    const titles = wecomA.texts().slice(before);
    expect(titles).toHaveLength(25);
    expect(new Set(titles).size).toBe(25);
    expect(wecomA.stats().refusedForRate).toBe(0);
  });

  it("says why a robot could not be reached in the registrar's words first, whatever Node's own text", async () => {
    // Port 9 is one fetch refuses to use at all (the Fetch standard's bad ports).
    const refused = await send({ kind: "wecom", webhookUrl: "http://127.0.0.1:9/robot" }, { title: "t", body: "b" }, new Date()).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(DeliveryError);
    expect((refused as DeliveryError).message).toBe("无法连接：地址中的端口不可用 / the address's port may not be used（bad port）");
  });

  it("a receiver down for a while and back: retried with backoff, delivered exactly once", async () => {
    wecomA.nextMinute();
    const at = later(6 * HOUR);
    await wecomA.down();
    await w.db.transaction((tx) =>
      enqueue(tx, { collegeId: w.collegeA, recipientUserId: null, event: "urge", title: "停机测试", lines: ["停机测试"] }, at),
    );
    expect(await deliverOutbox(w.db, at)).toMatchObject({ retrying: 1 });
    const [row] = await w.db.select().from(notificationOutbox).where(eq(notificationOutbox.title, "停机测试"));
    expect(row?.state).toBe("pending");
    // A receiver gone refuses new connections, or closes the one kept alive from before as it is reused.
    expect(row?.lastError).toMatch(
      /^无法连接：(对方拒绝连接 \/ connection refused（ECONNREFUSED）|连接被对方关闭 \/ .*（UND_ERR_SOCKET）)$/,
    );
    expect(await deliverOutbox(w.db, new Date(at.getTime() + 10_000))).toMatchObject({ sent: 0, retrying: 0 }); // backoff: 30 s
    expect(await deliverOutbox(w.db, new Date(at.getTime() + 31_000))).toMatchObject({ retrying: 1 });
    await wecomA.up();
    expect(await deliverOutbox(w.db, new Date(at.getTime() + 92_000))).toMatchObject({ sent: 1 });
    expect(await deliverOutbox(w.db, new Date(at.getTime() + 600_000))).toMatchObject({ sent: 0 });
    expect(wecomA.texts().filter((t) => t.includes("停机测试"))).toHaveLength(1);
  });

  it("mails through SMTP with its password, read from the environment when so set", async () => {
    const admin = await w.as("admin");
    const channel = await admin.notifications.saveChannel({
      collegeId: w.collegeB,
      kind: "email",
      enabled: true,
      config: { host: "127.0.0.1", port: smtp.port, secure: false, user: "xueji", from: "xueji@example.edu.cn", to: "jwc@example.edu.cn" },
      secrets: { password: { env: "XUEJI_TEST_SMTP_PASSWORD" } },
    });
    expect(channel.secrets.password).toEqual({ state: "env", env: "XUEJI_TEST_SMTP_PASSWORD" });
    vi.stubEnv("XUEJI_TEST_SMTP_PASSWORD", "mail-pass");
    const [student] = await w.db.select().from(students).limit(1);
    await w.db.transaction((tx) =>
      enqueue(
        tx,
        {
          collegeId: w.collegeB,
          recipientUserId: null,
          event: "urge",
          title: "邮件测试",
          lines: [`${student?.name} [打开](http://x/applications/1)`],
        },
        NOON,
      ),
    );
    expect(await deliverOutbox(w.db, later(7 * HOUR))).toMatchObject({ sent: 1 });
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]?.to).toEqual(["jwc@example.edu.cn"]);
  });

  /** `times` processes in turn claim the message and die (kill -9) before sending it; the clock after the last lease. */
  async function abandon(title: string, from: Date, times: number): Promise<Date> {
    let at = from;
    for (let i = 0; i < times; i++) {
      const { claimed } = await claim(w.db, at, 100, LEASE_MS);
      expect(claimed.map((c) => c.row.title)).toEqual([title]);
      at = new Date(at.getTime() + LEASE_MS + 1000);
    }
    return at;
  }

  it("a message claimed and abandoned by more processes than the attempt limit is still delivered, once, by a live one", async () => {
    wecomA.nextMinute();
    const from = later(8 * HOUR);
    await w.db.transaction((tx) =>
      enqueue(tx, { collegeId: w.collegeA, recipientUserId: null, event: "urge", title: "屡被中断", lines: ["屡被中断"] }, from),
    );
    expect(MAX_TAKEOVERS).toBeGreaterThan(MAX_ATTEMPTS);
    const after = await abandon("屡被中断", from, MAX_TAKEOVERS);
    const [held] = await w.db.select().from(notificationOutbox).where(eq(notificationOutbox.title, "屡被中断"));
    expect(held).toMatchObject({ state: "sending", attempts: 0, takeovers: MAX_TAKEOVERS - 1 });
    // The live process's first try finds the robot down: its first attempt, retried after the backoff, not failed.
    await wecomA.down();
    expect(await deliverOutbox(w.db, after)).toMatchObject({ sent: 0, retrying: 1, failed: 0 });
    await wecomA.up();
    expect(await deliverOutbox(w.db, new Date(after.getTime() + 31_000))).toMatchObject({ sent: 1, failed: 0 });
    const [row] = await w.db.select().from(notificationOutbox).where(eq(notificationOutbox.title, "屡被中断"));
    expect(row).toMatchObject({ state: "sent", attempts: 2, takeovers: MAX_TAKEOVERS });
    expect(wecomA.texts().filter((t) => t.includes("屡被中断"))).toHaveLength(1);
  });

  it("a message whose every process dies is failed after its take-overs run out, never sent, and says why", async () => {
    wecomA.nextMinute();
    const from = later(9 * HOUR);
    await w.db.transaction((tx) =>
      enqueue(tx, { collegeId: w.collegeA, recipientUserId: null, event: "urge", title: "总被中断", lines: ["总被中断"] }, from),
    );
    const after = await abandon("总被中断", from, MAX_TAKEOVERS + 1);
    expect(await deliverOutbox(w.db, after)).toMatchObject({ sent: 0, failed: 1 });
    const [row] = await w.db.select().from(notificationOutbox).where(eq(notificationOutbox.title, "总被中断"));
    expect(row).toMatchObject({ state: "failed", attempts: 0, leaseUntil: null });
    expect(row?.lastError).toContain(`${MAX_TAKEOVERS + 1}`);
    expect(await deliverOutbox(w.db, new Date(after.getTime() + HOUR))).toMatchObject({ sent: 0, failed: 0 });
    expect(wecomA.texts().filter((t) => t.includes("总被中断"))).toHaveLength(0);
  });
});
