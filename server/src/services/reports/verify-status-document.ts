import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { graduationCertificates, retiredVerifyCodes, statusDocuments } from "../../db/schema";
import { hashVerifyCode, normaliseVerifyCode } from "./verify-code";

export type Verification =
  | {
      state: "valid";
      kind: string;
      name: string;
      status: string;
      issuedOn: string;
      /**
       * The 学历证书 the paper names, since replaced (结业换毕业 — seed 003 第十四条: one certificate per student):
       * 换发/作废 from that day, so the paper is no proof of it.
       */
      replacedCertificate?: { certificateNo: string; voidedOn: string };
    }
  | {
      /** The code of a paper replaced by a reprint: never valid again, and it says so instead of "unknown". */
      state: "superseded";
      reprintedOn: string;
    };

/**
 * What the public may see of a certificate: only the name, the status and the date (and which kind of
 * paper it is). A replaced paper's code shows nothing of the record — only that a reprint replaced it,
 * and when.
 */
export async function verifyStatusDocument(db: Db, input: string): Promise<Verification | null> {
  const code = normaliseVerifyCode(input);
  if (!code) return null;
  const hash = hashVerifyCode(code);
  const [doc] = await db
    .select({
      studentId: statusDocuments.studentId,
      body: sql<string>`coalesce(${statusDocuments.printed}->>'body', '')`,
      kind: statusDocuments.kind,
      name: statusDocuments.nameShown,
      status: statusDocuments.statusShown,
      issuedOn: statusDocuments.issuedOn,
    })
    .from(statusDocuments)
    .where(eq(statusDocuments.verifyCodeHash, hash))
    .limit(1);
  if (doc) {
    const { studentId, body, ...shown } = doc;
    const replaced = await db
      .select({ certificateNo: graduationCertificates.certificateNo, voidedOn: graduationCertificates.voidedOn })
      .from(graduationCertificates)
      .where(and(eq(graduationCertificates.studentId, studentId), isNotNull(graduationCertificates.replacedBy)))
      .limit(10);
    const named = replaced.find((c) => c.voidedOn && body.includes(c.certificateNo));
    return {
      state: "valid",
      ...shown,
      ...(named ? { replacedCertificate: { certificateNo: named.certificateNo, voidedOn: named.voidedOn as string } } : {}),
    };
  }
  const [retired] = await db
    .select({
      retiredOn: retiredVerifyCodes.retiredOn,
      lastReprint: statusDocuments.reprintedOn,
    })
    .from(retiredVerifyCodes)
    .innerJoin(statusDocuments, eq(statusDocuments.id, retiredVerifyCodes.documentId))
    .where(eq(retiredVerifyCodes.codeHash, hash))
    .limit(1);
  // The newest printing is the one to rely on, whichever older code is typed.
  return retired ? { state: "superseded", reprintedOn: retired.lastReprint ?? retired.retiredOn } : null;
}
