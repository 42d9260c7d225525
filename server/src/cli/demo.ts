import { join, relative } from "node:path";
import type { Locale } from "@xueji/shared";
import { todayInChina } from "../clock";
import { formatReport } from "../validate/report-text";
import { validateFile } from "../validate/validate-file";
import type { CliIo } from "./io";

const SAMPLES = ["roster-new-messy.xlsx", "failed-courses.xlsx", "graduates.xlsx", "roster-returning-gbk.csv", "dismissal.xlsx"];
const fixtures = join(import.meta.dirname, "../../fixtures");

/**
 * `xueji demo` (what `pnpm start` runs until the server exists): validates the bundled sample
 * sheets — each carrying the mess of real ones — and prints their reports. Exits 0 when all were read.
 */
export async function demo(locale: Locale, io: CliIo): Promise<number> {
  const rule = "─".repeat(60);
  io.stdout.write(
    locale === "en"
      ? `Xueji — validating ${SAMPLES.length} sample check sheets from ${relative(process.cwd(), fixtures)}/\n`
      : `学籍 Xueji —— 核对 ${SAMPLES.length} 张示例核对表（${relative(process.cwd(), fixtures)}/）\n`,
  );
  for (const name of SAMPLES) {
    const { report } = await validateFile(join(fixtures, name), { today: todayInChina(), locale });
    io.stdout.write(`${rule}\n${formatReport({ ...report, file: name }, locale, 12)}\n`);
  }
  io.stdout.write(
    `${rule}\n${
      locale === "en"
        ? "Validate your own sheet: pnpm -s xueji validate FILE.xlsx   (add --json for the machine-readable report)\n"
        : "核对自己的表：pnpm -s xueji validate 文件.xlsx   （加 --json 输出机器可读的报告）\n"
    }`,
  );
  return 0;
}
