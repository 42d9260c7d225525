import { AppError } from "@xueji/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorld, PASSWORD, type World } from "../../../test/world";
import { TEST_ENGINES } from "../../db/test-database";
import { LIMITS } from "./limiter";
import { signIn } from "./sign-in";

describe.each(TEST_ENGINES)("signing in on %s", (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld(engine);
  }, 60_000);
  afterAll(() => w.database.close());

  const attempt = (username: string, password: string, address: string) =>
    signIn(w.db, { username, password, address, requestId: "test" }).then(
      () => "signed-in",
      (error: unknown) => (error instanceof AppError ? error.code : String(error)),
    );

  it("lets the user in from their usual address while someone hammers the name from elsewhere", async () => {
    expect(await attempt("secretary-a", PASSWORD, "10.0.0.5")).toBe("signed-in");
    const attacker: string[] = [];
    for (let i = 0; i < 30; i++) attacker.push(await attempt("secretary-a", `guess-${i}`, `203.0.113.${i % 10}`));
    expect(attacker.filter((a) => a === "auth.invalid-credentials").length).toBeLessThanOrEqual(LIMITS.user.attempts);
    expect(attacker.at(-1)).toBe("auth.rate-limited");
    // The usual place is not held by the attacker's failures…
    expect(await attempt("secretary-a", PASSWORD, "10.0.0.5")).toBe("signed-in");
    // …but a new place is, once the slower per-user limit is reached.
    expect(await attempt("secretary-a", PASSWORD, "198.51.100.7")).toBe("auth.rate-limited");
  });

  it("checks at most 5 of 200 concurrent wrong passwords for one user and address", async () => {
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => attempt("leader-a", `wrong-${i}`, "192.0.2.9")));
    expect(results.filter((r) => r === "auth.invalid-credentials")).toHaveLength(LIMITS.pair.attempts);
    expect(results.filter((r) => r === "auth.rate-limited")).toHaveLength(200 - LIMITS.pair.attempts);
  });

  it("does not lock a shared office address out by failures on unknown names", async () => {
    const office = "172.16.0.1";
    expect(await attempt("admin", PASSWORD, office)).toBe("signed-in");
    for (let i = 0; i < LIMITS.address.attempts; i++) expect(await attempt(`nobody-${i}`, "x", office)).toBe("auth.invalid-credentials");
    expect(await attempt("nobody-else", "x", office)).toBe("auth.rate-limited");
    // A known name never used from here gets the same answer as an unknown one…
    expect(await attempt("school-leader", "x", office)).toBe("auth.rate-limited");
    // …and the administrator, who works here, still gets in.
    expect(await attempt("admin", PASSWORD, office)).toBe("signed-in");
  });

  it("takes as long for an unknown name as for a known one", async () => {
    const time = async (username: string) => {
      const started = performance.now();
      await attempt(username, "wrong password", `198.18.0.${username.length}`);
      return performance.now() - started;
    };
    await time("warm-up");
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      known.push(await time("registrar-leader"));
      unknown.push(await time(`no-such-user-${i}`));
    }
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[1] as number;
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.6);
  });
});
