import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkCharacter, DEFAULT_TEMPLATES } from "@xueji/shared";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { readSheetGrid } from "../../server/src/files/read-sheet-grid";
import { validateFile } from "../../server/src/validate/validate-file";
import { PASSWORD, TODAY } from "../../server/test/world";
import { describeInChromium, HAS_CHROMIUM, releaseChromium, settled } from "../../test/chromium";
import { SEVERITY_FILL } from "../../theme/src/severity";
import { FIXTURES, openBrowser, seriousViolations, shot, signIn, startServer } from "./harness";

const OFFICE_JS = "https://appsforoffice.microsoft.com/**";
const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

beforeAll(async () => {
  if (!HAS_CHROMIUM) return;
  server = await startServer();
  browser = await openBrowser();
}, 180_000);

afterAll(async () => {
  await releaseChromium(browser);
  await server?.close();
});

async function countsOf(page: Page, testId: string) {
  const summary = page.getByTestId(testId);
  await summary.waitFor();
  return {
    errors: Number(await summary.getAttribute("data-errors")),
    warnings: Number(await summary.getAttribute("data-warnings")),
    infos: Number(await summary.getAttribute("data-infos")),
  };
}

function cliCounts(issues: ReadonlyArray<{ severity: string }>) {
  return {
    errors: issues.filter((i) => i.severity === "error").length,
    warnings: issues.filter((i) => i.severity === "warning").length,
    infos: issues.filter((i) => i.severity === "info").length,
  };
}

