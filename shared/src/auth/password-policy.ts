/**
 * The password rules every password set through Xueji obeys (an administrator's temporary one, the
 * user's own). Length over composition rules, after NIST SP 800-63B §5.1.1: at least 10 characters,
 * at most 200, not the user name, not one character repeated, and a change must change it.
 */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/**
 * A temporary password (set by an administrator, handed over on paper or by phone) stops working after
 * this many days: it has been seen by someone other than its owner, so it must not live on unused.
 * A week covers a handover across a weekend and a holiday's first days.
 */
export const TEMPORARY_PASSWORD_DAYS = 7;

export type PasswordProblem = "too-short" | "too-long" | "is-username" | "one-character" | "unchanged";

export const PASSWORD_PROBLEM_TEXT: Readonly<Record<PasswordProblem, Record<"zh-CN" | "en", string>>> = {
  "too-short": { "zh-CN": `密码至少需要 ${PASSWORD_MIN} 个字符`, en: `at least ${PASSWORD_MIN} characters are needed` },
  "too-long": { "zh-CN": `密码最多 ${PASSWORD_MAX} 个字符`, en: `at most ${PASSWORD_MAX} characters are allowed` },
  "is-username": { "zh-CN": "密码不能与用户名相同", en: "it may not be the user name" },
  "one-character": { "zh-CN": "密码不能由同一个字符重复组成", en: "it may not repeat one character" },
  unchanged: { "zh-CN": "新密码不能与当前密码相同", en: "the new password must differ from the current one" },
};

/** The first rule `password` breaks, or null when it may be used. */
export function passwordProblem(password: string, context: { username?: string; current?: string } = {}): PasswordProblem | null {
  const chars = [...password.normalize("NFC")];
  if (chars.length < PASSWORD_MIN) return "too-short";
  if (chars.length > PASSWORD_MAX) return "too-long";
  if (context.username !== undefined && password.trim().toLowerCase() === context.username.trim().toLowerCase()) return "is-username";
  if (new Set(chars).size === 1) return "one-character";
  if (context.current !== undefined && password === context.current) return "unchanged";
  return null;
}
