import { client, type RouterInputs, type RouterOutputs } from "./client";
import { saveXlsx } from "./insights";
import { apiMutation, apiQuery, PAGE_LIMIT, pagedQuery } from "./query";

export type RegistrationRow = RouterOutputs["registration"]["list"]["items"][number];
export type RegistrationResult = RouterOutputs["registration"]["register"][number];
export type CollegeRegistration = RouterOutputs["registration"]["summary"][number];
type ListInput = RouterInputs["registration"]["list"];

/** The year's 学年注册 and 新生电子注册 by college. */
export const registrationSummaryQuery = (academicYear: string, collegeId: number | undefined) =>
  apiQuery("registration", "summary", { academicYear, collegeId });
/** The 学年注册 deadlines (seed 003 第十一–十二条) with working days left, provisional where holidays are missing. */
export const registrationDeadlinesQuery = (academicYear: string) => apiQuery("registration", "deadlines", { academicYear });
/** The registrar's calendar of the year (seed 004 附件二): its 新生 rows date the 电子注册. */
export const registrarCalendarQuery = (academicYear: string) => apiQuery("registration", "calendar", { academicYear });
/** Returning students with their 学年注册 status, page after page. */
export const registrationListQuery = (input: Omit<ListInput, "cursor" | "limit">) =>
  pagedQuery(["registration", "list", input], (cursor) => client.registration.list.query({ ...input, cursor, limit: PAGE_LIMIT }));

export const registerStudents = apiMutation("registration", "register");
export const deferStudents = apiMutation("registration", "defer");
export const registerNewStudents = apiMutation("registration", "registerNewStudents");

/** The 学信网 upload of the year (registered students), one college's when given, written by the server and saved by the browser. */
export async function downloadRegistration(academicYear: string, collegeId: number | undefined): Promise<void> {
  saveXlsx(await client.exports.registrationXlsx.query({ academicYear, collegeId }));
}
