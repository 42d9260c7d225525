import { client, type RouterOutputs } from "./client";
import { saveXlsx } from "./insights";
import { apiQuery } from "./query";

export type HeadcountRow = RouterOutputs["reports"]["headcount"][number];

/** 学籍统计 as of a date: college × major × grade × status. */
export const headcountQuery = (date: string, collegeId: number | undefined) => apiQuery("reports", "headcount", { date, collegeId });

/** The same as .xlsx, written by the server (text cells), saved by the browser. */
export async function downloadHeadcount(date: string, collegeId: number | undefined): Promise<void> {
  saveXlsx(await client.reports.headcountXlsx.query({ date, collegeId }));
}
