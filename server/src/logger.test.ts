import { describe, expect, it } from "vitest";
import { openDatabase } from "./db/client";
import { users } from "./db/schema";
import { createLogger } from "./logger";

describe("the log", () => {
  it("keeps ID numbers, passwords, tokens and cookies out, by field name and inside messages and stacks", () => {
    const lines: string[] = [];
    const log = createLogger({ write: (line: string) => lines.push(line) });
    log.info({ input: { password: "hunter2-secret", token: "tok-abc" }, headers: { cookie: "xueji_session=abc" } }, "signing in");
    log.error({ err: new Error("duplicate key (id_number)=(11010519491231002X) and 110105491231002") }, "unexpected error");
    log.warn("Authorization: Bearer s3cr3t-token; cookie xueji_session=zzz");
    const text = lines.join("");
    for (const secret of ["hunter2-secret", "tok-abc", "xueji_session=abc", "11010519491231002X", "110105491231002", "s3cr3t-token", "zzz"])
      expect(text).not.toContain(secret);
    expect(text).toContain("[身份证号]");
    expect(JSON.parse(lines[1] as string).err.stack).toMatch(/^Error: duplicate key/);
  });

  it("logs a failed query by its SQL, never by its values (a new user's password hash stays out)", async () => {
    const database = await openDatabase();
    const lines: string[] = [];
    const log = createLogger({ write: (line: string) => lines.push(line) });
    const secret = "scrypt$32768$8$1$c2FsdA==$aGFzaC12YWx1ZQ==";
    try {
      await database.db.insert(users).values({ username: "x", displayName: "x", role: "admin", passwordHash: secret, collegeId: 999_999 });
      expect.unreachable("the college does not exist");
    } catch (error) {
      log.error({ err: error }, "unexpected error");
    } finally {
      await database.close();
    }
    const text = lines.join("");
    expect(text).toContain("insert into");
    expect(text).not.toContain(secret);
    expect(text).not.toContain("aGFzaC12YWx1ZQ");
  });
});
