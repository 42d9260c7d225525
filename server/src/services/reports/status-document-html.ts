/** Escapes text for HTML: names and codes come from the record and must not become markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

/** 2026-11-23 → 2026年11月23日, as dates are written on a certificate. */
export function chineseDate(iso: string): string {
  return iso.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_m, y, m, day) => `${y}年${Number(m)}月${Number(day)}日`);
}

/**
 * Who signs: the 教务处 of the school, whose seal the paper carries (seed 000 二: 交学籍科审核盖教务处印章).
 * Papers keep the school's name as configured ("长江师范学院"), or "教务处" when none is set.
 */
export function issuerLine(schoolName: string): string {
  return schoolName.endsWith("教务处") ? schoolName : `${schoolName}教务处`;
}

/**
 * A self-contained A4 page the browser prints (no fonts or scripts from anywhere: the system's
 * CJK fonts print it), laid out as a Chinese university's certificate: number (and the 补打 mark)
 * top right, the spaced title, the body, 特此证明, the issuing office over the date in Chinese, the
 * space the seal is stamped in, and the verification line. All of it in Chinese: it is handed to
 * Chinese readers (banks, embassies print their own translation). On screen it is one A4 sheet, so
 * a preview shows what prints; in print the @page margins replace the sheet's padding.
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
html, body { margin: 0; }
body { font-family: "Noto Serif CJK SC", "Songti SC", SimSun, serif; font-size: 16pt; line-height: 2; color: #000; }
.sheet { box-sizing: border-box; width: 210mm; min-height: 297mm; padding: 25mm 20mm; background: #fff; position: relative; }
.no { text-align: right; font-size: 12pt; margin: 0; }
.reprint { display: inline-block; margin-top: 0.3em; border: 1.5pt solid #000; padding: 0 0.5em; font-size: 13pt; font-weight: bold; letter-spacing: 0.1em; }
h1 { text-align: center; font-size: 26pt; letter-spacing: 0.5em; margin: 1.2em 0 1em; padding-left: 0.5em; }
.body { text-indent: 2em; margin: 0 0 0.5em; text-align: justify; }
.sign { position: relative; width: 16em; margin: 3em 0 0 auto; text-align: center; }
.sign p { margin: 0; }
/* Where the office's round seal is stamped, across the issuer and the date (42 mm, as seals are). */
.seal { position: absolute; left: 50%; top: 50%; width: 42mm; height: 42mm; margin: -21mm 0 0 -21mm; border-radius: 50%; }
.seal span { position: absolute; bottom: -1.8em; left: 0; right: 0; text-align: center; font-size: 11pt; color: #555; }
.verify { margin-top: 6em; font-size: 10pt; line-height: 1.8; color: #333; border-top: 1px solid #999; padding-top: 0.5em; }
code { font-family: "Noto Sans Mono CJK SC", monospace; letter-spacing: 0.1em; }
@media screen { .seal { border: 1px dashed #bbb; } }
@media print { .sheet { width: auto; min-height: 0; padding: 0; } }
</style></head>
<body><div class="sheet">
<p class="no">编号：${e(d.documentNo)}${d.reprintMark ? `<br><span class="reprint">${e(d.reprintMark)}</span>` : ""}</p>
<h1>${e(d.title)}</h1>
<p class="body">${e(d.body)}</p>
<p class="body">特此证明。</p>
<div class="sign"><p>${e(issuerLine(d.schoolName))}</p><p>${e(chineseDate(d.issuedOn))}</p><div class="seal" aria-hidden="true"><span>（盖章）</span></div></div>
<p class="verify">${e(d.verifyLine)}<br>核验码：<code>${e(d.verifyCode)}</code></p>
</div></body></html>`;
}
