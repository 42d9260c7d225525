import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { FIRST_PAGES } from "../src/routes/first-page";

/** The first page's JavaScript, gzipped, at most this much. */
export const FIRST_PAGE_JS_LIMIT = 250 * 1024;

/** A built file's size as a server sends it compressed (gzip level 9, as Vite reports it). */
export function gzipSize(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

interface Chunk {
  file: string;
  imports?: string[];
}

export interface ScriptSizes {
  files: Array<{ file: string; gzip: number }>;
  total: number;
}

function sizes(dist: string, files: Iterable<string>): ScriptSizes {
  const list = [...files].map((file) => ({ file, gzip: gzipSize(join(dist, file)) }));
  return { files: list, total: list.reduce((sum, f) => sum + f.gzip, 0) };
}

/**
 * The dashboard's first JavaScript, from a build (`dist/` with Vite's manifest):
 * - `html`: what the built index.html loads before anything runs (the entry and the modules it preloads,
 *   which include the overview's, see vite.config.ts);
 * - `pages`: for each first page, that and every chunk it needs before it is drawn (the static imports of
 *   FIRST_PAGES' modules). Chunks loaded later (other pages, dialogs, English, the filters' dropdown,
 *   leaders' charts) are in none.
 */
export function firstPageJs(dist: string): { html: ScriptSizes; pages: Record<keyof typeof FIRST_PAGES, ScriptSizes> } {
  const manifest = JSON.parse(readFileSync(join(dist, ".vite/manifest.json"), "utf8")) as Record<string, Chunk>;
  const keyOfFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const loaded = [
    ...html.matchAll(/<script[^>]*\btype="module"[^>]*\bsrc="\/([^"]+)"/g),
    ...html.matchAll(/<link[^>]*\brel="modulepreload"[^>]*\bhref="\/([^"]+)"/g),
  ].map((m) => m[1] as string);

  const visit = (files: Set<string>, key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the dashboard's build manifest`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(files, imported);
  };
  const htmlFiles = new Set<string>();
  for (const file of loaded) {
    const key = keyOfFile.get(file);
    if (key) visit(htmlFiles, key);
    else htmlFiles.add(file);
  }
  const page = (modules: readonly string[]) => {
    const files = new Set(htmlFiles);
    for (const key of modules) visit(files, key);
    return sizes(dist, files);
  };
  return { html: sizes(dist, htmlFiles), pages: { overview: page(FIRST_PAGES.overview), "sign-in": page(FIRST_PAGES["sign-in"]) } };
}
