import type { Api } from "./client";

const PAGE = 500;

/** Every student of the secretary's college now (the server limits a college role to its own). */
export async function collegeStudents(api: Api, status?: string) {
  const all: Awaited<ReturnType<Api["students"]["list"]["query"]>> = [];
  let after = 0;
  for (;;) {
    const page = await api.students.list.query({ after, limit: PAGE, ...(status ? { status } : {}) });
    all.push(...page);
    if (page.length < PAGE) return all;
    after = page.at(-1)?.id ?? after;
  }
}
