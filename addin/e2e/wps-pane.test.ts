import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { GridRow } from "@xueji/shared";
import type { Browser, Page } from "playwright-core";
import ts from "typescript";
import { afterAll, beforeAll, expect, it } from "vitest";
import { readSheetGrid } from "../../server/src/files/read-sheet-grid";
import { validateFile } from "../../server/src/validate/validate-file";
import { PASSWORD, TODAY } from "../../server/test/world";
import { describeInChromium, HAS_CHROMIUM, releaseChromium, settled } from "../../test/chromium";
import { SEVERITY_FILL } from "../../theme/src/severity";
import type { DoubleCell } from "../test/wps-double";
import { FIXTURES, openBrowser, seriousViolations, shot, signIn, startServer } from "./harness";

/**
 * The pane's WPS entry (/addin/wps/pane.html) in Chromium with the WPS double (addin/test/wps-double.ts,
 * transpiled as it is) as `window.Application`, drawn on the left like WPS beside its task pane.
 */
const DOUBLE = ts.transpileModule(readFileSync(join(import.meta.dirname, "../test/wps-double.ts"), "utf8"), {
  compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2019 },
}).outputText;

const INSTALL = `(() => {
  const exports = {};
  ${DOUBLE}
  const wps = exports.createWpsDouble(window.__wpsSeed);
  window.Application = wps.application;
  window.wps = wps.application;
  window.__wps = wps;
  const hex = (bgr) => "#" + (((bgr & 0xff) << 16) | (bgr & 0xff00) | ((bgr >> 16) & 0xff)).toString(16).padStart(6, "0");
  const letter = (i) => String.fromCharCode(65 + i);
  function draw() {
    if (!document.body) return;
    let view = document.getElementById("wps-double");
    if (!view) {
      view = document.createElement("div");
      view.id = "wps-double";
      view.setAttribute("aria-hidden", "true");
      view.style.cssText = "position:fixed;left:0;top:0;bottom:0;width:760px;overflow:auto;background:#fff;border-right:2px solid #bbb;font:12px 'Noto Sans CJK SC',sans-serif";
      document.body.prepend(view);
      document.body.style.marginLeft = "762px";
    }
    const cells = wps.cells();
    const selected = wps.selected && wps.selected.address;
    let html = '<div style="padding:4px 6px;background:#2b579a;color:#fff">WPS 表格 测试替身 / test double — ' + wps.active + '</div><table style="border-collapse:collapse"><tr><th></th>';
    for (let c = 0; c < 11; c++) html += '<th style="background:#f3f3f3;border:1px solid #ddd">' + letter(c) + '</th>';
    html += '</tr>';
    for (let r = 1; r <= 30; r++) {
      html += '<tr><th style="background:#f3f3f3;border:1px solid #ddd">' + r + '</th>';
      for (let c = 0; c < 11; c++) {
        const a = letter(c) + r;
        const x = cells[a] || {};
        const shown = x.error || (x.value === undefined ? "" : String(x.value));
        const corner = x.comment ? '<span title="' + x.comment.replace(/[<&"]/g, "") + '" style="float:right;color:#c00">◥</span>' : "";
        html += '<td style="border:1px solid #e1e1e1;padding:1px 3px;white-space:nowrap;max-width:110px;overflow:hidden;background:' + (x.fill === undefined ? "#fff" : hex(x.fill)) + ';' + (selected === a ? "outline:2px solid #2b579a;" : "") + '">' + shown.replace(/[<&]/g, "") + corner + '</td>';
      }
      html += '</tr>';
    }
    view.innerHTML = html + '</table>';
  }
  let queued = false;
  wps.onChange(() => {
    if (queued) return;
    queued = true;
    setTimeout(() => { queued = false; draw(); }, 0);
  });
  document.addEventListener("DOMContentLoaded", draw);
})();`;

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

