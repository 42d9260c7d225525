import { certificateNumber, certificatePrefix } from "@xueji/shared";
import { inArray } from "drizzle-orm";
import type { Db } from "../../db/client";
import { certificateCounters } from "../../db/schema";
import { decodeListCursor, listPage, type PageOptions } from "../paging";
import { auditRulesInForce } from "./audit-rules-in-force";
import { assertCertificateSchool } from "./execute-audits";
import { planExecution } from "./plan-execution";

export type PreviewFilter = "planned" | "refused" | "done";

const PREVIEW_LIST = "graduation/execution-preview";

/**
 * 执行预览 — what `executeAudits` would do now, from the same plan: who becomes 毕业 or 结业 and the
 * certificate number each would get (serials continue the counter of each prefix, in student order, as
 * issuing takes them), who is refused and for which missing data, and who was carried out before.
 * Numbers are what they would be if nobody executes another list of the same prefix first.
 */
export async function previewExecution(
  db: Db,
  options: PageOptions & { cohort: number; collegeId: number; graduationDate?: string | undefined; filter?: PreviewFilter | undefined },
) {
  const graduationDate = options.graduationDate ?? `${options.cohort}-06-30`;
  const rules = await auditRulesInForce(db, graduationDate);
  assertCertificateSchool(rules.certificate);
  const plan = await planExecution(db, {
    cohort: options.cohort,
    collegeId: options.collegeId,
    school: rules.certificate,
    photo: rules.photo,
  });
  const year = Number(graduationDate.slice(0, 4));
  const planned = plan.students.filter((s) => s.to !== null);
  const prefixes = [...new Set(planned.map((s) => certificatePrefix(rules.certificate, year, s.level)))];
  const counters = prefixes.length ? await db.select().from(certificateCounters).where(inArray(certificateCounters.prefix, prefixes)) : [];
  const next = new Map(prefixes.map((p) => [p, Number(counters.find((c) => c.prefix === p)?.last ?? 0)]));
  const rows = plan.students.map((s) => {
    let certificateNo = s.issuedNo;
    if (s.to !== null) {
      const prefix = certificatePrefix(rules.certificate, year, s.level);
      const serial = (next.get(prefix) ?? 0) + 1;
      next.set(prefix, serial);
      certificateNo = certificateNumber(prefix, serial);
    }
    const state: PreviewFilter = s.to !== null ? "planned" : s.refusals.length ? "refused" : "done";
    return {
      auditId: s.auditId,
      studentNo: s.studentNo,
      name: s.name,
      majorName: s.majorName,
      status: s.status,
      to: s.to,
      degree: s.degree,
      state,
      certificateNo,
      refusals: s.refusals,
    };
  });
  const shown = options.filter ? rows.filter((r) => r.state === options.filter) : rows;
  const after = decodeListCursor(PREVIEW_LIST, options.cursor);
  const from = after === undefined ? 0 : shown.findIndex((r) => r.studentNo > after);
  return {
    approved: plan.approved,
    graduationDate,
    totals: {
      students: rows.length,
      graduate: rows.filter((r) => r.to === "graduated").length,
      complete: rows.filter((r) => r.to === "completed").length,
      refused: rows.filter((r) => r.state === "refused").length,
      done: rows.filter((r) => r.state === "done").length,
    },
    ...listPage(PREVIEW_LIST, from < 0 ? [] : shown.slice(from), options.limit, (r) => r.studentNo),
  };
}
