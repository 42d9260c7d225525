import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { retiredVerifyCodes, statusDocuments } from "../../db/schema";
import { hashVerifyCode, normaliseVerifyCode } from "./verify-code";

export type Verification =
  | {
      state: "valid";
      kind: string;
      name: string;
      status: string;
      issuedOn: string;
      /** 补打: how often this paper was printed again, and the last day (the paper in hand says the same). */
      reprintCount: number;
      reprintedOn: string | null;
    }
  | {
      /** The code of a paper replaced by a reprint: never valid again, and it says so instead of "unknown". */
      state: "superseded";
      kind: string;
      documentNo: string;
      reprintedOn: string;
    };

/**
 * What the public may see of a certificate: only the name, the status and the date (and which kind of
 * paper it is). A replaced paper's code shows no personal data — only that a reprint replaced it, which
 * number to ask for, and when.
 */
export async function verifyStatusDocument(db: Db, input: string): Promise<Verification | null> {
  const code = normaliseVerifyCode(input);
  if (!code) return null;
  const hash = hashVerifyCode(code);
  const [doc] = await db
    .select({
      kind: statusDocuments.kind,
      name: statusDocuments.nameShown,
      status: statusDocuments.statusShown,
      issuedOn: statusDocuments.issuedOn,
      reprintCount: statusDocuments.reprintCount,
      reprintedOn: statusDocuments.reprintedOn,
    })
    .from(statusDocuments)
    .where(eq(statusDocuments.verifyCodeHash, hash))
    .limit(1);
  if (doc) return { state: "valid", ...doc };
  const [retired] = await db
    .select({
      kind: statusDocuments.kind,
      documentNo: statusDocuments.documentNo,
      retiredOn: retiredVerifyCodes.retiredOn,
      lastReprint: statusDocuments.reprintedOn,
    })
    .from(retiredVerifyCodes)
    .innerJoin(statusDocuments, eq(statusDocuments.id, retiredVerifyCodes.documentId))
    .where(eq(retiredVerifyCodes.codeHash, hash))
    .limit(1);
  // The newest printing is the one to rely on, whichever older code is typed.
  return retired
    ? { state: "superseded", kind: retired.kind, documentNo: retired.documentNo, reprintedOn: retired.lastReprint ?? retired.retiredOn }
    : null;
}