function seedOf(rows: GridRow[]): Record<string, DoubleCell> {
  const cells: Record<string, DoubleCell> = {};
  for (const row of rows) {
    row.cells.forEach((c, i) => {
      if (!c) return;
      const cell: DoubleCell = c.type === "error" ? { error: String(c.value) } : { value: c.value as string | number | boolean };
      if (c.format) cell.format = c.format;
      cells[`${String.fromCharCode(65 + i)}${row.row}`] = cell;
    });
  }
  return cells;
}

async function openPane(page: Page, seed: unknown) {
  await page.addInitScript((s) => {
    (window as unknown as { __wpsSeed: unknown }).__wpsSeed = s;
  }, seed);
  await page.addInitScript(INSTALL);
  const response = await page.goto(`${server.base}/addin/wps/pane.html`);
  // WPS on the web (金山文档) frames add-ins: the pane's CSP lets it.
  expect(response?.headers()["content-security-policy"]).toContain("https://*.wps.cn");
  await page.getByRole("heading", { name: "登录学籍系统" }).waitFor();
}

type Cells = Record<string, DoubleCell>;
const cellsOf = (page: Page) => page.evaluate(() => (window as never as { __wps: { cells(): Cells } }).__wps.cells());
const callsOf = (page: Page) => page.evaluate(() => (window as never as { __wps: { calls: number } }).__wps.calls);
const bgr = (hex: string) => {
  const rgb = Number.parseInt(hex.slice(1), 16);
  return ((rgb & 0xff) << 16) | (rgb & 0xff00) | ((rgb >> 16) & 0xff);
};

async function countsOf(page: Page) {
  const summary = page.getByTestId("summary-sheet");
  await summary.waitFor();
  return ["data-errors", "data-warnings", "data-infos"].map(async (a) => Number(await summary.getAttribute(a)));
}

