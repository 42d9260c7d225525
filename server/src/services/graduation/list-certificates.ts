import type { Locale } from "@xueji/shared";
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { colleges, graduationCertificates, majors, students } from "../../db/schema";
import { writeTextWorkbook } from "../exports/write-text-workbook";
import { afterCursor, type Keyset, keyColumns, keysetOrder, type PageOptions, toPage, withoutKeys } from "../paging";

export interface CertificateFilter {
  /** The year of the graduation date (the certificate's issue date, seed 003 第十六条). */
  year: number;
  /** Already narrowed to the viewer's college for college roles. */
  collegeId?: number | undefined;
  majorId?: number | undefined;
  kind?: "graduation" | "completion" | undefined;
}

const BY_NUMBER: Keyset = {
  name: "certificates/no",
  parts: [{ expr: graduationCertificates.certificateNo, type: "text" }],
  direction: "asc",
};

function certificateRows(db: Db, f: CertificateFilter, extra?: SQL) {
  const where: SQL[] = [sql`extract(year from ${graduationCertificates.issueDate}) = ${f.year}`];
  if (f.collegeId !== undefined) where.push(eq(students.collegeId, f.collegeId));
  if (f.majorId !== undefined) where.push(eq(students.majorId, f.majorId));
  if (f.kind) where.push(eq(graduationCertificates.kind, f.kind));
  if (extra) where.push(extra);
  return db
    .select({
      certificateNo: graduationCertificates.certificateNo,
      kind: sql<"graduation" | "completion">`${graduationCertificates.kind}`,
      studentNo: students.studentNo,
      name: students.name,
      collegeId: students.collegeId,
      collegeName: colleges.name,
      majorName: majors.name,
      issueDate: graduationCertificates.issueDate,
      degreeAwarded: graduationCertificates.degreeAwarded,
      noticeNo: graduationCertificates.noticeNo,
      /** 换发/作废: the day a later certificate replaced this one (结业换毕业), null while in force. */
      voidedOn: graduationCertificates.voidedOn,
      degreeAwardedOn: graduationCertificates.degreeAwardedOn,
      ...keyColumns(BY_NUMBER),
    })
    .from(graduationCertificates)
    .innerJoin(students, eq(students.id, graduationCertificates.studentId))
    .innerJoin(colleges, eq(colleges.id, students.collegeId))
    .innerJoin(majors, eq(majors.id, students.majorId))
    .where(and(...where))
    .orderBy(...keysetOrder(BY_NUMBER));
}

/** 学历证书名单: the certificates numbered in a year, by college and major, in number order. */
export async function listCertificates(db: Db, o: PageOptions & CertificateFilter) {
  const rows = await certificateRows(db, o, afterCursor(BY_NUMBER, o.cursor)).limit(o.limit + 1);
  return toPage(BY_NUMBER, rows, o.limit, withoutKeys);
}

const WORDS = {
  "zh-CN": {
    title: "学历证书名单",
    header: ["证书编号", "证书类别", "学号", "姓名", "学院", "专业", "发证日期", "学位", "通知单号", "证书状态"],
    graduation: "毕业证书",
    completion: "结业证书",
    award: "授予",
    none: "—",
    live: "有效",
    voided: (date: string) => `已换发作废（${date}）`,
  },
  en: {
    title: "Certificates issued",
    header: ["Certificate no.", "Kind", "Student no.", "Name", "College", "Major", "Issued", "Degree", "Notice no.", "State"],
    graduation: "Graduation",
    completion: "Completion",
    award: "Awarded",
    none: "—",
    live: "In force",
    voided: (date: string) => `Replaced, void (${date})`,
  },
} as const;

/** The same list, every row, as a text-only .xlsx (numbers stay 18 digits, not 1.06E+17). */
export async function exportCertificates(db: Db, f: CertificateFilter, locale: Locale) {
  const rows = (await certificateRows(db, f)).map(withoutKeys);
  const w = WORDS[locale];
  const buffer = await writeTextWorkbook(
    w.title,
    w.header,
    rows.map((r) => [
      r.certificateNo,
      w[r.kind as "graduation" | "completion"] ?? r.kind,
      r.studentNo,
      r.name,
      r.collegeName,
      r.majorName,
      r.issueDate,
      r.degreeAwarded ? w.award : w.none,
      r.noticeNo ?? "",
      r.voidedOn ? w.voided(r.voidedOn) : w.live,
    ]),
    `${w.title}（${f.year}）`,
  );
  return { fileName: `${w.title}-${f.year}.xlsx`, base64: buffer.toString("base64"), rows: rows.length };
}