describeInChromium("file mode in Chromium (office.js unreachable, as on a campus intranet)", () => {
  it("signs in, checks the messy fixtures with xueji validate's counts, downloads the annotated copy, submits once", async () => {
    const context = await browser.newContext({ viewport: { width: 420, height: 860 }, acceptDownloads: true, locale: "zh-CN" });
    const page = await context.newPage();
    await page.route(OFFICE_JS, (route) => route.abort());
    await page.goto(`${server.base}/addin/taskpane.html`);
    await page.getByRole("heading", { name: "登录学籍系统" }).waitFor();
    await expect(page.getByTestId("mode").textContent()).resolves.toBe("文件模式");
    await shot(page, "file-1-sign-in");
    expect(await seriousViolations(page)).toEqual([]);
    await signIn(page, "secretary-a", PASSWORD);
    // At the narrowest a task pane opens (320 px), nothing passes its right edge (the kind's list once did).
    await page.setViewportSize({ width: 320, height: 860 });
    const pastTheEdge = () =>
      page.evaluate(() =>
        [...document.querySelectorAll("body *")]
          .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
          .map((e) => `${e.tagName}.${String(e.className).slice(0, 30)}`),
      );
    expect(await pastTheEdge()).toEqual([]);
    expect(await page.getByRole("heading", { name: "学籍核对" }).evaluate((h) => h.getBoundingClientRect().height)).toBeLessThan(40);
    await page.setViewportSize({ width: 420, height: 860 });

    for (const name of ["roster-new-messy.xlsx", "roster-returning-gbk.csv", "graduates.xlsx"]) {
      await page.getByTestId("file-input").setInputFiles(join(FIXTURES, name));
      await page.getByRole("button", { name: "检查", exact: true }).click();
      await page.getByTestId("summary-record").waitFor({ timeout: 30_000 });
      const { report } = await validateFile(join(FIXTURES, name), { today: TODAY });
      expect(await countsOf(page, "summary-sheet"), name).toEqual(cliCounts(report.issues));
    }

    // The messy roster again: the list, the annotated copy, and a refusal that says why.
    await page.getByTestId("file-input").setInputFiles(join(FIXTURES, "roster-new-messy.xlsx"));
    await page.getByRole("button", { name: "检查", exact: true }).click();
    await page.getByTestId("summary-record").waitFor();
    await page.getByTestId("issue").first().waitFor();
    await shot(page, "file-2-checked");
    expect(await seriousViolations(page)).toEqual([]);

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "下载标注副本" }).click();
    const file = await (await download).path();
    expect((await download).suggestedFilename()).toBe("roster-new-messy_检查结果.xlsx");
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(join(FIXTURES, "roster-new-messy.xlsx"));
    const { report } = await validateFile(join(FIXTURES, "roster-new-messy.xlsx"), { today: TODAY });
    const sheet = copy.getWorksheet(report.sheet) as ExcelJS.Worksheet;
    const before = original.getWorksheet(report.sheet) as ExcelJS.Worksheet;
    const flagged = new Set(report.issues.filter((i) => i.row && i.column).map((i) => `${i.column}${i.row}`));
    expect(flagged.size).toBeGreaterThan(5);
    // The record's issues are marked too (the 检查结果 sheet lists every cell the copy marks).
    (copy.getWorksheet("检查结果") as ExcelJS.Worksheet).eachRow((row, n) => {
      if (n > 1 && typeof row.getCell(1).value === "number" && row.getCell(2).value)
        flagged.add(`${row.getCell(2).value}${row.getCell(1).value}`);
    });
    for (const issue of report.issues.filter((i) => i.row && i.column)) {
      const cell = sheet.getCell(`${issue.column}${issue.row}`);
      expect(String(cell.note), `${issue.column}${issue.row}`).toContain(issue.message);
      expect(Object.values(SEVERITY_FILL).map(argb)).toContain((cell.fill as ExcelJS.FillPattern).fgColor?.argb);
    }
    const errorCell = report.issues.find((i) => i.severity === "error" && i.column) as { column: string; row: number };
    expect((sheet.getCell(`${errorCell.column}${errorCell.row}`).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(
      argb(SEVERITY_FILL.error),
    );
    // Every other cell untouched: same value, same style.
    before.eachRow((row) =>
      row.eachCell((cell) => {
        if (flagged.has(cell.address)) return;
        expect(sheet.getCell(cell.address).value, cell.address).toEqual(cell.value);
        expect(sheet.getCell(cell.address).fill, cell.address).toEqual(cell.fill);
      }),
    );
    // The copy lists what the pane shows: the sheet's issues and the record's.
    const results = copy.getWorksheet("检查结果") as ExcelJS.Worksheet;
    const shown = [await countsOf(page, "summary-sheet"), await countsOf(page, "summary-record")];
    expect(results.rowCount).toBe(shown.reduce((n, c) => n + c.errors + c.warnings + c.infos, 0) + 1);

    // A new-student roster must be error-free to be submitted: said before 提交, which waits.
    await expect(page.getByRole("button", { name: "提交" }).isDisabled()).resolves.toBe(true);
    expect(await page.getByTestId("submit-blocked").textContent()).toMatch(/须全部修正后才能提交/);
    await shot(page, "file-3-refused");

    // A sheet that may be submitted with errors (退学处理名单): the same content twice → the same receipt.
    await page.getByTestId("file-input").setInputFiles(join(FIXTURES, "dismissal.xlsx"));
    await page.getByRole("button", { name: "检查", exact: true }).click();
    await page.getByTestId("summary-record").waitFor();
    await page.getByRole("button", { name: "提交" }).click();
    await page.getByRole("button", { name: "确认提交" }).click();
    await page.getByTestId("receipt").waitFor();
    const first = await page.getByTestId("receipt-id").textContent();
    expect(first).toMatch(/^回执编号: [0-9A-F]{8}$/);
    await page.getByRole("dialog").waitFor({ state: "detached" }); // the confirmation has closed
    await settled(page);
    await shot(page, "file-4-receipt");
    await page.getByRole("button", { name: "提交" }).click();
    await page.getByRole("button", { name: "确认提交" }).click();
    await page.getByText("这份内容已经提交过").waitFor();
    expect(await page.getByTestId("receipt-id").textContent()).toBe(first);
    expect(await page.getByTestId("receipt").textContent()).toContain("第 1 版");

    await page.getByRole("tab", { name: "历史" }).click();
    await page.getByTestId("history-item").first().waitFor();
    expect(await page.getByTestId("history-item").count()).toBe(1);
    await page.getByRole("button", { name: "与上一版比较" }).click();
    await page.getByText("这是第一版。").waitFor();
    await shot(page, "file-5-history");
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});

describeInChromium("file mode's one-click fix and new check sheet (Chromium, office.js unreachable)", () => {
  it("keeps the session in an HttpOnly cookie: nothing of it in the pane's storage or scripts, and a reopened pane is still signed in", async () => {
    const context = await browser.newContext({ viewport: { width: 420, height: 860 }, locale: "zh-CN" });
    const page = await context.newPage();
    await page.route(OFFICE_JS, (route) => route.abort());
    await page.goto(`${server.base}/addin/taskpane.html`);
    await page.getByRole("heading", { name: "登录学籍系统" }).waitFor();
    await signIn(page, "secretary-a", PASSWORD);
    const [cookie] = (await context.cookies()).filter((c) => c.name === "xueji_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    const token = cookie?.value as string;
    expect(token.length).toBeGreaterThan(20);
    const seen = await page.evaluate(() => {
      const all = (storage: Storage) =>
        Array.from({ length: storage.length }, (_, i) => `${storage.key(i)}=${storage.getItem(storage.key(i) ?? "")}`);
      return { local: all(localStorage), session: all(sessionStorage), cookie: document.cookie };
    });
    expect(JSON.stringify(seen)).not.toContain(token);
    expect(seen.local.filter((entry) => entry.startsWith("xueji.session"))).toEqual([]);
    // Closed and opened again, the pane asks the server who is signed in.
    await page.reload();
    await page.getByRole("tab", { name: "检查" }).waitFor();
    await expect(page.getByText("secretary-a", { exact: true }).isVisible()).resolves.toBe(true);
    // Signing out ends the session on the server and clears the cookie.
    await page.getByRole("button", { name: "退出登录" }).click();
    await page.getByRole("heading", { name: "登录学籍系统" }).waitFor();
    await expect.poll(async () => (await context.cookies()).filter((c) => c.name === "xueji_session")).toEqual([]);
    const after = await fetch(`${server.base}/api/trpc/auth.me`, { headers: { cookie: `xueji_session=${token}` } });
    expect(after.status).toBe(401);
    await context.close();
  }, 120_000);

  it("fixes the messy roster into a corrected copy (an ID restored from the record shown first), re-checks, submits; downloads a new sheet", async () => {
    const { world } = server;
    // The ID Excel rounded to 430103200405011200 in row 5, as the record holds it (a valid check character).
    const RECORDED_ID = `43010320040501123${checkCharacter("43010320040501123")}`;
    // Students of college A now: one whose ID Excel rounded in the messy roster (row 5), one more for the roster.
    await world.insertStudents([
      {
        studentNo: "2026010102",
        name: "李四",
        collegeId: world.collegeA,
        majorId: world.majorA,
        grade: 2026,
        gender: "1",
        birthDate: "2004-05-01",
        idNumber: RECORDED_ID,
      },
      {
        studentNo: "2025010207",
        name: "周八",
        collegeId: world.collegeA,
        majorId: world.majorA,
        grade: 2025,
        gender: "2",
        birthDate: "2006-02-03",
      },
      { studentNo: "2025020301", name: "外院生", collegeId: world.collegeB, majorId: world.majorB, grade: 2025 },
    ]);
    const context = await browser.newContext({ viewport: { width: 420, height: 860 }, acceptDownloads: true, locale: "zh-CN" });
    const page = await context.newPage();
    await page.route(OFFICE_JS, (route) => route.abort());
    await page.goto(`${server.base}/addin/taskpane.html`);
    await signIn(page, "secretary-a", PASSWORD);

    const messy = join(FIXTURES, "roster-new-messy.xlsx");
    await page.getByTestId("file-input").setInputFiles(messy);
    await page.getByRole("button", { name: "检查" }).click();
    await page.getByTestId("summary-record").waitFor({ timeout: 30_000 });
    const before = await countsOf(page, "summary-sheet");
    const recordBefore = await countsOf(page, "summary-record");

    await page.getByRole("button", { name: "一键修正" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    // The ID from the record is shown, with its 学号, before anything is written.
    await dialog.getByText(RECORDED_ID).waitFor();
    await dialog.getByText("2026010102").first().waitFor();
    await dialog.getByText(/不会改动原文件/).waitFor();
    await dialog.getByText("设为文本").first().waitFor(); // why a cell whose digits do not change is listed
    await settled(page); // the dialog's fade-in, for the screenshot
    await shot(page, "file-6-fix-preview");
    expect(await seriousViolations(page)).toEqual([]);

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "生成修正后的文件并重新检查" }).click();
    expect((await download).suggestedFilename()).toBe("roster-new-messy_已修正.xlsx");
    await page
      .getByText(/修正后的文件“roster-new-messy_已修正.xlsx”已保存到浏览器的“下载”文件夹，原文件没有改动/)
      .waitFor({ timeout: 30_000 });
    await page.getByTestId("summary-record").waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId("file-name").textContent()).toBe("roster-new-messy_已修正.xlsx");

    // The corrected copy: fixes in their cells, the record's ID as text, the rest as the secretary had it.
    const fixedPath = join(mkdtempSync(join(tmpdir(), "xueji-fixed-")), "roster-new-messy_已修正.xlsx");
    await (await download).saveAs(fixedPath);
    const fixedBook = new ExcelJS.Workbook();
    await fixedBook.xlsx.load(readFileSync(fixedPath) as unknown as ArrayBuffer);
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(messy);
    const { report } = await validateFile(messy, { today: TODAY });
    const sheet = fixedBook.getWorksheet(report.sheet) as ExcelJS.Worksheet;
    const old = original.getWorksheet(report.sheet) as ExcelJS.Worksheet;
    const alias = report.issues.find((i) => i.code === "enum.alias") as { column: string; row: number; suggestion?: string };
    expect(sheet.getCell(`${alias.column}${alias.row}`).value).toBe(alias.suggestion);
    expect(sheet.getCell("F5").value).toBe(RECORDED_ID);
    expect(sheet.getCell("F5").numFmt).toBe("@");
    expect(sheet.model.merges).toEqual(old.model.merges);
    expect(sheet.getCell("A1").value).toBe(old.getCell("A1").value);
    expect(fixedBook.worksheets.map((w) => w.name)).toEqual(original.worksheets.map((w) => w.name));

    // Counts drop, and they are xueji validate's counts of the corrected file.
    const after = await countsOf(page, "summary-sheet");
    expect(after.errors + after.warnings + after.infos).toBeLessThan(before.errors + before.warnings + before.infos);
    const { report: fixedReport } = await validateFile(fixedPath, { today: TODAY });
    expect(after).toEqual(cliCounts(fixedReport.issues));
    const recordAfter = await countsOf(page, "summary-record");
    expect(recordAfter.errors + recordAfter.warnings + recordAfter.infos).toBeLessThan(
      recordBefore.errors + recordBefore.warnings + recordBefore.infos,
    );
    await page.getByRole("button", { name: "下载修正后的文件" }).waitFor();
    await shot(page, "file-7-fixed");
    expect(await seriousViolations(page)).toEqual([]);

    // What errors remain (the ones only a person can fix) keep 提交 waiting, and the pane says why.
    await expect(page.getByRole("button", { name: "提交" }).isDisabled()).resolves.toBe(true);
    expect(await page.getByTestId("submit-blocked").textContent()).toMatch(/还有 \d+ 个错误/);

    // 新建核对表 in file mode: the returning roster filled from the record, as an .xlsx to download.
    await page.getByRole("tab", { name: "新建核对表" }).click();
    await page.getByText(/将生成 .xlsx 文件/).waitFor();
    await shot(page, "file-8-new-sheet");
    expect(await seriousViolations(page)).toEqual([]);
    const sheetDownload = page.waitForEvent("download");
    await page.getByRole("button", { name: "下载核对表" }).click();
    expect((await sheetDownload).suggestedFilename()).toBe("在校生学年电子注册信息核对表.xlsx");
    await page
      .getByTestId("new-sheet-done")
      .getByText(/“在校生学年电子注册信息核对表.xlsx”已保存到浏览器的“下载”文件夹，已预填 2 名学生/)
      .waitFor();
    const roster = new ExcelJS.Workbook();
    await roster.xlsx.load(readFileSync(await (await sheetDownload).path()) as unknown as ArrayBuffer);
    const ws = roster.worksheets[0] as ExcelJS.Worksheet;
    const template = DEFAULT_TEMPLATES["roster-returning"].columns;
    // Row 1: the title that names the sheet's kind when it comes back; the header under it.
    expect(ws.getCell("A1").value).toBe("在校生学年电子注册信息核对表");
    expect(ws.getRow(2).values).toEqual([undefined, ...template.map((c) => c.header)]);
    const col = (field: string) => template.findIndex((c) => c.field === field) + 1;
    const numbers = [3, 4].map((r) => ws.getCell(r, col("studentNo")).value).sort();
    expect(numbers).toEqual(["2025010207", "2026010102"]); // college A's students now, not college B's
    expect(ws.getCell(5, col("studentNo")).value).toBeNull();
    expect(ws.getCell(3, col("studentNo")).numFmt).toBe("@");
    expect(ws.getCell(50, col("idNumber")).numFmt).toBe("@");
    expect(ws.getCell(4, col("gender")).dataValidation).toMatchObject({ type: "list", formulae: ['"未知的性别,男,女,未说明的性别"'] });
    expect(ws.getCell(3, col("gender")).value).toMatch(/^[男女]$/);
    expect(ws.getCell(3, col("level")).value).toBe("本科");
    await settled(page);
    await shot(page, "file-9-new-sheet-downloaded");
    await context.close();
  });
});

describeInChromium("Excel mode against an in-page TEST DOUBLE of Excel (served in place of office.js)", () => {
  it("checks, selects the cell of a clicked issue, fixes in one click, and clearing marks restores the fills", async () => {
    const { rows } = await readSheetGrid(join(FIXTURES, "roster-new-messy.xlsx"), { today: TODAY });
    const cells: Record<string, unknown> = {};
    const letter = (i: number) => String.fromCharCode(65 + i);
    for (const row of rows) {
      row.cells.forEach((c, i) => {
        if (c) cells[`${letter(i)}${row.row}`] = { ...c };
      });
    }
    // The secretary's own fills, which clearing the marks must bring back.
    const headerRow = Object.keys(cells).filter((a) => /^[A-Z]+\d+$/.test(a) && Number(a.slice(1)) === 2);
    for (const a of headerRow) (cells[a] as { fill?: string }).fill = "#DDEBF7";
    // One cell the fix would correct holds a formula (looked up from another sheet): 一键修正 leaves it and names it.
    const { report } = await validateFile(join(FIXTURES, "roster-new-messy.xlsx"), { today: TODAY });
    const aliases = report.issues.filter((i) => i.code === "enum.alias" && i.column && i.row);
    expect(aliases.length).toBeGreaterThan(1);
    const lookup = `${aliases[1]?.column}${aliases[1]?.row}`;
    const lookedUp = (cells[lookup] as { value: unknown }).value;
    (cells[lookup] as { formula?: string }).formula = `=VLOOKUP(A${aliases[1]?.row},学生!A:K,5,FALSE)`;
    const seed = { name: "新生核对表", cells };
    const context = await browser.newContext({ viewport: { width: 1140, height: 860 }, locale: "zh-CN" });
    const page = await context.newPage();
    await page.addInitScript((s) => {
      (window as unknown as { __doubleSeed: unknown }).__doubleSeed = s;
    }, seed);
    await page.route(OFFICE_JS, (route) =>
      route.fulfill({ contentType: "text/javascript", body: readFileSync(join(import.meta.dirname, "excel-double.js"), "utf8") }),
    );
    await page.goto(`${server.base}/addin/taskpane.html`);
    await page.getByRole("heading", { name: "登录学籍系统" }).waitFor();
    expect(await page.getByTestId("mode").textContent()).toBe("Excel");
    await signIn(page, "secretary-a", PASSWORD);
    const fillsBefore = await page.evaluate(() =>
      Object.fromEntries(
        Object.entries((window as never as { __excelDouble: { cells(): Record<string, { fill?: string }> } }).__excelDouble.cells()).map(
          ([a, c]) => [a, c.fill ?? null],
        ),
      ),
    );

    await page.getByRole("button", { name: "检查", exact: true }).click();
    await page.getByTestId("summary-record").waitFor({ timeout: 30_000 });
    expect(await countsOf(page, "summary-sheet")).toEqual(cliCounts(report.issues));
    const double = () =>
      page.evaluate(() =>
        (
          window as never as {
            __excelDouble: { cells(): Record<string, { value: unknown; fill?: string; type: string }>; selected(): string | null };
          }
        ).__excelDouble.cells(),
      );
    const marked = await double();
    const errorIssue = report.issues.find((i) => i.severity === "error" && i.column && i.row) as { column: string; row: number };
    expect(marked[`${errorIssue.column}${errorIssue.row}`]?.fill).toBe(SEVERITY_FILL.error.toUpperCase());
    await shot(page, "excel-1-checked");
    expect(await seriousViolations(page)).toEqual([]);

    const issue = page.locator('[data-testid="issue"][data-cell]:not([data-cell=""])').nth(2);
    const cell = await issue.getAttribute("data-cell");
    await issue.click();
    await expect
      .poll(() => page.evaluate(() => (window as never as { __excelDouble: { selected(): string | null } }).__excelDouble.selected()))
      .toBe(cell);
    await shot(page, "excel-2-selected");

    await page.getByRole("button", { name: "一键修正" }).click();
    await page.getByRole("dialog").waitFor();
    // The formula cell is not offered as a fix: it is named apart before anything is written.
    expect(await page.getByTestId("fix-formula-cells").textContent()).toContain(lookup);
    expect(await page.getByRole("dialog").getByText(lookup, { exact: true }).count()).toBe(0);
    // Let the dialog's fade-in finish, so the screenshot shows what the secretary reads.
    await settled(page);
    await shot(page, "excel-3-fix-preview");
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "写入修正并重新检查" }).click();
    await page.getByText(/已修正 \d+ 处/).waitFor({ timeout: 30_000 });
    await page.getByTestId("summary-record").waitFor();
    const after = await countsOf(page, "summary-sheet");
    const beforeFix = cliCounts(report.issues);
    expect(after.warnings + after.infos).toBeLessThan(beforeFix.warnings + beforeFix.infos);
    const fixed = await double();
    // Safe fixes written into the sheet: e.g. a spelling now reads as the standard name.
    const alias = report.issues.find((i) => i.code === "enum.alias") as { column: string; row: number; suggestion?: string };
    expect(String(fixed[`${alias.column}${alias.row}`]?.value)).toBe(alias.suggestion);
    // The formula cell as it was.
    expect(fixed[lookup]).toMatchObject({ value: lookedUp, formula: expect.stringMatching(/^=VLOOKUP/) });
    await shot(page, "excel-4-fixed");

    await page.getByRole("button", { name: "清除标记" }).click();
    await page.getByText("已清除标记").waitFor();
    const cleared = await page.evaluate(() =>
      Object.fromEntries(
        Object.entries((window as never as { __excelDouble: { cells(): Record<string, { fill?: string }> } }).__excelDouble.cells()).map(
          ([a, c]) => [a, c.fill ?? null],
        ),
      ),
    );
    for (const [address, fill] of Object.entries(cleared)) expect(fill, address).toBe(fillsBefore[address] ?? null);
    await shot(page, "excel-5-cleared");
    await context.close();
  });
});

