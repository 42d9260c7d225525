import { existsSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import { createServer as createHttpsServer, type Server as HttpsServer } from "node:https";
import { homedir } from "node:os";
import { join } from "node:path";

export interface Certificate {
  key: Buffer;
  cert: Buffer;
}

/**
 * The certificate `pnpm start` serves HTTPS with (Office loads add-ins only over HTTPS):
 * XUEJI_TLS_CERT and XUEJI_TLS_KEY when set (a real deployment's), else the localhost certificate
 * README's `office-addin-dev-certs install` made and trusted (~/.office-addin-dev-certs). Null:
 * plain HTTP, as before.
 */
export function findCertificate(env: NodeJS.ProcessEnv = process.env, home = homedir()): Certificate | null {
  const certPath = env.XUEJI_TLS_CERT ?? join(home, ".office-addin-dev-certs", "localhost.crt");
  const keyPath = env.XUEJI_TLS_KEY ?? join(home, ".office-addin-dev-certs", "localhost.key");
  if (!existsSync(certPath) || !existsSync(keyPath)) return null;
  return { cert: readFileSync(certPath), key: readFileSync(keyPath) };
}

/** The same request handling as `createHttpServer`, over TLS: every request is handed to it unchanged. */
export function overTls(server: Server, certificate: Certificate): HttpsServer {
  return createHttpsServer(certificate, (req, res) => server.emit("request", req, res));
}

/** `server` itself without a certificate, else the HTTPS server in front of it. */
export function listenable(server: Server, certificate: Certificate | null): Server | HttpsServer {
  return certificate ? overTls(server, certificate) : server;
}
