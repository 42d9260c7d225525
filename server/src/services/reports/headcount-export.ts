import type { Db } from "../../db/client";
import { writeTextWorkbook } from "../exports/write-text-workbook";
import { HEADCOUNT_HEADER, headcount, headcountRows } from "./headcount";

/** 学籍统计 as an .xlsx: every cell text (a major code keeps its leading zero), formula injection quoted. */
export async function headcountExport(db: Db, options: { date: string; collegeId?: number | undefined }) {
  const rows = headcountRows(await headcount(db, options));
  return { rows, file: await writeTextWorkbook("学籍统计", HEADCOUNT_HEADER, rows, `学籍统计（截至 ${options.date}）`) };
}
