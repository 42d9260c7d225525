import type { Db } from "../../db/client";
import { type Actor, recordEvent } from "../audit-log/record-event";
import { decisionListExport } from "./decision-list-export";
import { registrationExport } from "./registration-export";

/** A workbook as every answer travels: JSON, the bytes in base64, named as the browser saves it. */
export interface XlsxDownload {
  fileName: string;
  base64: string;
}

/** One audit event per download of personal data: what file, with what filter, by whom. */
async function audited(db: Db, actor: Actor, fileName: string, file: Buffer, after: Record<string, unknown>) {
  await recordEvent(db, actor, { action: "export.download", entity: "export", entityId: fileName, after });
  return { fileName, base64: file.toString("base64") };
}

/** The 学信网 registration upload of a year, one college's when given: every full ID number of it leaves the server. */
export async function registrationDownload(
  db: Db,
  actor: Actor,
  options: { academicYear: string; collegeId?: number },
): Promise<XlsxDownload> {
  const { file } = await registrationExport(db, options);
  const { academicYear, collegeId } = options;
  const fileName = `学籍注册_${academicYear}${collegeId !== undefined ? `_${collegeId}` : ""}.xlsx`;
  return audited(db, actor, fileName, file, { academicYear, ...(collegeId !== undefined ? { collegeId } : {}) });
}

/** A 公示 or 发文 list of the chosen applications under the registrar's title. */
export async function decisionListDownload(
  db: Db,
  actor: Actor,
  options: { applicationIds: readonly number[]; title: string },
): Promise<XlsxDownload> {
  const { file } = await decisionListExport(db, options);
  return audited(db, actor, `${options.title}.xlsx`, file, { applications: options.applicationIds.length });
}