describeInChromium("Excel 1.10–1.17 in the in-page TEST DOUBLE of Excel: messages as comments", () => {
  it("clearing keeps a comment thread the secretary replied to, restores its fill, and says so", async () => {
    const { rows } = await readSheetGrid(join(FIXTURES, "roster-new-messy.xlsx"), { today: TODAY });
    const cells: Record<string, unknown> = {};
    for (const row of rows) {
      row.cells.forEach((c, i) => {
        if (c) cells[`${String.fromCharCode(65 + i)}${row.row}`] = { ...c };
      });
    }
    const context = await browser.newContext({ viewport: { width: 1140, height: 860 }, locale: "zh-CN" });
    const page = await context.newPage();
    await page.addInitScript(
      (s) => {
        (window as unknown as { __doubleSeed: unknown }).__doubleSeed = s;
      },
      { name: "新生核对表", cells, apiSet: [1, 10] },
    );
    await page.route(OFFICE_JS, (route) =>
      route.fulfill({ contentType: "text/javascript", body: readFileSync(join(import.meta.dirname, "excel-double.js"), "utf8") }),
    );
    await page.goto(`${server.base}/addin/taskpane.html`);
    await signIn(page, "secretary-a", PASSWORD);
    type Double = {
      cells(): Record<string, { fill?: string; comment?: { content: string; replies: string[] } }>;
      reply(a: string, t: string): void;
    };
    const sheet = () => page.evaluate(() => (window as never as { __excelDouble: Double }).__excelDouble.cells());
    const before = await sheet();

    await page.getByRole("button", { name: "检查", exact: true }).click();
    await page.getByTestId("summary-record").waitFor({ timeout: 30_000 });
    const marked = await sheet();
    const ours = Object.entries(marked).filter(([, c]) => c.comment?.content.startsWith("学籍核对"));
    expect(ours.length).toBeGreaterThan(3);
    const [address] = ours[0] as [string, unknown];
    await page.evaluate(
      (a) => (window as never as { __excelDouble: Double }).__excelDouble.reply(a, "已让学生补交复印件（王老师）"),
      address,
    );

    await page.getByRole("button", { name: "清除标记" }).click();
    await page.getByText("1 条批注或注释里有您的回复或修改，已原样保留").waitFor();
    const cleared = await sheet();
    // Her thread stays whole; every other comment of the pane's is gone; every fill is back.
    expect(Object.entries(cleared).flatMap(([a, c]) => (c.comment ? [a] : []))).toEqual([address]);
    expect(cleared[address]?.comment?.replies).toEqual(["已让学生补交复印件（王老师）"]);
    for (const [a, c] of Object.entries(cleared)) expect(c.fill ?? null, a).toBe(before[a]?.fill ?? null);
    await shot(page, "excel-8-reply-kept");
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  }, 120_000);
});

