import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { makeWorld, type World } from "../test/world";
import { TEST_ENGINES } from "./db/test-database";
import { createHttpServer } from "./http/server";
import { appRouter } from "./router";

/**
 * Every procedure's every input field, given what a careless or hostile client sends — a NUL, a lone
 * surrogate, an id past int4, a date PostgreSQL cannot hold — answers a refusal the reader can act on
 * (a 4xx with its localised message), never "internal" (README: such input is refused at the boundary, once).
 * The shapes come from the procedures' own zod inputs, so a new procedure or field is covered without a
 * line here.
 */
type Json = Record<string, unknown>;
interface Variant {
  path: string;
  input: unknown;
}

const HOSTILE_TEXT = ["a\u0000b", "\uD800x"];
const HOSTILE_NUMBERS = [2_147_483_648, -2_147_483_649];
const HOSTILE_DATES = ["0000-01-01", "9999-12-31"];

/** A value of the right shape: the first of each choice, the smallest of each range. */
function sample(schema: Json, defs: Json): unknown {
  if (typeof schema.$ref === "string") return sample(defs[schema.$ref.split("/").at(-1) as string] as Json, defs);
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  for (const key of ["anyOf", "oneOf", "allOf"] as const)
    if (Array.isArray(schema[key])) {
      const options = (schema[key] as Json[]).filter((o) => o.type !== "null");
      return key === "allOf" ? Object.assign({}, ...options.map((o) => sample(o, defs))) : sample(options[0] ?? {}, defs);
    }
  switch (schema.type) {
    case "object": {
      const out: Json = {};
      for (const [key, child] of Object.entries((schema.properties ?? {}) as Record<string, Json>))
        if ((schema.required as string[] | undefined)?.includes(key)) out[key] = sample(child, defs);
      return out;
    }
    case "array":
      return [];
    case "integer":
    case "number":
      return typeof schema.minimum === "number" ? schema.minimum : 1;
    case "boolean":
      return false;
    case "string":
      if (schema.format === "date") return "2026-01-05";
      if (typeof schema.pattern === "string" && /\\d\{4\}-\\d\{4\}-/.test(schema.pattern)) return "2025-2026-1";
      if (typeof schema.pattern === "string" && /\\d\{4\}-\\d\{4\}/.test(schema.pattern)) return "2025-2026";
      return "x".repeat(Math.max(1, Number(schema.minLength ?? 1)));
    default:
      return null;
  }
}

/** For each leaf (top-level and one object deep), the sample with that leaf made hostile. */
function variants(schema: Json, defs: Json): Variant[] {
  const base = sample(schema, defs);
  const out: Variant[] = [];
  const visit = (node: Json, path: string[], depth: number) => {
    if (typeof node.$ref === "string") return visit(defs[node.$ref.split("/").at(-1) as string] as Json, path, depth);
    const choices = (node.anyOf ?? node.oneOf) as Json[] | undefined;
    if (choices) {
      for (const choice of choices) if (choice.type !== "null") visit(choice, path, depth);
      return;
    }
    const put = (value: unknown) => {
      const input = structuredClone(base) as Json;
      let at: Json = input;
      for (const key of path.slice(0, -1)) {
        at[key] ??= {};
        at = at[key] as Json;
      }
      if (path.length) at[path.at(-1) as string] = value;
      out.push({ path: path.join(".") || "(input)", input: path.length ? input : value });
    };
    if (node.type === "object" && depth < 2)
      for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, Json>)) visit(child, [...path, key], depth + 1);
    else if (node.type === "string") for (const v of [...HOSTILE_TEXT, ...(node.format === "date" ? HOSTILE_DATES : [])]) put(v);
    else if (node.type === "integer" || node.type === "number") for (const v of HOSTILE_NUMBERS) put(v);
    else if (node.type === "array" && (node.items as Json | undefined)?.type === "string") for (const v of HOSTILE_TEXT) put([v]);
    else if (node.type === "array" && (node.items as Json | undefined)?.type === "integer") for (const v of HOSTILE_NUMBERS) put([v]);
  };
  visit(schema, [], 0);
  return out;
}

