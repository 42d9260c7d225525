import { TRPCClientError } from "@trpc/client";
import { type AgeLimits, DEFAULT_AGE_LIMITS, type Locale } from "@xueji/shared";
import { apiClient } from "./api-client";

export interface CliCheckRules {
  ageLimits: AgeLimits;
  /** One line for stderr: whose rules the check used, so an offline verdict is never taken for the server's. */
  note: string;
}

const SAY = {
  "zh-CN": {
    server: (server: string, version: number, year: string, l: AgeLimits) =>
      `核对规则：取自服务器 ${server}（${year} 学年，${version ? `第 ${version} 版` : "内置默认"}），学生年龄 ${l.min}–${l.max} 岁。`,
    offline: (l: AgeLimits) =>
      `核对规则：未连接服务器，使用内置默认（学生年龄 ${l.min}–${l.max} 岁）；登录（xueji login）后按教务处发布的规则检查。`,
    failed: (server: string, why: string, l: AgeLimits) =>
      `核对规则：无法从服务器 ${server} 取得（${why}），使用内置默认（学生年龄 ${l.min}–${l.max} 岁）。`,
    unreachable: "无法连接",
  },
  en: {
    server: (server: string, version: number, year: string, l: AgeLimits) =>
      `Check rules: from the server ${server} (${year}, ${version ? `version ${version}` : "built-in default"}), student ages ${l.min}–${l.max}.`,
    offline: (l: AgeLimits) =>
      `Check rules: not connected to a server, built-in defaults (student ages ${l.min}–${l.max}); sign in (xueji login) to check by the registrar's published rules.`,
    failed: (server: string, why: string, l: AgeLimits) =>
      `Check rules: could not be read from ${server} (${why}); built-in defaults (student ages ${l.min}–${l.max}).`,
    unreachable: "cannot connect",
  },
} as const;

/**
 * The 核对规则 `xueji validate` holds a sheet to: the server's, in force for today's academic year,
 * when the user is signed in (a token, saved by `xueji login` or given); otherwise — or when the
 * server cannot be asked — the built-in defaults, and the note says which, so a secretary knows
 * an offline "no errors" may differ from the server's verdict.
 */
export async function cliCheckRules(options: {
  server: string;
  token: string | undefined;
  locale: Locale;
  env: NodeJS.ProcessEnv;
}): Promise<CliCheckRules> {
  const say = SAY[options.locale];
  if (!options.token) return { ageLimits: DEFAULT_AGE_LIMITS, note: say.offline(DEFAULT_AGE_LIMITS) };
  try {
    // No year asked: the server's terms say which academic year it is today (the calendar rule cannot).
    const rules = await apiClient(options.server, options.token, options.locale, options.env).sheets.checkRules.query({});
    return { ageLimits: rules.ageLimits, note: say.server(options.server, rules.version, rules.academicYear, rules.ageLimits) };
  } catch (error) {
    const why =
      error instanceof TRPCClientError && error.data
        ? error.message
        : /ECONNREFUSED|fetch failed/.test(String(error))
          ? say.unreachable
          : String(error);
    return { ageLimits: DEFAULT_AGE_LIMITS, note: say.failed(options.server, why, DEFAULT_AGE_LIMITS) };
  }
}
