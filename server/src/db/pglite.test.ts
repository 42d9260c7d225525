import { readFileSync } from "node:fs";
import { types } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { type Database, resultRows } from "./client";
import { createPglite } from "./pglite";
import { openScratchDatabase, PGLITE_TEMPLATE_VARIABLE, TEST_ENGINES } from "./test-database";

/** JSON text as drizzle and the sheets' insert write it: CJK, a character beyond the BMP, escapes, numbers to normalise. */
const JSON_TEXT = JSON.stringify({
  姓名: "张三𠀀",
  note: 'quote " backslash \\ tab \t newline \n',
  list: [1, 2.5, -0, 1e21, null, true],
  empty: {},
});

describe("the embedded database's client", () => {
  it("sends a jsonb parameter given as JSON text as jsonb's binary form: a version byte, then the UTF-8 text", async () => {
    // From the migrated template when the global setup made one (a fresh folder takes initdb's seconds).
    const template = process.env[PGLITE_TEMPLATE_VARIABLE];
    const pglite = createPglite(template ? { loadDataDir: new Blob([new Uint8Array(readFileSync(template))]) } : {});
    try {
      const sent = pglite.serializers[types.JSONB]?.(JSON_TEXT) as unknown;
      expect(sent).toBeInstanceOf(Uint8Array);
      const bytes = sent as Uint8Array;
      expect(bytes[0]).toBe(1);
      expect(Buffer.from(bytes.subarray(1)).toString("utf8")).toBe(JSON_TEXT);
      // A value that is not text yet goes as PGlite writes it.
      expect(pglite.serializers[types.JSONB]?.({ a: [1] })).toBe('{"a":[1]}');
      // And the server takes the bytes for the jsonb the text makes.
      const { rows } = await pglite.query<{ sent: unknown }>("select $1::jsonb as sent", [JSON_TEXT]);
      expect(rows[0]?.sent).toEqual(JSON.parse(JSON_TEXT));
    } finally {
      await pglite.close();
    }
  });
});

describe("the embedded database's bytea and long text parameters", () => {
  it("sends bytes as they are and long text as its UTF-8 bytes; the server stores what PGlite's own way stores", async () => {
    const template = process.env[PGLITE_TEMPLATE_VARIABLE];
    const pglite = createPglite(template ? { loadDataDir: new Blob([new Uint8Array(readFileSync(template))]) } : {});
    try {
      // A Buffer that is a view into a larger one (Node pools small Buffers): only its own bytes go.
      const pooled = Buffer.from("学籍,2026\r\n", "utf8");
      expect(pooled.byteOffset > 0 || pooled.buffer.byteLength > pooled.length).toBe(true);
      const large = Buffer.alloc(300_000, 0);
      for (let i = 0; i < large.length; i++) large[i] = (i * 7919) % 256;
      for (const bytes of [pooled, large, new Uint8Array(0)]) {
        expect(pglite.serializers[types.BYTEA]?.(bytes)).toBe(bytes);
        const { rows } = await pglite.query<{ back: Uint8Array; hex: string }>(
          "select $1::bytea as back, encode($1::bytea, 'hex') as hex",
          [bytes],
        );
        expect(Buffer.from(rows[0]?.back ?? []).equals(Buffer.from(bytes))).toBe(true);
        expect(rows[0]?.hex).toBe(Buffer.from(bytes).toString("hex"));
      }
      expect(() => pglite.serializers[types.BYTEA]?.("not bytes")).toThrow("bytea");
      // Text: CJK, a character beyond the BMP, a long data URL; a short one and a date go as PGlite writes them.
      const long = `data:image/jpeg;base64,${large.toString("base64")}张三𠀀`;
      expect(pglite.serializers[types.TEXT]?.(long)).toBeInstanceOf(Uint8Array);
      expect(pglite.serializers[types.TEXT]?.("张三")).toBe("张三");
      expect(pglite.serializers[types.TEXT]?.(new Date("2026-12-07T00:00:00Z"))).toBe("2026-12-07T00:00:00.000Z");
      for (const text of [long, "张三𠀀"]) {
        const { rows } = await pglite.query<{ back: string; n: number }>("select $1::text as back, char_length($1::text) as n", [text]);
        expect(rows[0]?.back).toBe(text);
        expect(rows[0]?.n).toBe([...text].length);
      }
    } finally {
      await pglite.close();
    }
  });
});

describe.each(TEST_ENGINES)("a jsonb parameter given as JSON text on %s", (engine) => {
  let database: Database | undefined;
  afterAll(async () => {
    await database?.close();
  });

  it("is stored as the same jsonb the text form makes, and a malformed one is refused", async () => {
    database = await openScratchDatabase(engine);
    const { db } = database;
    const [row] = resultRows<{ sent: string; parsed: string }>(
      await db.execute(sql`select (${JSON_TEXT}::jsonb)::text as sent, ((${JSON_TEXT}::text)::jsonb)::text as parsed`),
    );
    expect(row?.sent).toBe(row?.parsed);
    expect(JSON.parse(row?.sent ?? "null")).toEqual(JSON.parse(JSON_TEXT));
    await expect(db.execute(sql`select ${'{"a": '}::jsonb`)).rejects.toThrow();
  });
});
