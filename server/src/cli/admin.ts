import { AppError, type Locale } from "@xueji/shared";
import { openDatabase } from "../db/client";
import { loadAuditKey } from "../services/audit-log/audit-key";
import { createUser } from "../services/auth/manage-users";
import { askHiddenPassword } from "./ask-password";
import type { CliIo } from "./io";

// The same minimum as users.create (NIST SP 800-63B: length, not composition rules).
const MIN_PASSWORD = 10;

export interface AdminCreateOptions {
  url?: string;
  dataDir: string;
  keyFile: string;
  username: string;
  displayName?: string;
  locale: Locale;
}

/**
 * `xueji admin create --user NAME`: the first administrator of a production database
 * (docs/operations.md, “First start on PostgreSQL”), or another one. The password comes from
 * XUEJI_PASSWORD or is typed twice at the terminal, never from an argument. Creates the schema if
 * the server has not yet run.
 */
export async function adminCreate(options: AdminCreateOptions, io: CliIo): Promise<number> {
  const en = options.locale === "en";
  if (!/^[a-z0-9._-]{2,40}$/.test(options.username))
    throw new AppError("cli.usage", {
      detail: en ? "--user: 2–40 of a-z 0-9 . _ -" : "--user 须为 2–40 个字符，只含小写字母、数字和 . _ -",
    });
  let password = io.env.XUEJI_PASSWORD;
  if (password === undefined) {
    password = await askHiddenPassword(en ? "Password: " : "密码：", options.locale);
    const again = await askHiddenPassword(en ? "Password again: " : "再次输入密码：", options.locale);
    if (again !== password) throw new AppError("cli.usage", { detail: en ? "the two passwords differ" : "两次输入的密码不一致" });
  }
  if (password.length < MIN_PASSWORD)
    throw new AppError("cli.usage", {
      detail: en ? `the password needs at least ${MIN_PASSWORD} characters` : `密码至少需要 ${MIN_PASSWORD} 个字符`,
    });
  loadAuditKey(options.keyFile, true, io.env);
  const database = await openDatabase(options.url ? { url: options.url } : { dataDir: options.dataDir });
  try {
    const created = await createUser(
      database.db,
      { userId: null, role: null, requestId: "cli:admin-create" },
      {
        username: options.username,
        displayName: options.displayName ?? options.username,
        role: "admin",
        collegeId: null,
        password,
        temporary: false,
      },
    );
    io.stdout.write(
      en
        ? `Administrator “${created.username}” created (user ${created.id}). Sign in at the dashboard, then create the other accounts there.\n`
        : `已创建管理员“${created.username}”（用户编号 ${created.id}）。请在看板登录，再在那里创建其他账号。\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof AppError && error.code === "user.exists") {
      io.stderr.write(`${error.userMessage(options.locale)}\n`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}
