import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".xml": "application/xml; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** A built front-end: the URL prefix it answers (ending in "/") and the folder Vite wrote it to. */
export interface StaticSite {
  prefix: string;
  root: string;
  /** The page for any path that is not a file (a single-page app's client-side routes). */
  fallback?: string;
  /**
   * Who may show these pages in a frame (CSP `frame-ancestors`): the site's own pages only unless
   * given — the task pane names the Office and WPS hosts that frame an add-in (FRAMING_HOSTS).
   */
  frameAncestors?: readonly string[];
}

/**
 * Hosts that show a task pane in a frame: Excel on the web (Microsoft 365, SharePoint, Outlook on
 * the web) and WPS 表格 / 金山文档 online. Desktop Excel and WPS use a web view, not a frame.
 */
export const OFFICE_FRAME_HOSTS: readonly string[] = [
  "https://*.officeapps.live.com",
  "https://*.office.com",
  "https://*.office365.com",
  "https://*.microsoft365.com",
  "https://*.cloud.microsoft",
  "https://*.sharepoint.com",
  "https://*.live.com",
  "https://*.wps.cn",
  "https://*.wps.com",
  "https://*.kdocs.cn",
];

async function fileAt(path: string): Promise<{ path: string; size: number } | null> {
  try {
    const info = await stat(path);
    return info.isFile() ? { path, size: info.size } : null;
  } catch {
    return null;
  }
}

/** The request's path, percent-decoded; null when it is not valid percent-encoding (`/%`). */
function decodedPath(url: string | undefined): string | null {
  try {
    return decodeURIComponent(new URL(url ?? "/", "http://localhost").pathname);
  } catch {
    return null;
  }
}

/**
 * Serves a built front-end. Hashed assets (`/assets/…`) are cached for a year; everything else is
 * revalidated, so a new build reaches the browser at once. A path that climbs out of the root is
 * refused before the disk is touched.
 */
export async function serveStatic(site: StaticSite, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const pathname = decodedPath(req.url);
  if (pathname !== null && !pathname.startsWith(site.prefix) && `${pathname}/` !== site.prefix) return false;
  const relative = normalize(pathname?.slice(site.prefix.length) || "index.html");
  if (pathname === null || relative.startsWith("..") || relative.includes(`${sep}..`) || relative.includes("\0")) {
    res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
    res.end("请求路径无效 / Invalid path");
    return true;
  }
  const hashed = relative.startsWith(`assets${sep}`);
  let file = await fileAt(join(site.root, relative.endsWith(sep) ? join(relative, "index.html") : relative));
  // A missing asset is a 404, never the page: the page under an asset's URL would be cached for a year.
  if (!file && !hashed && !extname(relative) && site.fallback) file = await fileAt(join(site.root, site.fallback));
  if (!file) return false;
  res.writeHead(200, {
    "content-type": TYPES[extname(file.path)] ?? "application/octet-stream",
    "content-length": file.size,
    "cache-control": hashed ? "public, max-age=31536000, immutable" : "no-cache",
    "x-content-type-options": "nosniff",
    "content-security-policy": `frame-ancestors ${["'self'", ...(site.frameAncestors ?? [])].join(" ")}`,
  });
  if (req.method === "HEAD") res.end();
  else createReadStream(file.path).pipe(res);
  return true;
}
