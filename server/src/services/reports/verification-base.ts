import { AppError } from "@xueji/shared";

const LOOPBACK = /^https?:\/\/(localhost|127(?:\.\d{1,3}){3}|\[::1\])(:\d+)?$/i;

/**
 * Where a printed paper says it can be checked. The configured public address (XUEJI_PUBLIC_URL) when there is
 * one; otherwise only a loopback origin (a demo or a developer's machine) is believed. Any other origin comes from
 * the request's Host header, which whoever sends the request chooses: a paper numbered with it would send its
 * reader to their site. So without a configured address such a paper is refused, in the issuer's words.
 * `origin` is absent for calls that did not come over HTTP (tests, the command line): nothing to forge there.
 */
export function verificationBase(configured: string | undefined, origin: string | undefined): string {
  if (configured) return configured.replace(/\/+$/, "");
  if (origin === undefined) return "";
  if (LOOPBACK.test(origin)) return origin;
  throw new AppError("document.public-url-missing");
}
