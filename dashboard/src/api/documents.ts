import type { RouterOutputs } from "./client";
import { apiMutation, apiQuery } from "./query";

/** 在读证明/学历证明 issued for a student, and the printable page a new issue or a reprint answers with. */
export type DocumentRow = RouterOutputs["reports"]["documents"][number];
export type PrintedDocument = RouterOutputs["reports"]["issueDocument"];

export const studentDocumentsQuery = (studentNo: string) => apiQuery("reports", "documents", { studentNo });
export const issueDocument = apiMutation("reports", "issueDocument");
export const reprintDocument = apiMutation("reports", "reprintDocument");
