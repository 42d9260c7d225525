import type { Locale } from "@xueji/shared";
import { AppError } from "@xueji/shared";

/**
 * Reads a password from the terminal without echoing it. Never from an argument: arguments are
 * visible to every user of the machine (`ps`) and stay in the shell's history.
 */
export function askHiddenPassword(prompt: string, locale: Locale): Promise<string> {
  const { stdin, stderr } = process;
  if (!stdin.isTTY)
    throw new AppError("cli.usage", {
      detail: locale === "en" ? "set XUEJI_PASSWORD or run in a terminal" : "请设置 XUEJI_PASSWORD，或在终端中运行以输入密码",
    });
  stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding("utf8");
  return new Promise((resolve, reject) => {
    let typed = "";
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      stderr.write("\n");
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") return done();
        if (ch === "\u0003") return done(new AppError("cli.usage", { detail: locale === "en" ? "cancelled" : "已取消" }));
        if (ch === "\u007f" || ch === "\b") typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    stdin.on("data", onData);
  });
}
