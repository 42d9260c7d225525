import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from "@xueji/shared";
import { describe, expect, it } from "vitest";

/** Every production source file of the server (tests left out). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

const SERVER = join(import.meta.dirname, "../..");
const text = sources(SERVER)
  .map((file) => readFileSync(file, "utf8"))
  .join("\n");

describe("the audit log reads in words", () => {
  it("names every action the server records (a registrar never reads a key like sheet.reject)", () => {
    const recorded = [...new Set([...text.matchAll(/action: "([a-z-]+\.[a-z.-]+)"/g)].map((m) => m[1] as string))];
    expect(recorded.length).toBeGreaterThan(30);
    expect(recorded.filter((action) => !AUDIT_ACTIONS[action])).toEqual([]);
  });

  it("names every kind of record an event is about, and gives it to a domain (who may read it)", () => {
    const kinds = [...new Set([...text.matchAll(/entity: "([a-z_]+)"/g)].map((m) => m[1] as string))];
    expect(kinds.filter((kind) => !AUDIT_ENTITIES[kind])).toEqual([]);
  });
});
