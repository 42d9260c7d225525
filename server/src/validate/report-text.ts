import { FIELD_LABELS, type Locale, SHEET_LABELS } from "@xueji/shared";
import { ISSUES_PER_CODE, type ReportIssue, type ValidationReport } from "./validate-file";

const T = {
  "zh-CN": {
    file: (f: string, s: string) => `文件：${f}（工作表“${s}”）`,
    kind: (k: string, h: number, n: number) => `类型：${k}；表头在第 ${h} 行，数据 ${n} 行`,
    ended: (row: number, text: string) => `数据到第 ${row} 行“${text}”之前结束（合计或签字行及其下方不核对）`,
    unknownKind: "类型：无法识别",
    columns: "列：",
    join: "，",
    summary: (e: number, w: number, i: number, rows: string) => `结果：${e} 个错误，${w} 个警告，${i} 个提示（涉及 ${rows} 行）`,
    clean: "结果：没有发现问题。",
    at: (r: number | null, c: string | null) => (r === null ? "整表" : c ? `第 ${r} 行 ${c} 列` : `第 ${r} 行`),
    severity: { error: "错误", warning: "警告", info: "提示" },
    suggestion: "建议改为：",
    more: (n: number) => `…… 另有 ${n} 条未列出（用 --limit 0 列出全部，或用 --json 输出）。`,
    omitted: (n: number, code: string, severity: string, cap: number) =>
      `…… 另有 ${n} 条“${code}”${severity}未记录（同一类问题只记录前 ${cap} 条，请先改正上面列出的）。`,
    atLeast: "至少 ",
    standing: "学籍处理初步意见（按不及格学分）：",
    standingRow: (s: string, y: string, t: string, c: number, o: string) => `  ${s}  ${y} 学年：${t}；学年累计 ${c} 学分 → ${o}`,
    outcomes: { none: "无", "warning-1": "一级学业警示", "warning-2": "二级学业警示", repeat: "留级", dismissal: "退学" },
    termPart: (t: string, c: number, o: string) => `${t} 学期 ${c} 学分（${o}）`,
    repeats: (c: number) => `；同一课程学年内再次不及格的 ${c} 学分只计一次`,
  },
  en: {
    file: (f: string, s: string) => `File: ${f} (worksheet “${s}”)`,
    kind: (k: string, h: number, n: number) => `Kind: ${k}; header on row ${h}, ${n} data rows`,
    ended: (row: number, text: string) =>
      `Data ends before row ${row}, “${text}” (a totals or signature row; it and below are not checked)`,
    unknownKind: "Kind: not recognised",
    columns: "Columns: ",
    join: ", ",
    summary: (e: number, w: number, i: number, rows: string) => `Result: ${e} errors, ${w} warnings, ${i} notes (on ${rows} rows)`,
    clean: "Result: no problems found.",
    at: (r: number | null, c: string | null) => (r === null ? "Sheet" : c ? `Row ${r} col ${c}` : `Row ${r}`),
    severity: { error: "error", warning: "warning", info: "note" },
    suggestion: "Suggested: ",
    more: (n: number) => `… ${n} more not shown (use --limit 0 to list all, or --json).`,
    omitted: (n: number, code: string, severity: string, cap: number) =>
      `… and ${n} more “${code}” ${severity}s not kept (only the first ${cap} of a kind are; fix those listed first).`,
    atLeast: "at least ",
    standing: "Preliminary standing from failed credits:",
    standingRow: (s: string, y: string, t: string, c: number, o: string) => `  ${s}  ${y}: ${t}; year total ${c} credits → ${o}`,
    outcomes: {
      none: "none",
      "warning-1": "level-1 warning",
      "warning-2": "level-2 warning",
      repeat: "repeat year",
      dismissal: "dismissal",
    },
    termPart: (t: string, c: number, o: string) => `${t} ${c} credits (${o})`,
    repeats: (c: number) => `; ${c} credits of a course failed again in the year counted once`,
  },
} as const;

/** The readable report a secretary or registrar sees in a terminal. */
export function formatReport(report: ValidationReport, locale: Locale = "zh-CN", limit = 200): string {
  const t = T[locale];
  const lines = [t.file(report.file, report.sheet)];
  if (report.kind && report.headerRow !== null) {
    lines.push(
      t.kind(SHEET_LABELS[report.kind][locale], report.headerRow, report.dataRows) +
        (report.dataEnd ? t.join + t.ended(report.dataEnd.row, report.dataEnd.text) : ""),
    );
    lines.push(
      t.columns +
        report.columns.map((c) => `${c.column} ${FIELD_LABELS[c.field as keyof typeof FIELD_LABELS]?.[locale] ?? c.field}`).join(t.join),
    );
  } else lines.push(t.unknownKind);

  const omitted = report.omitted ?? [];
  const count = (s: ReportIssue["severity"]) =>
    report.issues.filter((i) => i.severity === s).length + omitted.filter((o) => o.severity === s).reduce((n, o) => n + o.count, 0);
  // Rows of the issues not kept are not known: the count of rows is then a lower bound.
  const rows = `${omitted.length ? t.atLeast : ""}${new Set(report.issues.filter((i) => i.row !== null).map((i) => i.row)).size}`;
  lines.push(report.issues.length === 0 ? t.clean : t.summary(count("error"), count("warning"), count("info"), rows), "");

  const shown = limit > 0 ? report.issues.slice(0, limit) : report.issues;
  for (const issue of shown) {
    lines.push(`${t.at(issue.row, issue.column)}  [${t.severity[issue.severity]}] ${issue.message}`);
    if (issue.suggestion !== undefined) lines.push(`    ${t.suggestion}${issue.suggestion}`);
  }
  if (shown.length < report.issues.length) lines.push(t.more(report.issues.length - shown.length));
  for (const o of omitted) lines.push(t.omitted(o.count, o.code, t.severity[o.severity], ISSUES_PER_CODE));

  const flagged = (report.standing ?? []).filter((s) => s.yearOutcome !== "none" || s.terms.some((x) => x.outcome !== "none"));
  if (flagged.length > 0) {
    lines.push("", t.standing);
    for (const s of flagged) {
      const terms = s.terms.map((x) => t.termPart(x.term, x.failedCredits, t.outcomes[x.outcome])).join(t.join);
      const repeats = s.repeatCreditsNotCounted > 0 ? t.repeats(s.repeatCreditsNotCounted) : "";
      lines.push(t.standingRow(s.studentNo, s.academicYear, terms, s.yearFailedCredits, t.outcomes[s.yearOutcome]) + repeats);
    }
  }
  return lines.join("\n");
}
