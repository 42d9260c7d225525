import type { Api } from "./client";

// The API's largest page.
const PAGE = 200;

/** Every student of the secretary's college now (the server limits a college role to its own), page by page. */
export async function collegeStudents(api: Api, status?: string) {
  type Page = Awaited<ReturnType<Api["students"]["list"]["query"]>>;
  const all: Page["items"] = [];
  let cursor: string | undefined;
  do {
    const page: Page = await api.students.list.query({ limit: PAGE, ...(cursor ? { cursor } : {}), ...(status ? { status } : {}) });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/** The college's failed courses from the imported results (the server narrows a secretary to her college), every page. */
export async function collegeFailedCourses(api: Api) {
  type Page = Awaited<ReturnType<Api["students"]["failedCourses"]["query"]>>;
  const all: Page["items"] = [];
  let cursor: string | undefined;
  do {
    const page: Page = await api.students.failedCourses.query({ limit: PAGE, ...(cursor ? { cursor } : {}) });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}
