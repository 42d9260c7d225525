import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type XuejiResult, xueji as xuejiHere } from "../../test/run-xueji";
import { makeCertificate } from "../../test/self-signed";
import { makeWorld, PASSWORD, type World } from "../../test/world";
import { createHttpServer } from "../http/server";
import { findCertificate, listenable } from "../http/tls";
import { apiClient } from "./api-client";
import { defaultServer } from "./server-address";

/** `xueji …` with this environment, without the test's own XUEJI_SERVER, certificate or port. */
function xueji(args: string[], env: Record<string, string>): Promise<XuejiResult> {
  return xuejiHere(args, { XUEJI_SERVER: undefined, XUEJI_TLS_CERT: undefined, XUEJI_TLS_KEY: undefined, PORT: undefined, ...env });
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe("the command line follows pnpm start to HTTPS", () => {
  const made = makeCertificate();
  // A home folder as README's `office-addin-dev-certs install` leaves it (here with a self-signed certificate).
  const home = mkdtempSync(join(tmpdir(), "xueji-cli-home-"));
  mkdirSync(join(home, ".office-addin-dev-certs"));
  copyFileSync(made.cert, join(home, ".office-addin-dev-certs", "localhost.crt"));
  copyFileSync(made.key, join(home, ".office-addin-dev-certs", "localhost.key"));
  let w: World;
  let port = 0;
  let stop = () => {};

  beforeAll(async () => {
    w = await makeWorld("pglite");
    // What pnpm start does: the certificate it finds in that home, served over HTTPS.
    const server = listenable(createHttpServer(w.database), findCertificate({}, home));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
    stop = () => server.close();
  }, 60_000);
  afterAll(async () => {
    stop();
    await w.database.close();
  });

  it("defaults to https://localhost when pnpm start would find a certificate, http otherwise; XUEJI_SERVER wins", () => {
    expect(defaultServer({}, home)).toBe("https://localhost:3000");
    expect(defaultServer({ PORT: "8443" }, home)).toBe("https://localhost:8443");
    expect(defaultServer({}, join(home, "nowhere"))).toBe("http://localhost:3000");
    expect(defaultServer({ XUEJI_SERVER: "https://xueji.example.edu.cn" }, home)).toBe("https://xueji.example.edu.cn");
    expect(defaultServer({ XUEJI_TLS_CERT: made.cert, XUEJI_TLS_KEY: made.key }, join(home, "nowhere"))).toBe("https://localhost:3000");
  });

  it("reaches the HTTPS server trusting the local certificate", async () => {
    const me = await apiClient(`https://localhost:${port}`, w.tokens.get("secretary-a") as string, "zh-CN", { HOME: home }).auth.me.query();
    expect(me.username).toBe("secretary-a");
  });

  it("xueji login without --server signs in to https://localhost:PORT and keeps that address", async () => {
    const env = { HOME: home, XUEJI_HOME: join(home, ".xueji"), PORT: String(port), XUEJI_PASSWORD: PASSWORD };
    const result = await xueji(["login", "--user", "secretary-a"], env);
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining("已登录") });
    const saved = JSON.parse(readFileSync(join(home, ".xueji", "credentials.json"), "utf8"));
    expect(saved.server).toBe(`https://localhost:${port}`);
    // An untrusted certificate is refused (not silently accepted) and named as the reason.
    const stranger = mkdtempSync(join(tmpdir(), "xueji-cli-stranger-"));
    const refused = await xueji(["login", "--user", "secretary-a", "--server", `https://localhost:${port}`], { ...env, HOME: stranger });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`无法连接学籍服务器 https://localhost:${port}`);
    expect(refused.stderr).toMatch(/SELF_SIGNED|CERT/);
  });

  it("says which address it tried when nothing answers there, in the reader's language", async () => {
    const nothing = await closedPort();
    const env = { HOME: home, XUEJI_HOME: join(home, ".xueji-none"), PORT: String(nothing), XUEJI_PASSWORD: PASSWORD };
    const zh = await xueji(["login", "--user", "secretary-a"], env);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain(`无法连接学籍服务器 https://localhost:${nothing}（ECONNREFUSED）`);
    const en = await xueji(
      ["submit", "x.xlsx", "--term", "2025-2026-1", "--server", `http://127.0.0.1:${nothing}`, "--token", "t", "--lang", "en"],
      env,
    );
    expect(en.stdout).toContain(`Cannot reach the Xueji server at http://127.0.0.1:${nothing} (ECONNREFUSED)`);
  });
});
