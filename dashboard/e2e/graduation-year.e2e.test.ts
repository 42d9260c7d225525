import { join } from "node:path";
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import type { Locator, Page } from "playwright-core";
import { expect, it } from "vitest";
import { colleges, graduationAudits, graduationCertificates, students, users } from "../../server/src/db/schema";
import { describeInChromium, settled } from "../../test/chromium";
import { axe } from "./axe";
import { ARTIFACTS, dashboardInChromium } from "./harness";

/**
 * Journey D5 on the demo: the registrar runs the graduation audit, overrides one result with a reason
 * (seen without a reload), moves the college's list through its stages, previews the execution with the
 * certificate numbers, carries it out, and prints and exports the certificate list; then a 结业 student
 * is converted to 毕业 and a student's GPA corrected, each seen at once.
 */
describeInChromium("the registrar's graduation year in Chromium against the demo", () => {
  // On the 2023 cohort's graduation month: the demo as of that day, its audit open (the 2022 cohort graduated a year ago).
  const dashboard = dashboardInChromium({ today: "2027-06-20" });

  async function check(page: Page, name: string, problems: string[]) {
    await page.waitForLoadState("networkidle");
    // A dialog that just closed leaves the page inert until its fade-out ends: check what the reader then sees.
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await settled(page);
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
    const violations = await axe(page);
    expect(violations, name).toEqual([]);
    expect(problems, name).toEqual([]);
  }

  /** What the server holds for a college's 2027 list (overrides applied). */
  async function serverTotals(collegeId: number) {
    const [row] = await dashboard.db
      .select({
        students: count(),
        graduate:
          sql<number>`count(*) filter (where coalesce(${graduationAudits.overrideOutcome}, ${graduationAudits.outcome}) = 'graduate')`.mapWith(
            Number,
          ),
      })
      .from(graduationAudits)
      .where(and(eq(graduationAudits.cohort, 2027), eq(graduationAudits.collegeId, collegeId)));
    return row as { students: number; graduate: number };
  }

  /** Scrolls a virtual table until the row of this student is drawn. */
  async function rowOf(page: Page, table: Locator, studentNo: string): Promise<Locator> {
    const row = table.locator("tbody tr[data-index]").filter({ hasText: studentNo });
    for (let i = 0; i < 60 && (await row.count()) === 0; i++) {
      const before = await table.locator("tbody tr[data-index]").first().getAttribute("data-index");
      await page.getByTestId("virtual-scroller").evaluate((box) => box.scrollBy(0, 300));
      // The window has moved on when its first drawn row is another one (or the list ended).
      await expect
        .poll(
          async () =>
            (await table.locator("tbody tr[data-index]").first().getAttribute("data-index")) !== before || (await row.count()) > 0,
        )
        .toBe(true)
        .catch(() => {});
    }
    return row;
  }

  it("runs the audit, overrides with a reason, executes with certificate numbers and prints the certificate list", async () => {
    // The smallest college's list keeps the walk short; it is a real list of a few hundred all the same.
    const sizes = await dashboard.db
      .select({ collegeId: graduationAudits.collegeId, name: colleges.name, n: count() })
      .from(graduationAudits)
      .innerJoin(colleges, eq(colleges.id, graduationAudits.collegeId))
      .where(eq(graduationAudits.cohort, 2027))
      .groupBy(graduationAudits.collegeId, colleges.name)
      .orderBy(asc(count()));
    const college = sizes[0] as { collegeId: number; name: string; n: number };
    const page = await dashboard.signIn("registrar");
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(`${dashboard.base}/graduation?cohort=2027`);
    const summary = page.getByRole("region", { name: "2027 届审核结果（按学院）" });
    const collegeRow = summary.getByRole("row").filter({ hasText: college.name });
    const graduateCell = () => collegeRow.getByRole("cell").nth(3);
    await collegeRow.waitFor();
    const before = await serverTotals(college.collegeId);
    expect(await graduateCell().innerText()).toBe(String(before.graduate));

    // Meanwhile the academic system lowers three graduates' credits: running the audit again must show it.
    const lowered = await dashboard.db
      .select({ id: students.id })
      .from(graduationAudits)
      .innerJoin(students, eq(students.id, graduationAudits.studentId))
      .where(
        and(
          eq(graduationAudits.cohort, 2027),
          eq(graduationAudits.collegeId, college.collegeId),
          eq(graduationAudits.outcome, "graduate"),
          sql`${graduationAudits.overrideOutcome} is null`,
        ),
      )
      .orderBy(asc(students.studentNo))
      .limit(3);
    await dashboard.db
      .update(students)
      .set({ earnedCredits: 100 })
      .where(
        inArray(
          students.id,
          lowered.map((s) => s.id),
        ),
      );
    await page.getByRole("button", { name: "运行审核" }).click();
    await page.getByText(/^审核完成：\d+ 人，毕业 \d+ 人，结业 \d+ 人。$/).waitFor();
    const afterRun = await serverTotals(college.collegeId);
    expect(afterRun.graduate).toBe(before.graduate - 3);
    await expect.poll(() => graduateCell().innerText()).toBe(String(afterRun.graduate));
    await check(page, "graduation-year-audit", problems);

    // One 结业 result overridden to 毕业 with a degree, and a reason: the row and the college's totals change at once.
    const [chosen] = await dashboard.db
      .select({ id: graduationAudits.id, studentNo: students.studentNo, name: students.name })
      .from(graduationAudits)
      .innerJoin(students, eq(students.id, graduationAudits.studentId))
      .where(
        and(
          eq(graduationAudits.cohort, 2027),
          eq(graduationAudits.collegeId, college.collegeId),
          eq(graduationAudits.outcome, "complete"),
          eq(graduationAudits.dataComplete, true),
        ),
      )
      .orderBy(asc(students.studentNo))
      .limit(1);
    await collegeRow.click();
    const drill = page.getByRole("region", { name: `${college.name} · 逐人结果` });
    const target = await rowOf(page, drill, chosen?.studentNo as string);
    await target.getByRole("button", { name: /^调整结论/ }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("radio", { name: "毕业", exact: true }).check();
    await dialog.getByRole("radio", { name: "授予", exact: true }).check();
    await dialog.getByRole("textbox", { name: "原因" }).fill("补考成绩已录入，经教务处核实符合毕业条件");
    await page.screenshot({ path: join(ARTIFACTS, "graduation-year-override.png"), fullPage: true });
    await dialog.getByRole("button", { name: "保存" }).click();
    await page.getByText(`已将 ${chosen?.name} 调整为毕业，学位授予。`).waitFor();
    await expect.poll(() => target.innerText()).toMatch(/毕业 · 已调整[\s\S]*授予/);
    expect(await target.innerText()).not.toMatch(/不授予/);
    await expect.poll(() => graduateCell().innerText()).toBe(String(afterRun.graduate + 1));
    // The run's word (its counts) went with the change: the totals are the table's now.
    expect(await page.getByText(/^审核完成：/).count()).toBe(0);
    await check(page, "graduation-year-overridden", problems);

    // The list moves through its stages to 证书制作 (seed 004: after the degree committee).
    for (const stage of ["教务处复审", "公示", "学位委员会", "证书制作"]) {
      await collegeRow.getByRole("button", { name: `推进到“${stage}”` }).click();
      // 学位委员会 is the school's decision (seed 001 七): recorded from its minutes, date and meeting number.
      if (stage === "证书制作") {
        const committee = page.getByRole("dialog");
        await committee.getByRole("textbox", { name: /会议编号/ }).fill("校学位〔2027〕3号");
        await committee.getByRole("button", { name: "登记并通过" }).click();
      }
      await page.getByText(new RegExp(`^${college.name}的名单已推进到“${stage}”（\\d+ 人）。$`)).waitFor();
    }

    // 毕业执行: the preview first — who becomes what, with which number, and who cannot and why.
    await page.getByRole("tab", { name: "毕业执行" }).click();
    const totals = page.getByTestId("execution-totals");
    await totals.waitFor();
    const [, all, graduate, complete, refused] = ((await totals.innerText()).match(
      /^共 (\d+) 人：将毕业 (\d+) 人，将结业 (\d+) 人；不能执行 (\d+) 人；已执行 0 人。$/,
    ) ?? []) as string[];
    expect(Number(all)).toBe(college.n);
    const [incomplete] = await dashboard.db
      .select({ n: count() })
      .from(graduationAudits)
      .where(
        and(eq(graduationAudits.cohort, 2027), eq(graduationAudits.collegeId, college.collegeId), eq(graduationAudits.dataComplete, false)),
      );
    expect(Number(refused)).toBe(incomplete?.n);
    const preview = page.getByRole("region", { name: `${college.name} · 2027 届毕业执行` });
    const firstRow = preview.locator("tbody tr[data-index]").first();
    await firstRow.waitFor();
    const firstStudent = (await firstRow.getByRole("cell").nth(0).innerText()).trim();
    const firstNo = (await firstRow.getByRole("cell").nth(5).innerText()).trim();
    expect(firstNo).toMatch(/^199991202705\d{6}$/);
    await check(page, "graduation-year-preview", problems);
    if (Number(refused) > 0) {
      await page.getByRole("radio", { name: "不能执行", exact: true }).check();
      await expect.poll(() => page.url()).toContain("show=refused");
      await expect
        .poll(() => preview.locator("tbody tr[data-index]").first().innerText())
        .toMatch(/缺少毕业照片|照片大小 \d+ KB|照片尺寸|证书信息缺/);
      await check(page, "graduation-year-refused", problems);
      await page.getByRole("radio", { name: "全部", exact: true }).check();
    }

    // Carried out: the statuses, one notice number, the numbers as previewed.
    await page.getByRole("button", { name: `执行（${Number(graduate) + Number(complete)} 人）` }).click();
    await page
      .getByRole("dialog")
      .getByText(/此操作不能撤销/)
      .waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "graduation-year-execute-confirm.png"), fullPage: true });
    await page.getByRole("dialog").getByRole("button", { name: "确定执行" }).click();
    await page
      .getByText(new RegExp(`^执行完成：毕业 ${graduate} 人，结业 ${complete} 人，通知单号 \\S+；${refused} 人未执行（见“不能执行”）。$`))
      .waitFor();
    await totals.getByText(new RegExp(`已执行 ${Number(graduate) + Number(complete)} 人`)).waitFor();
    // A degree is a graduate's question: a 结业 row reads — once executed as before (not 不授予). The list is virtual:
    // it is scrolled a screen at a time until 结业 rows are among those drawn.
    const drawnRows = () =>
      preview
        .locator("tbody tr[data-index]")
        .evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll("td")].map((cell) => cell.textContent?.trim() ?? "")));
    let completedRows: string[][] = [];
    for (let screen = 0; screen < 40 && Number(complete) > 0; screen++) {
      completedRows = (await drawnRows()).filter((cells) => cells[3] === "结业");
      if (completedRows.length > 0) break;
      const last = await preview.locator("tbody tr[data-index]").last().getAttribute("data-index");
      await preview.locator("tbody tr[data-index]").last().scrollIntoViewIfNeeded();
      await expect.poll(() => preview.locator("tbody tr[data-index]").last().getAttribute("data-index")).not.toBe(last);
    }
    if (Number(complete) > 0) expect(completedRows.length).toBeGreaterThan(0);
    for (const cells of completedRows) expect(cells[6], cells[0]).toBe("—");
    const [issuedFirst] = await dashboard.db
      .select({ no: graduationCertificates.certificateNo })
      .from(graduationCertificates)
      .innerJoin(students, eq(students.id, graduationCertificates.studentId))
      .where(eq(students.studentNo, firstStudent));
    expect(issuedFirst?.no).toBe(firstNo);
    const [overridden] = await dashboard.db
      .select({ status: students.status, degree: graduationCertificates.degreeAwarded })
      .from(students)
      .innerJoin(graduationCertificates, eq(graduationCertificates.studentId, students.id))
      .where(eq(students.studentNo, chosen?.studentNo as string));
    expect(overridden).toEqual({ status: "graduated", degree: true });
    await check(page, "graduation-year-executed", problems);

    // 证书名单: the college's certificates by number; printing prints the whole list alone.
    await page.getByRole("tab", { name: "证书名单" }).click();
    const list = page.getByRole("region", { name: "2027 年学历证书名单" });
    await list.locator("tbody tr[data-index]").first().waitFor();
    expect((await list.locator("tbody tr[data-index]").first().getByRole("cell").nth(0).innerText()).trim()).toMatch(/^199991202705\d{6}$/);
    await check(page, "graduation-year-certificates", problems);
    const [issued] = await dashboard.db
      .select({ n: count() })
      .from(graduationCertificates)
      .innerJoin(students, eq(students.id, graduationCertificates.studentId))
      // This cohort's (the college's 2026 graduates have theirs from last June).
      .where(and(eq(students.collegeId, college.collegeId), sql`extract(year from ${students.expectedGraduationDate}) = 2027`));
    expect(issued?.n).toBe(Number(graduate) + Number(complete));
    await page.evaluate(() => {
      window.print = () => {
        (window as unknown as { printed: number }).printed = document.querySelectorAll(".xueji-print-copy tbody tr").length;
      };
    });
    await page.getByRole("button", { name: "打印名单" }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed?: number }).printed)).toBe(issued?.n);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("#root").isVisible()).toBe(false);
    await page.getByTestId("print-copy").getByRole("heading", { name: "2027 年学历证书名单" }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, "graduation-year-certificates-print.png") });
    await page.emulateMedia({ media: "screen" });

    // 结业换毕业: a 结业 student whose only shortfall was credits, now made up, converted from the list.
    const completed = await dashboard.db
      .select({ studentNo: students.studentNo, name: students.name, id: students.id, reasons: graduationAudits.reasons })
      .from(graduationAudits)
      .innerJoin(students, eq(students.id, graduationAudits.studentId))
      .where(and(eq(graduationAudits.collegeId, college.collegeId), eq(students.status, "completed")))
      .orderBy(asc(students.studentNo));
    const convertible = completed.find((c) =>
      (c.reasons as Array<{ code: string }>).every((r) => ["credits-short", "photo-size", "photo-dimensions"].includes(r.code)),
    );
    expect(convertible).toBeDefined();
    await dashboard.db
      .update(students)
      .set({ earnedCredits: 175 })
      .where(eq(students.id, convertible?.id as number));
    await page.getByRole("tab", { name: "毕业审核" }).click();
    const drillAgain = page.getByRole("region", { name: `${college.name} · 逐人结果` });
    const convertRow = await rowOf(page, drillAgain, convertible?.studentNo as string);
    await convertRow.getByRole("button", { name: /^结业换毕业/ }).click();
    const convert = page.getByRole("dialog");
    await convert.getByRole("textbox", { name: /原因/ }).fill("补考全部通过，学分已修满");
    await page.screenshot({ path: join(ARTIFACTS, "graduation-year-convert.png"), fullPage: true });
    await convert.getByRole("button", { name: "提交申请" }).click();
    // seed 002 三.2: filed up its chain of signatures (教务处 → 处长 → 校领导); the status waits for 办理 (degrees.e2e walks it).
    await page.getByText(new RegExp(`^已提交 ${convertible?.name} 的结业换毕业申请（#\\d+），待教务处审核、处长和校领导签字。$`)).waitFor();
    const [after] = await dashboard.db
      .select({ status: students.status })
      .from(students)
      .where(eq(students.id, convertible?.id as number));
    expect(after?.status).toBe("completed");

    // A student's GPA and 处分 corrected by hand (graduation.recordFacts), seen in the list at once.
    const factsRow = drillAgain.locator("tbody tr[data-index]").first();
    const factsNo = (await factsRow.getByRole("cell").nth(0).innerText()).trim();
    await factsRow.getByRole("button", { name: /^修改资料（/ }).click();
    const facts = page.getByRole("dialog");
    await facts.getByRole("textbox", { name: /平均学分绩点/ }).fill("3.25");
    await facts.getByRole("radio", { name: "严重警告", exact: true }).check();
    await facts.getByRole("button", { name: "保存" }).click();
    await page.getByText(/的学位资料。重新运行审核后学位结论随之更新。$/).waitFor();
    const updated = drillAgain.locator("tbody tr[data-index]").filter({ hasText: factsNo });
    await expect.poll(() => updated.innerText()).toMatch(/3\.25[\s\S]*严重警告/);
    const [stored] = await dashboard.db
      .select({ gpa: students.gpa, facts: students.facts })
      .from(students)
      .where(eq(students.studentNo, factsNo));
    expect(stored?.gpa).toBe(3.25);
    expect(stored?.facts).toMatchObject({ discipline: "2" });
    await check(page, "graduation-year-converted", problems);
    await page.close();
  }, 300_000);

  it("says what is missing before a list can be executed, and gives a college leader the preview without the button", async () => {
    const [other] = await dashboard.db
      .select({ collegeId: graduationAudits.collegeId, name: colleges.name })
      .from(graduationAudits)
      .innerJoin(colleges, eq(colleges.id, graduationAudits.collegeId))
      .where(and(eq(graduationAudits.cohort, 2027), eq(graduationAudits.stage, "college-review")))
      .orderBy(asc(colleges.id))
      .limit(1);
    const page = await dashboard.signIn("registrar");
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    await page.goto(`${dashboard.base}/graduation?cohort=2027&view=execute`);
    await page.getByText("请选择要执行名单的学院。").waitFor();
    await check(page, "graduation-year-execute-pick", problems);
    await page.goto(`${dashboard.base}/graduation?cohort=2027&view=execute&collegeId=${other?.collegeId}`);
    await page.getByText(`${other?.name}的名单尚未经学位委员会通过：推进到“证书制作”后才能执行。`).waitFor();
    expect(await page.getByRole("button", { name: /^执行（/ }).count()).toBe(0);
    await check(page, "graduation-year-execute-not-approved", problems);
    await page.goto(`${dashboard.base}/graduation?cohort=2030&view=certificates`);
    await page.getByText("该年份没有符合条件的学历证书。").waitFor();
    await check(page, "graduation-year-certificates-empty", problems);
    await page.close();

    // The college leader of that college: the picker fixed on it, the preview's refusal, no button to carry out.
    const [leader] = await dashboard.db
      .select({ username: users.username })
      .from(users)
      .where(and(eq(users.role, "college-leader"), eq(users.collegeId, other?.collegeId as number)));
    const leaderPage = await dashboard.signIn(leader?.username as string, { path: `/graduation?cohort=2027&view=execute` });
    await leaderPage.getByText(`${other?.name}的名单尚未经学位委员会通过：推进到“证书制作”后才能执行。`).waitFor();
    expect(await leaderPage.getByRole("button", { name: /^执行（/ }).count()).toBe(0);
    await check(leaderPage, "graduation-year-execute-leader", []);
    await leaderPage.close();
  }, 120_000);
});
