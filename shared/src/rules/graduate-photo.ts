import type { Locale } from "../messages/locale";
import type { AuditRules } from "./graduation-audit";

/**
 * The graduate photo (图像采集, seed 000 六.2) as 学信网 takes it (seed 000 四 备注: 二寸蓝底; 电子版 宽高 480*640, 大小介于
 * 1KB-100KB): what an uploaded file can be checked for. The format and the measurements are exact; the blue background
 * is judged from the border (see `blueBorderShare`) — a file cannot tell a blue wall from a blue cloth, nor whether the
 * face is the student's, which stays with whoever collects the photos.
 */
export type PhotoProblem =
  | { code: "not-jpeg" }
  | { code: "size"; bytes: number; minBytes: number; maxBytes: number }
  | { code: "dimensions"; width: number; height: number; wantWidth: number; wantHeight: number }
  | { code: "background"; bluePercent: number };

/** Share of the sampled border that must be blue for a 蓝底 photo (a little hair or shoulder at the edge is allowed). */
export const BLUE_BORDER_SHARE = 0.8;

export function photoProblems(
  photo: { jpeg: boolean; bytes: number; width: number | null; height: number | null; blueShare: number | null },
  rules: AuditRules["photo"],
): PhotoProblem[] {
  if (!photo.jpeg) return [{ code: "not-jpeg" }];
  const out: PhotoProblem[] = [];
  if (photo.bytes < rules.minBytes || photo.bytes > rules.maxBytes)
    out.push({ code: "size", bytes: photo.bytes, minBytes: rules.minBytes, maxBytes: rules.maxBytes });
  if (photo.width !== rules.width || photo.height !== rules.height)
    out.push({ code: "dimensions", width: photo.width ?? 0, height: photo.height ?? 0, wantWidth: rules.width, wantHeight: rules.height });
  if (photo.blueShare !== null && photo.blueShare < BLUE_BORDER_SHARE)
    out.push({ code: "background", bluePercent: Math.round(photo.blueShare * 100) });
  return out;
}

/** A pixel is the photo studio's blue: hue 185°–255°, clearly saturated and not dark (学信网 blue is about RGB 67,142,219). */
export function isBlue(r: number, g: number, b: number): boolean {
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  if (max !== b || max < 90 || (max - min) / max < 0.3) return false;
  const hue = 60 * ((r - g) / (max - min)) + 240;
  return hue >= 185 && hue <= 255;
}

/**
 * The share of the background border that is blue, in an RGBA image: the top rows across the whole width, and the
 * left and right columns down to half the height (below, a portrait has shoulders at the edges). Every few pixels are
 * sampled; a 480×640 photo gives about 2,000 samples.
 */
export function blueBorderShare(image: { width: number; height: number; data: ArrayLike<number> }): number {
  const { width, height, data } = image;
  const band = Math.max(1, Math.round(width * 0.06));
  const top = Math.max(1, Math.round(height * 0.05));
  let blue = 0;
  let seen = 0;
  const sample = (x: number, y: number) => {
    const i = (y * width + x) * 4;
    seen += 1;
    if (isBlue(data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0)) blue += 1;
  };
  for (let y = 0; y < top; y += 2) for (let x = 0; x < width; x += 3) sample(x, y);
  for (let y = top; y < Math.round(height / 2); y += 3)
    for (let x = 0; x < band; x += 2) {
      sample(x, y);
      sample(width - 1 - x, y);
    }
  return seen === 0 ? 0 : blue / seen;
}

/** What each problem says, to the person who uploaded the photo. */
export function photoProblemText(p: PhotoProblem, locale: Locale): string {
  const zh = locale === "zh-CN";
  switch (p.code) {
    case "not-jpeg":
      return zh ? "不是 JPG 图片" : "not a JPG image";
    case "size":
      return zh
        ? `文件大小 ${(p.bytes / 1024).toFixed(1)} KB，应在 ${p.minBytes / 1024}–${p.maxBytes / 1024} KB 之间`
        : `${(p.bytes / 1024).toFixed(1)} KB, must be ${p.minBytes / 1024}–${p.maxBytes / 1024} KB`;
    case "dimensions":
      return zh
        ? `尺寸 ${p.width}×${p.height}，应为 ${p.wantWidth}×${p.wantHeight}（宽×高）`
        : `${p.width}×${p.height} pixels, must be ${p.wantWidth}×${p.wantHeight} (width×height)`;
    case "background":
      return zh
        ? `背景不是蓝色（边缘只有 ${p.bluePercent}% 为蓝色）`
        : `the background is not blue (only ${p.bluePercent}% of the border is blue)`;
  }
}
