import type { Cell } from "../cell";
import { type FieldResult, fieldIssue } from "../issues";
import { tidyText } from "../text/normalise";

/** Free text (学院, 专业名称, 班级, 退学原因 …): tidied, with a length limit so nothing absurd gets in. */
export function parseText(cell: Cell, label: string, max = 200): FieldResult<string> {
  const value = tidyText(String(cell.value ?? ""));
  const issues = value.length > max ? [fieldIssue("field.too-long", { label, actual: value.length, max })] : [];
  return { value: issues.length ? null : value, issues };
}

const YES = new Set(["是", "已确认", "确认", "同意", "无误", "核对无误", "√", "✓", "✔", "y", "yes", "true", "1", "ok"]);
const NO = new Set(["否", "未确认", "不同意", "有误", "×", "✗", "n", "no", "false", "0"]);

/** 学生确认 and other yes/no columns. A signature (a name typed in) counts as yes. */
export function parseYesNo(cell: Cell, label: string): FieldResult<boolean> {
  if (cell.type === "boolean") return { value: cell.value === true, issues: [] };
  const text = tidyText(String(cell.value ?? "")).toLowerCase();
  if (YES.has(text)) return { value: true, issues: [] };
  if (NO.has(text)) return { value: false, issues: [] };
  if (/^[\u3400-\u9fff·]{2,}$/.test(text) && !/[否未不]/.test(text)) return { value: true, issues: [] };
  return { value: null, issues: [fieldIssue("boolean.unrecognised", { label, value: text })] };
}
