import { createDarkTheme, createLightTheme, type Theme } from "@fluentui/react-components";
import { xuejiBrand } from "./brand";

/**
 * Chinese text first: Windows' 微软雅黑, macOS' 苹方, then the Noto CJK fonts Linux (and the CI's
 * Chromium) has. No hosted fonts: everything here is installed on the reader's machine.
 */
const fontFamilyBase =
  '"Segoe UI", "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';
const fontFamilyNumeric = '"Segoe UI", "Cascadia Mono", Consolas, "Noto Sans Mono CJK SC", monospace';

function withFonts(theme: Theme): Theme {
  return { ...theme, fontFamilyBase, fontFamilyNumeric };
}

// Marked pure so a bundle that uses one theme leaves the other (and its colour palette) out.
export const xuejiLightTheme: Theme = /* @__PURE__ */ withFonts(/* @__PURE__ */ createLightTheme(xuejiBrand));
export const xuejiDarkTheme: Theme = /* @__PURE__ */ withFonts(/* @__PURE__ */ createDarkTheme(xuejiBrand));
