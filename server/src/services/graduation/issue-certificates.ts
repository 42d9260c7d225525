import { type CertificateSchool, certificateData, certificatePrefix, levelAwardsDegree } from "@xueji/shared";
import { sql } from "drizzle-orm";
import { resultRows, type Tx } from "../../db/client";

/**
 * Takes `count` serials of one certificate-number prefix at once (the counter row is locked by the
 * update, so two executions never share a number) and returns the first.
 */
export async function takeCertificateSerials(tx: Tx, prefix: string, count: number): Promise<number> {
  const result = await tx.execute(sql`
    insert into certificate_counters (prefix, last) values (${prefix}, ${count})
    on conflict (prefix) do update set last = certificate_counters.last + ${count}
    returning last`);
  const [row] = resultRows<{ last: number }>(result);
  return Number(row?.last) - count + 1;
}

export interface CertificateRequest {
  studentId: number;
  auditId: number | null;
  level: string;
  outcome: "graduate" | "complete";
  degreeAwarded: boolean;
}

/** Numbers and stores the 学历证书 of each student (seed 003 第十五–十六条), serials in student order per prefix. */
export async function issueCertificates(
  tx: Tx,
  options: { school: CertificateSchool; graduationDate: string; noticeNo: string; userId: number | null; requests: CertificateRequest[] },
) {
  const year = Number(options.graduationDate.slice(0, 4));
  const byPrefix = new Map<string, CertificateRequest[]>();
  for (const r of options.requests) {
    const prefix = certificatePrefix(options.school, year, r.level);
    byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), r]);
  }
  const rows: Array<Record<string, string | number | boolean | null>> = [];
  for (const [prefix, requests] of byPrefix) {
    const first = await takeCertificateSerials(tx, prefix, requests.length);
    requests.forEach((r, i) => {
      const data = certificateData(options.school, {
        outcome: r.outcome,
        graduationDate: options.graduationDate,
        prefix,
        serial: first + i,
      });
      rows.push({
        student_id: r.studentId,
        audit_id: r.auditId,
        kind: data.kind,
        certificate_no: data.certificateNo,
        school_name: data.schoolName,
        president_name: data.presidentName,
        issue_date: data.issueDate,
        // seed 000 六.3/六.5, seed 001 七: the degree is a 学士学位 — never on a 专科 or 预科 certificate, whatever was asked.
        degree_awarded: r.degreeAwarded && levelAwardsDegree(r.level),
        notice_no: options.noticeNo,
        issued_by: options.userId,
      });
    });
  }
  for (let i = 0; i < rows.length; i += 5000) {
    await tx.execute(sql`
      insert into graduation_certificates (student_id, audit_id, kind, certificate_no, school_name, president_name, issue_date, degree_awarded, notice_no, issued_by)
      select student_id, audit_id, kind, certificate_no, school_name, president_name, issue_date, degree_awarded, notice_no, issued_by
      from jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + 5000))}::jsonb)
        as x(student_id int, audit_id int, kind text, certificate_no text, school_name text, president_name text, issue_date date, degree_awarded boolean, notice_no text, issued_by int)`);
  }
  return rows.map((r) => ({ studentId: Number(r.student_id), certificateNo: String(r.certificate_no), kind: String(r.kind) }));
}
