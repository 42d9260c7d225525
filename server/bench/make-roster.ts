import { checkCharacter } from "@xueji/shared";
import ExcelJS from "exceljs";

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐";
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华";
const ETHNICITIES = ["汉族", "汉族", "汉族", "汉", "壮族", "回族", "满族", "维吾尔族", "苗族", "土家族"];
const REGIONS = ["430103", "500103", "220104", "110105", "440106", "350102"];

/**
 * A realistic new-student roster of `rows` students in the shape the registrar sends out: title
 * row, header, 15 columns, dates as real date cells and as text, a few percent of rows with the
 * usual mistakes. Written with ExcelJS's streaming writer so the file itself costs little memory.
 */
export async function writeRoster(file: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet("新生");
  ws.addRow(["2026级新生学籍电子注册信息核对表"]).commit();
  ws.addRow([
    "学号",
    "姓名",
    "性别",
    "出生日期",
    "身份证号",
    "民族",
    "政治面貌",
    "专业代码",
    "专业名称",
    "层次",
    "学制",
    "学习形式",
    "入学日期",
    "报到状态",
    "学生确认",
  ]).commit();
  for (let i = 0; i < rows; i++) {
    const birth = `2006${String((i % 12) + 1).padStart(2, "0")}${String((i % 28) + 1).padStart(2, "0")}`;
    const seq = String(i % 1000).padStart(3, "0");
    const first17 = `${REGIONS[i % REGIONS.length]}${birth}${seq}`;
    let id: string | number = first17 + checkCharacter(first17);
    if (i % 97 === 0) id = Number(id.replace("X", "0")); // Excel ate the digits
    const male = Number(seq[2]) % 2 === 1;
    const name =
      (SURNAMES[i % SURNAMES.length] as string) +
      (GIVEN[(i * 7) % GIVEN.length] as string) +
      (i % 3 ? (GIVEN[(i * 13) % GIVEN.length] as string) : "");
    const birthCell =
      i % 2
        ? new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}T00:00:00Z`)
        : `${birth.slice(0, 4)}.${Number(birth.slice(4, 6))}.${Number(birth.slice(6))}`;
    const row = ws.addRow([
      String(2026000000 + i),
      i % 211 === 0 ? `${name} ` : name,
      i % 53 === 0 ? (male ? "女" : "男") : male ? "男" : "女",
      birthCell,
      id,
      ETHNICITIES[i % ETHNICITIES.length],
      i % 4 ? "共青团员" : "群众",
      "080901",
      "计算机科学与技术",
      "本科",
      4,
      "普通全日制",
      "2026-09-01",
      "已报到",
      "是",
    ]);
    if (i % 2) row.getCell(4).numFmt = "yyyy-mm-dd";
    row.commit();
  }
  ws.commit();
  await wb.commit();
}
