import { createInterface } from "node:readline/promises";
import { AppError, type Locale } from "@xueji/shared";
import { apiClient } from "./api-client";
import { saveCredentials } from "./credentials";
import type { CliIo } from "./io";

async function askPassword(locale: Locale): Promise<string> {
  if (!process.stdin.isTTY)
    throw new AppError("cli.usage", {
      detail: locale === "en" ? "set XUEJI_PASSWORD or run in a terminal" : "请设置 XUEJI_PASSWORD，或在终端中运行以输入密码",
    });
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  const answer = await rl.question(locale === "en" ? "Password: " : "密码：");
  rl.close();
  return answer;
}

/** `xueji login --server URL --user NAME`: signs in and keeps the token for later commands. */
export async function login(options: { server: string; user: string; locale: Locale }, io: CliIo): Promise<number> {
  const password = io.env.XUEJI_PASSWORD ?? (await askPassword(options.locale));
  const session = await apiClient(options.server, null, options.locale, io.env).auth.signIn.mutate({ username: options.user, password });
  const file = await saveCredentials({ server: options.server, token: session.token, username: session.user.username }, io.env);
  io.stdout.write(
    options.locale === "en"
      ? `Signed in as ${session.user.displayName} (${session.user.role}); token saved in ${file}\n`
      : `已登录：${session.user.displayName}（${session.user.role}），令牌保存在 ${file}\n`,
  );
  return 0;
}
