/**
 * A reminder goes to a group chat or a mailbox outside Xueji: it never carries a 身份证号 or a phone number,
 * whatever text (a return reason, an opinion) it quotes. 18-character ID numbers (17 digits and a digit or X,
 * seed 000 四) and 15-digit old ones, and mainland mobile numbers (11 digits from 1[3-9]) and landlines
 * (0xx-xxxxxxxx) are replaced, as are any other runs of 7 or more digits that could be either.
 */
const ID_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])|(?<!\d)\d{15}(?!\d)/g;
const MOBILE = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/g;
const LANDLINE = /(?<!\d)0\d{2,3}[- ]\d{7,8}(?!\d)/g;
const LONG_DIGITS = /(?<!\d)\d{7,}(?!\d)/g;

export function scrubPersonalNumbers(text: string): string {
  return text.replace(ID_NUMBER, "＊").replace(MOBILE, "＊").replace(LANDLINE, "＊").replace(LONG_DIGITS, "＊");
}

/** True when a text still has something that looks like an ID number or a phone number. */
export function hasPersonalNumber(text: string): boolean {
  return [ID_NUMBER, MOBILE, LANDLINE, LONG_DIGITS].some((pattern) => {
    pattern.lastIndex = 0;
    return pattern.test(text);
  });
}
