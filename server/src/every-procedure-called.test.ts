import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { appRouter } from "./router";

/**
 * Every procedure of the app router is called by a front end: the dashboard, the pane or the command line.
 * A procedure nobody calls is a step no one can take (or dead code the permission and input tests keep
 * paying for), so it gets a screen or is deleted. The scan reads the front ends' sources for the ways
 * they call the server: `client.router.procedure.query(...)` / `api.router.procedure.mutate(...)` and the
 * dashboard's typed helpers `apiQuery("router", "procedure", …)` / `apiMutation("router", "procedure")`.
 */
const ROOT = join(import.meta.dirname, "..", "..");
const FRONT_ENDS = ["dashboard/src", "addin/src", "server/src/cli"];

/**
 * Procedures whose caller is legitimately outside those sources. Each says who calls it.
 * Keep this short: a new entry needs a reason as good as these.
 */
const CALLED_ELSEWHERE: Record<string, string> = {};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "node_modules" ? [] : sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

function calledProcedures(): Set<string> {
  const called = new Set<string>();
  const text = FRONT_ENDS.flatMap((dir) => sources(join(ROOT, dir))).map((file) => readFileSync(file, "utf8"));
  for (const source of text) {
    for (const m of source.matchAll(/\.([a-zA-Z]+)\.([a-zA-Z]+)\.(?:query|mutate)\(/g)) called.add(`${m[1]}.${m[2]}`);
    for (const m of source.matchAll(/\b(?:apiQuery|apiMutation)\(\s*"([a-zA-Z]+)",\s*"([a-zA-Z]+)"/g)) called.add(`${m[1]}.${m[2]}`);
  }
  return called;
}

describe("every procedure has a caller", () => {
  const procedures = Object.keys(appRouter._def.procedures).sort();
  const called = calledProcedures();

  it("finds the front ends' calls (the scan itself works)", () => {
    // Known callers in each front end: the dashboard's sign-in, the pane's submit, the CLI's import.
    expect(called).toContain("auth.signIn");
    expect(called).toContain("sheets.submit");
    expect(called).toContain("imports.commit");
    expect(procedures.length).toBeGreaterThan(50);
  });

  it("calls every procedure of the app router from the dashboard, the pane or the command line", () => {
    const uncalled = procedures.filter((p) => !called.has(p) && !(p in CALLED_ELSEWHERE));
    expect(uncalled).toEqual([]);
  });

  it("allows only procedures that exist and are not called from the front ends", () => {
    const stale = Object.keys(CALLED_ELSEWHERE).filter((p) => !procedures.includes(p) || called.has(p));
    expect(stale).toEqual([]);
  });
});
