/** Escapes text for HTML: names and codes come from the record and must not become markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

/** 2026-11-23 → 2026年11月23日, as dates are written on a certificate. */
export function chineseDate(iso: string): string {
  return iso.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_m, y, m, day) => `${y}年${Number(m)}月${Number(day)}日`);
}

/**
 * A self-contained A4 page the browser prints (no fonts or scripts from anywhere: the system's
 * CJK fonts print it). The verification line lets anyone check the paper at the public URL.
 */
export function statusDocumentHtml(d: {
  title: string;
  documentNo: string;
  body: string;
  schoolName: string;
  issuedOn: string;
  verifyLine: string;
  verifyCode: string;
  /** “补打（第 n 次，日期）” on a reprint, under the number; null on the original. */
  reprintMark?: string | null;
}): string {
  const e = escapeHtml;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${e(d.title)} ${e(d.documentNo)}</title>
<style>
@page { size: A4; margin: 25mm 20mm; }
body { font-family: "Noto Serif CJK SC", "Songti SC", SimSun, serif; font-size: 16pt; line-height: 2; color: #000; }
h1 { text-align: center; font-size: 26pt; letter-spacing: 0.5em; margin: 0 0 1em; }
.no { text-align: right; font-size: 12pt; }
.reprint { border: 1px solid #000; padding: 0 0.4em; }
.body { text-indent: 2em; }
.sign { text-align: right; margin-top: 3em; }
.verify { margin-top: 4em; font-size: 10pt; color: #333; border-top: 1px solid #999; padding-top: 0.5em; }
code { font-family: "Noto Sans Mono CJK SC", monospace; letter-spacing: 0.1em; }
</style></head>
<body>
<p class="no">编号：${e(d.documentNo)}${d.reprintMark ? `<br><strong class="reprint">${e(d.reprintMark)}</strong>` : ""}</p>
<h1>${e(d.title)}</h1>
<p class="body">${e(d.body)}</p>
<p class="body">特此证明。</p>
<p class="sign">${e(d.schoolName)}<br>${e(chineseDate(d.issuedOn))}</p>
<p class="verify">${e(d.verifyLine)}<br>核验码 / Verification code：<code>${e(d.verifyCode)}</code></p>
</body></html>`;
}