describeInChromium("a column mapping set by hand, in Excel mode against the in-page TEST DOUBLE of Excel", () => {
  it("names a column the reader did not recognise, checks again with it, and keeps it for the sheet", async () => {
    const { rows } = await readSheetGrid(join(FIXTURES, "roster-new-messy.xlsx"), { today: TODAY });
    const cells: Record<string, { value: unknown; type: string; fill?: string }> = {};
    for (const row of rows) {
      row.cells.forEach((c, i) => {
        if (c) cells[`${String.fromCharCode(65 + i)}${row.row}`] = { ...c };
      });
    }
    // The college headed its ID column “身份号”, a spelling the reader does not know.
    expect(cells.F3?.value).toBe("证件号码");
    cells.F3 = { value: "身份号", type: "string" };
    const context = await browser.newContext({ viewport: { width: 1140, height: 1000 }, locale: "zh-CN" });
    const page = await context.newPage();
    await page.addInitScript(
      (s) => {
        (window as unknown as { __doubleSeed: unknown }).__doubleSeed = s;
      },
      { name: "新生核对表", cells },
    );
    await page.route(OFFICE_JS, (route) =>
      route.fulfill({ contentType: "text/javascript", body: readFileSync(join(import.meta.dirname, "excel-double.js"), "utf8") }),
    );
    await page.goto(`${server.base}/addin/taskpane.html`);
    await signIn(page, "secretary-a", PASSWORD);
    const fills = () =>
      page.evaluate(() =>
        Object.fromEntries(
          Object.entries((window as never as { __excelDouble: { cells(): Record<string, { fill?: string }> } }).__excelDouble.cells()).map(
            ([a, c]) => [a, c.fill ?? null],
          ),
        ),
      );

    await page.getByRole("button", { name: "检查", exact: true }).click();
    await page.getByTestId("summary-record").waitFor({ timeout: 30_000 });
    const guessed = await countsOf(page, "summary-sheet");
    const { report } = await validateFile(join(FIXTURES, "roster-new-messy.xlsx"), { today: TODAY });
    const idIssues = report.issues.filter((i) => i.column === "F");
    expect(idIssues.length).toBeGreaterThan(2);
    // Unread, the ID column shows none of its problems; the missing column is one error of its own.
    const first = await fills();
    expect(Object.entries(first).filter(([a, fill]) => /^F\d+$/.test(a) && fill)).toEqual([]);
    expect(guessed).not.toEqual(cliCounts(report.issues));
    await page.getByText("缺少必需的列").first().waitFor();

    // The mapping is open (a required column is missing): name column F as the ID number.
    const select = page.getByRole("combobox", { name: "F 列 · 身份号" });
    await expect(select.inputValue()).resolves.toBe("");
    await select.selectOption("idNumber");
    await shot(page, "excel-6-mapping-chosen");
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "按此对应重新检查" }).click();
    // Read with the mapping, the sheet gives exactly the verdict of the file as it was headed.
    await expect.poll(() => countsOf(page, "summary-sheet"), { timeout: 30_000 }).toEqual(cliCounts(report.issues));
    await page.getByTestId("summary-record").waitFor({ timeout: 30_000 });
    const marked = await fills();
    const idError = idIssues.find((i) => i.severity === "error") as { column: string; row: number };
    expect(marked[`${idError.column}${idError.row}`]).toBe(SEVERITY_FILL.error.toUpperCase());
    expect(await page.getByText("缺少必需的列").count()).toBe(0);
    // The mapping folds away to show the list; its title says a column was set by hand.
    await page.getByRole("button", { name: "列对应关系（1 列已手动指定）" }).click();
    await expect(page.getByRole("combobox", { name: "F 列 · 身份号" }).inputValue()).resolves.toBe("idNumber");
    await page.getByText("已手动指定", { exact: true }).waitFor();
    await settled(page); // the panel's opening motion, so the screenshot shows it settled
    await shot(page, "excel-7-remapped");

    // 检查 again: the mapping is remembered for this worksheet.
    await page.getByRole("button", { name: "检查", exact: true }).click();
    await page.getByTestId("summary-record").waitFor({ timeout: 30_000 });
    await expect.poll(() => countsOf(page, "summary-sheet")).toEqual(cliCounts(report.issues));
    await expect(page.getByRole("combobox", { name: "F 列 · 身份号" }).inputValue()).resolves.toBe("idNumber");

    // Back to automatic: the reader's guess again.
    await page.getByRole("button", { name: "恢复自动识别" }).click();
    await expect.poll(() => countsOf(page, "summary-sheet"), { timeout: 30_000 }).toEqual(guessed);
    await context.close();
  }, 120_000);
});