interface ProcedureDef {
  _def: { type: "query" | "mutation"; inputs: z.ZodType[] };
}
const procedures = Object.entries((appRouter as unknown as { _def: { procedures: Record<string, ProcedureDef> } })._def.procedures);

function variantsOf(procedure: ProcedureDef): Variant[] {
  const [input] = procedure._def.inputs;
  if (!input) return [];
  const json = z.toJSONSchema(input, { io: "input", unrepresentable: "any" }) as Json;
  return variants(json, (json.$defs ?? {}) as Json);
}

describe.each(TEST_ENGINES)("every input of every procedure, hostile, on %s", (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(engine);
    await w.insertStudents([{ studentNo: "2025010001", name: "张三", collegeId: w.collegeA, majorId: w.majorA, grade: 2025 }]);
  }, 60_000);
  afterAll(() => w.database.close());

  it("covers every procedure that takes input", () => {
    expect(procedures.filter(([, p]) => variantsOf(p).length > 0).length).toBeGreaterThan(50);
  });

  it("answers each with a refusal the reader can act on, never an internal error", async () => {
    const internal: string[] = [];
    for (const user of ["registrar", "admin", "secretary-a"]) {
      const caller = (await w.as(user)) as unknown as Record<string, unknown>;
      for (const [name, procedure] of procedures) {
        if (name.startsWith("auth.")) continue; // signing in and out are exercised over HTTP below
        const call = name.split(".").reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], caller) as (
          i: unknown,
        ) => Promise<unknown>;
        for (const { path, input } of variantsOf(procedure)) {
          try {
            await call(input);
          } catch (error) {
            if (error instanceof TRPCError && error.code === "INTERNAL_SERVER_ERROR")
              internal.push(
                `${user} ${name} ${path}=${JSON.stringify(input).slice(0, 80)}: ${String(error.cause ?? error.message).slice(0, 120)}`,
              );
          }
        }
      }
    }
    expect(internal).toEqual([]);
  }, 600_000);
});

describe.each(TEST_ENGINES)("hostile input over HTTP on %s", (engine) => {
  let w: World;
  let http: { base: string; close: () => void };
  let site: { base: string; close: () => void };
  beforeAll(async () => {
    w = await makeWorld(engine);
    http = await w.serve();
    // A built front-end at / (an empty folder is enough: the path is refused before the disk is read).
    const server = createHttpServer(w.database, {
      sites: [{ prefix: "/", root: mkdtempSync(join(tmpdir(), "site-")), fallback: "index.html" }],
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    site = { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
  }, 60_000);
  afterAll(async () => {
    http.close();
    site.close();
    await w.database.close();
  });

  const post = (path: string, body: unknown, token?: string) =>
    fetch(`${http.base}/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });

  it("refuses a NUL or a lone surrogate in the sign-in name, naming the field", async () => {
    for (const username of ["adm\u0000in", "\uDC00admin"]) {
      const response = await post("auth.signIn", { username, password: "x" });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/“username”含有/);
    }
  });

  it("refuses a user in a college that does not exist as a request that names nothing real", async () => {
    const response = await post(
      "users.create",
      { username: "new-secretary", displayName: "新秘书", role: "secretary", collegeId: 999, password: "temporary-2026" },
      w.tokens.get("admin"),
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/请求引用的学院、专业或其他对象不存在/);
  });

  it("answers an address that is not valid percent-encoding, and a date no database holds, with a 400", async () => {
    expect((await fetch(`${site.base}/%`)).status, "GET /%").toBe(400);
    expect((await fetch(`${http.base}/api/trpc/%`)).status, "GET /api/trpc/%").toBeLessThan(500);
    const input = encodeURIComponent(JSON.stringify({ date: "0000-01-01" }));
    const headcount = await fetch(`${http.base}/api/trpc/reports.headcountXlsx?input=${input}`, {
      headers: { authorization: `Bearer ${w.tokens.get("registrar")}` },
    });
    expect(headcount.status, "reports.headcountXlsx date=0000-01-01").toBe(400);
  });
});
