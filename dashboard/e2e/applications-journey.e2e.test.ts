// @vitest-environment node
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { addDays, DEFAULT_WORKFLOWS, type Role, requiredMaterials } from "@xueji/shared";
import { and, desc, eq, isNotNull, notExists } from "drizzle-orm";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import {
  applicationScans,
  applicationSignOffs,
  applications,
  auditEvents,
  statusChanges,
  students,
  users,
} from "../../server/src/db/schema";
import { decideApplication } from "../../server/src/services/applications/decide-application";
import { fileApplication } from "../../server/src/services/applications/file-application";
import { myWork } from "../../server/src/services/insights/my-work";
import { describeInChromium } from "../../test/chromium";
import { axe } from "./axe";
import { ARTIFACTS, dashboardInChromium } from "./harness";

/** The smallest real PNG (1×1): a scan the server accepts by its bytes. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

/**
 * JOURNEYS.md B4, C, D3: a secretary files a 休学 with its period and the materials the type and reason
 * need (scans uploaded), sends it on (报送); the college leader approves it and the form goes; a paper
 * signature is recorded at its stage; the registrar prints a notice in names and lists decisions for
 * 公示; 逾期 is one thing on every screen.
 */
describeInChromium("the status-change journey, in Chromium against a real server", () => {
  const dashboard = dashboardInChromium({ viewport: { width: 1440, height: 1200 }, acceptDownloads: true });

  async function userOf(role: Role, collegeId?: number) {
    const [row] = await dashboard.db
      .select({ id: users.id, username: users.username, collegeId: users.collegeId })
      .from(users)
      .where(collegeId === undefined ? eq(users.role, role) : and(eq(users.role, role), eq(users.collegeId, collegeId)))
      .orderBy(users.username)
      .limit(1);
    return row as { id: number; username: string; collegeId: number | null };
  }

  /** An enrolled student of the college with no open application, not yet used by another test. */
  const used = new Set<string>();
  async function freeStudent(collegeId: number, status = "enrolled"): Promise<string> {
    const rows = await dashboard.db
      .select({ studentNo: students.studentNo })
      .from(students)
      .where(
        and(
          eq(students.collegeId, collegeId),
          eq(students.status, status),
          notExists(
            dashboard.db
              .select()
              .from(applications)
              .where(and(eq(applications.studentId, students.id), eq(applications.state, "open"))),
          ),
        ),
      )
      .orderBy(students.studentNo)
      .limit(50);
    const free = rows.find((r) => !used.has(r.studentNo))?.studentNo as string;
    used.add(free);
    return free;
  }

  async function fileSuspension(page: Page, studentNo: string, options: { period?: [string, string]; scan?: boolean } = {}) {
    await page.goto(`${dashboard.base}/applications`);
    await page.getByRole("button", { name: "新建异动申请" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("学号").fill(studentNo);
    await dialog.getByRole("combobox", { name: "异动类型" }).click();
    await page.getByRole("option", { name: "休学" }).click();
    await dialog.getByRole("combobox", { name: "原因" }).click();
    await page.getByRole("option", { name: "疾病" }).click();
    if (options.period) {
      await dialog.getByLabel("开始日期").fill(options.period[0]);
      await dialog.getByLabel("结束日期").fill(options.period[1]);
    }
    return dialog;
  }

  it("lets a secretary file a 休学 with its period, every material the type and the reason need and their scans, then send it on (报送)", async () => {
    const secretary = await userOf("secretary");
    const studentNo = await freeStudent(secretary.collegeId as number);
    const page = await dashboard.signIn(secretary.username);
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    const dialog = await fileSuspension(page, studentNo, { period: ["2026-12-07", "2027-07-15"] });

    // The materials 报送 checks: the type's (申请表, 身份证复印件 …) and the reason's (医院诊断证明), all offered.
    const boxes = (await dialog.locator("fieldset label").allTextContents()).map((s) => s.trim());
    expect(boxes).toEqual(["申请表（签字同意）", "本人身份证复印件", "家长身份证复印件", "医院诊断证明"]);
    expect(requiredMaterials(DEFAULT_WORKFLOWS.suspension, "10").length).toBe(4);

    // A scan that is too large, or not a scan, is refused at once, in Chinese.
    await dialog.getByLabel("上传申请表（签字同意）扫描件").setInputFiles({
      name: "申请表.png",
      mimeType: "image/png",
      buffer: Buffer.concat([PNG, Buffer.alloc(3 * 1024 * 1024)]),
    });
    await dialog.getByText("“申请表.png”超过 2 MB，未上传。请压缩或分页后再上传。").waitFor();
    await dialog
      .getByLabel("上传本人身份证复印件扫描件")
      .setInputFiles({ name: "说明.txt", mimeType: "text/plain", buffer: Buffer.from("x") });
    await dialog.getByText("“说明.txt”不是 JPG、PNG 或 PDF 文件，未上传。").waitFor();
    await dialog.getByLabel("上传申请表（签字同意）扫描件").setInputFiles({ name: "申请表.png", mimeType: "image/png", buffer: PNG });
    await dialog.getByText("待上传：申请表.png").waitFor();
    for (const box of await dialog.getByRole("checkbox").all()) await box.check();
    await page.screenshot({ path: join(ARTIFACTS, "journey-file-suspension.png"), fullPage: true });
    expect(await axe(page)).toEqual([]);
    await dialog.getByRole("button", { name: "保存为学院草稿" }).click();
    const filedText = await page.getByText(/已新建申请 #\d+（学院草稿）/).textContent();
    const id = Number(/#(\d+)/.exec(filedText ?? "")?.[1]);
    const [scan] = await dashboard.db.select().from(applicationScans).where(eq(applicationScans.applicationId, id));
    expect(scan).toMatchObject({ material: "application-form", fileName: "申请表.png", scanType: "image/png" });

    await page.goto(`${dashboard.base}/applications/${id}`);
    await page.getByText("2026/12/07 至 2027/07/15").waitFor();
    await page.getByRole("button", { name: "查看 申请表.png" }).waitFor();
    const materials = page.getByRole("list", { name: "材料清单" });
    expect(await materials.getByRole("listitem").count()).toBe(4);
    expect(await materials.getByLabel("缺少").count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, "journey-draft.png"), fullPage: true });
    await page.getByRole("button", { name: "报送" }).click();
    await page.getByText("已处理，现处于“二级学院审核”。").waitFor();
    const [sent] = await dashboard.db.select().from(applications).where(eq(applications.id, id));
    expect(sent).toMatchObject({ stage: "college", periodStartsOn: "2026-12-07", periodEndsOn: "2027-07-15" });
    // Sent on, it is the college leader's: the secretary has no form, only where it waits.
    await page.getByTestId("waiting-for").getByText("当前在“二级学院审核”环节，由二级学院分管院领导处理。").waitFor();
    expect(await page.getByRole("button", { name: "通过" }).count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();

    // C: the college leader approves; the form goes, as the stage is no longer hers — no second 通过 to refuse.
    const leader = await dashboard.signIn((await userOf("college-leader", secretary.collegeId as number)).username, {
      path: `/applications/${id}`,
    });
    await leader.getByRole("radio", { name: "通过" }).waitFor();
    await leader.getByLabel("意见", { exact: true }).fill("同意休学");
    await leader.getByRole("button", { name: "通过" }).click();
    await leader.getByText("已处理，现处于“教务处分管领导审批”。").waitFor();
    await leader.getByText("当前在“教务处分管领导审批”环节，由教务处分管领导处理。").waitFor();
    expect(await leader.getByRole("button", { name: "通过" }).count()).toBe(0);
    await leader.screenshot({ path: join(ARTIFACTS, "journey-leader-approved.png"), fullPage: true });
    expect(await axe(leader)).toEqual([]);
    await leader.close();

    // The registrar is not the registrar leader: at that stage the registrar staff sees no decision form either.
    const registrar = await dashboard.signIn("registrar", { path: `/applications/${id}` });
    await registrar.getByTestId("waiting-for").waitFor();
    expect(await registrar.getByRole("radio", { name: "通过" }).count()).toBe(0);
    await registrar.close();
  }, 180_000);

  it("lets the filer correct, withdraw (撤回) and delete a draft, each in the audit log", async () => {
    const secretary = await userOf("secretary");
    const studentNo = await freeStudent(secretary.collegeId as number);
    const page = await dashboard.signIn(secretary.username);
    const dialog = await fileSuspension(page, studentNo);
    for (const box of await dialog.getByRole("checkbox").all()) await box.check();
    await dialog.getByRole("button", { name: "保存为学院草稿" }).click();
    const id = Number(/#(\d+)/.exec((await page.getByText(/已新建申请 #\d+（学院草稿）/).textContent()) ?? "")?.[1]);
    await page.goto(`${dashboard.base}/applications/${id}`);
    // Without its period a 休学 cannot leave the college.
    await page.getByRole("button", { name: "报送" }).click();
    await page.getByText("请填写起止日期（开始日期和结束日期）。").waitFor();

    await page.getByRole("button", { name: "修改草稿" }).click();
    const edit = page.getByRole("dialog");
    await edit.getByLabel("开始日期").fill("2027-03-01");
    await edit.getByLabel("结束日期").fill("2027-02-01");
    await edit.getByText("开始日期不能晚于结束日期。", { exact: true }).waitFor();
    await edit.getByLabel("结束日期").fill("2027-08-31");
    await edit.getByRole("button", { name: "保存修改" }).click();
    await page.getByText("已保存修改。").waitFor();
    await page.getByText("2027/03/01 至 2027/08/31").waitFor();

    await page.getByRole("button", { name: "报送" }).click();
    await page.getByText("已处理，现处于“二级学院审核”。").waitFor();
    await page.getByRole("button", { name: "撤回到学院草稿" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "撤回到学院草稿" }).click();
    await page.getByText("已撤回到学院草稿。").waitFor();
    expect((await dashboard.db.select().from(applications).where(eq(applications.id, id)))[0]).toMatchObject({
      stage: "draft",
      dueOn: null,
    });

    await page.getByRole("button", { name: "删除草稿" }).click();
    await page.screenshot({ path: join(ARTIFACTS, "journey-delete-draft.png"), fullPage: true });
    await page.getByRole("dialog").getByRole("button", { name: "删除草稿" }).click();
    await page.waitForURL(/\/applications(\?|$)/);
    expect(await dashboard.db.select().from(applications).where(eq(applications.id, id))).toEqual([]);
    const events = await dashboard.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, String(id)))
      .orderBy(auditEvents.id);
    expect(events.map((e) => e.action)).toEqual([
      "application.file",
      "application.edit",
      "application.submit",
      "application.withdraw",
      "application.delete",
    ]);
    await page.close();
  }, 180_000);

  it("has the secretary record an office's paper signature at its stage, with the signed page, shown in the timeline", async () => {
    const secretary = await userOf("secretary");
    const collegeId = secretary.collegeId as number;
    const leader = await userOf("college-leader", collegeId);
    // 保留入学资格 passes 招生就业工作处, an office without an account (seed 004): for a freshman of the demo's 录取名单.
    const studentNo = await freeStudent(collegeId, "admitted");
    const today = dashboard.served.today;
    const actor = (u: typeof secretary, role: Role) => ({ userId: u.id, role, requestId: "e2e", collegeId });
    const filed = await fileApplication(dashboard.db, {
      actor: actor(secretary, "secretary"),
      scopeCollegeId: collegeId,
      studentNo,
      type: "keep-admission",
      reasonCode: "10",
      materials: requiredMaterials(DEFAULT_WORKFLOWS["keep-admission"], "10"),
      today,
    });
    const sent = await decideApplication(dashboard.db, {
      actor: actor(secretary, "secretary"),
      applicationId: filed.id,
      expectedVersion: 1,
      action: "submit",
      today,
    });
    await decideApplication(dashboard.db, {
      actor: actor(leader, "college-leader"),
      applicationId: filed.id,
      expectedVersion: sent.version,
      action: "advance",
      today,
    });

    // The college leader, whose stage it is not, is told who records it.
    const leaderPage = await dashboard.signIn(leader.username, { path: `/applications/${filed.id}` });
    await leaderPage.getByText("“招生就业工作处签署意见”为线下签字环节，由学院教学秘书登记。").waitFor();
    await leaderPage.close();

    const page = await dashboard.signIn(secretary.username, { path: `/applications/${filed.id}` });
    await page.getByRole("heading", { name: "登记线下签字：招生就业工作处签署意见" }).waitFor();
    await page.getByLabel("签字人（部门与姓名，如 学生处 李某）").fill("招生就业处 李某");
    await page.getByLabel("签字页扫描件（可选）").setInputFiles({ name: "签字页.png", mimeType: "image/png", buffer: PNG });
    await page.getByRole("button", { name: "登记签字" }).click();
    await page.getByText("已处理，现处于“教务处学籍中心审核”。").waitFor();
    await page.getByText(/招生就业工作处签署意见：招生就业处 李某 签字（\d{4}\/\d{2}\/\d{2}）/).waitFor();
    await page.getByRole("button", { name: "查看签字页扫描件" }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "journey-sign-off.png"), fullPage: true });
    expect(await axe(page)).toEqual([]);
    const [signed] = await dashboard.db.select().from(applicationSignOffs).where(eq(applicationSignOffs.applicationId, filed.id));
    expect(signed).toMatchObject({ signer: "招生就业处 李某", scanType: "image/png" });
    await page.close();
  }, 180_000);

  it("prints the 学籍异动通知单 with names (在读 → 休学) in a table of fields, never the stored codes", async () => {
    const [executed] = await dashboard.db
      .select({ id: applications.id })
      .from(applications)
      .innerJoin(statusChanges, eq(statusChanges.applicationId, applications.id))
      .where(and(isNotNull(applications.noticeNo), eq(applications.type, "suspension"), eq(statusChanges.field, "status")))
      .orderBy(desc(applications.id))
      .limit(1);
    const page = await dashboard.signIn("registrar", { path: `/applications/${executed?.id}` });
    const notice = page.getByTestId("notice-sheet");
    await notice.waitFor();
    const text = (await notice.textContent()) ?? "";
    expect(text).not.toMatch(/enrolled|suspended|→/);
    const row = notice.getByRole("row", { name: /学籍状态/ });
    expect((await row.getByRole("cell").allTextContents()).map((s) => s.trim())).toEqual(["在读", "休学"]);
    await notice.getByRole("columnheader", { name: "变更前" }).waitFor();
    await page.emulateMedia({ media: "print" });
    await page.screenshot({ path: join(ARTIFACTS, "journey-notice-print.png"), fullPage: true });
    await page.close();
  }, 120_000);

  it("means one thing by 逾期 on the list, the 只看逾期 filter, the heat map and 我的待办, and says its rule", async () => {
    // Whatever the day, one application waiting at the registrar's has let its 办理期限 pass (the demo's own
    // deadlines may or may not have passed on the day the test runs).
    const [registrar] = await dashboard.db.select().from(users).where(eq(users.username, "registrar"));
    const waiting = await myWork(dashboard.db, {
      worker: { role: registrar?.role as Role, collegeId: registrar?.collegeId ?? null },
      today: dashboard.served.today,
      limit: 50,
    });
    const late = waiting.items.find((item) => item.executedOn === null && item.dueOn !== null);
    if (!late) throw new Error("the demo has no application waiting at the registrar's with a 办理期限");
    await dashboard.db
      .update(applications)
      .set({ dueOn: addDays(dashboard.served.today, -3) })
      .where(eq(applications.id, late.id));
    const page = await dashboard.signIn("registrar");
    const overdueIds = async (url: string) => {
      await page.goto(`${dashboard.base}${url}`);
      await page.locator("tbody tr[data-index]").first().or(page.getByText("没有符合条件的学籍异动")).waitFor();
      const rows = await page.locator("tbody tr[data-index]").all();
      const ids: number[] = [];
      for (const row of rows)
        if ((await row.textContent())?.includes("逾期")) ids.push(Number(await row.locator("td").nth(1).textContent()));
      return { ids: ids.sort((a, b) => a - b), rows: rows.length };
    };
    const open = await overdueIds("/applications?state=open&cols=id,studentNo,due");
    const filtered = await overdueIds("/applications?state=open&overdue=true&cols=id,studentNo,due");
    expect(filtered.ids).toContain(late.id);
    expect(filtered.ids.length).toBe(filtered.rows);
    expect(open.ids).toEqual(filtered.ids);
    // Executed at 上报: its 办理期限 has been met, whatever the date.
    const reported = await overdueIds("/applications?state=open&stage=reported&cols=id,studentNo,due");
    const reportedRows = await dashboard.db
      .select()
      .from(applications)
      .where(and(eq(applications.stage, "reported"), eq(applications.state, "open")));
    expect(reportedRows.length).toBeGreaterThan(0);
    expect(reported.ids).toEqual(
      reportedRows.filter((r) => r.deregistrationDueOn && r.deregistrationDueOn < dashboard.served.today).map((r) => r.id),
    );
    // The heat map's red counts add up to the same number.
    await page.goto(`${dashboard.base}/`);
    // The heat map arrives after the page: count its cells once it is drawn.
    await page.getByRole("table", { name: "异动流程热力图" }).waitFor();
    const cells = await page.locator("[aria-label*='其中逾期']").all();
    let red = 0;
    for (const cell of cells) red += Number(/其中逾期 (\d+) 件/.exec((await cell.getAttribute("aria-label")) ?? "")?.[1] ?? 0);
    expect(red).toBe(filtered.ids.length);
    // 我的待办 says the rule with the working days.
    await page.goto(`${dashboard.base}/my-work`);
    await page.locator("tbody tr[data-index]").first().waitFor();
    const lefts = (await page.locator("tbody tr[data-index] td:first-child").allTextContents()).filter((s) => s.includes("逾期"));
    expect(lefts.length).toBeGreaterThan(0);
    for (const left of lefts) expect(left).toMatch(/^(办理期限|学籍注销期限) \d{4}\/\d{2}\/\d{2} · 已逾期 \d+ 个工作日$/);
    await page.screenshot({ path: join(ARTIFACTS, "journey-my-work.png"), fullPage: true });
    await page.close();
  }, 120_000);

  it("makes a 公示 list (.xlsx) of the applications selected on 学籍异动", async () => {
    const page = await dashboard.signIn("registrar", { path: `/applications?state=open&stage=reported` });
    const boxes = page.getByRole("checkbox", { name: "选择此行" });
    await boxes.first().waitFor();
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByRole("button", { name: "生成公示/发文名单（2）" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("名单标题").fill("2026年第3批学籍异动公示名单");
    await page.screenshot({ path: join(ARTIFACTS, "journey-decision-list.png"), fullPage: true });
    const [download] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: "下载名单" }).click()]);
    expect(download.suggestedFilename()).toBe("2026年第3批学籍异动公示名单.xlsx");
    const bytes = readFileSync((await download.path()) as string);
    expect(bytes.subarray(0, 2).toString()).toBe("PK");
    await dialog.getByText("已下载“2026年第3批学籍异动公示名单”。").waitFor();
    await page.close();
  }, 120_000);
});
