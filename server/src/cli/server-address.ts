import { existsSync, readFileSync } from "node:fs";
import { request } from "node:https";
import { join } from "node:path";
import { rootCertificates } from "node:tls";
import { AppError } from "@xueji/shared";
import { findCertificate } from "../http/tls";
import { homeOf } from "./io";

const DEV_CERTS = ".office-addin-dev-certs";

/**
 * The server `xueji login` / `submit` talk to when neither --server nor XUEJI_SERVER says: the
 * one `pnpm start` on this machine serves — https://localhost:PORT when it found a certificate
 * (the same `findCertificate` it uses), else http://localhost:PORT.
 */
export function defaultServer(env: NodeJS.ProcessEnv, home = homeOf(env)): string {
  if (env.XUEJI_SERVER) return env.XUEJI_SERVER;
  const port = Number(env.PORT ?? 3000);
  return `${findCertificate(env, home) ? "https" : "http"}://localhost:${port}`;
}

/**
 * The certificates an HTTPS call trusts: the public roots, plus the local ones `pnpm start` may
 * serve with — office-addin-dev-certs' CA (README's command trusts it in the system store, which
 * Node does not read) and the served certificate itself (a self-signed XUEJI_TLS_CERT).
 */
export function trustedCertificates(env: NodeJS.ProcessEnv, home = homeOf(env)): string[] {
  const local = [join(home, DEV_CERTS, "ca.crt"), env.XUEJI_TLS_CERT ?? join(home, DEV_CERTS, "localhost.crt")].filter((path) =>
    existsSync(path),
  );
  return [...rootCertificates, ...local.map((path) => readFileSync(path, "utf8"))];
}

/** Why a connection failed, in the words the error code gives (ECONNREFUSED, ENOTFOUND, a certificate problem). */
function reasonOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const code = (error as { code?: string })?.code ?? cause?.code;
  return code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/**
 * The `fetch` the command line's API client uses: over HTTPS it trusts `trustedCertificates`;
 * a server that cannot be reached is a localised `cli.unreachable` naming the address tried.
 */
export function cliFetch(server: string, env: NodeJS.ProcessEnv, home = homeOf(env)): typeof fetch {
  const ca = server.startsWith("https:") ? trustedCertificates(env, home) : null;
  const unreachable = (error: unknown) => new AppError("cli.unreachable", { url: server, reason: reasonOf(error) });
  if (!ca)
    return (async (input, init) => {
      try {
        return await fetch(input, init);
      } catch (error) {
        throw unreachable(error);
      }
    }) as typeof fetch;
  return ((input: string | URL | Request, init?: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const headers = new Headers(init?.headers);
      const req = request(url, { method: init?.method ?? "GET", headers: Object.fromEntries(headers), ca }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const answer = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            if (value !== undefined) answer.set(name, Array.isArray(value) ? value.join(", ") : value);
          }
          resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 500, headers: answer }));
        });
        res.on("error", (error) => reject(unreachable(error)));
      });
      req.on("error", (error) => reject(unreachable({ cause: error })));
      init?.signal?.addEventListener("abort", () => req.destroy(new Error("aborted")));
      if (typeof init?.body === "string") req.end(init.body);
      else req.end();
    })) as typeof fetch;
}