describeInChromium("re-checking her edits, in Excel mode against the in-page TEST DOUBLE of Excel (worksheet onChanged)", () => {
  it("checks the sheet again when she corrects a marked cell, and its mark goes", async () => {
    const { rows } = await readSheetGrid(join(FIXTURES, "roster-new-messy.xlsx"), { today: TODAY });
    const cells: Record<string, unknown> = {};
    for (const row of rows)
      row.cells.forEach((c, i) => {
        if (c) cells[`${String.fromCharCode(65 + i)}${row.row}`] = { ...c };
      });
    const { report } = await validateFile(join(FIXTURES, "roster-new-messy.xlsx"), { today: TODAY });
    const alias = report.issues.find((i) => i.code === "enum.alias" && i.column && i.row && i.suggestion) as {
      column: string;
      row: number;
      suggestion: string;
    };
    const address = `${alias.column}${alias.row}`;
    const context = await browser.newContext({ viewport: { width: 1140, height: 860 }, locale: "zh-CN" });
    const page = await context.newPage();
    await page.addInitScript(
      (s) => {
        (window as unknown as { __doubleSeed: unknown }).__doubleSeed = s;
      },
      { name: "新生核对表", cells },
    );
    await page.route(OFFICE_JS, (route) =>
      route.fulfill({ contentType: "text/javascript", body: readFileSync(join(import.meta.dirname, "excel-double.js"), "utf8") }),
    );
    await page.goto(`${server.base}/addin/taskpane.html`);
    await signIn(page, "secretary-a", PASSWORD);
    await page.getByRole("button", { name: "检查", exact: true }).click();
    await page.getByTestId("summary-record").waitFor({ timeout: 30_000 });
    const total = async () => {
      const summary = page.getByTestId("summary-sheet");
      const counts = await Promise.all(["data-errors", "data-warnings", "data-infos"].map((a) => summary.getAttribute(a)));
      return counts.reduce((sum, n) => sum + Number(n), 0);
    };
    const fillOf = () =>
      page.evaluate(
        (a) => (window as unknown as { __excelDouble: { cells(): Record<string, { fill?: string }> } }).__excelDouble.cells()[a]?.fill,
        address,
      );
    const before = await total();
    expect(Object.values(SEVERITY_FILL).map((f) => f.toUpperCase())).toContain(await fillOf());
    // She types the standard name into the cell: no button pressed, the pane checks again after she pauses.
    await page.evaluate(
      ([a, v]) =>
        (window as unknown as { __excelDouble: { edit(a: string, v: string): void } }).__excelDouble.edit(a as string, v as string),
      [address, alias.suggestion],
    );
    await expect.poll(total, { timeout: 30_000 }).toBe(before - 1);
    await page.getByTestId("summary-record").waitFor();
    // The marks follow: the corrected cell has its own fill back, the others stay marked.
    const severityFills = Object.values(SEVERITY_FILL).map((f) => f.toUpperCase());
    expect(severityFills).not.toContain(await fillOf());
    const other = report.issues.find((i) => i.severity === "error" && i.column && i.row) as { column: string; row: number };
    const otherFill = await page.evaluate(
      (a) => (window as unknown as { __excelDouble: { cells(): Record<string, { fill?: string }> } }).__excelDouble.cells()[a]?.fill,
      `${other.column}${other.row}`,
    );
    expect(otherFill).toBe(SEVERITY_FILL.error.toUpperCase());
    await context.close();
  }, 120_000);
});
