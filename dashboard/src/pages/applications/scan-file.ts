import type { TFunction } from "i18next";

/** What the server takes (record-sign-off.ts checkScan): JPG, PNG or PDF, at most 2 MB. */
export const SCAN_TYPES = ["image/jpeg", "image/png", "application/pdf"] as const;
export type ScanType = (typeof SCAN_TYPES)[number];
export const MAX_SCAN_MB = 2;
export const SCAN_ACCEPT = ".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf";

/**
 * A chosen file as the server takes it, or the reason it is refused in the reader's words — checked here
 * first so that a 30 MB photo is not sent only to be refused (the server checks again, by its bytes).
 */
export async function readScan(
  file: File,
  t: TFunction,
): Promise<{ ok: true; type: ScanType; base64: string } | { ok: false; message: string }> {
  const type = (SCAN_TYPES as readonly string[]).includes(file.type) ? (file.type as ScanType) : null;
  if (!type) return { ok: false, message: t("journey.scans.badType", { name: file.name }) };
  if (file.size > MAX_SCAN_MB * 1024 * 1024 || file.size === 0)
    return { ok: false, message: t("journey.scans.tooBig", { name: file.name, mb: MAX_SCAN_MB }) };
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { ok: true, type, base64: btoa(binary) };
}

/** Opens a stored scan in a new tab (the browser shows JPG, PNG and PDF itself). */
export function openScan(scan: { type: string; base64: string }): void {
  const bytes = Uint8Array.from(atob(scan.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: scan.type }));
  window.open(url, "_blank", "noopener");
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
