import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { AppError, type Locale } from "@xueji/shared";
import { writeOutput } from "./write-output";

/** Where the development manifest points: `pnpm start` with README's localhost certificate. */
export const DEV_ORIGIN = "https://localhost:3000";
const MANIFEST = join(import.meta.dirname, "../../../manifest.xml");

/**
 * The manifest for a real deployment: the same add-in Id (so Excel treats it as the same add-in),
 * every URL moved from the development origin to the school's server. Office requires HTTPS, and
 * the origin must be bare (the task pane lives at /addin/ under it).
 */
export function deploymentManifest(xml: string, origin: string): string {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new AppError("cli.bad-url", { url: origin });
  }
  if (url.protocol !== "https:" || url.pathname !== "/" || url.search || url.hash) {
    throw new AppError("cli.bad-url", { url: origin });
  }
  return xml.replaceAll(DEV_ORIGIN, url.origin);
}

/** `xueji manifest --url https://xueji.example.edu.cn [--out FILE]`: writes the file and returns its path. */
export async function writeDeploymentManifest(origin: string, out: string | undefined, locale: Locale): Promise<string> {
  const xml = deploymentManifest(await readFile(MANIFEST, "utf8"), origin);
  const path = out ?? `manifest.${new URL(origin).hostname}.xml`;
  await writeOutput(path, xml, locale);
  return path;
}
