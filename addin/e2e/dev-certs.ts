import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateCertificates } from "office-addin-dev-certs";

/**
 * The certificates README's `office-addin-dev-certs install` makes — by the same tool, in a scratch folder,
 * without the step that trusts its CA in the system store (that needs the desktop's own prompt or sudo).
 * A test that trusts `ca` as Excel's machine would proves the chain the tool makes is one `pnpm start` serves.
 */
export async function makeDevCertificates(): Promise<{ home: string; dir: string; ca: string; cert: string; key: string }> {
  // A home folder laid out as the tool leaves one: ~/.office-addin-dev-certs/{ca,localhost}.crt, localhost.key.
  const home = mkdtempSync(join(tmpdir(), "xueji-home-"));
  const dir = join(home, ".office-addin-dev-certs");
  mkdirSync(dir);
  const ca = join(dir, "ca.crt");
  const cert = join(dir, "localhost.crt");
  const key = join(dir, "localhost.key");
  await generateCertificates(ca, cert, key, 1);
  return { home, dir, ca, cert, key };
}
