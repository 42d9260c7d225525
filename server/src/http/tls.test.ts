import { readFileSync } from "node:fs";
import { get } from "node:https";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPane } from "../../../addin/e2e/build-pane";
import { makeDevCertificates } from "../../../addin/e2e/dev-certs";
import { DEV_ORIGIN } from "../cli/manifest";
import { openTestDatabase } from "../db/test-database";
import { createHttpServer } from "./server";
import { findCertificate, listenable } from "./tls";

const root = join(import.meta.dirname, "../../..");

function fetchStatus(url: string, ca: Buffer): Promise<{ status: number; type: string }> {
  return new Promise((resolve, reject) => {
    get(url, { ca }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]) }));
    }).on("error", reject);
  });
}

describe("pnpm start over HTTPS, with the certificate office-addin-dev-certs makes", () => {
  let made: Awaited<ReturnType<typeof makeDevCertificates>>;
  let base = "";
  let close = async () => {};

  beforeAll(async () => {
    made = await makeDevCertificates();
    const dist = buildPane();
    const database = await openTestDatabase("pglite");
    // Where README's command leaves them, found with no setting at all (as `pnpm start` finds them).
    const certificate = findCertificate({}, made.home);
    expect(certificate).not.toBeNull();
    const server = listenable(createHttpServer(database, { sites: [{ prefix: "/addin/", root: dist }] }), certificate);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `https://localhost:${(server.address() as AddressInfo).port}`;
    close = async () => {
      server.close();
      await database.close();
    };
  }, 180_000);
  afterAll(() => close());

  it("finds no certificate where there is none (plain HTTP, as before)", () => {
    expect(findCertificate({}, join(made.home, "nowhere"))).toBeNull();
  });

  it("answers 200 for every URL in manifest.xml", async () => {
    const manifest = readFileSync(join(root, "manifest.xml"), "utf8");
    const urls = [...new Set([...manifest.matchAll(/"(https:\/\/localhost:3000\/[^"]*)"/g)].map((m) => m[1] as string))];
    expect(urls.length).toBeGreaterThanOrEqual(6);
    // Trusting only the tool's CA, as the office PC does after `office-addin-dev-certs install`.
    const ca = readFileSync(made.ca);
    for (const url of urls) {
      const answer = await fetchStatus(url.replace(DEV_ORIGIN, base), ca);
      expect(answer.status, url).toBe(200);
      expect(answer.type, url).toMatch(url.endsWith(".png") ? /image\/png/ : /text\/html/);
    }
    expect((await fetchStatus(`${base}/api/health`, ca)).status).toBe(200);
  });
});
