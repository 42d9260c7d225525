import { parseArgs } from "node:util";
import { describe, expect, it } from "vitest";
import { newToken } from "./sessions";

describe("session tokens", () => {
  it("are 32 random bytes in base64url that `xueji … --token T` can always take", () => {
    const tokens = Array.from({ length: 5_000 }, newToken);
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{42}$/);
      // What used to fail 1 time in 64 (a token starting with "-" is taken for an option): the CLI's parser reads it back.
      const { values } = parseArgs({ args: ["import", "--token", token], options: { token: { type: "string" } }, allowPositionals: true });
      expect(values.token).toBe(token);
    }
  });
});
