/**
 * Text clean-up for hand-typed cells. Secretaries type on Chinese input methods, so digits
 * and letters arrive full-width (１２３Ｘ), and copy-paste from web pages and Word brings
 * non-breaking and zero-width spaces. These functions only transform; callers decide whether
 * a change deserves a warning.
 */

// Zero-width space/joiners, BOM, word joiner, soft hyphen, and C0/C1 control characters.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const ANY_SPACE = /[\s\u00A0\u3000\u2000-\u200A\u202F\u205F]+/g;
// What toHalfWidth changes: most cells hold none of it, and are then returned as they are (every cell of
// a 50,000-row sheet passes through here, some several times).
const WIDE = /[\uFF01-\uFF5E\u3000]/;
// Any character one of the clean-ups below changes or removes (WIDE, INVISIBLE, ANY_SPACE together): text
// with none of them is already compact and tidy, and is returned after one scan instead of three.
const UNTIDY = new RegExp([WIDE, INVISIBLE, ANY_SPACE].map((r) => r.source.replace(/\+$/, "")).join("|"));

/** Full-width ASCII (U+FF01–U+FF5E) to half-width, ideographic space to a plain space. */
export function toHalfWidth(text: string): string {
  if (!WIDE.test(text)) return text;
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += " ";
    else out += ch;
  }
  return out;
}

export function removeInvisible(text: string): string {
  return text.replace(INVISIBLE, "");
}

/** Half-width, no invisible characters, no spaces at all: for IDs, numbers and codes. */
export function compactText(text: string): string {
  if (!UNTIDY.test(text)) return text;
  return removeInvisible(toHalfWidth(text)).replace(ANY_SPACE, "");
}

/** Half-width, no invisible characters, runs of spaces folded to one and trimmed. */
export function tidyText(text: string): string {
  if (!UNTIDY.test(text)) return text;
  return removeInvisible(toHalfWidth(text)).replace(ANY_SPACE, " ").trim();
}

/** For matching headers and code-table spellings: compact, lower-case. */
export function matchKey(text: string): string {
  return compactText(text).toLowerCase();
}
