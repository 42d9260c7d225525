import { eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { statusDocuments } from "../../db/schema";
import { hashVerifyCode, normaliseVerifyCode } from "./verify-code";

/** What the public may see of a certificate: only the name, the status and the date (and which kind of paper it is). */
export async function verifyStatusDocument(db: Db, input: string) {
  const code = normaliseVerifyCode(input);
  if (!code) return null;
  const [doc] = await db
    .select({
      kind: statusDocuments.kind,
      name: statusDocuments.nameShown,
      status: statusDocuments.statusShown,
      issuedOn: statusDocuments.issuedOn,
    })
    .from(statusDocuments)
    .where(eq(statusDocuments.verifyCodeHash, hashVerifyCode(code)))
    .limit(1);
  return doc ?? null;
}
