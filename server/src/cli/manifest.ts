import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { AppError, type Locale } from "@xueji/shared";
import { addinVersion, wpsOemIni, wpsPluginsXml } from "../front-ends/wps-plugin";
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
  return xml.replaceAll(DEV_ORIGIN, deploymentOrigin(origin));
}

/** The bare HTTPS origin of a deployment (Office and WPS load the pane over HTTPS only). */
export function deploymentOrigin(origin: string): string {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new AppError("cli.bad-url", { url: origin });
  }
  if (url.protocol !== "https:" || url.pathname !== "/" || url.search || url.hash) {
    throw new AppError("cli.bad-url", { url: origin });
  }
  return url.origin;
}

/** `xueji manifest --url https://xueji.example.edu.cn [--out FILE]`: writes the file and returns its path. */
export async function writeDeploymentManifest(origin: string, out: string | undefined, locale: Locale): Promise<string> {
  const xml = deploymentManifest(await readFile(MANIFEST, "utf8"), origin);
  const path = out ?? `manifest.${new URL(origin).hostname}.xml`;
  await writeOutput(path, xml, locale);
  return path;
}

/**
 * `xueji manifest --wps --url https://xueji.example.edu.cn [--out DIR]`: the WPS deployment — jsplugins.xml
 * (the same list the server serves at /addin/wps/jsplugins.xml) and the oem.ini lines — in DIR.
 */
export async function writeWpsDeployment(origin: string, out: string | undefined, locale: Locale): Promise<string[]> {
  const base = deploymentOrigin(origin);
  const dir = out ?? `wps.${new URL(base).hostname}`;
  await mkdir(dir, { recursive: true });
  const files = [join(dir, "jsplugins.xml"), join(dir, "oem.ini")];
  await writeOutput(files[0] as string, wpsPluginsXml(base, await addinVersion()), locale);
  await writeOutput(files[1] as string, wpsOemIni(base), locale);
  return files;
}
