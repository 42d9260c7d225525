import { writeTextWorkbook } from "../exports/write-text-workbook";

/** The new accounts and their temporary passwords as an .xlsx to hand out (made once, at the commit; never kept). */
export function passwordsWorkbook(passwords: ReadonlyArray<{ username: string; displayName: string; password: string }>): Promise<Buffer> {
  return writeTextWorkbook(
    "临时密码",
    ["用户名", "姓名", "临时密码（首次登录须修改）"],
    passwords.map((p) => [p.username, p.displayName, p.password]),
  );
}
