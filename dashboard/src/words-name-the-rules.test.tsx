import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const SRC = import.meta.dirname;
// The settings' labels, which the settings pages show, live in the workspace's shared package.
const SETTING_LABELS = join(dirname(fileURLToPath(import.meta.resolve("@xueji/shared/package.json"))), "src/messages/setting-labels.ts");

function wordFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? wordFiles(join(dir, e.name)) : /(-words|zh-CN|en)\.ts$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** The quoted strings of a source file (what a user reads), without its comments. */
function strings(source: string): string[] {
  return [...source.matchAll(/"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)].map((m) => m[1] ?? m[2] ?? "");
}

/**
 * The seeds are this project's copies of the school's regulations; a user knows them by their own names
 * (《学籍管理工作流程图》七、学位授予资格审查), never by our file numbers (seed 001 七 says nothing to a registrar).
 */
describe("the dashboard's words name the school's rules", () => {
  it("seed 001 七: the committee dialog, and every other text, names the regulation, not a seed number", () => {
    const files = [...wordFiles(SRC), SETTING_LABELS];
    expect(files.some((f) => f.endsWith("graduation-words.ts"))).toBe(true);
    const found = files.flatMap((f) =>
      strings(readFileSync(f, "utf8"))
        .filter((s) => /种子\s*\d|seed\s+\d{3}/i.test(s))
        .map((s) => `${f.slice(SRC.length + 1)}: ${s}`),
    );
    expect(found).toEqual([]);
  });
});
