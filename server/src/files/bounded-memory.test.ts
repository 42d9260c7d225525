import { execFile } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { craftXlsx, sheetXml } from "./testing/craft-zip";

// Before the reader was bounded, `xueji validate` on a 209 KB zip bomb grew to 4.3 GB, on a 60 MB CSV to 2.5 GB.
// Each file is validated by a real `xueji` process that reports its own peak RSS as it exits.
// About 155 MB of every figure is Node with the TypeScript loader before the file is opened.
const MiB = 1024 * 1024;
const run = promisify(execFile);
const main = join(import.meta.dirname, "../cli/main.ts");
const reportRss = join(import.meta.dirname, "testing/report-max-rss.ts");
const dir = mkdtempSync(join(tmpdir(), "xueji-memory-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function peakOfValidate(file: string): Promise<{ code: number; stdout: string; stderr: string; peakMiB: number }> {
  let result: { code: number; stdout: string; stderr: string };
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ["--import", "tsx", "--import", reportRss, main, "validate", file, "--limit", "5"],
      {
        env: { ...process.env, XUEJI_LANG: "" },
        timeout: 120_000,
      },
    );
    result = { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    result = { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
  const kib = Number(/maxRSS=(\d+)/.exec(result.stderr)?.[1]);
  expect(kib).toBeGreaterThan(0);
  return { ...result, peakMiB: kib / 1024 };
}

const sharedString = (size: number) =>
  Buffer.concat([Buffer.from("<sst><si><t>"), Buffer.alloc(size, "a"), Buffer.from("</t></si></sst>")]);
const pointer = sheetXml([`<c r="A1" t="s"><v>0</v></c>`]);

describe("xueji validate keeps its memory bounded", () => {
  it("stays under 300 MB on a 200 MB shared string, whatever its header declares", async () => {
    const honest = join(dir, "bomb.xlsx");
    writeFileSync(honest, craftXlsx({ sheets: [{ name: "s", xml: pointer }], sharedStrings: sharedString(200 * MiB) }));
    const understated = join(dir, "bomb-understated.xlsx");
    writeFileSync(
      understated,
      craftXlsx({
        sheets: [{ name: "s", xml: pointer }],
        override: [{ name: "xl/sharedStrings.xml", data: sharedString(200 * MiB), declaredSize: 60 * MiB }],
      }),
    );
    const inWorksheet = join(dir, "bomb-inline.xlsx");
    const inline = Buffer.concat([
      Buffer.from('<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>'),
      Buffer.alloc(200 * MiB, "a"),
      Buffer.from("</t></is></c></row></sheetData></worksheet>"),
    ]);
    writeFileSync(inWorksheet, craftXlsx({ sheets: [{ name: "s", xml: inline }] }));
    for (const file of [honest, understated, inWorksheet]) {
      const { code, peakMiB } = await peakOfValidate(file);
      expect(code).toBe(2);
      expect(peakMiB, file).toBeLessThan(300);
    }
  });

  it("streams a 60 MB CSV of 600,000 rows in under 350 MB and reads every row", async () => {
    const file = join(dir, "big.csv");
    const out = createWriteStream(file);
    out.write("学号,姓名,注册状态,性别,民族,学院,班级,专业名称,层次\n");
    let size = 0;
    let rows = 0;
    while (size < 60 * MiB) {
      const line = `${2025000000 + rows},学生甲,已注册,男,汉族,计算机学院,计科${rows % 40}班,计算机科学与技术,本科\n`;
      size += Buffer.byteLength(line);
      rows++;
      if (!out.write(line)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    }
    await new Promise<void>((resolve) => out.end(() => resolve()));
    const { code, stdout, peakMiB } = await peakOfValidate(file);
    expect(stdout).toContain(`数据 ${rows} 行`);
    expect(code).toBe(0);
    // Rows are checked as they stream; what stays is the duplicate check's one key per student.
    expect(peakMiB).toBeLessThan(350);
  });

  it("keeps the first 1,000 issues of a kind and counts the rest: 200,000 repeated rows add under 45 MB to 20,000", async () => {
    // A file of the same student a million times once grew to 2.7 GB, an issue kept (and worded) per row;
    // at 200,000 rows that was 90 MB more than at 20,000 (about 290 MB against 200 MB).
    const repeated = async (rows: number) => {
      const file = join(dir, `repeated-${rows}.csv`);
      const line = "2025000001,学生甲,已注册,男,汉族,计算机学院,计科1班,计算机科学与技术,本科\n";
      writeFileSync(file, `学号,姓名,注册状态,性别,民族,学院,班级,专业名称,层次\n${line.repeat(rows)}`);
      const run = await peakOfValidate(file);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(`数据 ${rows} 行`);
      expect(run.stdout).toContain(`结果：${rows - 1} 个错误`);
      expect(run.stdout).toContain(`…… 另有 ${rows - 1 - 1000} 条“row.duplicate”错误未记录（同一类问题只记录前 1000 条`);
      return run.peakMiB;
    };
    const small = await repeated(20_000);
    const large = await repeated(200_000);
    expect(large - small).toBeLessThan(45);
    expect(large).toBeLessThan(260);
  });
});
