import { readFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { type GridRow, planFixes, readSheet, toWire } from "@xueji/shared";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, TODAY, type World } from "../../test/world";
import { TEST_ENGINES } from "../db/test-database";
import type { FileCheckAnswer } from "../services/sheets/file-check-answer";
import type { ValidationReport } from "../validate/validate-file";
import { addZipParts } from "./testing/craft-zip";
import { bytesOf, callFiles, formOf, gridOf } from "./testing/file-calls";
import { MAX_UPLOAD } from "./upload-form";

const fixtures = join(import.meta.dirname, "../../fixtures");

type Download = { fileName: string; base64: string };
type Fixed = Download & { fixed: number; formulaCells: string[] };
const MESSY = "roster-new-messy.xlsx";

/** Every refusal ends with the request id to quote (as over tRPC); the words before it are what these tests pin. */
function withoutRequestId(text: string): string {
  return text.replace(/（请求编号 [0-9a-f]+）$|\s\(request id [0-9a-f]+\)$/, "");
}

async function book(bytes: ArrayBuffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  return workbook;
}

describe.each(TEST_ENGINES)("the file-mode procedures on %s", (engine) => {
  let w: World;
  let base: string;
  let close: () => void;
  let auth: Record<string, string>;
  beforeAll(async () => {
    w = await makeWorld(engine);
    ({ base, close } = await w.serve());
    auth = { authorization: `Bearer ${w.tokens.get("secretary-a")}` };
  }, 60_000);
  afterAll(async () => {
    close();
    await w.database.close();
  });

  async function check(bytes: Uint8Array, name: string) {
    const res = await callFiles<{ base64: string }>(base, "grid", formOf({ file: bytes, name }), auth);
    expect(res.status).toBe(200);
    return gridOf<{ report: ValidationReport; grid: GridRow[] }>(res.data);
  }

  async function fix(bytes: Uint8Array, name: string, fixes: unknown, headers = auth) {
    return callFiles<Fixed>(base, "fix", formOf({ file: bytes, name, fixes }), headers);
  }

  /** What the pane plans for a file: the shared reader on the server's grid, then the shared plan. */
  async function plan(bytes: Uint8Array, name: string) {
    const { grid, report } = await check(bytes, name);
    const local = readSheet(grid, { today: TODAY });
    return { report, grid, ...planFixes(grid, local.issues, local.rows, local.columns) };
  }

  it("checks against the record in the same answer as sheets.validate does, and sends back only the header's rows", async () => {
    const bytes = readFileSync(join(fixtures, MESSY));
    const term = "2025-2026-1";
    const res = await callFiles<FileCheckAnswer>(base, "check", formOf({ file: bytes, name: MESSY, term }), auth);
    expect(res.status).toBe(200);
    const answer = res.data;
    const { grid } = await check(bytes, MESSY);
    const verdict = await (await w.as("secretary-a")).sheets.validate({ termCode: term, fileName: MESSY, grid: toWire(grid) });
    expect(answer.withRecord).toBe(true);
    expect(answer.allowSubmitWithErrors).toBe(verdict.allowSubmitWithErrors);
    const key = (i: { row: number | null; column: string | null; code: string; message: string }) =>
      `${i.row}|${i.column}|${i.code}|${i.message}`;
    expect(answer.report.issues.map(key)).toEqual(verdict.issues.map(key));
    expect(answer.report.issues.some((i) => i.code.startsWith("record."))).toBe(true);
    expect(answer.report.issues.map((i) => i.params)).toEqual(verdict.issues.map((i) => i.params));
    // The grid goes back only as far as the pane shows it: the rows the header is found in.
    expect(answer.grid.length).toBeLessThan(grid.length);
    expect(answer.grid.some((r) => r.row === answer.report.headerRow)).toBe(true);
    // Without the term, the sheet's own checks (the command line's verdict), nothing from the record.
    const plain = (await callFiles<FileCheckAnswer>(base, "check", formOf({ file: bytes, name: MESSY }), auth)).data;
    expect(plain.withRecord).toBe(false);
    expect(plain.report.issues.some((i) => i.code.startsWith("record."))).toBe(false);
  });

  it("writes the safe fixes into the secretary's workbook and leaves every other cell, sheet and merge as it was", async () => {
    const bytes = readFileSync(join(fixtures, MESSY));
    const { report, safe } = await plan(bytes, MESSY);
    const reasons = new Set(safe.map((f) => f.reason));
    for (const reason of ["normalised", "standard-name", "leading-zeros", "text-date", "id-as-text"]) expect(reasons).toContain(reason);
    // An ID Excel rounded, restored from the record (the pane shows it first): written as text.
    const restored = { row: 5, column: "F", value: "430103200405011234", format: "@", before: "430103200405011200", reason: "from-record" };
    const res = await fix(bytes, MESSY, [...safe, restored]);
    expect(res.status).toBe(200);
    expect(res.data.fileName).toBe("roster-new-messy_已修正.xlsx");
    const corrected = await book(bytesOf(res.data));
    const original = await book(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const sheet = corrected.getWorksheet(report.sheet) as ExcelJS.Worksheet;
    const before = original.getWorksheet(report.sheet) as ExcelJS.Worksheet;

    for (const f of [...safe, restored]) {
      const cell = sheet.getCell(`${f.column}${f.row}`);
      if (f.reason === "text-date") {
        expect(cell.value).toEqual(new Date(`${f.value}T00:00:00Z`));
        expect(cell.numFmt).toBe("yyyy-mm-dd");
      } else expect(cell.value).toBe(f.value);
      if (f.format === "@") expect(cell.numFmt).toBe("@");
    }
    const written = new Set([...safe, restored].map((f) => `${f.column}${f.row}`));
    let untouched = 0;
    before.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (written.has(cell.address)) return;
        expect(sheet.getCell(cell.address).value, cell.address).toEqual(cell.value);
        expect(sheet.getCell(cell.address).style, cell.address).toEqual(cell.style);
        untouched++;
      }),
    );
    expect(untouched).toBeGreaterThan(100);
    // The title rows stay merged, the formula and the rich text stay what they were.
    expect(sheet.model.merges).toEqual(before.model.merges);
    expect(sheet.getCell("C8").formula).toBe('CONCATENATE("赵","六")');
    expect(sheet.getCell("C5").value).toMatchObject({ richText: [{ text: "李" }, { text: "四" }] });
    expect(corrected.worksheets.map((s) => s.name)).toEqual(original.worksheets.map((s) => s.name));

    // Checked again, the fixed problems are gone and nothing new appeared.
    const fixedBytes = new Uint8Array(await corrected.xlsx.writeBuffer());
    const again = await check(fixedBytes, "fixed.xlsx");
    const codes = (r: ValidationReport) => r.issues.map((i) => i.code);
    expect(again.report.issues.length).toBeLessThan(report.issues.length);
    for (const code of ["id.normalised", "name.normalised", "enum.alias", "code.leading-zeros-lost"]) {
      expect(codes(report)).toContain(code);
      expect(codes(again.report)).not.toContain(code);
    }
    expect(again.report.issues.filter((i) => !codes(report).includes(i.code))).toEqual([]);
    const after = await plan(fixedBytes, "fixed.xlsx");
    expect(after.safe).toEqual([]);
  });

  it("turns a CSV into a corrected workbook whose ID columns are text", async () => {
    const name = "roster-returning-gbk.csv";
    const bytes = readFileSync(join(fixtures, name));
    const { safe, report } = await plan(bytes, name);
    expect(safe.length).toBeGreaterThan(0);
    const res = await fix(bytes, name, safe);
    expect(res.status).toBe(200);
    const sheet = (await book(bytesOf(res.data))).worksheets[0] as ExcelJS.Worksheet;
    for (const f of safe.filter((x) => x.format === "@")) {
      expect(sheet.getCell(`${f.column}${f.row}`).value).toBe(f.value);
      expect(sheet.getCell(`${f.column}${f.row}`).numFmt).toBe("@");
    }
    const studentNo = report.columns.find((c) => c.field === "studentNo") as { column: string };
    expect(sheet.getCell(`${studentNo.column}${(report.headerRow as number) + 1}`).numFmt).toBe("@");
  });

  it("refuses fixes it cannot write, with a localised reason, and anyone not signed in", async () => {
    const bytes = readFileSync(join(fixtures, MESSY));
    const bad = await fix(bytes, MESSY, [{ row: 0, column: "B", value: "x" }]);
    expect(bad.status).toBe(400);
    expect(bad.message).toMatch(/fixes\.0\.row/);
    const format = await fix(bytes, MESSY, [{ row: 4, column: "B", value: "x", format: "0.00" }]);
    expect(format.status).toBe(400);
    const beyond = await fix(bytes, MESSY, [{ row: 4, column: "XFE", value: "x" }]);
    expect(withoutRequestId(beyond.message)).toBe("提交的数据不符合要求：“fixes.0.column”的内容不对。");
    const en = await fix(bytes, MESSY, JSON.stringify("nope"), { ...auth, "accept-language": "en" });
    expect(en.message).toMatch(/“fixes” has the wrong type/);
    const notJson = await fix(bytes, MESSY, "[{", auth);
    expect(withoutRequestId(notJson.message)).toBe("提交的数据不符合要求：请求内容不是有效的 JSON。");
    const noFile = await callFiles(base, "fix", formOf({ fixes: [{ row: 4, column: "B", value: "x" }] }), auth);
    expect(noFile).toMatchObject({ status: 400, appCode: "input.invalid" });
    const noFixes = await callFiles(base, "fix", formOf({ file: bytes, name: MESSY }), auth);
    expect(noFixes).toMatchObject({ status: 400, appCode: "input.invalid" });
    // Not a form at all: the same refusal, not an unexpected error.
    const json = await callFiles(base, "fix", JSON.stringify({ file: "x" }), auth);
    expect(json).toMatchObject({ status: 400, appCode: "input.invalid" });
    expect((await fix(bytes, MESSY, [], {})).status).toBe(401);
    // A form's text is held to what every JSON input is: no NUL, no lone surrogate, the file's name included.
    for (const form of [formOf({ file: bytes, name: "名\u0000单.xlsx" }), formOf({ file: bytes, name: MESSY, kind: "\uD800" })]) {
      const hostile = await callFiles(base, "check", form, auth);
      expect(hostile).toMatchObject({ status: 400, appCode: "input.invalid" });
    }
    // A field the form does not have is refused, not ignored.
    const extra = formOf({ file: bytes, name: MESSY });
    extra.append("grid", "all");
    expect(await callFiles(base, "check", extra, auth)).toMatchObject({ status: 400, appCode: "input.invalid" });
  });

  it("leaves formula cells alone (a shared formula's first cell too) and says which, writing the rest", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("名单");
    sheet.addRow(["学号", "姓名", "姓名（查找）"]);
    for (const [no, name] of [
      ["2025010101", "王 五"],
      ["2025010102", "李 四"],
      ["2025010103", "赵 六"],
    ])
      sheet.addRow([no, name]);
    // Filled down in Excel: C2 holds the formula, C3:C4 share it.
    sheet.getCell("C2").value = { formula: "TRIM(B2)", result: "王 五" } as ExcelJS.CellFormulaValue;
    for (const r of [3, 4]) sheet.getCell(`C${r}`).value = { sharedFormula: "C2", result: "x" } as ExcelJS.CellSharedFormulaValue;
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const res = await fix(bytes, "名单.xlsx", [
      { row: 2, column: "B", value: "王五" },
      { row: 2, column: "C", value: "王五" },
      { row: 3, column: "C", value: "李四" },
    ]);
    expect(res.status).toBe(200);
    expect(res.data.fixed).toBe(1);
    expect(res.data.formulaCells).toEqual(["C2", "C3"]);
    const corrected = (await book(bytesOf(res.data))).getWorksheet("名单") as ExcelJS.Worksheet;
    expect(corrected.getCell("B2").value).toBe("王五");
    expect(corrected.getCell("C2").formula).toBe("TRIM(B2)");
    for (const r of [3, 4]) expect(corrected.getCell(`C${r}`).type).toBe(ExcelJS.ValueType.Formula);
  });

  it("refuses to make a corrected copy that would lose a chart, naming it, and names the copy once when fixed again", async () => {
    // A chart part as Excel writes one (ExcelJS does not read charts, so its copy would drop it).
    const withChart = addZipParts(readFileSync(join(fixtures, MESSY)), [
      {
        name: "xl/charts/chart1.xml",
        data: Buffer.from('<?xml version="1.0"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"/>'),
      },
    ]);
    const refused = await fix(withChart, "有图表.xlsx", [{ row: 4, column: "B", value: "x" }]);
    expect(refused.status).toBe(400);
    expect(withoutRequestId(refused.message)).toBe(
      "“有图表.xlsx”含有图表，修正后的副本无法保留，因此没有生成。请按检查结果在 WPS 表格或 Excel 中直接修改原文件，或把这些内容移到另一个文件后再一键修正。",
    );
    const again = await fix(readFileSync(join(fixtures, MESSY)), "名单_已修正.xlsx", [{ row: 4, column: "B", value: "x" }]);
    expect(again.data.fileName).toBe("名单_已修正.xlsx");
  });

  it("inflates the whole upload under a limit before the copy writer holds it (a bomb in a part the check never reads)", async () => {
    // Two parts no worksheet points to, 70 MB of zeros each (about 70 KB deflated): 140 MB in all.
    const zeros = Buffer.alloc(73400320);
    const bomb = addZipParts(readFileSync(join(fixtures, MESSY)), [
      { name: "xl/a.bin", data: zeros },
      { name: "xl/b.bin", data: zeros },
    ]);
    const res = await fix(bomb, "名单.xlsx", [{ row: 4, column: "B", value: "x" }]);
    expect(res.status).toBe(400);
    expect(withoutRequestId(res.message)).toBe("“名单.xlsx”解压后超过 128 MB，无法生成副本。请按检查结果在原文件中修改。");
  });

  it("checks and annotates with the secretary's own column mapping, refused with the same words as sheets.validate when it is wrong", async () => {
    // An ID column headed “号码”, which the reader does not recognise; the second number's check digit is wrong.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("在校生");
    sheet.addRow(["学号", "姓名", "注册状态", "号码"]);
    sheet.addRow(["2025010020", "学生甲", "已注册", "11010519491231002X"]);
    sheet.addRow(["2025010021", "学生乙", "已注册", "110105194912310021"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const post = <T>(action: string, columns?: string) =>
      callFiles<T>(base, action, formOf({ file: bytes, name: "号码.xlsx", ...(columns ? { columns } : {}) }), auth);
    const idIssues = async (res: Promise<{ data: { report: ValidationReport } }>) =>
      (await res).data.report.issues.filter((i) => i.column === "D");
    expect(await idIssues(post("check"))).toEqual([]);
    const mapped = await idIssues(post("check", JSON.stringify({ D: "idNumber" })));
    expect(new Set(mapped.filter((i) => i.severity === "error").map((i) => i.row))).toEqual(new Set([3]));
    // The annotated copy marks what the pane shows with that mapping: D3 filled, listed on 检查结果.
    const annotated = await post<Download>("annotate", JSON.stringify({ D: "idNumber" }));
    expect(annotated.status).toBe(200);
    expect(annotated.data.fileName).toBe("号码_检查结果.xlsx");
    const copy = await book(bytesOf(annotated.data));
    const marked = copy.getWorksheet("在校生") as ExcelJS.Worksheet;
    expect(marked.getCell("D3").fill).toMatchObject({ type: "pattern", pattern: "solid" });
    expect(marked.getCell("D2").fill).toBeUndefined();
    const refused = await post("check", JSON.stringify({ D: "籍贯" }));
    expect(refused.status).toBe(400);
    expect(refused.message).toContain("“columns.D”所选的字段不存在");
  });

  it("answers only the secretary's own pages when signed in by cookie, and only roles that may check sheets", async () => {
    const cookie = `xueji_session=${w.tokens.get("secretary-a")}`;
    const body = JSON.stringify(spec);
    const post = (headers: Record<string, string>) => callFiles(base, "newSheet", body, headers);
    const foreign = await post({ cookie, origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    expect(withoutRequestId(foreign.message)).toBe("已拒绝来自其他网站的请求。请在学籍系统自己的页面中操作。");
    expect((await post({ cookie })).status).toBe(403); // no Origin at all: a form post from who knows where
    expect((await post({ cookie, origin: base })).status).toBe(200);
    expect((await post({ authorization: `Bearer ${w.tokens.get("school-leader")}` })).status).toBe(403);
    expect((await post({ authorization: `Bearer ${w.tokens.get("registrar")}` })).status).toBe(200);
    // The form procedures take multipart, which any site's <form> can send with the cookie: only her pages may.
    const form = () => formOf({ file: "学号,姓名\n2024010001,张三\n", name: "名单.csv" });
    const crossSiteForm = await callFiles(base, "check", form(), { cookie, origin: "https://evil.example" });
    expect(crossSiteForm).toMatchObject({ status: 403, appCode: "auth.cross-site" });
    expect((await callFiles(base, "check", form(), { cookie, origin: base })).status).toBe(200);
    // …and no other procedure takes a form at all.
    const elsewhere = await fetch(`${base}/api/trpc/auth.signOut`, { method: "POST", headers: { cookie, origin: base }, body: form() });
    expect(elsewhere.status).toBe(415);
  });

  /** A POST whose headers declare `length` bytes, answered before a byte of the body is sent. */
  function declared(procedure: string, headers: Record<string, string | number>, signedIn = true) {
    return new Promise<{ code: number; text: string }>((resolve, reject) => {
      const req = request(`${base}/api/trpc/files.${procedure}`, { method: "POST", headers: { ...(signedIn ? auth : {}), ...headers } });
      req.on("response", (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString("utf8")));
        res.on("end", () => {
          resolve({ code: res.statusCode ?? 0, text });
          req.destroy(); // the body is never sent
        });
      });
      req.on("error", reject);
      req.flushHeaders();
    });
  }

  it("refuses a file over the limit before reading it, saying the limit in the reader's language", async () => {
    for (const procedure of ["check", "grid", "annotate", "fix", "newSheet"]) {
      const type = procedure === "newSheet" ? "application/json" : "multipart/form-data; boundary=x";
      const answer = await declared(procedure, { "content-type": type, "content-length": MAX_UPLOAD + 1 });
      expect(answer.code, procedure).toBe(413);
      const { error } = JSON.parse(answer.text) as { error: { message: string; data: { appCode: string } } };
      expect(withoutRequestId(error.message)).toBe("提交的数据不符合要求：文件超过 25 MB。");
      expect(error.data.appCode).toBe("input.invalid");
    }
    // A body of no declared length (chunked) could run past the limit while it is read: refused the same way.
    const chunked = await declared("check", { "content-type": "multipart/form-data; boundary=x", "transfer-encoding": "chunked" });
    expect(chunked.code).toBe(413);
    const en = await declared("check", {
      "content-type": "multipart/form-data; boundary=x",
      "content-length": MAX_UPLOAD + 1,
      "accept-language": "en",
    });
    expect(withoutRequestId((JSON.parse(en.text) as { error: { message: string } }).error.message)).toMatch(/larger than 25 MB/);
  });

  it("reads no workbook for someone not signed in: refused from the headers alone", async () => {
    const form = { "content-type": "multipart/form-data; boundary=x", "content-length": MAX_UPLOAD };
    for (const headers of [form, { ...form, authorization: "Bearer not-a-session" }]) {
      const answer = await declared("check", headers, false);
      expect(answer.code).toBe(401);
      const { error } = JSON.parse(answer.text) as { error: { message: string; data: { appCode: string } } };
      expect(withoutRequestId(error.message)).toBe("请先登录。");
      expect(error.data.appCode).toBe("auth.required");
    }
  });

  const spec = {
    name: "在校生学籍核对表",
    headers: ["学号", "姓名", "身份证号", "性别", "政治面貌", "出生日期"],
    textColumns: [0, 2],
    rows: [
      ["2024010101", "张三", "43010320070315123X", "男", null, "2007-03-15"],
      ["0024010102", "李四", "430103200405011234", "女", "团员", "2004-05-01"],
    ],
    dropdowns: [{ column: 3, values: ["男", "女"] }],
    spareRows: 20,
  };

  it("writes a new check sheet: bold frozen headers, text ID columns, the rows given and dropdowns from the code tables", async () => {
    const res = await callFiles<Download>(base, "newSheet", JSON.stringify(spec), auth);
    expect(res.status).toBe(200);
    expect(res.data.fileName).toBe("在校生学籍核对表.xlsx");
    const workbook = await book(bytesOf(res.data));
    const sheet = workbook.getWorksheet("在校生学籍核对表") as ExcelJS.Worksheet;
    expect(sheet.getRow(1).values).toEqual([undefined, ...spec.headers]);
    expect(sheet.getCell("A1").font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getCell("A3").value).toBe("0024010102");
    expect(sheet.getCell("C2").value).toBe("43010320070315123X");
    for (const address of ["A2", "A23", "C3", "C23"]) expect(sheet.getCell(address).numFmt).toBe("@");
    expect(sheet.getCell("B2").numFmt).not.toBe("@");
    expect(sheet.getCell("D23").dataValidation).toMatchObject({ type: "list", formulae: ['"男,女"'] });
    expect(sheet.getCell("D24").dataValidation).toBeUndefined();
    expect(sheet.getCell("E2").value).toBeNull();
    // A date from the record is a real date (as Excel mode leaves it), so the check does not offer to fix it.
    expect(sheet.getCell("F2").value).toEqual(new Date("2007-03-15T00:00:00Z"));
    expect(sheet.getCell("F2").numFmt).toBe("yyyy-mm-dd");
  });

  it("refuses a malformed new sheet with a localised reason", async () => {
    const post = (body: string, locale = "zh-CN") => callFiles(base, "newSheet", body, { ...auth, "accept-language": locale });
    const res = await post(JSON.stringify({ ...spec, headers: [] }));
    expect(res.status).toBe(400);
    expect(res.message).toMatch(/headers/);
    // A list Excel would call damaged: a comma inside a value, or longer than 255 characters in all.
    const comma = await post(JSON.stringify({ ...spec, dropdowns: [{ column: 3, values: ["男,女"] }] }));
    expect(withoutRequestId(comma.message)).toBe("提交的数据不符合要求：“dropdowns.0.values.0”的格式不对。");
    const long = await post(
      JSON.stringify({ ...spec, dropdowns: [{ column: 3, values: Array.from({ length: 60 }, (_, i) => `民族${i}`) }] }),
    );
    expect(withoutRequestId(long.message)).toBe("提交的数据不符合要求：“dropdowns.0.values”的内容不对。");
    const en = await post("{", "en");
    // A body that is not JSON at all: refused as every procedure refuses one, in her language.
    expect(en).toMatchObject({ status: 400, appCode: "input.invalid" });
    expect(en.message).toMatch(/^The request is not valid/);
  });
});