describeInChromium("the pane inside WPS 表格 (the WPS double as window.Application)", () => {
  it("checks, marks in BGR with prefixed comments, selects, fixes in one click, and clearing restores her fills and comments", async () => {
    const messy = join(FIXTURES, "roster-new-messy.xlsx");
    const { rows } = await readSheetGrid(messy, { today: TODAY });
    const { report } = await validateFile(messy, { today: TODAY });
    const cells = seedOf(rows);
    // Her own fills on the header row and her own comment on a cell the check marks.
    for (const a of Object.keys(cells).filter((a) => /^[A-Z]2$/.test(a))) (cells[a] as DoubleCell).fill = bgr("#DDEBF7");
    const flagged = report.issues.find((i) => i.severity === "error" && i.column && i.row) as { column: string; row: number };
    const hers = `${flagged.column}${flagged.row}`;
    (cells[hers] as DoubleCell).comment = "已电话核实";
    const aliases = report.issues.filter((i) => i.code === "enum.alias" && i.column && i.row);
    const lookup = `${aliases[1]?.column}${aliases[1]?.row}`;
    (cells[lookup] as DoubleCell).formula = `=VLOOKUP(A${aliases[1]?.row},学生!A:K,5,FALSE)`;
    const before = structuredClone(cells);

    const context = await browser.newContext({ viewport: { width: 1140, height: 860 }, locale: "zh-CN" });
    const page = await context.newPage();
    await openPane(page, { sheets: [{ name: "新生核对表", cells }] });
    expect(await page.getByTestId("mode").textContent()).toBe("WPS 表格");
    await shot(page, "wps-1-sign-in");
    await signIn(page, "secretary-a", PASSWORD);

    const callsBefore = await callsOf(page);
    await page.getByRole("button", { name: "检查", exact: true }).click();
    await page.getByTestId("summary-record").waitFor({ timeout: 30_000 });
    const counts = await Promise.all(await countsOf(page));
    expect(counts).toEqual(["error", "warning", "info"].map((s) => report.issues.filter((i) => i.severity === s).length));
    const marked = await cellsOf(page);
    const markedCells = new Set(report.issues.filter((i) => i.column && i.row).map((i) => `${i.column}${i.row}`));
    // Bridge calls: reading is 2-D blocks (a few dozen calls), marking a handful per marked cell (WPS adds
    // comments one by one): they follow the marks, not the sheet's size (the unit tests read 20,000 rows).
    const calls = (await callsOf(page)) - callsBefore;
    const severityFills = new Set(Object.values(SEVERITY_FILL).map(bgr));
    const painted = Object.values(marked).filter((c) => c.fill !== undefined && severityFills.has(c.fill)).length;
    console.log(`WPS bridge calls for the check: ${calls} (${Object.keys(cells).length} cells, ${painted} marked)`);
    expect(calls).toBeLessThan(100 + painted * 12);
    expect(marked[hers]?.fill).toBe(bgr(SEVERITY_FILL.error));
    expect(marked[hers]?.comment).toBe("已电话核实"); // hers stays hers
    const other = [...markedCells].find((a) => a !== hers && marked[a]?.comment) as string;
    expect(marked[other]?.comment).toMatch(/^学籍核对：\n• /);
    // No "older Excel" notice: comments are how WPS carries a cell's messages.
    expect(await page.getByText(/Excel 版本较旧/).count()).toBe(0);
    // The messages that blame the spreadsheet name WPS 表格 here (the ID typed as a number lost digits).
    const listed = (await page.getByTestId("issue").allTextContents()).join("\n");
    expect(listed).toContain("身份证号被 WPS 表格 存成了数字");
    expect(listed).not.toMatch(/Excel/);
    await settled(page);
    await shot(page, "wps-2-checked");
    expect(await seriousViolations(page)).toEqual([]);

    const issue = page.locator('[data-testid="issue"][data-cell]:not([data-cell=""])').nth(2);
    const cell = await issue.getAttribute("data-cell");
    await issue.click();
    await expect
      .poll(() => page.evaluate(() => (window as never as { __wps: { selected: { address: string } | null } }).__wps.selected?.address))
      .toBe(cell);
    await shot(page, "wps-3-selected");

    await page.getByRole("button", { name: "一键修正" }).click();
    await page.getByRole("dialog").waitFor();
    expect(await page.getByTestId("fix-formula-cells").textContent()).toContain(lookup);
    // The pane names the spreadsheet it runs in (host-name.test.ts): nothing in the preview says “Excel”.
    expect(await page.getByRole("dialog").textContent()).not.toMatch(/Excel/);
    await settled(page);
    await shot(page, "wps-4-fix-preview");
    await page.getByRole("button", { name: "写入修正并重新检查" }).click();
    await page.getByText(/已修正 \d+ 处/).waitFor({ timeout: 30_000 });
    await page.getByTestId("summary-record").waitFor();
    const fixed = await cellsOf(page);
    const alias = aliases[0] as { column: string; row: number; suggestion?: string };
    expect(fixed[`${alias.column}${alias.row}`]?.value).toBe(alias.suggestion);
    expect(fixed[lookup]?.formula).toMatch(/^=VLOOKUP/);
    await settled(page);
    await shot(page, "wps-5-fixed");

    await page.getByRole("button", { name: "清除标记" }).click();
    await page.getByText("已清除标记").waitFor();
    const cleared = await cellsOf(page);
    for (const [address, was] of Object.entries(before)) {
      expect(cleared[address]?.fill, address).toBe(was.fill);
      expect(cleared[address]?.comment, address).toBe(was.comment);
    }
    await settled(page);
    await shot(page, "wps-6-cleared");
    // Nothing the pane says inside WPS names Excel: the new sheet's words as the issues' above.
    await page.getByRole("tab", { name: "新建核对表" }).click();
    await page.getByText("按模板新建工作表：表头、学号与身份证号等列设为文本，代码列带下拉选项。").waitFor();
    expect(await page.locator("#root").textContent()).not.toMatch(/Excel/);
    await context.close();
  });

  it("checks the sheet again when she corrects a marked cell (SheetChange), and its mark goes", async () => {
    const messy = join(FIXTURES, "roster-new-messy.xlsx");
    const { rows } = await readSheetGrid(messy, { today: TODAY });
    const { report } = await validateFile(messy, { today: TODAY });
    const alias = report.issues.find((i) => i.code === "enum.alias" && i.column && i.row && i.suggestion) as {
      column: string;
      row: number;
      suggestion: string;
    };
    const address = `${alias.column}${alias.row}`;
    const context = await browser.newContext({ viewport: { width: 1140, height: 860 }, locale: "zh-CN" });
    const page = await context.newPage();
    await openPane(page, { sheets: [{ name: "新生核对表", cells: seedOf(rows) }] });
    await signIn(page, "secretary-a", PASSWORD);
    await page.getByRole("button", { name: "检查", exact: true }).click();
    await page.getByTestId("summary-record").waitFor({ timeout: 30_000 });
    const total = async () => (await Promise.all(await countsOf(page))).reduce((sum, n) => sum + n, 0);
    const severityFills = new Set(Object.values(SEVERITY_FILL).map(bgr));
    const before = await total();
    expect(severityFills.has((await cellsOf(page))[address]?.fill as number)).toBe(true);
    // She types the standard name: no button pressed, the pane checks again once she pauses.
    await page.evaluate(
      ([a, v]) => (window as never as { __wps: { edit(a: string, v: string): void } }).__wps.edit(a as string, v as string),
      [address, alias.suggestion],
    );
    await expect.poll(total, { timeout: 30_000 }).toBe(before - 1);
    await page.getByTestId("summary-record").waitFor();
    const after = await cellsOf(page);
    expect(severityFills.has(after[address]?.fill as number)).toBe(false);
    expect(after[address]?.comment).toBeUndefined();
    const other = report.issues.find((i) => i.severity === "error" && i.column && i.row) as { column: string; row: number };
    expect(after[`${other.column}${other.row}`]?.fill).toBe(bgr(SEVERITY_FILL.error));
    await context.close();
  });

  it("submits a sheet from WPS and gets the receipt", async () => {
    const { rows } = await readSheetGrid(join(FIXTURES, "dismissal.xlsx"), { today: TODAY });
    const context = await browser.newContext({ viewport: { width: 1140, height: 860 }, locale: "zh-CN" });
    const page = await context.newPage();
    await openPane(page, { sheets: [{ name: "退学处理名单", cells: seedOf(rows) }] });
    await signIn(page, "secretary-a", PASSWORD);
    await page.getByRole("button", { name: "检查", exact: true }).click();
    await page.getByTestId("summary-record").waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "提交" }).click();
    await page.getByRole("button", { name: "确认提交" }).click();
    await page.getByTestId("receipt").waitFor();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await settled(page);
    await shot(page, "wps-7-receipt");
    await context.close();
  });

  it("the plugin's 学籍核对 button opens the pane with CreateTaskPane (ribbon.xml → main.js)", async () => {
    const context = await browser.newContext({ locale: "zh-CN" });
    const page = await context.newPage();
    await page.addInitScript(
      (s) => {
        (window as unknown as { __wpsSeed: unknown }).__wpsSeed = s;
      },
      { sheets: [{ name: "Sheet1", cells: {} }] },
    );
    await page.addInitScript(INSTALL);
    await page.goto(`${server.base}/addin/wps/index.html`);
    const ribbon = await (await page.request.get(`${server.base}/addin/wps/ribbon.xml`)).text();
    expect(ribbon).toMatch(/<button id="xuejiCheck" label="学籍核对"[^>]*onAction="OnAction"/);
    const panes = await page.evaluate(() => {
      const w = window as never as { OnAction(c: { Id: string }): boolean; __wps: { taskPanes: unknown[] } };
      w.OnAction({ Id: "xuejiCheck" });
      return w.__wps.taskPanes;
    });
    expect(panes).toEqual([{ url: `${server.base}/addin/wps/pane.html`, title: "学籍核对", Visible: true, ID: 1 }]);
    // The plugin list the school's WPS reads (oem.ini's JSPluginsServer), served by this server.
    const list = await (await page.request.get(`${server.base}/addin/wps/jsplugins.xml`)).text();
    expect(list).toContain(`<jspluginonline name="xueji" type="et" url="${server.base}/addin/wps/"`);
    await context.close();
  });
});
