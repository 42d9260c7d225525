import type { Cell } from "../cell";
import { type FieldIssue, type FieldResult, fieldIssue } from "../issues";
import { compactText } from "../text/normalise";
import { fromExcelSerial, isValidYmd, MAX_EXCEL_SERIAL, ymd } from "./calendar-date";

/**
 * Dates as secretaries type them: Excel serial numbers (a real date cell), and text in the
 * five forms of docs/domain.md §4 — 2004-05-01, 2004/5/1, 2004.5.1, 20040501, 2004年5月1日 — plus
 * 20040501 typed into a number cell. The result is always `YYYY-MM-DD`.
 */
export interface DateOptions {
  /** Earliest and latest plausible dates for this field (e.g. birth dates not in the future). */
  min?: string;
  max?: string;
}

const SEPARATED = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
// Text a date cell shows after a round trip through CSV: 2004/5/1 0:00:00, 2004-05-01T00:00:00.
const WITH_TIME = /^(.+?)(?:T|\s+)\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?Z?$/;

export function parseDate(cell: Cell, options: DateOptions = {}): FieldResult<string> {
  const issues: FieldIssue[] = [];
  let date: string | null = null;

  if (cell.type === "number" && typeof cell.value === "number") {
    const n = cell.value;
    // 8-digit numbers are yyyymmdd typed into a number cell; anything smaller is a serial.
    if (n > MAX_EXCEL_SERIAL && Number.isInteger(n)) date = fromParts(String(n), COMPACT, issues);
    else {
      date = fromExcelSerial(n);
      if (!date) issues.push(fieldIssue("date.unrecognised", { value: String(n) }));
    }
  } else {
    let text = compactText(String(cell.value ?? "")).replace(/[—–－]/g, "-");
    const timed = WITH_TIME.exec(String(cell.value ?? "").trim());
    if (timed) text = compactText(timed[1] as string);
    date = fromParts(text, SEPARATED, issues) ?? fromParts(text, COMPACT, issues, false);
    if (!date && issues.length === 0) issues.push(fieldIssue("date.unrecognised", { value: text }));
  }

  if (date && ((options.min && date < options.min) || (options.max && date > options.max))) {
    issues.push(fieldIssue("date.out-of-range", { date, min: options.min ?? "—", max: options.max ?? "—" }));
  }
  return { value: date, issues };
}

function fromParts(text: string, pattern: RegExp, issues: FieldIssue[], reportMissing = true): string | null {
  const m = pattern.exec(text);
  if (!m) {
    if (reportMissing && pattern === COMPACT) issues.push(fieldIssue("date.unrecognised", { value: text }));
    return null;
  }
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isValidYmd(year, month, day)) {
    issues.push(fieldIssue("date.invalid", { value: text, year, month, day }));
    return null;
  }
  return ymd(year, month, day);
}
