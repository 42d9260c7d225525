/** The languages every user-visible string is written in: Simplified Chinese first, then English. */
export type Locale = "zh-CN" | "en";
export const LOCALES: readonly Locale[] = ["zh-CN", "en"];
