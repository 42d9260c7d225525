import { type Locale, type SettingIssueCode, settingIssueMessage } from "@xueji/shared";
import type { z } from "zod";
import { SETTING_KINDS, type SettingKind } from "./setting-kinds";

export interface SettingIssue {
  /** Where in the value, as zod gives it: ["termBands", 0, "from"]. Empty for the whole value. */
  path: Array<string | number>;
  message: string;
}

export type SettingCheck = { ok: true; value: unknown } | { ok: false; issues: SettingIssue[] };

const DATE_PATTERN = String.raw`\d{4}-\d{2}-\d{2}`;

/** zod's issue in the registrar's words (the default messages say "expected number <=100"). */
function errorMap(locale: Locale): z.core.$ZodErrorMap {
  const say = (code: SettingIssueCode, params: Record<string, string | number> = {}) => settingIssueMessage(code, params, locale);
  return (issue) => {
    switch (issue.code) {
      case "invalid_type":
        if (issue.input === undefined) return say("required");
        if (issue.expected === "int") return say("number.int");
        if (issue.expected === "number") return say("number.type");
        return say("value.type", { expected: issue.expected });
      case "too_small": {
        const n = Number(issue.minimum);
        if (issue.origin === "array" || issue.origin === "set") return say("array.min", { n });
        if (issue.origin === "string") return n <= 1 ? say("string.empty") : say("string.min", { n });
        return say("number.min", { n });
      }
      case "too_big": {
        const n = Number(issue.maximum);
        if (issue.origin === "array" || issue.origin === "set") return say("array.max", { n });
        if (issue.origin === "string") return say("string.max", { n });
        return say("number.max", { n });
      }
      case "invalid_format":
        if ("pattern" in issue && String(issue.pattern).includes(DATE_PATTERN)) return say("string.date");
        if ("pattern" in issue && String(issue.pattern).includes("[a-z-]")) return say("string.key");
        return say("string.format");
      case "invalid_value":
        return say("value.choose");
      case "unrecognized_keys":
        return say("value.unknown-keys", { keys: issue.keys.join("、") });
      case "invalid_union":
        return say("value.union");
      case "custom": {
        // A rule across fields names its message and parameters (setting-kinds.ts), so it is said in the reader's language.
        const { setting, ...params } = (issue.params ?? {}) as { setting?: SettingIssueCode } & Record<string, string | number>;
        return setting ? say(setting, params) : undefined;
      }
      default:
        return undefined;
    }
  };
}

/** Checks a draft against its kind's schema and says, at each field, what is wrong, in the reader's language. */
export function checkSetting(kind: SettingKind, key: string, value: unknown, locale: Locale): SettingCheck {
  const spec = SETTING_KINDS[kind];
  if (!(spec.keys as readonly string[]).includes(key))
    return { ok: false, issues: [{ path: [], message: settingIssueMessage("key.unknown", { key }, locale) }] };
  const parsed = (spec.schema as z.ZodType).safeParse(value, { error: errorMap(locale) });
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)), message: i.message })),
  };
}
